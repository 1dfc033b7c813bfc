/// One node of a structural schema: what a value at one place of an object may be.
///
/// The same model holds the built-in `.kschema` files and CRDs loaded with `--crd-dir`, so
/// one validator serves both. Nodes are immutable once built and shared between threads.
public final class SchemaNode: Sendable {
    public enum ValueType: String, Sendable, Hashable {
        case string, integer, number, boolean, object, array
        /// `x-kubernetes-int-or-string`: an integer or a string.
        case intOrString = "int-or-string"
        /// Anything at all (a schema with `x-kubernetes-preserve-unknown-fields` and no type).
        case any
    }

    /// `x-kubernetes-list-type`.
    public enum ListType: String, Sendable, Hashable {
        case atomic, set, map
    }

    public let type: ValueType
    /// Object properties by name.
    public let properties: [String: SchemaNode]
    public let required: [String]
    /// The schema of every value of a map (`additionalProperties`).
    public let additionalProperties: SchemaNode?
    /// The schema of every list item.
    public let items: SchemaNode?
    /// `x-kubernetes-preserve-unknown-fields`: properties not listed are kept, not rejected.
    public let preservesUnknownFields: Bool
    public let nullable: Bool
    public let format: String?
    public let allowedValues: [JSONValue]?
    public let minimum: Double?
    public let maximum: Double?
    public let exclusiveMinimum: Bool
    public let exclusiveMaximum: Bool
    public let minLength: Int?
    public let maxLength: Int?
    public let minItems: Int?
    public let maxItems: Int?
    public let minProperties: Int?
    public let maxProperties: Int?
    public let pattern: SchemaPattern?
    public let listType: ListType?
    public let listMapKeys: [String]
    public let defaultValue: JSONValue?
    /// Swift rules (`SchemaRule.id`) to run on a value at this node.
    public let ruleIDs: [String]
    /// The messages of CEL rules a loaded CRD states at this node; they are not evaluated
    /// (trafficspec has no CEL interpreter), only counted and compared with `ruleIDs`.
    public let celRuleMessages: [String]
    /// `allOf` sub-schemas of a loaded CRD: further constraints (a second pattern, an enum) that
    /// a value must meet as well. Built-in schemas state their constraints directly.
    public let allOf: [SchemaNode]

    public init(
        type: ValueType,
        properties: [String: SchemaNode] = [:],
        required: [String] = [],
        additionalProperties: SchemaNode? = nil,
        items: SchemaNode? = nil,
        preservesUnknownFields: Bool = false,
        nullable: Bool = false,
        format: String? = nil,
        allowedValues: [JSONValue]? = nil,
        minimum: Double? = nil,
        maximum: Double? = nil,
        exclusiveMinimum: Bool = false,
        exclusiveMaximum: Bool = false,
        minLength: Int? = nil,
        maxLength: Int? = nil,
        minItems: Int? = nil,
        maxItems: Int? = nil,
        minProperties: Int? = nil,
        maxProperties: Int? = nil,
        pattern: SchemaPattern? = nil,
        listType: ListType? = nil,
        listMapKeys: [String] = [],
        defaultValue: JSONValue? = nil,
        ruleIDs: [String] = [],
        celRuleMessages: [String] = [],
        allOf: [SchemaNode] = []
    ) {
        self.type = type
        self.properties = properties
        self.required = required
        self.additionalProperties = additionalProperties
        self.items = items
        self.preservesUnknownFields = preservesUnknownFields
        self.nullable = nullable
        self.format = format
        self.allowedValues = allowedValues
        self.minimum = minimum
        self.maximum = maximum
        self.exclusiveMinimum = exclusiveMinimum
        self.exclusiveMaximum = exclusiveMaximum
        self.minLength = minLength
        self.maxLength = maxLength
        self.minItems = minItems
        self.maxItems = maxItems
        self.minProperties = minProperties
        self.maxProperties = maxProperties
        self.pattern = pattern
        self.listType = listType
        self.listMapKeys = listMapKeys
        self.defaultValue = defaultValue
        self.ruleIDs = ruleIDs
        self.celRuleMessages = celRuleMessages
        self.allOf = allOf
    }
}
