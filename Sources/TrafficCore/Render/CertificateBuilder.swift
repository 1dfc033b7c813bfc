/// cert-manager objects for HTTPS listeners that ask for a `certificate`: a Certificate that
/// writes the listener's Secret, and (once, when no issuer is named) a self-signed Issuer.
struct CertificateBuilder {
    let spec: TrafficSpec
    let names: GeneratedNames
    let metadata: MetadataBuilder

    private var certificates: [(secret: String, certificate: CertificateSpec)] {
        var seen: Set<String> = []
        return spec.gateway.listeners.compactMap { listener in
            guard let tls = listener.tls, let certificate = tls.certificate, seen.insert(tls.secret).inserted else { return nil }
            return (tls.secret, certificate)
        }
    }

    func issuers() -> [Manifest] {
        guard certificates.contains(where: { $0.certificate.issuer == nil }) else { return [] }
        return [
            metadata.namespaced(apiVersion: "cert-manager.io/v1", kind: "Issuer", name: names.issuer,
                spec: object(("selfSigned", object())))
        ]
    }

    func build() -> [Manifest] {
        certificates.map { secret, certificate in
            let issuer = certificate.issuer
            let body = object(
                ("secretName", .string(secret)),
                ("commonName", certificate.dnsNames.first.json { .string($0) }),
                ("dnsNames", .strings(certificate.dnsNames)),
                ("issuerRef", object(
                    ("group", "cert-manager.io"),
                    ("kind", .string(issuer?.kind ?? "Issuer")),
                    ("name", .string(issuer?.name ?? names.issuer))
                ))
            )
            return metadata.namespaced(apiVersion: "cert-manager.io/v1", kind: "Certificate", name: secret, spec: body)
        }
    }
}
