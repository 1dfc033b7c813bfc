import MiniHTTP
import TrafficCore

/// Works out how a request body is serialized from its `Content-Type`.
enum RequestBody {
    static let supportedMediaTypes = ["application/yaml", "application/json"]

    /// JSON for `application/json` and `+json` types; YAML for the YAML types. A missing type,
    /// or `application/x-www-form-urlencoded` (what `curl --data-binary` sends unless told
    /// otherwise), is sniffed: a body starting with `{` or `[` is JSON, anything else YAML.
    /// Any other type is refused with 415 rather than guessed.
    static func format(of request: HTTPRequest) throws(APIError) -> SourceFormat {
        guard let header = request.headers["Content-Type"], !header.trimmingSpaces.isEmpty else {
            return sniff(request.body)
        }
        guard let media = MediaType(parsing: header) else {
            throw .unsupportedMediaType(received: header, supported: supportedMediaTypes)
        }
        if let charset = media.parameters["charset"], !["utf-8", "utf8"].contains(charset.lowercased()) {
            throw .unsupportedMediaType(received: header, supported: supportedMediaTypes.map { $0 + "; charset=utf-8" })
        }
        switch (media.type, media.subtype) {
        case ("application", "json"): return .json
        case ("application", let subtype) where subtype.hasSuffix("+json"): return .json
        case ("application", "yaml"), ("application", "x-yaml"), ("text", "yaml"), ("text", "x-yaml"): return .yaml
        case ("application", "x-www-form-urlencoded"): return sniff(request.body)
        default: throw .unsupportedMediaType(received: header, supported: supportedMediaTypes)
        }
    }

    /// The body's format, for an endpoint that needs a body: blank is `emptyBody`.
    static func formatOfRequiredBody(_ request: HTTPRequest) throws(APIError) -> SourceFormat {
        let format = try format(of: request)
        guard !request.body.allSatisfy(isWhitespace) else { throw .emptyBody }
        return format
    }

    /// The body as one document tree (for small JSON/YAML requests that are not specs).
    static func tree(of request: HTTPRequest) throws(APIError) -> SourceNode {
        let format = try formatOfRequiredBody(request)
        do {
            return try DocumentParser().parseSingle(request.body, format: format)
        } catch {
            throw .malformedBody(error)
        }
    }

    /// The body as a spec document, with every failure mapped to an API error.
    static func specDocument(of request: HTTPRequest) throws(APIError) -> SpecDocument {
        let format = try formatOfRequiredBody(request)
        do {
            return try SpecDocument.parse(request.body, format: format)
        } catch {
            switch error {
            case .malformed(let documentError): throw .malformedBody(documentError)
            case .invalid(let errors): throw .invalidContent(errors)
            }
        }
    }

    /// The body as a spec document that also decodes as a valid traffic spec: the check every
    /// spec write passes before anything is stored. Every error is reported at once.
    static func validatedSpec(of request: HTTPRequest) throws(APIError) -> (SpecDocument, TrafficSpec) {
        let document = try specDocument(of: request)
        return (document, try SpecDecoding.spec(from: document.root))
    }

    private static func sniff(_ body: [UInt8]) -> SourceFormat {
        let first = body.first { !isWhitespace($0) }
        return first == UInt8(ascii: "{") || first == UInt8(ascii: "[") ? .json : .yaml
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
