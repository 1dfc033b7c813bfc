/// An incremental decoder for `Transfer-Encoding: chunked` bodies (RFC 9112 §7.1).
///
/// Feed it whatever bytes have arrived; it consumes them all until the body ends, then reports
/// how many bytes of the last input belonged to the body so the rest can start the next
/// pipelined request. It keeps only the current size or trailer line besides the decoded body,
/// so the work is linear in the input however it is split.
struct ChunkedBodyDecoder {
    /// The outcome of one `feed` call.
    enum Progress: Equatable {
        /// All input was consumed; the body is not complete yet.
        case needMoreData
        /// The body (and its trailers) ended after `consumed` bytes of this input.
        case complete(consumed: Int)
        /// The encoding is invalid or the body is too large.
        case error(HTTPParseError)
    }

    private enum State {
        case sizeLine
        case data(remaining: Int)
        case dataCR
        case dataLF
        case trailerLine
        case done
    }

    /// Longest accepted chunk-size line including extensions; extensions are ignored anyway.
    static let maxSizeLineBytes = 4096

    let maxBodyBytes: Int
    let maxTrailerBytes: Int
    let maxTrailerCount: Int

    /// The decoded body so far.
    private(set) var body: [UInt8] = []
    private var state = State.sizeLine
    private var line: [UInt8] = []
    private var sawCR = false
    private var trailerBytes = 0
    private var trailerCount = 0

    init(maxBodyBytes: Int, maxTrailerBytes: Int, maxTrailerCount: Int) {
        self.maxBodyBytes = maxBodyBytes
        self.maxTrailerBytes = maxTrailerBytes
        self.maxTrailerCount = maxTrailerCount
    }

    /// Creates a decoder bounded by the server limits (trailers share the header limits).
    init(limits: HTTPLimits) {
        self.init(
            maxBodyBytes: limits.maxBodyBytes, maxTrailerBytes: limits.maxHeaderBytes,
            maxTrailerCount: limits.maxHeaderCount)
    }

    /// Consumes `input`; see `Progress`.
    mutating func feed(_ input: ArraySlice<UInt8>) -> Progress {
        var index = input.startIndex
        while index < input.endIndex {
            switch state {
            case .data(let remaining):
                let take = min(remaining, input.endIndex - index)
                body.append(contentsOf: input[index..<(index + take)])
                index += take
                state = remaining == take ? .dataCR : .data(remaining: remaining - take)
            case .dataCR, .dataLF:
                // RFC 9112 §7.1: `chunk = chunk-size [ chunk-ext ] CRLF chunk-data CRLF`.
                let expected = isDataCR ? ASCII.cr : ASCII.lf
                guard input[index] == expected else {
                    return .error(.badRequest("missing CRLF after chunk data"))
                }
                state = isDataCR ? .dataLF : .sizeLine
                index += 1
            case .sizeLine, .trailerLine:
                let byte = input[index]
                index += 1
                if sawCR {
                    guard byte == ASCII.lf else {
                        return .error(.badRequest("bare CR in chunked encoding (CRLF required)"))
                    }
                    sawCR = false
                    if let error = finishLine() { return .error(error) }
                    if case .done = state {
                        return .complete(consumed: index - input.startIndex)
                    }
                } else if byte == ASCII.cr {
                    sawCR = true
                } else if byte == ASCII.lf {
                    return .error(.badRequest("bare LF in chunked encoding (CRLF required)"))
                } else {
                    line.append(byte)
                    if let error = checkLineLength() { return .error(error) }
                }
            case .done:
                return .complete(consumed: index - input.startIndex)
            }
        }
        if case .done = state { return .complete(consumed: input.count) }
        return .needMoreData
    }

    private var isDataCR: Bool {
        if case .dataCR = state { return true }
        return false
    }

    private mutating func checkLineLength() -> HTTPParseError? {
        if case .sizeLine = state, line.count > ChunkedBodyDecoder.maxSizeLineBytes {
            return .badRequest("chunk size line too long")
        }
        if case .trailerLine = state, trailerBytes + line.count + 2 > maxTrailerBytes {
            return HTTPParseError(
                status: .requestHeaderFieldsTooLarge,
                reason: "trailer section exceeds \(maxTrailerBytes) bytes")
        }
        return nil
    }

    private mutating func finishLine() -> HTTPParseError? {
        defer { line.removeAll(keepingCapacity: true) }
        if case .sizeLine = state {
            return finishSizeLine()
        }
        // Trailer section (RFC 9112 §7.1.2): read within the header limits and discarded, since
        // nothing here needs trailer fields.
        if line.isEmpty {
            state = .done
            return nil
        }
        trailerBytes += line.count + 2
        trailerCount += 1
        if trailerCount > maxTrailerCount {
            return HTTPParseError(
                status: .requestHeaderFieldsTooLarge,
                reason: "more than \(maxTrailerCount) trailer fields")
        }
        guard let colon = line.firstIndex(of: ASCII.colon), colon > 0,
              ASCII.isToken(line[..<colon])
        else {
            return .badRequest("malformed trailer field")
        }
        return nil
    }

    /// RFC 9112 §7.1: `chunk-size = 1*HEXDIG`, then `*( BWS ";" BWS chunk-ext-name
    /// [ BWS "=" BWS chunk-ext-val ] )`. Extensions are tolerated and ignored.
    private mutating func finishSizeLine() -> HTTPParseError? {
        var size = 0
        var digits = 0
        var tooLarge = false
        var index = 0
        while index < line.count, let value = ASCII.hexValue(line[index]) {
            if !tooLarge {
                let (shifted, overflow) = size.multipliedReportingOverflow(by: 16)
                if overflow || shifted + value > maxBodyBytes {
                    tooLarge = true
                } else {
                    size = shifted + value
                }
            }
            digits += 1
            index += 1
        }
        guard digits > 0 else { return .badRequest("invalid chunk size") }
        if index < line.count {
            var extensionStart = index
            while extensionStart < line.count,
                  line[extensionStart] == ASCII.space || line[extensionStart] == ASCII.tab {
                extensionStart += 1
            }
            guard extensionStart < line.count, line[extensionStart] == ASCII.semicolon else {
                return .badRequest("invalid chunk size")
            }
            for byte in line[extensionStart...] where (byte < 0x20 && byte != ASCII.tab) || byte == 0x7F {
                return .badRequest("invalid character in chunk extension")
            }
        }
        // The running total is checked as soon as a chunk announces its size, before its data.
        if tooLarge || body.count + size > maxBodyBytes {
            return HTTPParseError(
                status: .contentTooLarge,
                reason: "chunked body exceeds the limit of \(maxBodyBytes) bytes")
        }
        state = size == 0 ? .trailerLine : .data(remaining: size)
        return nil
    }
}
