/// The published JSON Schema (draft 2020-12) of `trafficspec/v1`, generated from the same
/// description the decoder checks against. `docs/spec.schema.json` is this value, pretty
/// printed; a test fails when the committed file drifts.
public enum TrafficSpecSchema {
    public static let id = "https://trafficspec.io/schemas/trafficspec-v1.schema.json"

    public static var json: JSONValue {
        var root = schema(for: SpecV1Schema.root).objectValue ?? JSONObject()
        var header = JSONObject([
            ("$schema", "https://json-schema.org/draft/2020-12/schema"),
            ("$id", .string(id)),
            ("title", "trafficspec v1"),
            ("description", "A service's traffic: listeners, routes, limits, protection, scaling. See docs/spec.md."),
        ])
        for (key, value) in root { header[key] = value }
        root = header
        return .object(root)
    }

    /// The schema text as committed: pretty JSON with a trailing newline.
    public static var text: String { json.serialized(.init(pretty: true)) }

    static func schema(for type: SchemaType) -> JSONValue {
        switch type {
        case .object(let properties, let additional):
            var members: [(String, JSONValue)] = [("type", "object")]
            if !properties.isEmpty {
                members.append(("properties", .object(JSONObject(properties.map { ($0.name, property($0)) }))))
            }
            let required = properties.filter(\.required).map(\.name)
            if !required.isEmpty { members.append(("required", .strings(required))) }
            members.append(("additionalProperties", additional.map(schema(for:)) ?? false))
            return .object(JSONObject(members))
        case .array(let element, let minItems, let maxItems):
            return object(
                ("type", "array"), ("items", schema(for: element)),
                ("minItems", minItems.json(JSONValue.int)), ("maxItems", maxItems.json(JSONValue.int)))
        case .string(.any(let maxLength)):
            return object(("type", "string"), ("maxLength", maxLength.json(JSONValue.int)))
        case .string(.oneOf(let values)):
            return object(("type", "string"), ("enum", .strings(values)))
        case .string(.format(let format)):
            return object(("type", "string"), ("pattern", .string(format.pattern)), ("maxLength", format.maxLength.json(JSONValue.int)))
        case .integer(let minimum, let maximum):
            return object(("type", "integer"), ("minimum", minimum.json { .integer($0) }), ("maximum", maximum.json { .integer($0) }))
        case .number(let minimum, let maximum):
            return object(("type", "number"), ("minimum", minimum.json { .double($0) }), ("maximum", maximum.json { .double($0) }))
        case .boolean:
            return ["type": "boolean"]
        }
    }

    private static func property(_ property: SchemaProperty) -> JSONValue {
        var members = schema(for: property.type).objectValue ?? JSONObject()
        var result = JSONObject([("description", .string(property.summary))])
        if let defaultValue = property.defaultValue { result["default"] = defaultValue }
        for (key, value) in members { result[key] = value }
        members = result
        return .object(members)
    }
}
