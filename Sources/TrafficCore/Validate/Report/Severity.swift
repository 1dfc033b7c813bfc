/// How much a finding matters: errors fail validation, warnings and infos only inform (unless
/// the caller asks for `--strict`, which fails on warnings too).
public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable {
    case error, warning, info

    private var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .info: 2
        }
    }

    /// Errors sort first.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
