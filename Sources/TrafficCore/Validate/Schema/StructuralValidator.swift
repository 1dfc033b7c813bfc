/// Checks one object against its kind's schema, the way the API server's structural-schema
/// validation and strict field validation do, and runs the Swift versions of the CRD's CEL
/// rules on the nodes that carry them.
struct StructuralValidator {
    let rules: [String: SchemaRule]

    /// Schema findings listed per object. Locating a finding costs a walk through its object,
    /// so an object with 40,000 unknown fields took seconds and megabytes; past this many, the
    /// rest are counted in one `TS0014` finding.
    static let findingLimit = 200

    /// Findings for `object` against `schema`.
    func validate(_ object: ManifestObject, schema: KindSchema) -> [Finding] {
        var walker = Walker(object: object, rules: rules)
        walker.visit(object.node, schema.root)
        if walker.omitted > 0 {
            walker.findings.append(object.finding(
                .findingsOmitted, at: [],
                message: "\(walker.omitted) more schema finding\(walker.omitted == 1 ? "" : "s") in this object "
                    + "(only the first \(Self.findingLimit) are listed)"))
        }
        return walker.findings
    }

    private struct Walker {
        let object: ManifestObject
        let rules: [String: SchemaRule]
        var path: [PathToken] = []
        var findings: [Finding] = []
        var omitted = 0

        init(object: ManifestObject, rules: [String: SchemaRule]) {
            self.object = object
            self.rules = rules
        }

        mutating func report(
            _ diagnostic: Diagnostic, _ message: @autoclosure () -> String, at extra: [PathToken] = [], key: Bool = false
        ) {
            guard findings.count < StructuralValidator.findingLimit else {
                omitted += 1
                return
            }
            findings.append(object.finding(diagnostic, at: path + extra, message: message(), keyLocation: key))
        }

        mutating func visit(_ node: SourceNode, _ schema: SchemaNode) {
            // Kubernetes drops null fields before validation; a required one is reported by the parent.
            if node.isNull { return }
            guard checkType(node, schema) else { return }
            switch node.value {
            case .string(let text): checkString(text, schema)
            case .integer, .double: checkNumber(node, schema)
            case .mapping(let entries): visitObject(entries, schema)
            case .sequence(let items): visitList(items, schema)
            case .bool, .null: break
            }
            for constraint in schema.allOf { visit(node, constraint) }
            for id in schema.ruleIDs {
                guard let rule = rules[id] else { continue }
                for violation in rule.check(node) {
                    report(violation.diagnostic, violation.message, at: violation.path)
                }
            }
        }

        private mutating func checkType(_ node: SourceNode, _ schema: SchemaNode) -> Bool {
            let fits: Bool
            switch (schema.type, node.value) {
            case (.any, _): return true
            case (.string, .string), (.integer, .integer), (.number, .integer), (.number, .double), (.boolean, .bool),
                (.intOrString, .integer), (.intOrString, .string), (.object, .mapping), (.array, .sequence):
                fits = true
            default:
                fits = false
            }
            if !fits {
                let expected: String
                switch schema.type {
                case .object: expected = "an object"
                case .array: expected = "a list"
                case .intOrString: expected = "an integer or a string"
                case .integer: expected = "an integer"
                case .boolean: expected = "a boolean"
                default: expected = "a \(schema.type.rawValue)"
                }
                var message = "expected \(expected), got \(Self.article(node.typeName))"
                if schema.type == .string, case .bool = node.value {
                    message += " (YAML 1.1 reads yes/no/on/off as booleans: quote the value)"
                }
                report(.wrongType, message)
            }
            return fits
        }

        private static func article(_ typeName: String) -> String {
            ["integer", "object"].contains(typeName) ? "an \(typeName)" : "a \(typeName)"
        }

        private mutating func checkString(_ text: String, _ schema: SchemaNode) {
            if let allowed = schema.allowedValues, !allowed.contains(.string(text)) {
                report(.unsupportedValue, "unsupported value \(Self.quoted(text)); supported values: \(Self.list(allowed))")
            }
            if schema.minLength != nil || schema.maxLength != nil {
                let length = text.unicodeScalars.count
                if let minimum = schema.minLength, length < minimum {
                    report(.invalidLength, minimum == 1 ? "must not be empty" : "must be at least \(minimum) characters long (is \(length))")
                }
                if let maximum = schema.maxLength, length > maximum {
                    report(.invalidLength, "must be at most \(maximum) characters long (is \(length))")
                }
            }
            if let pattern = schema.pattern, !pattern.matches(text) {
                report(.patternMismatch, "\(Self.quoted(text)) should match '\(pattern.source)'")
            }
            if let format = schema.format, let problem = Self.formatProblem(text, format: format) {
                report(.invalidFormat, problem)
            }
        }

        private mutating func checkNumber(_ node: SourceNode, _ schema: SchemaNode) {
            guard let number = node.number else { return }
            let shown = node.integer.map(String.init) ?? String(number)
            if let allowed = schema.allowedValues, !allowed.contains(node.jsonValue) {
                report(.unsupportedValue, "unsupported value \(shown); supported values: \(Self.list(allowed))")
            }
            if let minimum = schema.minimum {
                if schema.exclusiveMinimum ? number <= minimum : number < minimum {
                    report(.outOfRange, "\(shown) should be greater than \(schema.exclusiveMinimum ? "" : "or equal to ")\(Self.bound(minimum))")
                }
            }
            if let maximum = schema.maximum {
                if schema.exclusiveMaximum ? number >= maximum : number > maximum {
                    report(.outOfRange, "\(shown) should be less than \(schema.exclusiveMaximum ? "" : "or equal to ")\(Self.bound(maximum))")
                }
            }
            if let integer = node.integer {
                switch schema.format {
                case "int32" where integer < Int64(Int32.min) || integer > Int64(Int32.max):
                    report(.invalidFormat, "\(integer) does not fit in a 32-bit integer (int32)")
                default: break
                }
            }
        }

        private static func unknownFieldMessage(_ key: String, _ schema: SchemaNode) -> String {
            var message = "unknown field \"\(key)\""
            if let suggestion = EditDistance.closest(to: key, in: schema.properties.keys.sorted()) {
                message += "; did you mean \"\(suggestion)\"?"
            }
            return message
        }

        private mutating func visitObject(_ entries: [SourceNode.Entry], _ schema: SchemaNode) {
            if schema.type == .any { return }
            for entry in entries {
                path.append(.key(entry.key))
                if let child = schema.properties[entry.key] {
                    visit(entry.value, child)
                } else if let values = schema.additionalProperties {
                    visit(entry.value, values)
                } else if !schema.preservesUnknownFields {
                    path.removeLast()
                    report(.unknownField, Self.unknownFieldMessage(entry.key, schema), at: [.key(entry.key)], key: true)
                    continue
                }
                path.removeLast()
            }
            // The API server applies defaults before it checks required fields, so a required
            // field with a default is never missing.
            for name in schema.required where schema.properties[name]?.defaultValue == nil
                && !entries.contains(where: { $0.key == name && !$0.value.isNull })
            {
                report(.requiredField, "required field \"\(name)\" is missing")
            }
            if let minimum = schema.minProperties, entries.count < minimum {
                report(.invalidPropertyCount, "must have at least \(minimum) \(minimum == 1 ? "entry" : "entries") (has \(entries.count))")
            }
            if let maximum = schema.maxProperties, entries.count > maximum {
                report(.invalidPropertyCount, "must have at most \(maximum) entries (has \(entries.count))")
            }
        }

        private mutating func visitList(_ items: [SourceNode], _ schema: SchemaNode) {
            if let minimum = schema.minItems, items.count < minimum {
                report(.invalidItemCount, minimum == 1 ? "must have at least 1 item" : "must have at least \(minimum) items (has \(items.count))")
            }
            if let maximum = schema.maxItems, items.count > maximum {
                report(.invalidItemCount, "must have at most \(maximum) items (has \(items.count))")
            }
            if let itemSchema = schema.items {
                for (index, item) in items.enumerated() {
                    path.append(.index(index))
                    visit(item, itemSchema)
                    path.removeLast()
                }
            }
            switch schema.listType {
            case .set?: checkUnique(items) { $0.jsonValue }
            case .map?:
                let keys = schema.listMapKeys
                let defaults = keys.map { schema.items?.properties[$0]?.defaultValue ?? .null }
                checkUnique(items, describedBy: keys) { item in
                    .array(zip(keys, defaults).map { key, fallback in item[key].map(\.jsonValue) ?? fallback })
                }
            default: break
            }
        }

        private mutating func checkUnique(_ items: [SourceNode], describedBy keys: [String] = [], key: (SourceNode) -> JSONValue) {
            guard items.count > 1 else { return }
            var seen = Set<JSONValue>()
            for (index, item) in items.enumerated() where !seen.insert(key(item)).inserted {
                let shown: String
                if keys.isEmpty {
                    shown = item.jsonValue.serialized()
                } else {
                    let pairs = keys.map { "\"\($0)\": \(item[$0]?.jsonValue.serialized() ?? "null")" }
                    shown = "{" + pairs.joined(separator: ", ") + "}"
                }
                report(.duplicateItem, "duplicate value: \(shown)", at: [.index(index)])
            }
        }

        private static func quoted(_ text: String) -> String {
            "\"" + (text.count > 80 ? text.prefix(80) + "…" : Substring(text)) + "\""
        }

        private static func list(_ values: [JSONValue]) -> String {
            values.map { $0.serialized() }.joined(separator: ", ")
        }

        private static func bound(_ value: Double) -> String {
            value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        }

        /// The formats Kubernetes enforces on strings; others are documentation only.
        private static func formatProblem(_ text: String, format: String) -> String? {
            switch format {
            case "date-time":
                return RFC3339.isValid(text) ? nil : "\(quoted(text)) is not an RFC 3339 date-time (e.g. 2024-01-02T03:04:05Z)"
            case "byte":
                // Never quote the value: `format: byte` holds Secret data.
                return Base64Text.isValid(text) ? nil : "the value (\(text.utf8.count) bytes) is not base64"
            default:
                return nil
            }
        }
    }
}
