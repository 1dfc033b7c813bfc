/// Turns `CustomResourceDefinition` documents into kind schemas, so that `--crd-dir` can check
/// any kind against its `openAPIV3Schema`, as kubeconform does, in-process.
///
/// CEL rules (`x-kubernetes-validations`) are read but not evaluated: their messages are kept
/// on the node, and the validator reports once per kind that they were not checked.
public enum CRDSchemaLoader {
    public struct LoadError: Error, Sendable, Hashable, CustomStringConvertible {
        public var source: String
        public var message: String
        public var description: String { "\(source): \(message)" }
    }

    /// Every served version of every CRD in `bytes`; documents of other kinds are skipped.
    /// `metadata` is checked as `objectMeta` (CRDs leave it as a bare `type: object`).
    public static func load(_ bytes: [UInt8], source: String, objectMeta: SchemaNode?) throws(LoadError) -> [KindSchema] {
        let documents: [SourceNode]
        do {
            documents = try DocumentParser(schema: .yaml11).parseAll(bytes, format: .yaml)
        } catch {
            throw LoadError(source: source, message: error.description)
        }
        var kinds: [KindSchema] = []
        for document in documents where document["kind"]?.string == "CustomResourceDefinition" {
            let value = document.jsonValue
            guard let group = value["spec"]?["group"]?.stringValue,
                let kind = value["spec"]?["names"]?["kind"]?.stringValue,
                let versions = value["spec"]?["versions"]?.arrayValue
            else {
                throw LoadError(source: source, message: "a CustomResourceDefinition without spec.group, spec.names.kind or spec.versions")
            }
            let namespaced = value["spec"]?["scope"]?.stringValue != "Cluster"
            for version in versions {
                guard let name = version["name"]?.stringValue, version["served"] != .bool(false) else { continue }
                guard let openAPI = version["schema"]?["openAPIV3Schema"] else {
                    throw LoadError(source: source, message: "\(kind) \(name) has no schema.openAPIV3Schema")
                }
                var root = SchemaDraft(convert(openAPI))
                // Every object may carry these, whether or not the CRD author listed them.
                for field in ["apiVersion", "kind"] where root.properties[field] == nil {
                    root.properties[field] = SchemaNode(type: .string)
                }
                if let objectMeta { root.properties["metadata"] = objectMeta }
                kinds.append(KindSchema(
                    group: group, kind: kind, versions: [name], root: root.freeze(),
                    origin: .customResourceDefinition(source: source), isNamespaced: namespaced))
            }
        }
        return kinds
    }

    /// One OpenAPI v3 schema object (the structural subset Kubernetes allows) as a node.
    static func convert(_ schema: JSONValue) -> SchemaNode {
        var draft = SchemaDraft(type: valueType(schema))
        if case .object(let properties)? = schema["properties"] {
            for (name, child) in properties { draft.properties[name] = convert(child) }
        }
        draft.required = schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? []
        switch schema["additionalProperties"] {
        case .object?: draft.additionalProperties = convert(schema["additionalProperties"]!)
        case .bool(true)?: draft.additionalProperties = SchemaNode(type: .any)
        default: break
        }
        if let items = schema["items"], case .object = items { draft.items = convert(items) }
        draft.preservesUnknownFields = schema["x-kubernetes-preserve-unknown-fields"] == .bool(true)
        draft.nullable = schema["nullable"] == .bool(true)
        draft.format = schema["format"]?.stringValue
        draft.allowedValues = schema["enum"]?.arrayValue
        draft.minimum = number(schema["minimum"])
        draft.maximum = number(schema["maximum"])
        draft.exclusiveMinimum = schema["exclusiveMinimum"] == .bool(true)
        draft.exclusiveMaximum = schema["exclusiveMaximum"] == .bool(true)
        draft.minLength = schema["minLength"]?.integerValue.map(Int.init)
        draft.maxLength = schema["maxLength"]?.integerValue.map(Int.init)
        draft.minItems = schema["minItems"]?.integerValue.map(Int.init)
        draft.maxItems = schema["maxItems"]?.integerValue.map(Int.init)
        draft.minProperties = schema["minProperties"]?.integerValue.map(Int.init)
        draft.maxProperties = schema["maxProperties"]?.integerValue.map(Int.init)
        draft.pattern = schema["pattern"]?.stringValue.map(SchemaPattern.init)
        draft.listType = schema["x-kubernetes-list-type"]?.stringValue.flatMap(SchemaNode.ListType.init(rawValue:))
        draft.listMapKeys = schema["x-kubernetes-list-map-keys"]?.arrayValue?.compactMap(\.stringValue) ?? []
        draft.defaultValue = schema["default"]
        draft.allOf = schema["allOf"]?.arrayValue?.map(convert) ?? []
        draft.celRuleMessages = schema["x-kubernetes-validations"]?.arrayValue?.map { rule in
            rule["message"]?.stringValue ?? rule["messageExpression"]?.stringValue ?? rule["rule"]?.stringValue ?? ""
        } ?? []
        return draft.freeze()
    }

    private static func valueType(_ schema: JSONValue) -> SchemaNode.ValueType {
        if schema["x-kubernetes-int-or-string"] == .bool(true) { return .intOrString }
        switch schema["type"]?.stringValue {
        case "string": return .string
        case "integer": return .integer
        case "number": return .number
        case "boolean": return .boolean
        case "array": return .array
        case "object": return .object
        default: return schema["properties"] == nil ? .any : .object
        }
    }

    private static func number(_ value: JSONValue?) -> Double? {
        switch value {
        case .integer(let number)?: Double(number)
        case .double(let number)?: number
        default: nil
        }
    }
}
