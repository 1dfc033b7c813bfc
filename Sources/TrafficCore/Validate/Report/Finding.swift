/// One problem (or remark) about one place in one object of a manifest bundle.
public struct Finding: Sendable, Hashable {
    /// The object a finding is about, as the document names it.
    public struct Resource: Sendable, Hashable {
        public var apiVersion: String?
        public var kind: String?
        public var namespace: String?
        public var name: String?
        /// 0-based position of the document in its source (a `List`'s items count as documents
        /// of their own, numbered after the list's position).
        public var documentIndex: Int

        public init(apiVersion: String?, kind: String?, namespace: String?, name: String?, documentIndex: Int) {
            self.apiVersion = apiVersion
            self.kind = kind
            self.namespace = namespace
            self.name = name
            self.documentIndex = documentIndex
        }

        /// `Kind/namespace/name` as far as known, for one-line output.
        public var label: String {
            [kind ?? "?", namespace, name].compactMap { $0 }.joined(separator: "/")
        }
    }

    public var code: String
    public var name: String
    public var severity: Severity
    /// The file (or `-` for stdin, or the spec name) the document came from.
    public var source: String
    public var resource: Resource?
    /// RFC 6901 pointer into the object (or into the spec, for spec findings); `""` is the whole object.
    public var path: String
    public var location: SourceLocation?
    public var message: String
    public var hint: String

    public init(
        _ diagnostic: Diagnostic, source: String, resource: Resource?, path: String, location: SourceLocation?,
        message: String, hint: String? = nil, severity: Severity? = nil
    ) {
        self.code = diagnostic.code
        self.name = diagnostic.name
        self.severity = severity ?? diagnostic.severity
        self.source = source
        self.resource = resource
        self.path = path
        self.location = location
        self.message = message
        self.hint = hint ?? diagnostic.hint
    }
}
