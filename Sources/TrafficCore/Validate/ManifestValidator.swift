/// Validates manifest bundles: input checks, schema checks with the CRDs' rules, then the
/// cross-object analyzers. Pure and thread-safe; one instance can serve every request.
public struct ManifestValidator: Sendable {
    public var catalog: SchemaCatalog
    public var analyzers: [any ManifestAnalyzer]
    public var readerLimits: DocumentParser.Limits

    public init(
        catalog: SchemaCatalog = .builtin, analyzers: [any ManifestAnalyzer] = ManifestAnalyzers.all,
        readerLimits: DocumentParser.Limits = DocumentParser.Limits()
    ) {
        self.catalog = catalog
        self.analyzers = analyzers
        self.readerLimits = readerLimits
    }

    /// One source to validate: its bytes and the name findings should carry (a path, or `-`).
    public struct Input: Sendable {
        public var source: String
        public var bytes: [UInt8]

        public init(source: String, bytes: [UInt8]) {
            self.source = source
            self.bytes = bytes
        }
    }

    public func validate(bytes: [UInt8], source: String = "-") -> ValidationReport {
        validate([Input(source: source, bytes: bytes)])
    }

    /// Validates several sources as one bundle, so references may cross files.
    public func validate(_ inputs: [Input]) -> ValidationReport {
        let reader = ManifestReader(limits: readerLimits)
        var objects: [ManifestObject] = []
        var findings: [Finding] = []
        var documentCount = 0
        var specCount = 0
        for input in inputs {
            let result = reader.read(input.bytes, source: input.source)
            objects += result.objects
            findings += result.findings
            documentCount += result.documentCount
            specCount += result.specs.count
            for spec in result.specs {
                let checked = SpecFindings.check(spec)
                findings += checked.findings
                if let rendered = checked.manifests {
                    let renderedResult = reader.read(Array(rendered.utf8), source: "\(input.source) (rendered)")
                    objects += renderedResult.objects
                    findings += renderedResult.findings
                }
            }
        }
        let bundle = ManifestBundle(objects: objects)
        findings += validate(bundle)
        return ValidationReport(
            findings: findings, resourceCount: objects.count + specCount, documentCount: documentCount, sources: inputs.map(\.source))
    }

    /// The findings for objects already read (the revision endpoint renders them itself).
    public func validate(_ bundle: ManifestBundle) -> [Finding] {
        var findings: [Finding] = []
        let structural = StructuralValidator(rules: SchemaRuleCatalog.byID)
        var seenObjects: [String: Int] = [:]
        var kindsWithUnevaluatedRules = Set<String>()
        for object in bundle.objects {
            findings += checkIdentity(object, seen: &seenObjects)
            switch catalog.lookup(apiVersion: object.apiVersion, kind: object.kind) {
            case .found(let schema):
                findings += structural.validate(object, schema: schema)
                if case .customResourceDefinition(let crd) = schema.origin,
                    kindsWithUnevaluatedRules.insert("\(object.apiVersion)/\(object.kind)").inserted
                {
                    let count = Self.celRuleCount(schema.root)
                    if count > 0 {
                        findings.append(object.finding(
                            .celNotEvaluated, at: [],
                            message: "the CRD for \(object.kind) (\(crd)) states \(count) CEL rules that were not evaluated"))
                    }
                }
            case .unservedVersion(let served):
                findings.append(object.finding(
                    .unservedVersion, at: ["apiVersion"],
                    message: "\(object.kind) is not served as \(object.apiVersion); known versions: \(served.joined(separator: ", "))"))
            case .unknownKind:
                findings.append(object.finding(
                    .unknownKind, at: ["kind"], message: "no schema known for \(object.apiVersion) \(object.kind); only input checks ran"))
            }
        }
        var analyzed: [Finding] = []
        for analyzer in analyzers { analyzer.analyze(bundle, into: &analyzed) }
        return Self.droppingRestatedRules(findings, explainedBy: analyzed) + analyzed
    }

    /// Some analyzers restate a CRD rule with a specific code and hint (a JWT provider without
    /// keys, a backendRequest timeout over the request timeout). One problem gets one finding:
    /// the generic TS2001 is dropped where an analyzer reports an error at the same place of
    /// the same object (the same path, or one inside the other).
    static func droppingRestatedRules(_ findings: [Finding], explainedBy analyzed: [Finding]) -> [Finding] {
        var explained: [String: [String]] = [:]
        for finding in analyzed where finding.severity == .error {
            explained["\(finding.source)\u{0}\(finding.resource?.documentIndex ?? -1)", default: []].append(finding.path)
        }
        guard !explained.isEmpty else { return findings }
        return findings.filter { finding in
            guard finding.code == Diagnostic.ruleViolated.code,
                let paths = explained["\(finding.source)\u{0}\(finding.resource?.documentIndex ?? -1)"]
            else { return true }
            return !paths.contains { path in
                path == finding.path || path.hasPrefix(finding.path + "/") || finding.path.hasPrefix(path + "/")
            }
        }
    }

    private static let dnsLabel = SchemaPattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
    private static let dnsSubdomain = SchemaPattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")
    /// Kinds whose names must be DNS-1123 labels (they become DNS names or path segments).
    private static let labelNamedKinds: Set<String> = ["Namespace", "Service"]

    /// Name, namespace and uniqueness within the bundle.
    private func checkIdentity(_ object: ManifestObject, seen: inout [String: Int]) -> [Finding] {
        var findings: [Finding] = []
        let meta = object.node["metadata"]
        if let name = object.name {
            let asLabel = object.group.isEmpty && Self.labelNamedKinds.contains(object.kind)
            let limit = asLabel ? 63 : 253
            if name.count > limit || !(asLabel ? Self.dnsLabel : Self.dnsSubdomain).matches(name) {
                findings.append(object.finding(
                    .invalidName, at: ["metadata", "name"],
                    message: "\"\(name)\" is not a DNS-1123 \(asLabel ? "label" : "subdomain") (lowercase alphanumerics, '-'\(asLabel ? "" : ", '.'"), at most \(limit) characters)"))
            }
            let key = "\(object.group)/\(object.kind)/\(object.declaredNamespace ?? "")/\(name)"
            if let first = seen[key] {
                findings.append(object.finding(
                    .duplicateObject, at: ["metadata", "name"],
                    message: "\(object.kind) \"\(name)\" is also defined in document \(first) of the bundle"))
            } else {
                seen[key] = object.documentIndex
            }
        } else if meta?["generateName"]?.string == nil {
            findings.append(object.finding(.missingName, at: meta == nil ? [] : ["metadata"], message: "metadata.name is missing"))
        }
        if let namespace = object.declaredNamespace, namespace.count > 63 || !Self.dnsLabel.matches(namespace) {
            findings.append(object.finding(
                .invalidName, at: ["metadata", "namespace"], message: "namespace \"\(namespace)\" is not a DNS-1123 label"))
        }
        return findings
    }

    private static func celRuleCount(_ node: SchemaNode) -> Int {
        var count = node.celRuleMessages.count
        for child in node.properties.values { count += celRuleCount(child) }
        if let items = node.items { count += celRuleCount(items) }
        if let values = node.additionalProperties { count += celRuleCount(values) }
        return count
    }
}
