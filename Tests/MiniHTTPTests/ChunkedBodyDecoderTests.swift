import TestSupport
import Testing
@testable import MiniHTTP

struct ChunkedBodyDecoderTests {
    static func decode(_ raw: String, maxBodyBytes: Int = 1024) -> (ChunkedBodyDecoder.Progress, [UInt8]) {
        var decoder = ChunkedBodyDecoder(maxBodyBytes: maxBodyBytes, maxTrailerBytes: 256, maxTrailerCount: 4)
        let progress = decoder.feed(Array(raw.utf8)[...])
        return (progress, decoder.body)
    }

    @Test func decodesChunksWithExtensionsAndTrailers() {
        let raw = "5;name=value\r\nhello\r\n6 ; ext\r\n world\r\nA\r\n0123456789\r\n0\r\nX-Trailer: t\r\nY: 2\r\n\r\nNEXT"
        let (progress, body) = Self.decode(raw)
        #expect(progress == .complete(consumed: raw.utf8.count - 4))
        #expect(String(decoding: body, as: UTF8.self) == "hello world0123456789")
    }

    @Test func emptyBody() {
        let (progress, body) = Self.decode("0\r\n\r\n")
        #expect(progress == .complete(consumed: 5))
        #expect(body.isEmpty)
    }

    @Test func leadingZerosAndUppercaseHex() {
        let (progress, body) = Self.decode("000B\r\nhello world\r\n0\r\n\r\n")
        #expect(progress == .complete(consumed: 24))
        #expect(body.count == 11)
    }

    struct RejectCase: Sendable, CustomTestStringConvertible {
        var name: String
        var raw: String
        var status: Int
        var reason: String
        var testDescription: String { name }
    }

    @Test(arguments: [
        RejectCase(name: "non-hex size", raw: "zz\r\nhello\r\n0\r\n\r\n", status: 400, reason: "invalid chunk size"),
        RejectCase(name: "empty size", raw: "\r\nhello\r\n0\r\n\r\n", status: 400, reason: "invalid chunk size"),
        RejectCase(name: "signed size", raw: "+5\r\nhello\r\n0\r\n\r\n", status: 400, reason: "invalid chunk size"),
        RejectCase(name: "0x prefix", raw: "0x5\r\nhello\r\n0\r\n\r\n", status: 400, reason: "invalid chunk size"),
        RejectCase(name: "junk after size", raw: "5 x\r\nhello\r\n0\r\n\r\n", status: 400, reason: "invalid chunk size"),
        RejectCase(name: "leading space", raw: " 5\r\nhello\r\n0\r\n\r\n", status: 400, reason: "invalid chunk size"),
        RejectCase(name: "missing CRLF after data", raw: "5\r\nhelloXX0\r\n\r\n", status: 400, reason: "missing CRLF after chunk data"),
        RejectCase(name: "LF only after data", raw: "5\r\nhello\n0\r\n\r\n", status: 400, reason: "missing CRLF after chunk data"),
        RejectCase(name: "data longer than size", raw: "3\r\nhello\r\n0\r\n\r\n", status: 400, reason: "missing CRLF after chunk data"),
        RejectCase(name: "bare LF after size", raw: "5\nhello\r\n0\r\n\r\n", status: 400, reason: "bare LF"),
        RejectCase(name: "bare CR after size", raw: "5\rhello\r\n0\r\n\r\n", status: 400, reason: "bare CR"),
        RejectCase(name: "malformed trailer", raw: "0\r\nno colon\r\n\r\n", status: 400, reason: "malformed trailer"),
        RejectCase(name: "too many trailers", raw: "0\r\nA: 1\r\nB: 1\r\nC: 1\r\nD: 1\r\nE: 1\r\n\r\n", status: 431, reason: "trailer fields"),
        RejectCase(name: "oversize trailers", raw: "0\r\nA: " + String(repeating: "x", count: 300) + "\r\n\r\n", status: 431, reason: "trailer section"),
        RejectCase(name: "one chunk over limit", raw: "401\r\n", status: 413, reason: "exceeds the limit"),
        RejectCase(name: "running total over limit", raw: "200\r\n" + String(repeating: "a", count: 512) + "\r\n201\r\n", status: 413, reason: "exceeds the limit"),
        RejectCase(name: "overflowing size", raw: "FFFFFFFFFFFFFFFFFFFFFFFF\r\n", status: 413, reason: "exceeds the limit"),
    ])
    func rejects(_ testCase: RejectCase) {
        let (progress, _) = Self.decode(testCase.raw)
        guard case .error(let error) = progress else {
            Issue.record("expected an error, got \(progress)")
            return
        }
        #expect(error.status.code == testCase.status)
        #expect(error.reason.contains(testCase.reason), "reason was: \(error.reason)")
    }

    @Test func exactlyAtTheLimitIsAccepted() {
        let raw = "400\r\n" + String(repeating: "a", count: 1024) + "\r\n0\r\n\r\n"
        let (progress, body) = Self.decode(raw)
        #expect(progress == .complete(consumed: raw.utf8.count))
        #expect(body.count == 1024)
    }

    /// Any split of the encoded stream into pieces decodes to the same body (seeded property).
    @Test func arbitrarySplitsDecodeIdentically() {
        var generator = SplitMix64(seed: 42)
        for _ in 0..<300 {
            var payload: [UInt8] = []
            var encoded: [UInt8] = []
            for _ in 0..<Int(generator.next() % 6) {
                let size = Int(generator.next() % 40) + 1
                let chunk = (0..<size).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
                payload += chunk
                encoded += Array(String(size, radix: 16, uppercase: generator.next() % 2 == 0).utf8)
                if generator.next() % 3 == 0 { encoded += Array(";ext=1".utf8) }
                encoded += [13, 10] + chunk + [13, 10]
            }
            encoded += Array("0\r\nT: v\r\n\r\n".utf8)
            let trailing = Array("GET".utf8)
            let stream = encoded + trailing

            var decoder = ChunkedBodyDecoder(maxBodyBytes: 1 << 20, maxTrailerBytes: 1024, maxTrailerCount: 10)
            var offset = 0
            var finished = false
            while offset < stream.count && !finished {
                let length = min(Int(generator.next() % 17) + 1, stream.count - offset)
                switch decoder.feed(stream[offset..<(offset + length)]) {
                case .needMoreData:
                    offset += length
                case .complete(let consumed):
                    offset += consumed
                    finished = true
                case .error(let error):
                    Issue.record("unexpected \(error)")
                    return
                }
            }
            #expect(finished)
            #expect(offset == encoded.count)
            #expect(decoder.body == payload)
        }
    }
}
