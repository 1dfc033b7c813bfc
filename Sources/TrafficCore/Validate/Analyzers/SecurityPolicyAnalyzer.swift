/// SecurityPolicies that cannot work as written: a JWT provider with no key set to verify
/// tokens against (TS7001), and CORS that admits every origin together with credentials (TS7002).
public struct SecurityPolicyAnalyzer: ManifestAnalyzer {
    public init() {}

    public var diagnostics: [Diagnostic] { [.jwtWithoutJWKS, .corsWildcardWithCredentials] }

    public func analyze(_ bundle: ManifestBundle, into findings: inout [Finding]) {
        for policy in bundle.objects(group: APIGroup.envoyGateway, kind: "SecurityPolicy") {
            guard let spec = policy.node["spec"] else { continue }
            for (index, provider) in (spec["jwt"]?.list("providers") ?? []).enumerated()
            where !provider.has("remoteJWKS") && !provider.has("localJWKS") {
                let name = provider["name"]?.string.map { " \"\($0)\"" } ?? " \(index)"
                findings.append(policy.finding(
                    .jwtWithoutJWKS, at: ["spec", "jwt", "providers", .index(index)],
                    message: "JWT provider\(name) has neither remoteJWKS nor localJWKS, so no token can be verified and every request is rejected"))
            }
            guard let cors = spec["cors"], cors["allowCredentials"]?.bool == true else { continue }
            for (index, origin) in cors.list("allowOrigins").enumerated() where origin.string == "*" {
                findings.append(policy.finding(
                    .corsWildcardWithCredentials, at: ["spec", "cors", "allowOrigins", .index(index)],
                    message: "cors.allowOrigins contains \"*\" while allowCredentials is true: browsers refuse a credentialed response to \"*\", and a gateway that echoes the request's Origin instead lets every site make credentialed requests"))
            }
        }
    }
}
