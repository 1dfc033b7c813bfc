import CYaml

/// Builds `SourceNode` trees straight from libyaml's event stream.
///
/// Yams composes its own `Node` tree first, and converting that tree cost four times as much
/// as libyaml's parsing itself; reading events directly gives the same result (positions,
/// styles, tags, anchors) at a fraction of the cost. libyaml is the C library Yams wraps
/// (its `CYaml` module), so this is the same parser, used one level lower.
struct YAMLEventReader {
    /// A scalar as libyaml reports it, before it is typed.
    struct Scalar {
        enum Style { case plain, singleQuoted, doubleQuoted, literal, folded }
        var text: String
        /// The resolved tag (`tag:yaml.org,2002:str` for `!!str`), `!` for a non-plain scalar
        /// without a tag, `""` for a plain one without a tag.
        var tag: String
        var style: Style
        var location: SourceLocation
    }

    typealias ResolveScalar = (Scalar) throws(DocumentError) -> SourceNode.Value

    let limits: DocumentParser.Limits
    let resolve: ResolveScalar

    /// Every document of `text`.
    func documents(_ text: Substring) throws(DocumentError) -> [SourceNode] {
        // `withContiguousStorageIfAvailable` rethrows untyped errors, so carry them in a Result.
        if let parsed = text.utf8.withContiguousStorageIfAvailable({ buffer in
            Result { () throws(DocumentError) -> [SourceNode] in try documents(in: buffer) }
        }) {
            return try parsed.get()
        }
        return try Array(text.utf8).withUnsafeBufferPointer { (buffer) throws(DocumentError) -> [SourceNode] in
            try documents(in: buffer)
        }
    }

    private func documents(in input: UnsafeBufferPointer<UInt8>) throws(DocumentError) -> [SourceNode] {
        let newline: [UInt8] = [0x0A]
        if input.isEmpty {
            return try newline.withUnsafeBufferPointer { (buffer) throws(DocumentError) -> [SourceNode] in try documents(in: buffer) }
        }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            throw DocumentError(.syntax, message: "document too large for the YAML parser")
        }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_input_string(&parser, input.baseAddress, input.count)
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        var state = State(parser: parser, limits: limits, resolve: resolve)
        defer { parser = state.parser }
        return try state.readStream()
    }

    private struct State {
        var parser: yaml_parser_t
        let limits: DocumentParser.Limits
        let resolve: ResolveScalar
        var budget: Int
        /// Anchored nodes of the current document, with their sizes for the expansion budget.
        var anchors: [String: (node: SourceNode, size: Int)] = [:]

        init(parser: yaml_parser_t, limits: DocumentParser.Limits, resolve: @escaping ResolveScalar) {
            self.parser = parser
            self.limits = limits
            self.resolve = resolve
            self.budget = limits.maxNodes
        }

        /// One event; the caller must `yaml_event_delete` it.
        mutating func next() throws(DocumentError) -> yaml_event_t {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else { throw error() }
            return event
        }

        mutating func readStream() throws(DocumentError) -> [SourceNode] {
            var documents: [SourceNode] = []
            while true {
                var event = try next()
                let type = event.type
                yaml_event_delete(&event)
                switch type {
                case YAML_STREAM_END_EVENT:
                    return documents
                case YAML_DOCUMENT_START_EVENT:
                    anchors.removeAll(keepingCapacity: true)
                    var first = try next()
                    let (root, _) = try readNode(&first, depth: 0)
                    yaml_event_delete(&first)
                    var end = try next()
                    yaml_event_delete(&end)
                    documents.append(root)
                default:
                    continue
                }
            }
        }

        static func location(_ mark: yaml_mark_t) -> SourceLocation {
            SourceLocation(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
        }

        static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            guard let pointer else { return nil }
            return String(cString: pointer)
        }

        /// The node that starts with `event`, and how many nodes it expands to.
        mutating func readNode(_ event: inout yaml_event_t, depth: Int) throws(DocumentError) -> (SourceNode, Int) {
            let location = Self.location(event.start_mark)
            guard depth <= limits.maxDepth else {
                throw DocumentError(
                    .tooDeep(limit: limits.maxDepth), message: "document is nested deeper than \(limits.maxDepth) levels",
                    location: location)
            }
            switch event.type {
            case YAML_ALIAS_EVENT:
                let name = Self.string(event.data.alias.anchor) ?? ""
                guard let anchored = anchors[name] else {
                    throw DocumentError(.syntax, message: "unknown alias *\(DocumentParser.clip(name))", location: location)
                }
                try spend(anchored.size, at: location)
                return anchored
            case YAML_SCALAR_EVENT:
                try spend(1, at: location)
                let scalar = event.data.scalar
                let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                let style: Scalar.Style
                switch scalar.style {
                case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
                case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
                case YAML_LITERAL_SCALAR_STYLE: style = .literal
                case YAML_FOLDED_SCALAR_STYLE: style = .folded
                default: style = .plain
                }
                let tag = Self.string(scalar.tag) ?? (style == .plain ? "" : "!")
                let node = SourceNode(try resolve(Scalar(text: text, tag: tag, style: style, location: location)), location: location)
                remember(Self.string(scalar.anchor), node, size: 1)
                return (node, 1)
            case YAML_SEQUENCE_START_EVENT:
                try spend(1, at: location)
                let anchor = Self.string(event.data.sequence_start.anchor)
                var items: [SourceNode] = []
                var size = 1
                while true {
                    var child = try next()
                    defer { yaml_event_delete(&child) }
                    if child.type == YAML_SEQUENCE_END_EVENT { break }
                    let (item, itemSize) = try readNode(&child, depth: depth + 1)
                    items.append(item)
                    size += itemSize
                }
                let node = SourceNode(.sequence(items), location: location)
                remember(anchor, node, size: size)
                return (node, size)
            case YAML_MAPPING_START_EVENT:
                try spend(1, at: location)
                let anchor = Self.string(event.data.mapping_start.anchor)
                var entries: [SourceNode.Entry] = []
                var size = 1
                // Small mappings (nearly all of them) are checked for duplicates by a scan; a set
                // takes over past 16 keys so a hostile mapping cannot make this quadratic.
                var seenKeys = Set<String>()
                while true {
                    var keyEvent = try next()
                    defer { yaml_event_delete(&keyEvent) }
                    if keyEvent.type == YAML_MAPPING_END_EVENT { break }
                    let keyLocation = Self.location(keyEvent.start_mark)
                    let key: String
                    switch keyEvent.type {
                    case YAML_SCALAR_EVENT:
                        let scalar = keyEvent.data.scalar
                        key = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                        try spend(1, at: keyLocation)
                    case YAML_ALIAS_EVENT:
                        let (aliased, _) = try readNode(&keyEvent, depth: depth + 1)
                        guard let text = Self.scalarText(aliased) else {
                            throw DocumentError(.nonScalarKey, message: "mapping keys must be plain strings, not collections", location: keyLocation)
                        }
                        key = text
                    default:
                        throw DocumentError(.nonScalarKey, message: "mapping keys must be plain strings, not collections", location: keyLocation)
                    }
                    let isDuplicate: Bool
                    if entries.count < 16 {
                        isDuplicate = entries.contains { $0.key == key }
                    } else {
                        if seenKeys.isEmpty { seenKeys = Set(entries.map(\.key)) }
                        isDuplicate = !seenKeys.insert(key).inserted
                    }
                    guard !isDuplicate else {
                        throw DocumentError(
                            .duplicateKey(key), message: "duplicate key '\(DocumentParser.clip(key))' in a mapping", location: keyLocation)
                    }
                    var valueEvent = try next()
                    defer { yaml_event_delete(&valueEvent) }
                    let (value, valueSize) = try readNode(&valueEvent, depth: depth + 1)
                    entries.append(SourceNode.Entry(key: key, keyLocation: keyLocation, value: value))
                    size += valueSize
                }
                let node = SourceNode(.mapping(entries), location: location)
                remember(anchor, node, size: size)
                return (node, size)
            default:
                throw DocumentError(.syntax, message: "malformed YAML: unexpected event", location: location)
            }
        }

        static func scalarText(_ node: SourceNode) -> String? {
            switch node.value {
            case .string(let text): text
            case .integer(let number): String(number)
            case .bool(let flag): String(flag)
            case .double(let number): String(number)
            case .null: ""
            default: nil
            }
        }

        mutating func remember(_ anchor: String?, _ node: SourceNode, size: Int) {
            if let anchor { anchors[anchor] = (node, size) }
        }

        mutating func spend(_ nodes: Int, at location: SourceLocation) throws(DocumentError) {
            budget -= nodes
            guard budget >= 0 else {
                throw DocumentError(
                    .tooManyNodes(limit: limits.maxNodes),
                    message: "document expands to more than \(limits.maxNodes) values (alias expansion?)", location: location)
            }
        }

        /// libyaml's error, with its position; the input text itself is never quoted.
        func error() -> DocumentError {
            let problem = parser.problem.map { String(cString: $0) } ?? "malformed input"
            switch parser.error {
            case YAML_READER_ERROR:
                return DocumentError(.syntax, message: "unreadable input: \(problem) at byte \(parser.problem_offset)")
            case YAML_MEMORY_ERROR:
                return DocumentError(.syntax, message: "document too large for the YAML parser")
            default:
                // libyaml stops at its own nesting limit (1,000) before building anything.
                if problem.contains("nesting level") {
                    return DocumentError(
                        .tooDeep(limit: limits.maxDepth), message: "document is nested deeper than \(limits.maxDepth) levels",
                        location: Self.location(parser.problem_mark))
                }
                let context = parser.context.map { String(cString: $0) }.map { "\($0): " } ?? ""
                return DocumentError(.syntax, message: "malformed YAML: \(context)\(problem)", location: Self.location(parser.problem_mark))
            }
        }
    }
}
