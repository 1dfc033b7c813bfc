import Foundation

/// Reads YAML or JSON bytes into `SourceNode` trees, strictly and within limits.
///
/// Scalars are typed by the YAML 1.2 core schema (`true`/`false`, `null`, decimal, octal `0o`
/// and hex `0x` integers, floats), so `no` and `on` stay strings — the "Norway problem" cannot
/// flip a field. Kubernetes manifests, which go-yaml reads with YAML 1.1 booleans, use
/// `ScalarSchema.yaml11`.
public struct DocumentParser: Sendable {
    /// How plain (unquoted) scalars are typed.
    public enum ScalarSchema: Sendable, Hashable {
        /// YAML 1.2 core schema.
        case core
        /// YAML 1.1 as Kubernetes reads it: additionally `yes`/`no`/`on`/`off`/`y`/`n` booleans.
        case yaml11
    }

    /// Bounds that keep hostile input from exhausting memory.
    public struct Limits: Sendable, Hashable {
        /// Nodes after alias expansion; a "billion laughs" document stops here.
        public var maxNodes: Int
        /// Nesting depth of collections.
        public var maxDepth: Int

        public init(maxNodes: Int = 200_000, maxDepth: Int = 128) {
            self.maxNodes = maxNodes
            self.maxDepth = maxDepth
        }
    }

    public var schema: ScalarSchema
    public var limits: Limits

    public init(schema: ScalarSchema = .core, limits: Limits = Limits()) {
        self.schema = schema
        self.limits = limits
    }

    /// Decodes `bytes` as UTF-8 text (a leading byte-order mark is dropped).
    public static func text(from bytes: [UInt8]) throws(DocumentError) -> String {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let text = String(validating: body, as: UTF8.self) { return text }
        let offset = firstInvalidUTF8Offset(body) + (bytes.count - body.count)
        throw DocumentError(
            .invalidUTF8(offset: offset),
            message: "invalid UTF-8 at byte offset \(offset) (0x\(String(bytes[offset], radix: 16, uppercase: true)))"
        )
    }

    /// Every document of a YAML stream (`---` separated), or the single value of a JSON text.
    public func parseAll(_ bytes: [UInt8], format: SourceFormat) throws(DocumentError) -> [SourceNode] {
        try parseAll(text: try Self.text(from: bytes), bytes: bytes, format: format)
    }

    /// `parseAll` for a caller that already decoded `bytes` into `text` (and keeps it).
    func parseAll(text: String, bytes: [UInt8], format: SourceFormat) throws(DocumentError) -> [SourceNode] {
        try parseAll(text: text[...], bytes: bytes, format: format)
    }

    /// `parseAll` over part of a larger text (one document of a stream), without copying it.
    func parseAll(text: Substring, bytes: [UInt8], format: SourceFormat) throws(DocumentError) -> [SourceNode] {
        if format == .json { try Self.checkJSONSyntax(bytes) }
        let reader = YAMLEventReader(limits: limits) { (scalar) throws(DocumentError) -> SourceNode.Value in
            try resolve(scalar, format: format)
        }
        return try reader.documents(format == .json ? JSONForYAMLReader.rewrite(text) : text)
    }

    /// Exactly one document: an empty stream or a second document is an error.
    public func parseSingle(_ bytes: [UInt8], format: SourceFormat) throws(DocumentError) -> SourceNode {
        try parseSingle(text: try Self.text(from: bytes), bytes: bytes, format: format)
    }

    /// `parseSingle` for a caller that already decoded `bytes` into `text` (and keeps it).
    func parseSingle(text: String, bytes: [UInt8], format: SourceFormat) throws(DocumentError) -> SourceNode {
        let documents = try parseAll(text: text, bytes: bytes, format: format)
        guard let first = documents.first else {
            throw DocumentError(.empty, message: "the body holds no document")
        }
        guard documents.count == 1 else {
            throw DocumentError(
                .multipleDocuments(count: documents.count),
                message: "expected one document, found \(documents.count)"
            )
        }
        return first
    }

    // MARK: - Scalars

    private func resolve(_ scalar: YAMLEventReader.Scalar, format: SourceFormat) throws(DocumentError) -> SourceNode.Value {
        let text = scalar.text
        let tag = scalar.tag
        let location: SourceLocation? = scalar.location
        let isPlain = scalar.style == .plain
        if format == .json, scalar.style == .singleQuoted || scalar.style == .literal || scalar.style == .folded {
            throw DocumentError(.syntax, message: "not JSON: strings must use double quotes", location: location)
        }
        switch tag {
        case "", "?", "!":
            guard isPlain else { return .string(text) }
            let value = try resolvePlain(text, location: location)
            if format == .json, case .string = value {
                throw DocumentError(.syntax, message: "not JSON: unquoted string '\(Self.clip(text))'", location: location)
            }
            return value
        case "tag:yaml.org,2002:str":
            return .string(text)
        case "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null":
            let value = try resolvePlain(text, location: location)
            if case .string = value {
                throw DocumentError(
                    .syntax, message: "value '\(Self.clip(text))' does not match its tag \(tag)", location: location)
            }
            return value
        default:
            throw DocumentError(.unsupportedTag(tag), message: "unsupported YAML tag \(tag)", location: location)
        }
    }

    private func resolvePlain(_ text: String, location: SourceLocation?) throws(DocumentError) -> SourceNode.Value {
        // Most scalars are names and numbers: rule out the keywords by length and first byte
        // before comparing strings.
        if let first = text.utf8.first, text.utf8.count <= 5, Self.keywordInitials.contains(first) || first == UInt8(ascii: "~") {
            if let keyword = resolveKeyword(text) { return keyword }
        } else if text.isEmpty {
            return .null
        }
        guard let first = text.utf8.first,
            first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: ".")
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first)
        else { return .string(text) }
        if let integer = try Self.integer(text, location: location) { return .integer(integer) }
        if let number = try Self.float(text, location: location) { return .double(number) }
        return .string(text)
    }

    private static let keywordInitials = Set("nNtTfFyYoO".utf8)

    private func resolveKeyword(_ text: String) -> SourceNode.Value? {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default: break
        }
        if schema == .yaml11 {
            switch text {
            case "yes", "Yes", "YES", "on", "On", "ON", "y", "Y": return .bool(true)
            case "no", "No", "NO", "off", "Off", "OFF", "n", "N": return .bool(false)
            default: break
            }
        }
        return nil
    }

    /// YAML 1.2 core `int`: `[-+]?[0-9]+`, `0o[0-7]+`, `0x[0-9a-fA-F]+`.
    private static func integer(_ text: String, location: SourceLocation?) throws(DocumentError) -> Int64? {
        var digits = Substring(text)
        var radix = 10
        var negative = false
        if digits.hasPrefix("0x") {
            radix = 16
            digits = digits.dropFirst(2)
        } else if digits.hasPrefix("0o") {
            radix = 8
            digits = digits.dropFirst(2)
        } else if let sign = digits.first, sign == "-" || sign == "+" {
            negative = sign == "-"
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isHexDigit && Int(String($0), radix: radix) != nil }) else {
            return nil
        }
        guard let magnitude = Int64(digits, radix: radix) else {
            if negative, radix == 10, digits == "9223372036854775808" { return Int64.min }
            throw DocumentError(
                .numberOutOfRange(clip(text)),
                message: "integer \(clip(text)) does not fit in 64 bits",
                location: location
            )
        }
        return negative ? -magnitude : magnitude
    }

    /// YAML 1.2 core `float`; infinities and NaN have no JSON form and are refused.
    private static func float(_ text: String, location: SourceLocation?) throws(DocumentError) -> Double? {
        let lowered = text.lowercased()
        if [".inf", "+.inf", "-.inf", ".nan"].contains(lowered) {
            throw DocumentError(
                .numberOutOfRange(text), message: "\(text) has no JSON representation", location: location)
        }
        let bytes = Array(text.utf8)
        var index = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
        var mantissaDigits = 0
        while index < bytes.count, isDigit(bytes[index]) { index += 1; mantissaDigits += 1 }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < bytes.count, isDigit(bytes[index]) { index += 1; mantissaDigits += 1 }
        }
        guard mantissaDigits > 0 else { return nil }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                index += 1
            }
            var exponentDigits = 0
            while index < bytes.count, isDigit(bytes[index]) { index += 1; exponentDigits += 1 }
            guard exponentDigits > 0 else { return nil }
        }
        guard index == bytes.count, let value = Double(text) else { return nil }
        guard value.isFinite else {
            throw DocumentError(
                .numberOutOfRange(clip(text)), message: "number \(clip(text)) is out of range", location: location)
        }
        return value
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    // MARK: - Errors

    /// JSON is checked with Foundation's strict parser first, so that YAML-only syntax
    /// (comments, unquoted keys, flow without quotes) is refused with a JSON message.
    private static func checkJSONSyntax(_ bytes: [UInt8]) throws(DocumentError) {
        do {
            _ = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "malformed JSON"
            throw DocumentError(.syntax, message: "malformed JSON: \(detail)")
        }
    }

    static func clip(_ text: String, limit: Int = 64) -> String {
        text.count <= limit ? text : String(text.prefix(limit)) + "…"
    }

    private static func firstInvalidUTF8Offset(_ bytes: ArraySlice<UInt8>) -> Int {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var consumed = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                consumed += UTF8.width(scalar)
            case .emptyInput:
                return consumed
            case .error:
                return consumed
            }
        }
    }
}
