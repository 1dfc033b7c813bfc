/// Backends that routes and policies send traffic to: the Service (or Envoy Gateway Backend, or
/// AIServiceBackend) is in the bundle (TS3006), and a Service exposes the port the reference
/// names (TS3007).
public struct BackendReferenceAnalyzer: ManifestAnalyzer {
    public init() {}

    public var diagnostics: [Diagnostic] { [.backendNotFound, .backendPortNotExposed] }

    /// Backend kinds whose presence in the bundle can be checked, by group.
    private static let checkedKinds: Set<String> = [
        "/Service", "\(APIGroup.envoyGateway)/Backend", "\(APIGroup.aiGateway)/AIServiceBackend",
    ]

    public func analyze(_ bundle: ManifestBundle, into findings: inout [Finding]) {
        var index: BundleIndex?
        for object in bundle.objects {
            for reference in ReferenceSites.references(in: object) where reference.role == .backend {
                guard Self.checkedKinds.contains("\(reference.group)/\(reference.kind)") else { continue }
                if index == nil { index = BundleIndex(bundle, kinds: ["Service", "Backend", "AIServiceBackend"]) }
                let target = reference.target(from: object)
                guard let backend = index?[target] else {
                    findings.append(object.finding(
                        .backendNotFound, at: reference.path + ["name"],
                        message: "\(target) is not in the bundle",
                        hint: target.kind == "Service" ? nil : "Include the \(target.kind), or check its name and namespace."))
                    continue
                }
                guard target.kind == "Service", let port = reference.port else { continue }
                let ports = (backend.node["spec"]?.list("ports") ?? []).compactMap { $0["port"]?.integer }
                if !ports.contains(port) {
                    let exposed = ports.isEmpty ? "it exposes no ports" : "its ports: \(ports.map(String.init).joined(separator: ", "))"
                    findings.append(object.finding(
                        .backendPortNotExposed, at: reference.path + ["port"],
                        message: "\(target) has no port \(port) (\(exposed))",
                        hint: ports.isEmpty ? nil : "Use one of the Service's ports (\(ports.map(String.init).joined(separator: ", "))); the port, not the targetPort."))
                }
            }
        }
    }
}
