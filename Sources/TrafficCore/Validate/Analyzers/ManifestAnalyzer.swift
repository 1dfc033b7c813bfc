/// A check across objects or across fields that no schema can express: references between
/// objects, routing that cannot work, settings Envoy Gateway or KEDA treat differently from
/// what their schema suggests.
///
/// An analyzer sees the whole bundle and appends findings; it must not assume the objects
/// passed their schema checks (every field may be missing or of the wrong type).
public protocol ManifestAnalyzer: Sendable {
    /// The diagnostics this analyzer may report (for documentation and tests).
    var diagnostics: [Diagnostic] { get }
    func analyze(_ bundle: ManifestBundle, into findings: inout [Finding])
}
