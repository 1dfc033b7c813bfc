/// Reads the `.kschema` notation (described in `schemas/README.md`) into kind schemas.
///
/// Parsing happens in three passes over all files at once — named patterns, then named types,
/// then kinds — so a file may use a pattern or type declared in another file, in any order.
struct SchemaNotationParser {
    /// One non-comment line with the lines indented below it.
    private struct Line {
        var file: String
        var number: Int
        var tokens: [String]
        var children: [Line]
    }

    /// Kinds whose objects are not in a namespace.
    static let clusterScopedKinds: Set<String> = [
        "Namespace", "GatewayClass", "ClusterIssuer", "ClusterTriggerAuthentication", "CustomResourceDefinition",
    ]

    private var patterns: [String: String] = [:]
    private var typeLines: [String: Line] = [:]
    private var resolvedTypes: [String: SchemaNode] = [:]
    private var typesBeingResolved: Set<String> = []
    private(set) var errors: [SchemaNotationError] = []

    /// Every kind declared in `files`, and every mistake found on the way (a kind with a
    /// mistake is still returned, minus the broken field).
    static func parse(files: [(name: String, text: String)])
        -> (kinds: [KindSchema], objectMeta: SchemaNode?, errors: [SchemaNotationError])
    {
        var parser = SchemaNotationParser()
        var roots: [Line] = []
        for file in files { roots += parser.lines(of: file.text, file: file.name) }
        for line in roots where line.tokens.first == "pattern" { parser.declarePattern(line) }
        for line in roots where line.tokens.first == "type" { parser.declareType(line) }
        var kinds: [KindSchema] = []
        for line in roots {
            switch line.tokens.first {
            case "pattern", "type": continue
            case "kind": if let kind = parser.kind(line) { kinds.append(kind) }
            default: parser.fail(line, "expected 'pattern', 'type' or 'kind' at the top level, got '\(line.tokens[0])'")
            }
        }
        for name in parser.typeLines.keys where parser.resolvedTypes[name] == nil {
            _ = parser.namedType(name, usedAt: parser.typeLines[name]!)
        }
        return (kinds, parser.resolvedTypes["ObjectMeta"], parser.errors)
    }

    // MARK: - Lines

    private mutating func lines(of text: String, file: String) -> [Line] {
        var stack: [(indent: Int, line: Line)] = []
        var roots: [Line] = []
        func closeTo(_ indent: Int) {
            while let last = stack.last, last.indent >= indent {
                stack.removeLast()
                if stack.isEmpty { roots.append(last.line) } else { stack[stack.count - 1].line.children.append(last.line) }
            }
        }
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = offset + 1
            let indent = raw.prefix { $0 == " " }.count
            let content = raw.dropFirst(indent)
            if content.isEmpty || content.hasPrefix("#") { continue }
            guard indent % 2 == 0 else {
                errors.append(SchemaNotationError(file: file, line: number, message: "indentation must be a multiple of two spaces"))
                continue
            }
            let tokens: [String]
            do { tokens = try Self.tokens(content) } catch {
                errors.append(SchemaNotationError(file: file, line: number, message: error.message))
                continue
            }
            closeTo(indent)
            if let parent = stack.last, indent != parent.indent + 2 {
                errors.append(SchemaNotationError(file: file, line: number, message: "indented more than one level below its parent"))
                continue
            }
            if stack.isEmpty, indent != 0 {
                errors.append(SchemaNotationError(file: file, line: number, message: "indented line without a parent"))
                continue
            }
            stack.append((indent, Line(file: file, number: number, tokens: tokens, children: [])))
        }
        closeTo(0)
        return roots
    }

    private struct TokenError: Error { var message: String }

    /// Splits on spaces, keeping backtick-quoted spans (which may hold spaces) inside one token.
    private static func tokens(_ content: Substring) throws(TokenError) -> [String] {
        var tokens: [String] = []
        var current = ""
        var quoted = false
        for character in content {
            if character == "`" { quoted.toggle() }
            if character == " ", !quoted {
                if !current.isEmpty { tokens.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        guard !quoted else { throw TokenError(message: "unterminated backtick") }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }

    private static func unquoted(_ text: some StringProtocol) -> String {
        if text.count >= 2, text.hasPrefix("`"), text.hasSuffix("`") { return String(text.dropFirst().dropLast()) }
        return String(text)
    }

    private mutating func fail(_ line: Line, _ message: String) {
        errors.append(SchemaNotationError(file: line.file, line: line.number, message: message))
    }

    // MARK: - Declarations

    private mutating func declarePattern(_ line: Line) {
        guard line.tokens.count == 3, line.children.isEmpty else {
            return fail(line, "expected 'pattern NAME `regex`'")
        }
        let source = Self.unquoted(line.tokens[2])
        guard SchemaPattern(source).isValid else { return fail(line, "pattern '\(line.tokens[1])' does not compile") }
        guard patterns.updateValue(source, forKey: line.tokens[1]) == nil else {
            return fail(line, "pattern '\(line.tokens[1])' is declared twice")
        }
    }

    private mutating func declareType(_ line: Line) {
        guard line.tokens.count >= 3 else { return fail(line, "expected 'type NAME TYPE attributes…'") }
        guard typeLines.updateValue(line, forKey: line.tokens[1]) == nil else {
            return fail(line, "type '\(line.tokens[1])' is declared twice")
        }
    }

    private mutating func namedType(_ name: String, usedAt use: Line) -> SchemaNode? {
        if let node = resolvedTypes[name] { return node }
        guard let line = typeLines[name] else {
            fail(use, "unknown type '@\(name)'")
            return nil
        }
        guard typesBeingResolved.insert(name).inserted else {
            fail(use, "type '@\(name)' refers to itself")
            return nil
        }
        defer { typesBeingResolved.remove(name) }
        let node = build(line.tokens[2], attributes: Array(line.tokens.dropFirst(3)), children: line.children, at: line)
        resolvedTypes[name] = node
        return node
    }

    private mutating func kind(_ line: Line) -> KindSchema? {
        var words = Array(line.tokens.dropFirst())
        let rootRules = words.filter { $0.hasPrefix("rule=") }.map { String($0.dropFirst("rule=".count)) }
        words.removeAll { $0.hasPrefix("rule=") }
        let clusterScoped = words.last == "cluster"
        if clusterScoped { words.removeLast() }
        guard words.count >= 3 else {
            fail(line, "expected 'kind KIND GROUP VERSION… [cluster]'")
            return nil
        }
        let kind = words[0]
        let group = words[1] == "core" ? "" : words[1]
        var root = SchemaDraft(type: .object)
        root.properties = [
            "apiVersion": SchemaNode(type: .string),
            "kind": SchemaNode(type: .string),
        ]
        if let meta = namedType("ObjectMeta", usedAt: line) { root.properties["metadata"] = meta }
        fillObject(&root, children: line.children)
        root.ruleIDs = rootRules
        return KindSchema(
            group: group, kind: kind, versions: Array(words[2...]), root: root.freeze(), origin: .builtin,
            isNamespaced: !(clusterScoped || Self.clusterScopedKinds.contains(kind)))
    }

    // MARK: - Nodes

    private mutating func fillObject(_ draft: inout SchemaDraft, children: [Line]) {
        for child in children {
            guard child.tokens.count >= 2 else {
                fail(child, "expected 'NAME TYPE attributes…'")
                continue
            }
            var name = child.tokens[0]
            let required = name.hasSuffix("!")
            if required { name.removeLast() }
            name = Self.unquoted(name)
            guard draft.properties[name] == nil else {
                fail(child, "field '\(name)' is listed twice")
                continue
            }
            draft.properties[name] = build(
                child.tokens[1], attributes: Array(child.tokens.dropFirst(2)), children: child.children, at: child)
            if required { draft.required.append(name) }
        }
    }

    private static let listAttributes: Set<String> = ["minItems", "maxItems", "list", "keys", "rule", "default"]
    private static let mapAttributes: Set<String> = ["minProps", "maxProps", "rule", "default"]

    /// The node for a type expression with its attributes and child field lines.
    private mutating func build(_ typeExpression: String, attributes: [String], children: [Line], at line: Line) -> SchemaNode {
        if typeExpression.hasPrefix("["), typeExpression.hasSuffix("]") {
            let (own, forItems) = Self.split(attributes, keeping: Self.listAttributes)
            var draft = SchemaDraft(type: .array)
            draft.items = build(String(typeExpression.dropFirst().dropLast()), attributes: forItems, children: children, at: line)
            apply(own, to: &draft, at: line)
            return draft.freeze()
        }
        if typeExpression.hasPrefix("map<"), typeExpression.hasSuffix(">") {
            let (own, forValues) = Self.split(attributes, keeping: Self.mapAttributes)
            var draft = SchemaDraft(type: .object)
            draft.additionalProperties = build(
                String(typeExpression.dropFirst(4).dropLast()), attributes: forValues, children: children, at: line)
            apply(own, to: &draft, at: line)
            return draft.freeze()
        }
        var draft: SchemaDraft
        if typeExpression.hasPrefix("@") {
            guard let named = namedType(String(typeExpression.dropFirst()), usedAt: line) else {
                return SchemaNode(type: .any)
            }
            draft = SchemaDraft(named)
        } else if let type = SchemaNode.ValueType(rawValue: typeExpression) {
            draft = SchemaDraft(type: type)
        } else {
            fail(line, "unknown type '\(typeExpression)'")
            return SchemaNode(type: .any)
        }
        if !children.isEmpty {
            if draft.type == .object { fillObject(&draft, children: children) } else {
                fail(line, "only an object has fields below it, not \(typeExpression)")
            }
        }
        apply(attributes.map { $0.hasPrefix("itemRule=") ? "rule=" + $0.dropFirst("itemRule=".count) : $0 }, to: &draft, at: line)
        return draft.freeze()
    }

    /// Splits attributes into those of the collection (`keeping`) and those passed to its items.
    private static func split(_ attributes: [String], keeping: Set<String>) -> (own: [String], forItems: [String]) {
        var own: [String] = []
        var forItems: [String] = []
        for attribute in attributes {
            let key = attribute.split(separator: "=", maxSplits: 1).first.map(String.init) ?? attribute
            if keeping.contains(key) { own.append(attribute) } else { forItems.append(attribute) }
        }
        return (own, forItems)
    }

    private mutating func apply(_ attributes: [String], to draft: inout SchemaDraft, at line: Line) {
        for attribute in attributes {
            let parts = attribute.split(separator: "=", maxSplits: 1)
            let key = String(parts[0])
            let raw = parts.count == 2 ? String(parts[1]) : nil
            switch (key, raw) {
            case ("nullable", nil): draft.nullable = true
            case ("open", nil): draft.preservesUnknownFields = true
            case ("format", let value?): draft.format = value
            case ("enum", let value?):
                draft.allowedValues = Self.unquoted(value).split(separator: "|", omittingEmptySubsequences: false)
                    .map { Self.typedValue($0 == "''" ? "" : String($0), for: draft.type) }
            case ("min", let value?), ("xmin", let value?):
                guard let number = Double(value) else { fail(line, "\(key) needs a number"); continue }
                draft.minimum = number
                draft.exclusiveMinimum = key == "xmin"
            case ("max", let value?), ("xmax", let value?):
                guard let number = Double(value) else { fail(line, "\(key) needs a number"); continue }
                draft.maximum = number
                draft.exclusiveMaximum = key == "xmax"
            case ("minLen", let value?): draft.minLength = integer(value, key, line)
            case ("maxLen", let value?): draft.maxLength = integer(value, key, line)
            case ("minItems", let value?): draft.minItems = integer(value, key, line)
            case ("maxItems", let value?): draft.maxItems = integer(value, key, line)
            case ("minProps", let value?): draft.minProperties = integer(value, key, line)
            case ("maxProps", let value?): draft.maxProperties = integer(value, key, line)
            case ("pattern", let value?):
                if value.hasPrefix("@") {
                    guard let source = patterns[String(value.dropFirst())] else {
                        fail(line, "unknown pattern '\(value)'")
                        continue
                    }
                    draft.pattern = SchemaPattern(source)
                } else {
                    let pattern = SchemaPattern(Self.unquoted(value))
                    guard pattern.isValid else { fail(line, "pattern does not compile"); continue }
                    draft.pattern = pattern
                }
            case ("list", let value?):
                guard let listType = SchemaNode.ListType(rawValue: value) else {
                    fail(line, "list must be atomic, set or map")
                    continue
                }
                draft.listType = listType
            case ("keys", let value?): draft.listMapKeys = value.split(separator: ",").map(String.init)
            case ("default", let value?): draft.defaultValue = Self.typedValue(value, for: draft.type)
            case ("rule", let value?): draft.ruleIDs.append(value)
            default: fail(line, "unknown attribute '\(attribute)'")
            }
        }
    }

    private mutating func integer(_ text: String, _ key: String, _ line: Line) -> Int? {
        guard let value = Int(text) else {
            fail(line, "\(key) needs an integer")
            return nil
        }
        return value
    }

    /// A default or enum value typed as the node's type; backticks hold a JSON value.
    private static func typedValue(_ raw: String, for type: SchemaNode.ValueType) -> JSONValue {
        if raw.hasPrefix("`") {
            let text = unquoted(raw)
            if let node = try? DocumentParser().parseSingle(Array(text.utf8), format: .json) { return node.jsonValue }
            return .string(text)
        }
        switch type {
        case .integer: return Int64(raw).map(JSONValue.integer) ?? .string(raw)
        case .number: return Double(raw).map(JSONValue.double) ?? .string(raw)
        case .boolean: return raw == "true" ? .bool(true) : raw == "false" ? .bool(false) : .string(raw)
        case .intOrString: return Int64(raw).map(JSONValue.integer) ?? .string(raw)
        default: return .string(raw)
        }
    }
}
