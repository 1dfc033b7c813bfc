/// Why `--apply-command` could not be turned into a command to run. Each case is found once, at
/// start-up, so that a typo stops `serve` instead of failing every rollout.
public enum ApplyCommandError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The command line has no words.
    case empty
    /// A `'` or `"` is never closed.
    case unterminatedQuote(commandLine: String)
    /// The command line ends with a backslash outside quotes, which has nothing to escape.
    case danglingEscape(commandLine: String)
    /// No executable of that name: `searched` lists the PATH directories looked in, or holds
    /// the one path given.
    case notFound(executable: String, searched: [String])
    /// The file exists but is not a regular file this process may execute.
    case notExecutable(path: String)

    public var description: String {
        switch self {
        case .empty:
            "apply command is empty"
        case .unterminatedQuote(let commandLine):
            "apply command has an unterminated quote: \(commandLine)"
        case .danglingEscape(let commandLine):
            "apply command ends with a backslash that escapes nothing: \(commandLine)"
        case .notFound(let executable, let searched):
            if executable.contains("/") {
                "apply command executable not found: \(executable)"
            } else if searched.isEmpty {
                "apply command executable '\(executable)' not found: PATH has no absolute directories"
            } else {
                "apply command executable '\(executable)' not found in PATH (\(searched.joined(separator: ":")))"
            }
        case .notExecutable(let path):
            "apply command is not an executable file: \(path)"
        }
    }
}
