/// The structural check of a spec document against its `SchemaType`: unknown fields (with a
/// suggestion), missing required fields, wrong types, ranges, enumerations and string formats.
///
/// It never stops at the first problem: every error in the document is collected, each with its
/// dotted path and the line and column it came from.
struct SchemaValidator {
    /// Errors kept; past this, a hostile document of 90,000 unknown fields would cost megabytes
    /// of messages per request for nothing a person reads. The rest are only counted.
    static let errorLimit = 200

    private var collected: [FieldError] = []
    private var omitted = 0

    /// The errors found, at most `errorLimit`, then one entry saying how many more there were.
    var errors: [FieldError] {
        guard omitted > 0 else { return collected }
        return collected + [FieldError(
            path: "", message: "\(omitted) more error\(omitted == 1 ? "" : "s") not listed (only the first \(Self.errorLimit) are)")]
    }

    mutating func check(_ node: SourceNode, against type: SchemaType, path: String) {
        switch type {
        case .object(let properties, let additional):
            checkObject(node, properties: properties, additional: additional, path: path)
        case .array(let element, let minItems, let maxItems):
            guard case .sequence(let items) = node.value else { return mismatch(node, type, path) }
            if let minItems, items.count < minItems {
                fail(path, "must have at least \(minItems) item\(minItems == 1 ? "" : "s")", node.location, .invalidItemCount)
            }
            if let maxItems, items.count > maxItems {
                fail(path, "must have at most \(maxItems) items (got \(items.count))", node.location, .invalidItemCount)
            }
            for (index, item) in items.enumerated() {
                check(item, against: element, path: "\(path)[\(index)]")
            }
        case .string(let rule):
            guard case .string(let text) = node.value else { return mismatch(node, type, path) }
            checkString(text, rule: rule, path: path, location: node.location)
        case .integer(let minimum, let maximum):
            guard case .integer(let number) = node.value else { return mismatch(node, type, path) }
            checkRange(Double(number), min: minimum.map(Double.init), max: maximum.map(Double.init), path: path, node: node)
        case .number(let minimum, let maximum):
            let number: Double
            switch node.value {
            case .integer(let value): number = Double(value)
            case .double(let value): number = value
            default: return mismatch(node, type, path)
            }
            checkRange(number, min: minimum, max: maximum, path: path, node: node)
        case .boolean:
            guard case .bool = node.value else { return mismatch(node, type, path) }
        }
    }

    private mutating func checkObject(
        _ node: SourceNode, properties: [SchemaProperty], additional: SchemaType?, path: String
    ) {
        guard let entries = node.entries else {
            return mismatch(node, .object(properties, additional: additional), path)
        }
        let known = properties.map(\.name)
        for entry in entries {
            let childPath = Self.join(path, entry.key)
            if let property = properties.first(where: { $0.name == entry.key }) {
                check(entry.value, against: property.type, path: childPath)
            } else if let additional {
                check(entry.value, against: additional, path: childPath)
            } else {
                // The message (with its edit-distance suggestion) is only built for kept errors.
                fail(childPath, Self.unknownFieldMessage(entry.key, known: known), entry.keyLocation ?? entry.value.location,
                     .unknownField)
            }
        }
        for property in properties where property.required && !entries.contains(where: { $0.key == property.name }) {
            fail(Self.join(path, property.name), "required field is missing", node.location, .requiredField)
        }
    }

    private mutating func checkString(_ text: String, rule: StringRule, path: String, location: SourceLocation?) {
        switch rule {
        case .any(let maxLength):
            if let maxLength, text.unicodeScalars.count > maxLength {
                fail(path, "must be at most \(maxLength) characters (got \(text.unicodeScalars.count))", location, .invalidLength)
            }
        case .oneOf(let allowed):
            guard !allowed.contains(text) else { return }
            var message = "must be one of \(allowed.map { "'\($0)'" }.joined(separator: ", ")) (got '\(text)')"
            if let suggestion = EditDistance.closest(to: text, in: allowed) { message += "; did you mean '\(suggestion)'?" }
            fail(path, message, location, .unsupportedValue)
        case .format(let format):
            if let problem = format.problem(text) { fail(path, problem, location, .patternMismatch) }
        }
    }

    private mutating func checkRange(_ number: Double, min: Double?, max: Double?, path: String, node: SourceNode) {
        let shown = JSONValue.format(number)
        if let min, number < min {
            fail(path, "must be at least \(JSONValue.format(min)) (got \(shown))", node.location, .outOfRange)
        }
        if let max, number > max {
            fail(path, "must be at most \(JSONValue.format(max)) (got \(shown))", node.location, .outOfRange)
        }
    }

    private mutating func mismatch(_ node: SourceNode, _ type: SchemaType, _ path: String) {
        fail(path, "must be \(type.typeWord), got \(Self.article(node.typeName))", node.location, .wrongType)
    }

    private mutating func fail(_ path: String, _ message: @autoclosure () -> String, _ location: SourceLocation?, _ diagnostic: Diagnostic) {
        guard collected.count < Self.errorLimit else {
            omitted += 1
            return
        }
        collected.append(FieldError(path: path, message: message(), location: location, code: diagnostic.code))
    }

    private static func unknownFieldMessage(_ key: String, known: [String]) -> String {
        if let suggestion = EditDistance.closest(to: key, in: known) {
            return "unknown field; did you mean '\(suggestion)'?"
        }
        return "unknown field; known fields are \(known.map { "'\($0)'" }.joined(separator: ", "))"
    }

    static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    static func article(_ word: String) -> String {
        if word == "null" { return "null" }
        return (word.first.map { "aeiou".contains($0) } ?? false) ? "an \(word)" : "a \(word)"
    }
}
