/// A traffic spec met among manifests: its decoding errors as findings with paths into the
/// spec, and — when it is valid — the manifests it renders to, so those are checked as well.
enum SpecFindings {
    static func check(_ spec: ManifestObject) -> (findings: [Finding], manifests: String?) {
        switch TrafficSpecDecoder.decode(spec.node) {
        case .success(let decoded):
            return ([], ManifestEncoder.yaml(ManifestRenderer.render(decoded, context: .stateless)))
        case .failure(let errors):
            let findings = errors.errors.map { error in
                let diagnostic = Diagnostic.all.first { $0.code == error.code } ?? .specRuleViolated
                let tokens = SourceNode.segments(of: error.path)
                // Every decoding problem rejects the spec, so each is an error whatever the code's default.
                var finding = spec.finding(diagnostic, at: tokens, message: error.message, severity: .error)
                if let location = error.location {
                    finding.location = SourceLocation(line: location.line + spec.lineOffset, column: location.column)
                }
                return finding
            }
            return (findings, nil)
        }
    }
}
