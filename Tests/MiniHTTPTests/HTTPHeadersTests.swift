import Testing
@testable import MiniHTTP

struct HTTPHeadersTests {
    @Test func caseInsensitiveOrderedAccess() {
        var headers: HTTPHeaders = ["Content-Type": "text/plain", "X-A": "1"]
        headers.add("x-a", "2")
        #expect(headers["content-type"] == "text/plain")
        #expect(headers["X-A"] == "1")
        #expect(headers.values(for: "X-a") == ["1", "2"])
        #expect(headers.count == 3)
        headers.set("X-A", "3")
        #expect(headers.values(for: "x-a") == ["3"])
        #expect(headers.map(\.name) == ["Content-Type", "X-A"])
        headers.remove("CONTENT-TYPE")
        #expect(!headers.contains("Content-Type"))
        #expect(headers.count == 1)
        let pairs = HTTPHeaders([("A", "1"), ("B", "2")])
        #expect(pairs.map(\.value) == ["1", "2"])
    }

    @Test func statusReasonPhrases() {
        #expect(HTTPStatus(code: 413).reasonPhrase == "Content Too Large")
        #expect(HTTPStatus(code: 599).reasonPhrase == "Unknown")
        #expect(HTTPStatus.requestHeaderFieldsTooLarge.code == 431)
        #expect(HTTPStatus.unprocessableContent.code == 422)
    }

    @Test func requestIDValidation() {
        #expect(RequestIDGenerator.isAcceptable("abc-DEF_1.2"))
        #expect(!RequestIDGenerator.isAcceptable(""))
        #expect(!RequestIDGenerator.isAcceptable(String(repeating: "a", count: 65)))
        #expect(!RequestIDGenerator.isAcceptable("has space"))
        let generator = RequestIDGenerator()
        let first = generator.requestID(incoming: nil)
        let second = generator.requestID(incoming: "bad id!")
        #expect(first != second)
        #expect(RequestIDGenerator.isAcceptable(first))
        #expect(generator.requestID(incoming: "keep-me") == "keep-me")
    }

    @Test func imfFixdate() {
        #expect(String(decoding: HTTPDateCache.format(784_111_777), as: UTF8.self) == "Sun, 06 Nov 1994 08:49:37 GMT")
    }

    @Test func serializerRejectsHeaderInjection() {
        let bad = HTTPResponse(status: .ok, headers: ["X-Evil": "a\r\nSet-Cookie: x"])
        let framing = HTTPResponseSerializer.framing(for: bad, isHead: false)
        #expect(throws: HTTPResponseSerializer.InvalidHeader.self) {
            try HTTPResponseSerializer.head(for: bad, framing: framing, date: [], connection: nil, requestID: "r")
        }
        let badName = HTTPResponse(status: .ok, headers: ["Bad Name": "x"])
        #expect(throws: HTTPResponseSerializer.InvalidHeader.self) {
            try HTTPResponseSerializer.head(for: badName, framing: framing, date: [], connection: nil, requestID: "r")
        }
    }

    @Test func problemBodyIsEscapedJSON() {
        let response = HTTPResponse.problem(.badRequest, detail: "quote \" and \\ and \n")
        #expect(String(decoding: response.body, as: UTF8.self)
            == #"{"type":"about:blank","title":"Bad Request","status":400,"detail":"quote \" and \\ and \n"}"#)
        #expect(response.headers["Content-Type"] == "application/problem+json")
    }
}
