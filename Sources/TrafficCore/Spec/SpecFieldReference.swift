import Foundation

/// The field table of docs/spec.md, generated from the schema so the docs cannot drift
/// (a test compares the committed section with this text).
enum SpecFieldReference {
    static let begin = "<!-- BEGIN FIELD REFERENCE (generated from the schema; do not edit by hand) -->"
    static let end = "<!-- END FIELD REFERENCE -->"

    static var markdown: String {
        var lines = [
            begin,
            "| field | type | required | default | meaning |",
            "|---|---|---|---|---|",
        ]
        walk(SpecV1Schema.root, prefix: "", into: &lines)
        lines.append(end)
        return lines.joined(separator: "\n") + "\n"
    }

    private static func walk(_ type: SchemaType, prefix: String, into lines: inout [String]) {
        guard case .object(let properties, _) = type else { return }
        for property in properties {
            let path = prefix + property.name
            let defaultText = property.defaultValue.map { "`\($0.serialized())`" } ?? ""
            let constraints = constraint(property.type)
            let meaning = property.summary + (constraints.isEmpty ? "" : " (\(constraints))")
            lines.append("| `\(path)` | \(describe(property.type)) | \(property.required ? "yes" : "") | \(defaultText) | \(escape(meaning)) |")
            switch property.type {
            case .object: walk(property.type, prefix: path + ".", into: &lines)
            case .array(let element, _, _): walk(element, prefix: path + "[].", into: &lines)
            default: break
            }
        }
    }

    private static func describe(_ type: SchemaType) -> String {
        switch type {
        case .object(let properties, let additional): properties.isEmpty && additional != nil ? "map of string" : "mapping"
        case .array(let element, _, _): "list of \(describe(element))"
        case .string(.oneOf(let values)): values.map { "`\($0)`" }.joined(separator: " \\| ")
        case .string(.format(let format)): "string (\(format.rawValue))"
        case .string: "string"
        case .integer: "integer"
        case .number: "number"
        case .boolean: "boolean"
        }
    }

    private static func constraint(_ type: SchemaType) -> String {
        switch type {
        case .integer(let minimum, let maximum):
            return [minimum.map { "≥ \($0)" }, maximum.map { "≤ \($0)" }].compactMap { $0 }.joined(separator: ", ")
        case .number(let minimum, let maximum):
            return [minimum.map { "≥ \(JSONValue.format($0))" }, maximum.map { "≤ \(JSONValue.format($0))" }]
                .compactMap { $0 }.joined(separator: ", ")
        case .array(let element, let minItems, let maxItems):
            let own = [minItems.map { "≥ \($0) items" }, maxItems.map { "≤ \($0) items" }].compactMap { $0 }
            let inner = constraint(element)
            return (own + (inner.isEmpty ? [] : ["each \(inner)"])).joined(separator: ", ")
        case .string(.format(let format)): return format.summary
        case .string(.any(let maxLength?)): return "≤ \(maxLength) characters"
        default: return ""
        }
    }

    private static func escape(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
}
