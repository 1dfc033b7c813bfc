/// The shape of one value in a traffic spec, described once and used three ways: the strict
/// structural check of an incoming document (`SchemaValidator`), the published JSON Schema
/// (`TrafficSpecSchema`) and the field reference in docs/spec.md. One description means the
/// three cannot disagree.
indirect enum SchemaType: Sendable {
    /// A mapping with known fields; `additional` (when set) admits any other key with that value type.
    case object([SchemaProperty], additional: SchemaType? = nil)
    case array(SchemaType, minItems: Int? = nil, maxItems: Int? = nil)
    case string(StringRule)
    case integer(min: Int64? = nil, max: Int64? = nil)
    case number(min: Double? = nil, max: Double? = nil)
    case boolean

    /// A word for messages and docs ("a mapping", "a list", …).
    var typeWord: String {
        switch self {
        case .object(_, let additional): additional == nil ? "a mapping" : "a mapping of strings"
        case .array: "a list"
        case .string: "a string"
        case .integer: "an integer"
        case .number: "a number"
        case .boolean: "a boolean"
        }
    }
}

/// What a string field admits beyond being a string.
enum StringRule: Sendable {
    case any(maxLength: Int? = nil)
    case oneOf([String])
    case format(StringFormat)
}

/// One field of a mapping: name, type, whether it must be present, and its documentation.
struct SchemaProperty: Sendable {
    var name: String
    var type: SchemaType
    var required: Bool
    var summary: String
    var defaultValue: JSONValue?

    init(_ name: String, _ type: SchemaType, required: Bool = false, default defaultValue: JSONValue? = nil, _ summary: String) {
        self.name = name
        self.type = type
        self.required = required
        self.summary = summary
        self.defaultValue = defaultValue
    }
}

extension SchemaProperty {
    /// A required field.
    static func req(_ name: String, _ type: SchemaType, _ summary: String) -> SchemaProperty {
        SchemaProperty(name, type, required: true, summary)
    }

    /// An optional field, with the default the renderer applies when it is absent.
    static func opt(_ name: String, _ type: SchemaType, default defaultValue: JSONValue? = nil, _ summary: String)
        -> SchemaProperty
    {
        SchemaProperty(name, type, required: false, default: defaultValue, summary)
    }
}
