import Foundation
import TrafficStore

/// The operator's `serve --apply-command`, e.g. `kubectl apply --server-side -f -`: run once per
/// rollout with the rendered manifests on stdin, under a timeout, and never through a shell.
///
/// The command line is split into words once, at start-up, with shell *quoting* rules only (no
/// expansion of any kind), and its executable is resolved to an absolute path then, so a typo
/// stops the server instead of failing every rollout.
public struct ApplyCommand: Sendable, CustomStringConvertible {
    /// argv; arguments[0] is the resolved absolute path of the executable
    public let arguments: [String]
    public let timeout: Duration
    /// Bytes of combined stdout+stderr kept (the tail); default 4096
    public let outputLimit: Int
    /// The child's environment as `NAME=value`: the `environment` given to the initializer,
    /// minus the variables in `withheldVariables`.
    let childEnvironment: [String]

    /// Secrets of the server that the command has no use for: the bootstrap admin token.
    static let withheldVariables: Set<String> = ["TRAFFICSPEC_ADMIN_TOKEN"]

    /// Splits `commandLine` into words like a POSIX shell does for quoting only: whitespace
    /// separates words; '…' keeps everything literally; "…" keeps everything, with backslash
    /// escaping only " and \ inside; a backslash outside quotes escapes the next char. NO
    /// expansion of any kind ($, `, *, ~, ;, |, > are ordinary characters). Resolves a word-0
    /// without '/' through PATH (from `environment`) to an executable file, skipping empty and
    /// relative PATH entries; with '/', it must exist and be executable (a relative path is
    /// taken from the current directory and made absolute).
    ///
    /// The command later runs with `environment` as its whole environment, except
    /// `TRAFFICSPEC_ADMIN_TOKEN`, which it never sees.
    public init(
        commandLine: String,
        timeout: Duration,
        outputLimit: Int = 4096,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(ApplyCommandError) {
        var words = try Self.words(in: commandLine)
        words[0] = try Self.resolveExecutable(
            words[0], path: environment["PATH"], currentDirectory: FileManager.default.currentDirectoryPath
        )
        arguments = words
        self.timeout = timeout
        self.outputLimit = max(0, outputLimit)
        childEnvironment = environment
            .filter { !Self.withheldVariables.contains($0.key) }
            .map { "\($0.key)=\($0.value)" }
            .sorted()
    }

    /// Runs the command once with `input` on stdin; never throws; blocks the calling thread until the child has exited and been reaped.
    ///
    /// `outputTail` is the last `outputLimit` bytes of stdout and stderr together, decoded as
    /// UTF-8 ("" when there was none); when the command did not exit by itself, a last line
    /// starting `trafficspec:` says what happened.
    public func run(input: [UInt8]) -> ApplyOutcome {
        let child = ChildProcess(path: arguments[0], arguments: arguments, environment: childEnvironment)
        let result = child.run(input: input, timeout: timeout, outputLimit: outputLimit)
        let tail = Self.decodeTail(result.output, limit: outputLimit)
        switch result.ending {
        case .exited(0):
            return ApplyOutcome(status: .succeeded, exitStatus: 0, outputTail: tail)
        case .exited(let status):
            return ApplyOutcome(status: .failed, exitStatus: Int(status), outputTail: tail)
        case .signaled(let signal):
            return ApplyOutcome(
                status: .failed,
                outputTail: Self.appendingLine("trafficspec: apply command killed by signal \(signal)", to: tail)
            )
        case .timedOut:
            let line = "trafficspec: apply command timed out after \(Self.seconds(timeout)) s and was killed"
            return ApplyOutcome(status: .failed, outputTail: Self.appendingLine(line, to: tail))
        case .couldNotStart(let code):
            return ApplyOutcome(
                status: .failed,
                outputTail: "trafficspec: could not start apply command: \(Self.errorMessage(code))"
            )
        case .endingUnknown(let code):
            let reason = code == 0 ? "unexpected wait status" : Self.errorMessage(code)
            let line = "trafficspec: could not learn how the apply command ended: \(reason)"
            return ApplyOutcome(status: .failed, outputTail: Self.appendingLine(line, to: tail))
        }
    }

    /// For logs: the argv joined, with quoting as needed.
    public var description: String {
        arguments.map(Self.quoted).joined(separator: " ")
    }

    // MARK: - Words

    /// The words of `commandLine`, by the quoting rules of `init`.
    static func words(in commandLine: String) throws(ApplyCommandError) -> [String] {
        enum Quote { case none, single, double }
        var words: [String] = []
        var word = String.UnicodeScalarView()
        var inWord = false  // so that '' makes an empty word
        var quote = Quote.none
        var scalars = commandLine.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            switch quote {
            case .single:
                if scalar == "'" { quote = .none } else { word.append(scalar) }
            case .double:
                if scalar == "\"" {
                    quote = .none
                } else if scalar == "\\" {
                    guard let next = scalars.next() else {
                        throw .unterminatedQuote(commandLine: commandLine)
                    }
                    if next != "\"", next != "\\" { word.append(scalar) }  // a literal backslash
                    word.append(next)
                } else {
                    word.append(scalar)
                }
            case .none:
                if isBlank(scalar) {
                    if inWord {
                        words.append(String(word))
                        word = String.UnicodeScalarView()
                        inWord = false
                    }
                    continue
                }
                inWord = true
                switch scalar {
                case "'": quote = .single
                case "\"": quote = .double
                case "\\":
                    guard let next = scalars.next() else { throw .danglingEscape(commandLine: commandLine) }
                    word.append(next)
                default: word.append(scalar)
                }
            }
        }
        guard quote == .none else { throw .unterminatedQuote(commandLine: commandLine) }
        if inWord { words.append(String(word)) }
        guard !words.isEmpty else { throw .empty }
        return words
    }

    /// Blanks that separate words: ASCII whitespace only, as in a shell.
    private static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{0B}" || scalar == "\u{0C}"
    }

    /// `word` quoted so that `words(in:)` reads it back unchanged; bare when that is safe.
    static func quoted(_ word: String) -> String {
        let safe = !word.isEmpty && word.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "@%+=:,./_-".unicodeScalars.contains(scalar))
        }
        if safe { return word }
        return "'" + word.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }

    // MARK: - Executable

    /// What is at a path.
    private enum FileKind {
        case missing, directory, executable, other
    }

    private static func kind(of path: String) -> FileKind {
        var info = stat()
        guard stat(path, &info) == 0 else {
            return errno == ENOENT || errno == ENOTDIR ? .missing : .other
        }
        switch info.st_mode & mode_t(S_IFMT) {
        case mode_t(S_IFDIR): return .directory
        case mode_t(S_IFREG): return access(path, X_OK) == 0 ? .executable : .other
        default: return .other
        }
    }

    /// The absolute path of the executable `word` names; see `init`.
    static func resolveExecutable(_ word: String, path: String?, currentDirectory: String) throws(ApplyCommandError) -> String {
        if word.contains("/") {
            var absolute = word
            if !word.hasPrefix("/") {
                var relative = Substring(word)
                while relative.hasPrefix("./") { relative = relative.dropFirst(2).drop { $0 == "/" } }
                absolute = (currentDirectory.hasSuffix("/") ? currentDirectory : currentDirectory + "/") + relative
            }
            switch kind(of: absolute) {
            case .executable: return absolute
            case .missing: throw .notFound(executable: word, searched: [absolute])
            case .directory, .other: throw .notExecutable(path: absolute)
            }
        }
        let directories = (path ?? "").split(separator: ":").map(String.init).filter { $0.hasPrefix("/") }
        var firstNotExecutable: String?
        for directory in directories {
            let candidate = (directory.hasSuffix("/") ? directory : directory + "/") + word
            switch kind(of: candidate) {
            case .executable: return candidate
            case .other: firstNotExecutable = firstNotExecutable ?? candidate
            case .missing, .directory: continue
            }
        }
        if let firstNotExecutable { throw .notExecutable(path: firstNotExecutable) }
        throw .notFound(executable: word, searched: directories)
    }

    // MARK: - Outcome text

    /// The kept output as text: a partial character cut off at the start is dropped, invalid
    /// UTF-8 becomes U+FFFD, and the result stays within `limit` bytes of UTF-8.
    static func decodeTail(_ bytes: [UInt8], limit: Int) -> String {
        var start = bytes.startIndex
        while start < bytes.endIndex, start - bytes.startIndex < 3, UTF8.isContinuation(bytes[start]) {
            start += 1
        }
        let text = String(decoding: bytes[start...], as: UTF8.self)
        let excess = text.utf8.count - limit
        guard excess > 0 else { return text }
        // Replacement characters are three bytes each, so invalid input can decode longer.
        var cut = text.utf8.index(text.utf8.startIndex, offsetBy: excess)
        while cut < text.utf8.endIndex, UTF8.isContinuation(text.utf8[cut]) {
            cut = text.utf8.index(after: cut)
        }
        return String(decoding: text.utf8[cut...], as: UTF8.self)
    }

    /// `tail` followed by `line` on a line of its own.
    private static func appendingLine(_ line: String, to tail: String) -> String {
        if tail.isEmpty || tail.hasSuffix("\n") { return tail + line }
        return tail + "\n" + line
    }

    /// A duration in seconds for a message: "30", "0.3", "1.25" (to the millisecond).
    static func seconds(_ duration: Duration) -> String {
        guard duration > .zero else { return "0" }
        let (seconds, attoseconds) = duration.components
        let milliseconds = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        let whole = milliseconds / 1000
        var fraction = milliseconds % 1000
        guard fraction != 0 else { return "\(whole)" }
        var digits = 3
        while fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        let padded = String(repeating: "0", count: digits - String(fraction).count) + String(fraction)
        return "\(whole).\(padded)"
    }

    private static func errorMessage(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
