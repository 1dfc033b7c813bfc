import TrafficCore

/// Reads the fields of a small request object (a token, a rollout) and collects every problem
/// before failing, so one 422 lists them all, each with its field path and line.
struct RequestFields {
    private let root: SourceNode
    private(set) var errors: [FieldError] = []
    /// False when the body is not an object: its one error says so, and the field readers
    /// stay silent instead of calling every field missing.
    private let isObject: Bool

    /// Checks that `root` is an object whose keys are all in `known`.
    init(_ root: SourceNode, known: [String]) {
        self.root = root
        isObject = root.entries != nil
        guard let entries = root.entries else {
            errors.append(FieldError(
                path: "", message: "expected an object with fields \(known.joined(separator: ", ")), got \(root.typeName)",
                location: root.location, code: Diagnostic.wrongType.code))
            return
        }
        for entry in entries where !known.contains(entry.key) {
            errors.append(FieldError(
                path: entry.key, message: "unknown field; known fields are \(known.joined(separator: ", "))",
                location: entry.keyLocation, code: Diagnostic.unknownField.code))
        }
    }

    /// A string field; `nil` (with an error if `required`) when absent or not a string.
    mutating func string(_ key: String, required: Bool) -> String? {
        guard let node = root[key], !node.isNull else {
            if required, isObject { fail(key, "required string", code: Diagnostic.requiredField.code) }
            return nil
        }
        guard let text = node.string else {
            fail(key, "expected a string, got \(node.typeName)", code: Diagnostic.wrongType.code)
            return nil
        }
        return text
    }

    /// A boolean field, `nil` when absent.
    mutating func bool(_ key: String) -> Bool? {
        guard let node = root[key], !node.isNull else { return nil }
        guard let value = node.bool else {
            fail(key, "expected true or false, got \(node.typeName)", code: Diagnostic.wrongType.code)
            return nil
        }
        return value
    }

    /// A positive integer field, `nil` when absent.
    mutating func positiveInteger(_ key: String, required: Bool) -> Int? {
        guard let node = root[key], !node.isNull else {
            if required, isObject { fail(key, "required integer", code: Diagnostic.requiredField.code) }
            return nil
        }
        // JSON has one number type: 3.0 is the integer 3 (as JSON Schema's "integer" agrees).
        let integral = node.number.flatMap { $0.rounded() == $0 && abs($0) < 1e15 ? Int64($0) : nil }
        guard let value = node.integer ?? integral else {
            fail(key, "expected a positive integer, got \(node.typeName)", code: Diagnostic.wrongType.code)
            return nil
        }
        guard value >= 1, value <= Int64(Int32.max) else {
            fail(key, "expected a positive integer, got \(value)")
            return nil
        }
        return Int(value)
    }

    /// A required revision selector: a positive integer or `latest`, returned as the text
    /// `RevisionLookup` reads.
    mutating func revisionSelector(_ key: String) -> String? {
        if root[key]?.string == "latest" { return "latest" }
        if let text = root[key]?.string {
            fail(key, "expected a revision number or 'latest', got '\(text)'")
            return nil
        }
        return positiveInteger(key, required: true).map(String.init)
    }

    /// Records a problem with field `key`, located at its value (or the object when absent).
    mutating func fail(_ key: String, _ message: String, code: String? = nil) {
        errors.append(FieldError(path: key, message: message, location: root[key]?.location ?? root.location, code: code))
    }

    /// Throws every collected problem as one 422.
    func finish() throws(APIError) {
        if !errors.isEmpty { throw .invalidRequest(errors) }
    }
}
