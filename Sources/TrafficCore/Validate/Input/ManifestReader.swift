/// Reads a manifest source — a multi-document YAML stream, a JSON object, or a JSON or YAML
/// `List` — into objects, turning every problem with the input into a finding instead of an
/// error, so one bad document never hides the others.
///
/// YAML streams are split at `---` lines the way kubectl splits them, and each document is
/// parsed on its own: a syntax error, duplicate key or alias bomb costs only that document.
/// Scalars are typed as YAML 1.1, as Kubernetes reads them (`yes` is a boolean).
public struct ManifestReader: Sendable {
    public var limits: DocumentParser.Limits

    public init(limits: DocumentParser.Limits = DocumentParser.Limits()) {
        self.limits = limits
    }

    public struct Result: Sendable {
        public var objects: [ManifestObject] = []
        /// Traffic specs found among the documents (`version: trafficspec/…`, no `apiVersion`).
        public var specs: [ManifestObject] = []
        public var findings: [Finding] = []
        /// Documents read, including those that were not objects.
        public var documentCount = 0
    }

    public func read(_ bytes: [UInt8], source: String) -> Result {
        var result = Result()
        let text: String
        do {
            text = try DocumentParser.text(from: bytes)
        } catch {
            result.findings.append(Finding(
                .invalidEncoding, source: source, resource: nil, path: "", location: nil, message: error.message))
            return result
        }
        let parser = DocumentParser(schema: .yaml11, limits: limits)
        let firstCharacter = text.unicodeScalars.first { !$0.properties.isWhitespace }
        if firstCharacter == "{" || firstCharacter == "[" {
            readDocument(text[...], lineOffset: 0, format: .json, parser: parser, source: source, into: &result)
        } else if let nodes = try? parser.parseAll(text: text[...], bytes: [], format: .yaml),
            !nodes.contains(where: TrafficSpecDecoder.isTrafficSpec)
        {
            // The common case, a well-formed stream, in one pass: parsing document by document
            // costs a parser per document, nearly doubling the time. Specs need their own
            // reading (YAML 1.2 scalars), and a broken stream needs isolation: both take the
            // document-by-document path below.
            for node in nodes where !node.isNull {
                let index = result.documentCount
                result.documentCount += 1
                readObject(node, documentIndex: index, pathPrefix: [], lineOffset: 0, source: source, into: &result)
            }
        } else {
            for chunk in Self.documents(of: text) {
                readDocument(chunk.text, lineOffset: chunk.lineOffset, format: .yaml, parser: parser, source: source, into: &result)
            }
        }
        return result
    }

    /// The documents of a YAML stream: split at lines that start with `---` followed by
    /// nothing but blanks or a comment (kubectl's rule). Lines that hold only `...` end a document.
    static func documents(of text: String) -> [(text: Substring, lineOffset: Int)] {
        var chunks: [(text: Substring, lineOffset: Int)] = []
        var start = text.startIndex
        var startLine = 0
        var line = 0
        var lineStart = text.startIndex
        func isSeparator(_ line: Substring) -> Bool {
            for marker in ["---", "..."] where line.hasPrefix(marker) {
                let rest = line.dropFirst(3).drop { $0 == " " || $0 == "\t" || $0 == "\r" }
                if rest.isEmpty || rest.hasPrefix("#") { return true }
            }
            return false
        }
        while lineStart < text.endIndex {
            let lineEnd = text[lineStart...].firstIndex(of: "\n") ?? text.endIndex
            let next = lineEnd < text.endIndex ? text.index(after: lineEnd) : text.endIndex
            if isSeparator(text[lineStart..<lineEnd]) {
                chunks.append((text[start..<lineStart], startLine))
                start = next
                startLine = line + 1
            }
            line += 1
            lineStart = next
        }
        chunks.append((text[start..<text.endIndex], startLine))
        return chunks
    }

    private func readDocument(_ text: Substring, lineOffset: Int, format: SourceFormat, parser: DocumentParser,
                              source: String, into result: inout Result) {
        let nodes: [SourceNode]
        do {
            nodes = try parser.parseAll(text: text, bytes: format == .json ? Array(text.utf8) : [], format: format)
        } catch {
            let diagnostic: Diagnostic
            switch error.reason {
            case .duplicateKey: diagnostic = .duplicateKey
            case .tooDeep, .tooManyNodes: diagnostic = .documentTooLarge
            case .invalidUTF8: diagnostic = .invalidEncoding
            default: diagnostic = .syntaxError
            }
            let location = error.location.map { SourceLocation(line: $0.line + lineOffset, column: $0.column) }
            result.findings.append(Finding(
                diagnostic, source: source, resource: Finding.Resource(
                    apiVersion: nil, kind: nil, namespace: nil, name: nil, documentIndex: result.documentCount),
                path: "", location: location, message: error.message))
            result.documentCount += 1
            return
        }
        for node in nodes where !node.isNull {
            let index = result.documentCount
            result.documentCount += 1
            if TrafficSpecDecoder.isTrafficSpec(node) {
                // Specs are read with the YAML 1.2 core schema, as the spec API reads them.
                let specNode = nodes.count == 1
                    ? (try? DocumentParser(schema: .core, limits: limits).parseSingle(
                        text: String(text), bytes: format == .json ? Array(text.utf8) : [], format: format)) ?? node
                    : node
                result.specs.append(ManifestObject(
                    source: source, documentIndex: index, node: specNode, apiVersion: specNode["version"]?.string ?? "",
                    kind: "TrafficSpec", pathPrefix: [], lineOffset: lineOffset))
                continue
            }
            readObject(node, documentIndex: index, pathPrefix: [], lineOffset: lineOffset, source: source, into: &result)
        }
    }

    private func readObject(_ node: SourceNode, documentIndex: Int, pathPrefix: [PathToken], lineOffset: Int,
                            source: String, into result: inout Result) {
        func problem(_ diagnostic: Diagnostic, _ message: String, at path: [PathToken] = []) {
            let location = (node[path: path] ?? node).location.map { SourceLocation(line: $0.line + lineOffset, column: $0.column) }
            result.findings.append(Finding(
                diagnostic, source: source,
                resource: Finding.Resource(
                    apiVersion: node["apiVersion"]?.string, kind: node["kind"]?.string,
                    namespace: node["metadata"]?["namespace"]?.string, name: node["metadata"]?["name"]?.string,
                    documentIndex: documentIndex),
                path: PathToken.pointer(pathPrefix + path), location: location, message: message))
        }
        guard node.entries != nil else {
            return problem(.notAnObject, "the document is a \(node.typeName), not a Kubernetes object (a mapping)")
        }
        guard let apiVersion = node["apiVersion"]?.string, !apiVersion.isEmpty else {
            let message = node["apiVersion"] == nil ? "apiVersion is missing" : "apiVersion must be a non-empty string"
            return problem(.missingAPIVersion, message, at: node["apiVersion"] == nil ? [] : ["apiVersion"])
        }
        guard let kind = node["kind"]?.string, !kind.isEmpty else {
            let message = node["kind"] == nil ? "kind is missing" : "kind must be a non-empty string"
            return problem(.missingKind, message, at: node["kind"] == nil ? [] : ["kind"])
        }
        // kubectl expands `List` (and every `…List` kind of the core group) into its items.
        if kind == "List" || (kind.hasSuffix("List") && !apiVersion.contains("/")), let items = node["items"]?.items {
            for (index, item) in items.enumerated() {
                readObject(item, documentIndex: documentIndex, pathPrefix: pathPrefix + ["items", .index(index)],
                           lineOffset: lineOffset, source: source, into: &result)
            }
            return
        }
        result.objects.append(ManifestObject(
            source: source, documentIndex: documentIndex, node: node, apiVersion: apiVersion, kind: kind,
            pathPrefix: pathPrefix, lineOffset: lineOffset))
    }
}
