/// A spec document as posted: its source text, its parsed tree, its canonical JSON and the
/// digest that identifies its content.
///
/// This is the unit of storage. Two posts whose content is equal (whatever their key order,
/// formatting or serialization) have the same canonical text and therefore the same digest.
public struct SpecDocument: Sendable, Hashable {
    public let name: String
    public let format: SourceFormat
    public let source: String
    public let root: SourceNode
    public let canonicalJSON: String
    public let digest: String

    /// Why a body could not be accepted as a spec document.
    public enum Failure: Error, Sendable, Hashable {
        /// The bytes are not a well-formed YAML/JSON document (HTTP 400).
        case malformed(DocumentError)
        /// The document is well-formed but its content is wrong (HTTP 422); every problem is listed.
        case invalid([FieldError])
    }

    /// Parses and checks the envelope: one mapping whose `name` is a DNS-1123 label.
    public static func parse(_ bytes: [UInt8], format: SourceFormat, parser: DocumentParser = DocumentParser())
        throws(Failure) -> SpecDocument
    {
        let root: SourceNode
        let source: String
        do {
            source = try DocumentParser.text(from: bytes)
            root = try parser.parseSingle(text: source, bytes: bytes, format: format)
        } catch {
            throw .malformed(error)
        }
        guard root.entries != nil else {
            throw .invalid([
                FieldError(path: "", message: "a spec must be a mapping, got a \(root.typeName)", location: root.location)
            ])
        }
        guard let nameNode = root["name"] else {
            throw .invalid([FieldError(path: "name", message: "required field is missing", location: root.location)])
        }
        guard let name = nameNode.string else {
            throw .invalid([
                FieldError(path: "name", message: "must be a string, got a \(nameNode.typeName)", location: nameNode.location)
            ])
        }
        if let problem = DNSName.labelProblem(name) {
            throw .invalid([FieldError(path: "name", message: problem, location: nameNode.location)])
        }
        let canonical = root.jsonValue.canonicalText
        return SpecDocument(
            name: name, format: format, source: source, root: root,
            canonicalJSON: canonical, digest: ContentDigest.sha256Hex(canonical)
        )
    }

    public init(
        name: String, format: SourceFormat, source: String, root: SourceNode, canonicalJSON: String, digest: String
    ) {
        self.name = name
        self.format = format
        self.source = source
        self.root = root
        self.canonicalJSON = canonicalJSON
        self.digest = digest
    }
}
