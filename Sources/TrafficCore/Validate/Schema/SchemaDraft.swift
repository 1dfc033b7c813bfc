import Foundation

/// A `SchemaNode` under construction: the notation parser and the CRD loader fill it field by
/// field, then freeze it into an immutable node.
struct SchemaDraft {
    var type: SchemaNode.ValueType
    var properties: [String: SchemaNode] = [:]
    var required: [String] = []
    var additionalProperties: SchemaNode?
    var items: SchemaNode?
    var preservesUnknownFields = false
    var nullable = false
    var format: String?
    var allowedValues: [JSONValue]?
    var minimum: Double?
    var maximum: Double?
    var exclusiveMinimum = false
    var exclusiveMaximum = false
    var minLength: Int?
    var maxLength: Int?
    var minItems: Int?
    var maxItems: Int?
    var minProperties: Int?
    var maxProperties: Int?
    var pattern: SchemaPattern?
    var listType: SchemaNode.ListType?
    var listMapKeys: [String] = []
    var defaultValue: JSONValue?
    var ruleIDs: [String] = []
    var celRuleMessages: [String] = []
    var allOf: [SchemaNode] = []

    init(type: SchemaNode.ValueType) {
        self.type = type
    }

    init(_ node: SchemaNode) {
        type = node.type
        properties = node.properties
        required = node.required
        additionalProperties = node.additionalProperties
        items = node.items
        preservesUnknownFields = node.preservesUnknownFields
        nullable = node.nullable
        format = node.format
        allowedValues = node.allowedValues
        minimum = node.minimum
        maximum = node.maximum
        exclusiveMinimum = node.exclusiveMinimum
        exclusiveMaximum = node.exclusiveMaximum
        minLength = node.minLength
        maxLength = node.maxLength
        minItems = node.minItems
        maxItems = node.maxItems
        minProperties = node.minProperties
        maxProperties = node.maxProperties
        pattern = node.pattern
        listType = node.listType
        listMapKeys = node.listMapKeys
        defaultValue = node.defaultValue
        ruleIDs = node.ruleIDs
        celRuleMessages = node.celRuleMessages
        allOf = node.allOf
    }

    func freeze() -> SchemaNode {
        SchemaNode(
            type: type, properties: properties, required: required, additionalProperties: additionalProperties,
            items: items, preservesUnknownFields: preservesUnknownFields, nullable: nullable, format: format,
            allowedValues: allowedValues, minimum: minimum, maximum: maximum, exclusiveMinimum: exclusiveMinimum,
            exclusiveMaximum: exclusiveMaximum, minLength: minLength, maxLength: maxLength, minItems: minItems,
            maxItems: maxItems, minProperties: minProperties, maxProperties: maxProperties, pattern: pattern,
            listType: listType, listMapKeys: listMapKeys, defaultValue: defaultValue, ruleIDs: ruleIDs,
            celRuleMessages: celRuleMessages, allOf: allOf)
    }
}
