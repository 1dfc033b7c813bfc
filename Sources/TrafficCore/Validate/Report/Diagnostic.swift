/// One kind of finding: a stable code that scripts may match on, a readable name, its
/// severity, and the fix that usually applies. Codes never change meaning once released.
public struct Diagnostic: Sendable, Hashable {
    public let code: String
    public let name: String
    public let severity: Severity
    /// What the check looks for, one line (the table in docs/diagnostics.md).
    public let summary: String
    /// How to fix it, when a finding has nothing more specific to say.
    public let hint: String

    init(_ code: String, _ name: String, _ severity: Severity, summary: String, hint: String) {
        self.code = code
        self.name = name
        self.severity = severity
        self.summary = summary
        self.hint = hint
    }
}
