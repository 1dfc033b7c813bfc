import Foundation
import Testing
@testable import TrafficCore

/// Every built-in kind schema against the upstream CRD it was written from (in `../shared/crds`):
/// a field, type, bound, pattern or list type written differently, or a CEL rule without a
/// Swift rule at the same place, is a difference.
@Suite struct SchemaConformanceTests {
    @Test func builtinSchemasParseWithoutMistakes() {
        let errors = SchemaCatalog.builtin.notationErrors
        #expect(errors.isEmpty, "\(errors.map(\.description).joined(separator: "\n"))")
    }

    @Test func everyRuleNamedInASchemaExistsAndEveryRuleIsUsed() {
        var used = Set<String>()
        for kind in SchemaCatalog.builtin.allKinds { Self.collectRuleIDs(kind.root, into: &used) }
        let defined = Set(SchemaRuleCatalog.byID.keys)
        #expect(used.subtracting(defined).isEmpty, "rules named but not defined: \(used.subtracting(defined).sorted())")
        #expect(defined.subtracting(used).isEmpty, "rules defined but never named: \(defined.subtracting(used).sorted())")
    }

    @Test func ruleIDsAreUnique() {
        let all = GatewayAPIRules.rules + EnvoyGatewayRules.rules + KEDARules.rules + AIGatewayRules.rules
            + CertManagerRules.rules + KubernetesRules.rules + ObjectMetaRules.rules
        let duplicates = Dictionary(grouping: all, by: \.id).filter { $0.value.count > 1 }.keys.sorted()
        #expect(duplicates.isEmpty, "duplicate rule ids: \(duplicates)")
    }

    static let upstream: [String: KindSchema] = {
        let root = TestFiles.shared.appendingPathComponent("crds")
        var kinds: [String: KindSchema] = [:]
        for file in TestFiles.yamlFiles(under: root) where !file.hasPrefix("gateway-api/standard/") {
            guard let bytes = try? TestFiles.bytes(root.appendingPathComponent(file)),
                let loaded = try? CRDSchemaLoader.load(bytes, source: file, objectMeta: nil)
            else { continue }
            for schema in loaded { kinds["\(schema.group)/\(schema.kind)/\(schema.versions[0])"] = schema }
        }
        return kinds
    }()

    /// `group/kind/version` of every built-in kind and served version that has an upstream CRD.
    static var builtinVersionsWithCRD: [String] {
        SchemaCatalog.builtin.allKinds.flatMap { kind in kind.versions.map { "\(kind.group)/\(kind.kind)/\($0)" } }
            .filter { upstream[$0] != nil }.sorted()
    }

    @Test func everyBuiltinKindOfACRDGroupIsCompared() {
        let compared = Set(Self.builtinVersionsWithCRD.map { $0.split(separator: "/").dropLast().joined(separator: "/") })
        let withCRDGroup = SchemaCatalog.builtin.allKinds.filter { kind in Self.upstream.keys.contains { $0.hasPrefix(kind.group + "/") } }
        for kind in withCRDGroup where !kind.group.isEmpty {
            #expect(compared.contains("\(kind.group)/\(kind.kind)"), "\(kind.group)/\(kind.kind) has no upstream CRD to compare with")
        }
    }

    @Test(arguments: builtinVersionsWithCRD)
    func matchesUpstreamCRD(_ groupKindVersion: String) throws {
        let parts = groupKindVersion.split(separator: "/").map(String.init)
        let (group, kind, version) = (parts[0], parts[1], parts[2])
        guard case .found(let builtin) = SchemaCatalog.builtin.lookup(apiVersion: "\(group)/\(version)", kind: kind) else {
            Issue.record("no built-in \(groupKindVersion)")
            return
        }
        let crd = try #require(Self.upstream[groupKindVersion])
        let groupKind = "\(group)/\(kind) \(version)"
        var differences: [String] = []
        var openSubtrees: [String] = []
        for (name, child) in builtin.root.properties where !["apiVersion", "kind", "metadata", "status"].contains(name) {
            guard let other = crd.root.properties[name] else {
                differences.append("\(name): not in the CRD")
                continue
            }
            Self.compare(child, other, path: name, differences: &differences, open: &openSubtrees)
        }
        for name in crd.root.properties.keys where builtin.root.properties[name] == nil {
            differences.append("\(name): in the CRD, missing here")
        }
        if !openSubtrees.isEmpty { print("\(groupKind): left open: \(openSubtrees.sorted().joined(separator: ", "))") }
        #expect(differences.isEmpty, "\(groupKind): \(differences.count) differences\n\(differences.sorted().prefix(300).joined(separator: "\n"))")
    }

    static func compare(_ mine: SchemaNode, _ theirs: SchemaNode, path: String, differences: inout [String], open: inout [String]) {
        func differ(_ what: String, _ a: String, _ b: String) { differences.append("\(path): \(what): here \(a), CRD \(b)") }
        if mine.type == .any, theirs.type == .any { return }
        if mine.preservesUnknownFields, mine.properties.isEmpty, mine.additionalProperties == nil, !theirs.properties.isEmpty {
            open.append(path)
            return
        }
        if mine.type != theirs.type { return differ("type", mine.type.rawValue, theirs.type.rawValue) }
        if Set(mine.required) != Set(theirs.required) { differ("required", "\(mine.required.sorted())", "\(theirs.required.sorted())") }
        if mine.allowedValues.map(Set.init) != theirs.allowedValues.map(Set.init) {
            differ("enum", "\(mine.allowedValues.map { $0.map { $0.serialized() } } ?? [])", "\(theirs.allowedValues.map { $0.map { $0.serialized() } } ?? [])")
        }
        if mine.minimum != theirs.minimum || mine.exclusiveMinimum != theirs.exclusiveMinimum { differ("minimum", "\(String(describing: mine.minimum))", "\(String(describing: theirs.minimum))") }
        if mine.maximum != theirs.maximum || mine.exclusiveMaximum != theirs.exclusiveMaximum { differ("maximum", "\(String(describing: mine.maximum))", "\(String(describing: theirs.maximum))") }
        if mine.minLength != theirs.minLength { differ("minLength", "\(String(describing: mine.minLength))", "\(String(describing: theirs.minLength))") }
        if mine.maxLength != theirs.maxLength { differ("maxLength", "\(String(describing: mine.maxLength))", "\(String(describing: theirs.maxLength))") }
        if mine.minItems != theirs.minItems { differ("minItems", "\(String(describing: mine.minItems))", "\(String(describing: theirs.minItems))") }
        if mine.maxItems != theirs.maxItems { differ("maxItems", "\(String(describing: mine.maxItems))", "\(String(describing: theirs.maxItems))") }
        if mine.minProperties != theirs.minProperties { differ("minProperties", "\(String(describing: mine.minProperties))", "\(String(describing: theirs.minProperties))") }
        if mine.maxProperties != theirs.maxProperties { differ("maxProperties", "\(String(describing: mine.maxProperties))", "\(String(describing: theirs.maxProperties))") }
        if mine.pattern?.source != theirs.pattern?.source { differ("pattern", mine.pattern?.source ?? "none", theirs.pattern?.source ?? "none") }
        if mine.format != theirs.format { differ("format", mine.format ?? "none", theirs.format ?? "none") }
        if mine.nullable != theirs.nullable { differ("nullable", "\(mine.nullable)", "\(theirs.nullable)") }
        if mine.preservesUnknownFields != theirs.preservesUnknownFields { differ("open", "\(mine.preservesUnknownFields)", "\(theirs.preservesUnknownFields)") }
        if (mine.listType ?? .atomic) != (theirs.listType ?? .atomic) { differ("list", mine.listType?.rawValue ?? "none", theirs.listType?.rawValue ?? "none") }
        if mine.listMapKeys != theirs.listMapKeys { differ("keys", "\(mine.listMapKeys)", "\(theirs.listMapKeys)") }
        if let mineDefault = mine.defaultValue, mineDefault != theirs.defaultValue {
            differ("default", mineDefault.serialized(), theirs.defaultValue?.serialized() ?? "none")
        }
        if !theirs.celRuleMessages.isEmpty, mine.ruleIDs.isEmpty {
            differences.append("\(path): \(theirs.celRuleMessages.count) CEL rules and no Swift rule: \(theirs.celRuleMessages.map { "\"\($0)\"" }.joined(separator: "; "))")
        }
        for (name, child) in mine.properties {
            guard let other = theirs.properties[name] else {
                differences.append("\(path).\(name): not in the CRD")
                continue
            }
            compare(child, other, path: "\(path).\(name)", differences: &differences, open: &open)
        }
        for name in theirs.properties.keys where mine.properties[name] == nil {
            differences.append("\(path).\(name): in the CRD, missing here")
        }
        switch (mine.items, theirs.items) {
        case (let a?, let b?): compare(a, b, path: path + "[]", differences: &differences, open: &open)
        case (nil, nil): break
        default: differences.append("\(path): list item schema present on one side only")
        }
        switch (mine.additionalProperties, theirs.additionalProperties) {
        case (let a?, let b?): compare(a, b, path: path + "{}", differences: &differences, open: &open)
        case (nil, nil): break
        default: differences.append("\(path): map value schema present on one side only")
        }
    }

    static func collectRuleIDs(_ node: SchemaNode, into ids: inout Set<String>) {
        ids.formUnion(node.ruleIDs)
        for child in node.properties.values { collectRuleIDs(child, into: &ids) }
        if let items = node.items { collectRuleIDs(items, into: &ids) }
        if let values = node.additionalProperties { collectRuleIDs(values, into: &ids) }
    }
}
