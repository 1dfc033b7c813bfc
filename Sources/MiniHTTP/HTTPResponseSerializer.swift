/// Turns a handler's response into the bytes of a response head.
enum HTTPResponseSerializer {
    /// A response head was refused because a header would corrupt the framing.
    struct InvalidHeader: Error {
        let reason: String
    }

    /// Names the server owns; a handler's values for them are replaced.
    private static let serverOwned = ["Content-Length", "Transfer-Encoding", "Connection", "Date", "X-Request-Id"]

    /// The framing decided for a response.
    struct Framing {
        /// The `Content-Length` value to send, or nil for 1xx and 204, which must not carry one.
        var contentLength: Int?
        /// Whether body bytes go on the wire (not for HEAD, 1xx, 204 or 304).
        var sendsBody: Bool
    }

    /// RFC 9110 §8.6 and §6.4.1: 1xx and 204 have no content and must not send Content-Length;
    /// 304 has no content and may only repeat a handler-supplied length; a HEAD response carries
    /// the length the GET body would have had (the handler's own value wins if its body is
    /// empty, so a HEAD handler can announce a length without building the body).
    static func framing(for response: HTTPResponse, isHead: Bool) -> Framing {
        let code = response.status.code
        let declared = response.headers["Content-Length"].flatMap(HTTPRequestHeadParser.parseContentLength)
        if code < 200 || code == 204 {
            return Framing(contentLength: nil, sendsBody: false)
        }
        if code == 304 {
            return Framing(contentLength: declared, sendsBody: false)
        }
        if isHead {
            let length = response.body.isEmpty ? (declared ?? 0) : response.body.count
            return Framing(contentLength: length, sendsBody: false)
        }
        return Framing(contentLength: response.body.count, sendsBody: true)
    }

    /// Builds the head, ending with the empty line.
    ///
    /// The server refuses to send a field name that is not a token or a value containing CR,
    /// LF or NUL (RFC 9110 §5.5: such characters are invalid and would let one field inject
    /// others, i.e. response splitting). That is a programmer error; the caller answers 500.
    static func head(
        for response: HTTPResponse,
        framing: Framing,
        date: [UInt8],
        connection: String?,
        requestID: String
    ) throws(InvalidHeader) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(256 + response.headers.count * 48)
        bytes.append(contentsOf: "HTTP/1.1 ".utf8)
        bytes.append(contentsOf: String(response.status.code).utf8)
        bytes.append(ASCII.space)
        for byte in response.status.reasonPhrase.utf8 {
            // reason-phrase = *( HTAB / SP / VCHAR / obs-text ) (RFC 9112 §4)
            guard byte >= 0x20 || byte == ASCII.tab, byte != 0x7F else {
                throw InvalidHeader(reason: "invalid character in reason phrase")
            }
            bytes.append(byte)
        }
        bytes.append(contentsOf: [ASCII.cr, ASCII.lf])
        for (name, value) in response.headers {
            if serverOwned.contains(where: { HTTPHeaders.namesEqual($0, name) }) { continue }
            guard ASCII.isToken(name.utf8) else {
                throw InvalidHeader(reason: "response header name '\(name)' is not a token")
            }
            for byte in value.utf8 where byte == ASCII.cr || byte == ASCII.lf || byte == 0 {
                throw InvalidHeader(reason: "response header '\(name)' contains CR, LF or NUL")
            }
            bytes.append(contentsOf: name.utf8)
            bytes.append(contentsOf: [ASCII.colon, ASCII.space])
            bytes.append(contentsOf: value.utf8)
            bytes.append(contentsOf: [ASCII.cr, ASCII.lf])
        }
        if let length = framing.contentLength {
            bytes.append(contentsOf: "Content-Length: ".utf8)
            bytes.append(contentsOf: String(length).utf8)
            bytes.append(contentsOf: [ASCII.cr, ASCII.lf])
        }
        bytes.append(contentsOf: "Date: ".utf8)
        bytes.append(contentsOf: date)
        bytes.append(contentsOf: [ASCII.cr, ASCII.lf])
        if let connection {
            bytes.append(contentsOf: "Connection: ".utf8)
            bytes.append(contentsOf: connection.utf8)
            bytes.append(contentsOf: [ASCII.cr, ASCII.lf])
        }
        bytes.append(contentsOf: "X-Request-Id: ".utf8)
        bytes.append(contentsOf: requestID.utf8)
        bytes.append(contentsOf: [ASCII.cr, ASCII.lf, ASCII.cr, ASCII.lf])
        return bytes
    }
}
