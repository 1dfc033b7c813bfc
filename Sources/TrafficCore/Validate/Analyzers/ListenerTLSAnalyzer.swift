/// An HTTPS listener that terminates TLS needs a certificate (TS3012); without one Envoy
/// Gateway marks the listener invalid and serves nothing on it.
public struct ListenerTLSAnalyzer: ManifestAnalyzer {
    public init() {}

    public var diagnostics: [Diagnostic] { [.listenerWithoutCertificate] }

    public func analyze(_ bundle: ManifestBundle, into findings: inout [Finding]) {
        for gateway in bundle.objects(group: APIGroup.gatewayAPI, kind: "Gateway") {
            for listener in GatewayListener.all(of: gateway) where listener.protocolName == "HTTPS" {
                let tls = listener.node["tls"]
                guard (tls?["mode"]?.string ?? "Terminate") == "Terminate", tls?.list("certificateRefs").isEmpty ?? true else {
                    continue
                }
                let path = listener.path + (tls == nil ? [] : ["tls"])
                findings.append(gateway.finding(
                    .listenerWithoutCertificate, at: path,
                    message: "HTTPS listener \(listener.label) of Gateway \"\(gateway.qualifiedName)\" terminates TLS but has no tls.certificateRefs, so it has no certificate to present"))
            }
        }
    }
}
