import Foundation
import Synchronization
import Testing
@testable import TrafficAPI
import TrafficStore

/// The runner of `serve --apply-command`. The stubs are shell scripts; the command itself is
/// never given to a shell (see `noShellEndToEnd`).
@Suite struct ApplyCommandTests {
    // MARK: - Running

    @Test func successFeedsStdinAndKeepsTheOutput() throws {
        let sandbox = try Sandbox()
        let stub = try sandbox.script("apply", """
            cat > "$1"
            echo "applied: deployment/task-api configured"
            """)
        let copy = sandbox.path("stdin-copy")
        let command = try ApplyCommand(commandLine: "\(quoted(stub)) \(quoted(copy))", timeout: .seconds(30), environment: environment)
        let input = Array("apiVersion: apps/v1\nkind: Deployment\n\u{00E9}\n".utf8) + [0, 255]
        let outcome = command.run(input: input)
        #expect(outcome.status == .succeeded, "\(outcome)")
        #expect(outcome.exitStatus == 0)
        #expect(outcome.outputTail?.contains("applied: deployment/task-api configured") == true)
        #expect(try Array(Data(contentsOf: URL(fileURLWithPath: copy))) == input)
    }

    @Test func nonZeroExitFailsWithTheStatusAndStderr() throws {
        let sandbox = try Sandbox()
        let stub = try sandbox.script("apply", """
            echo "error: the server could not find the requested resource" >&2
            exit 3
            """)
        let outcome = try ApplyCommand(commandLine: quoted(stub), timeout: .seconds(30), environment: environment)
            .run(input: Array("kind: Service\n".utf8))
        #expect(outcome == ApplyOutcome(
            status: .failed, exitStatus: 3,
            outputTail: "error: the server could not find the requested resource\n"
        ))
    }

    @Test func noOutputIsAnEmptyTail() throws {
        let sandbox = try Sandbox()
        let stub = try sandbox.script("apply", "cat > /dev/null")
        let outcome = try ApplyCommand(commandLine: quoted(stub), timeout: .seconds(30), environment: environment)
            .run(input: [])
        #expect(outcome == ApplyOutcome(status: .succeeded, exitStatus: 0, outputTail: ""))
    }

    @Test func timeoutKillsTheCommand() throws {
        let sandbox = try Sandbox()
        let stub = try sandbox.script("apply", """
            echo "waiting for the API server"
            sleep 30
            """)
        let outcome = try ApplyCommand(commandLine: quoted(stub), timeout: .milliseconds(300), environment: environment)
            .run(input: Array("x".utf8))
        #expect(outcome == ApplyOutcome(
            status: .failed, exitStatus: nil,
            outputTail: "waiting for the API server\ntrafficspec: apply command timed out after 0.3 s and was killed"
        ))
    }

    @Test func commandThatIgnoresSIGTERMIsKilledAfterTheGrace() throws {
        let sandbox = try Sandbox()
        let stub = try sandbox.script("apply", """
            trap '' TERM
            printf 'stubborn'
            sleep 30
            """)
        let outcome = try ApplyCommand(commandLine: quoted(stub), timeout: .milliseconds(300), environment: environment)
            .run(input: [])
        #expect(outcome.status == .failed)
        #expect(outcome.exitStatus == nil)
        #expect(outcome.outputTail == "stubborn\ntrafficspec: apply command timed out after 0.3 s and was killed")
    }

    @Test(arguments: ["wait", "trap '' TERM; wait"])
    func timeoutKillsTheWholeProcessGroup(waitLine: String) throws {
        let sandbox = try Sandbox()
        let pidFile = sandbox.path("grandchild.pid")
        let stub = try sandbox.script("apply", """
            sleep 30 &
            echo $! > "$1"
            \(waitLine)
            """)
        let outcome = try ApplyCommand(commandLine: "\(quoted(stub)) \(quoted(pidFile))", timeout: .milliseconds(300), environment: environment)
            .run(input: [])
        #expect(outcome.status == .failed)
        #expect(outcome.outputTail?.hasSuffix("timed out after 0.3 s and was killed") == true)
        let text = try String(contentsOfFile: pidFile, encoding: .utf8)
        let grandchild = try #require(pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(waitUntilGone(grandchild), "the background sleep \(grandchild) outlived the timeout")
    }

    /// A command that closes its output and keeps running is still waited for.
    @Test func commandThatClosesItsOutputEarlyIsWaitedFor() throws {
        let sandbox = try Sandbox()
        let stub = try sandbox.script("apply", """
            echo "closing"
            exec >&- 2>&-
            sleep 0.3
            exit 4
            """)
        let outcome = try ApplyCommand(commandLine: quoted(stub), timeout: .seconds(30), environment: environment)
            .run(input: [])
        #expect(outcome == ApplyOutcome(status: .failed, exitStatus: 4, outputTail: "closing\n"))
    }

    /// The command is finished when it has exited *and* its output is closed: a helper left
    /// running in the background with the output open counts against the timeout, and is
    /// killed with the group.
    @Test func backgroundHelperHoldingTheOutputRunsIntoTheTimeout() throws {
        let sandbox = try Sandbox()
        let stub = try sandbox.script("apply", """
            sleep 30 &
            echo done
            exit 0
            """)
        let outcome = try ApplyCommand(commandLine: quoted(stub), timeout: .milliseconds(300), environment: environment)
            .run(input: [])
        #expect(outcome == ApplyOutcome(
            status: .failed, exitStatus: nil,
            outputTail: "done\ntrafficspec: apply command timed out after 0.3 s and was killed"
        ))
    }

    #if os(Linux)
    /// The server ignores SIGPIPE (and SIGTERM, SIGINT, for its dispatch source), runs on
    /// threads that block most signals, and this thread blocks SIGPIPE during a run: the command
    /// must inherit none of that. SIGUSR2 stands in for the ignored signals here, because
    /// nothing in the test process uses it. No shell: grep reads its own status.
    @Test func childStartsWithNoSignalBlockedOrIgnored() throws {
        let previous = signal(SIGUSR2, SIG_IGN)
        defer { signal(SIGUSR2, previous) }
        let outcome = try ApplyCommand(
            commandLine: "grep -E '^Sig(Blk|Ign):' /proc/self/status", timeout: .seconds(30), environment: environment
        ).run(input: [])
        #expect(outcome.status == .succeeded, "\(outcome)")
        var masks: [String: UInt64] = [:]
        for line in (outcome.outputTail ?? "").split(separator: "\n") {
            let parts = line.split(separator: ":").map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2 { masks[parts[0]] = UInt64(parts[1], radix: 16) }
        }
        #expect(masks["SigBlk"] == 0)
        // Bits 0-30 are the standard signals 1-31. glibc's posix_spawn itself leaves its two
        // internal real-time signals (32, 33) ignored in the child; exec'd programs reset them.
        #expect(masks["SigIgn"].map { $0 & 0x7FFF_FFFF } == 0, "\(outcome.outputTail ?? "")")
    }
    #endif

    @Test func exitBySignalIsReported() throws {
        let sandbox = try Sandbox()
        let stub = try sandbox.script("apply", """
            echo "about to crash"
            kill -KILL $$
            """)
        let outcome = try ApplyCommand(commandLine: quoted(stub), timeout: .seconds(30), environment: environment)
            .run(input: [])
        #expect(outcome == ApplyOutcome(
            status: .failed, exitStatus: nil,
            outputTail: "about to crash\ntrafficspec: apply command killed by signal 9"
        ))
    }

    @Test func executableThatVanishedIsASpawnFailure() throws {
        let sandbox = try Sandbox()
        let stub = try sandbox.script("apply", "exit 0")
        let command = try ApplyCommand(commandLine: quoted(stub), timeout: .seconds(30), environment: environment)
        try FileManager.default.removeItem(atPath: stub)
        let outcome = command.run(input: Array("kind: Service\n".utf8))
        #expect(outcome == ApplyOutcome(
            status: .failed, exitStatus: nil,
            outputTail: "trafficspec: could not start apply command: No such file or directory"
        ))
    }

    @Test func largeInputIsReadInFull() throws {
        let sandbox = try Sandbox()
        let stub = try sandbox.script("apply", "wc -c")
        let input = [UInt8](repeating: UInt8(ascii: "m"), count: 2 * 1024 * 1024)
        let outcome = try ApplyCommand(commandLine: quoted(stub), timeout: .seconds(30), environment: environment)
            .run(input: input)
        #expect(outcome.status == .succeeded)
        #expect(outcome.outputTail?.trimmingCharacters(in: .whitespacesAndNewlines) == "2097152")
    }

    /// The stdin pipe breaks while 2 MB are still to be written: EPIPE, not a SIGPIPE that would
    /// kill this test process (which, unlike the server, does not ignore SIGPIPE).
    @Test(arguments: ["exit 0", "head -c 1000 > /dev/null; echo read some"])
    func commandThatStopsReadingStdinDoesNotHangOrCrash(body: String) throws {
        let sandbox = try Sandbox()
        let stub = try sandbox.script("apply", body)
        let input = [UInt8](repeating: UInt8(ascii: "m"), count: 2 * 1024 * 1024)
        let outcome = try ApplyCommand(commandLine: quoted(stub), timeout: .seconds(30), environment: environment)
            .run(input: input)
        #expect(outcome.status == .succeeded)
        #expect(outcome.exitStatus == 0)
    }

    @Test func outputFloodKeepsOnlyTheTail() throws {
        let sandbox = try Sandbox()
        let stub = try sandbox.script("apply", """
            yes 'configmap/some-long-name-to-fill-the-pipe unchanged' | head -n 100000
            echo 'the last line' >&2
            """)
        let outcome = try ApplyCommand(commandLine: quoted(stub), timeout: .seconds(60), outputLimit: 1000, environment: environment)
            .run(input: [])
        #expect(outcome.status == .succeeded)
        let tail = try #require(outcome.outputTail)
        #expect(tail.utf8.count <= 1000)
        #expect(tail.utf8.count > 900)
        #expect(tail.hasSuffix("unchanged\nthe last line\n"))
    }

    /// The child sees only 0, 1 and 2, although this process holds descriptors opened without
    /// close-on-exec. `sh -c` runs no script file (which would hold a descriptor of its own)
    /// and forks `ls` (because of `; exit`), so /proc/$$/fd is the shell's table as spawned.
    #if os(Linux)
    @Test func childInheritsNoOtherDescriptor() throws {
        let sandbox = try Sandbox()
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        try #require(listener > 2)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        #expect(bound == 0)
        #expect(listen(listener, 1) == 0)
        let file = open(sandbox.path("database"), O_RDWR | O_CREAT, 0o600)
        try #require(file > 2)
        defer { close(file) }
        #expect(fcntl(listener, F_GETFD) & FD_CLOEXEC == 0)
        #expect(fcntl(file, F_GETFD) & FD_CLOEXEC == 0)

        let outcome = try ApplyCommand(
            commandLine: #"/bin/sh -c 'ls /proc/$$/fd; exit 0'"#, timeout: .seconds(30), environment: environment
        ).run(input: Array("x".utf8))
        #expect(outcome.status == .succeeded)
        let descriptors = Set((outcome.outputTail ?? "").split(whereSeparator: \.isWhitespace).map(String.init))
        #expect(descriptors == ["0", "1", "2"])
    }
    #endif

    @Test func manyRunsAtOnceStayApart() throws {
        let sandbox = try Sandbox()
        let stub = try sandbox.script("apply", "cat; echo \" done $1\"")
        let commands = try (0..<6).map { index in
            try ApplyCommand(commandLine: "\(quoted(stub)) \(index)", timeout: .seconds(30), environment: environment)
        }
        let outcomes = Outcomes(count: commands.count)
        DispatchQueue.concurrentPerform(iterations: commands.count) { index in
            let outcome = commands[index].run(input: Array("input-\(index)".utf8))
            outcomes.values.withLock { $0[index] = outcome }
        }
        for (index, outcome) in outcomes.values.withLock({ $0 }).enumerated() {
            #expect(outcome == ApplyOutcome(status: .succeeded, exitStatus: 0, outputTail: "input-\(index) done \(index)\n"))
        }
    }

    /// The words reach the program as they are: `$(…)`, `;` and a second command stay text.
    @Test func noShellEndToEnd() throws {
        let sandbox = try Sandbox()
        let stub = try sandbox.script("apply", #"for argument in "$@"; do printf '[%s]\n' "$argument"; done"#)
        let pwned = sandbox.path("pwned")
        let pwnedToo = sandbox.path("pwned-too")
        let commandLine = "\(quoted(stub)) '$(touch \(pwned))' ';' 'touch' \(quoted(pwnedToo)) `touch \(pwned)` | $HOME > out"
        let command = try ApplyCommand(commandLine: commandLine, timeout: .seconds(30), environment: environment)
        let outcome = command.run(input: [])
        #expect(outcome.status == .succeeded)
        #expect(outcome.outputTail == """
            [$(touch \(pwned))]
            [;]
            [touch]
            [\(pwnedToo)]
            [`touch]
            [\(pwned)`]
            [|]
            [$HOME]
            [>]
            [out]

            """)
        #expect(!FileManager.default.fileExists(atPath: pwned))
        #expect(!FileManager.default.fileExists(atPath: pwnedToo))
        #expect(!FileManager.default.fileExists(atPath: sandbox.path("out")))
    }

    @Test func theAdminTokenIsNotPassedOn() throws {
        let sandbox = try Sandbox()
        let stub = try sandbox.script("apply", #"echo "token=${TRAFFICSPEC_ADMIN_TOKEN-unset} kubeconfig=$KUBECONFIG""#)
        var environment = environment
        environment["TRAFFICSPEC_ADMIN_TOKEN"] = "tsk_secret"
        environment["KUBECONFIG"] = "/etc/kube/config"
        let outcome = try ApplyCommand(commandLine: quoted(stub), timeout: .seconds(30), environment: environment)
            .run(input: [])
        #expect(outcome.outputTail == "token=unset kubeconfig=/etc/kube/config\n")
    }

    // MARK: - Words and resolution

    @Test(arguments: [
        ("a b  c", ["a", "b", "c"]),
        ("  \ta\n", ["a"]),
        ("'a b' c", ["a b", "c"]),
        (#""a \"b\" c""#, [#"a "b" c"#]),
        (#""a\b\\c""#, [#"a\b\c"#]),
        (#"a\ b"#, ["a b"]),
        (#"\'\"\\"#, [#"'"\"#]),
        ("'$(touch x)' ';' '|'", ["$(touch x)", ";", "|"]),
        ("$HOME ~ * `id` a;b|c>d &", ["$HOME", "~", "*", "`id`", "a;b|c>d", "&"]),
        ("''", [""]),
        ("a '' b", ["a", "", "b"]),
        ("a''b\"\"c", ["abc"]),
        (#"'a\b' "it's" 'say "hi"'"#, [#"a\b"#, "it's", #"say "hi""#]),
        ("kubectl apply --server-side -f -", ["kubectl", "apply", "--server-side", "-f", "-"]),
    ])
    func wordSplitting(commandLine: String, expected: [String]) throws {
        #expect(try ApplyCommand.words(in: commandLine) == expected)
    }

    @Test(arguments: [
        ("'abc", ApplyCommandError.unterminatedQuote(commandLine: "'abc")),
        (#""abc"#, .unterminatedQuote(commandLine: #""abc"#)),
        (#""abc\""#, .unterminatedQuote(commandLine: #""abc\""#)),
        (#""abc\"#, .unterminatedQuote(commandLine: #""abc\"#)),
        (#"abc\"#, .danglingEscape(commandLine: #"abc\"#)),
        ("", .empty),
        (" \t\n ", .empty),
    ])
    func wordSplittingErrors(commandLine: String, expected: ApplyCommandError) {
        #expect(throws: expected) { try ApplyCommand.words(in: commandLine) }
        #expect(throws: expected) {
            try ApplyCommand(commandLine: commandLine, timeout: .seconds(1), environment: environment)
        }
    }

    @Test func wordsKeepTheirLiteralTextThroughInit() throws {
        let sandbox = try Sandbox()
        let stub = try sandbox.script("kubectl", "exit 0")
        let command = try ApplyCommand(
            commandLine: #"kubectl apply -f - '$(touch x)' ';' '|' $HOME"#,
            timeout: .seconds(1), environment: ["PATH": sandbox.directory]
        )
        #expect(command.arguments == [stub, "apply", "-f", "-", "$(touch x)", ";", "|", "$HOME"])
    }

    @Test func executableIsResolvedThroughPATH() throws {
        let sandbox = try Sandbox()
        let first = sandbox.path("first")
        let second = sandbox.path("second")
        try FileManager.default.createDirectory(atPath: first, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: second, withIntermediateDirectories: true)
        // In `first`, a directory of that name, which is passed over.
        try FileManager.default.createDirectory(atPath: first + "/deploy", withIntermediateDirectories: true)
        let stub = try sandbox.script("second/deploy", "exit 0")
        let path = "relative/bin::\(first)/:\(second)"
        let command = try ApplyCommand(commandLine: "deploy --now", timeout: .seconds(1), environment: ["PATH": path])
        #expect(command.arguments == [stub, "--now"])
        #expect(command.timeout == .seconds(1))
        #expect(command.outputLimit == 4096)

        #expect(throws: ApplyCommandError.notFound(executable: "kubectl", searched: ["\(first)/", second])) {
            try ApplyCommand(commandLine: "kubectl apply -f -", timeout: .seconds(1), environment: ["PATH": path])
        }
        #expect(throws: ApplyCommandError.notFound(executable: "kubectl", searched: [])) {
            try ApplyCommand(commandLine: "kubectl", timeout: .seconds(1), environment: [:])
        }
    }

    @Test func nonExecutableFilesAreRefused() throws {
        let sandbox = try Sandbox()
        let plain = try sandbox.script("plain", "exit 0", permissions: 0o644)
        #expect(throws: ApplyCommandError.notExecutable(path: plain)) {
            try ApplyCommand(commandLine: quoted(plain), timeout: .seconds(1), environment: environment)
        }
        #expect(throws: ApplyCommandError.notExecutable(path: plain)) {
            try ApplyCommand(commandLine: "plain", timeout: .seconds(1), environment: ["PATH": sandbox.directory])
        }
        #expect(throws: ApplyCommandError.notExecutable(path: sandbox.directory)) {
            try ApplyCommand(commandLine: quoted(sandbox.directory), timeout: .seconds(1), environment: environment)
        }
        let missing = sandbox.path("missing")
        #expect(throws: ApplyCommandError.notFound(executable: missing, searched: [missing])) {
            try ApplyCommand(commandLine: quoted(missing), timeout: .seconds(1), environment: environment)
        }
    }

    @Test func relativePathIsTakenFromTheCurrentDirectory() throws {
        let sandbox = try Sandbox()
        let stub = try sandbox.script("tool", "exit 0")
        #expect(try ApplyCommand.resolveExecutable("./tool", path: nil, currentDirectory: sandbox.directory) == stub)
        #expect(try ApplyCommand.resolveExecutable("././tool", path: nil, currentDirectory: sandbox.directory + "/") == stub)
        #expect(throws: ApplyCommandError.notFound(executable: "./nothing", searched: [sandbox.path("nothing")])) {
            try ApplyCommand.resolveExecutable("./nothing", path: nil, currentDirectory: sandbox.directory)
        }
    }

    @Test func errorDescriptionsNameTheValue() {
        #expect(ApplyCommandError.empty.description == "apply command is empty")
        #expect(ApplyCommandError.unterminatedQuote(commandLine: "kubectl 'apply").description
            == "apply command has an unterminated quote: kubectl 'apply")
        #expect(ApplyCommandError.danglingEscape(commandLine: #"kubectl \"#).description
            == #"apply command ends with a backslash that escapes nothing: kubectl \"#)
        #expect(ApplyCommandError.notFound(executable: "kubectl", searched: ["/usr/bin", "/bin"]).description
            == "apply command executable 'kubectl' not found in PATH (/usr/bin:/bin)")
        #expect(ApplyCommandError.notFound(executable: "./deploy", searched: ["/srv/deploy"]).description
            == "apply command executable not found: ./deploy")
        #expect(ApplyCommandError.notExecutable(path: "/srv/deploy").description
            == "apply command is not an executable file: /srv/deploy")
    }

    @Test func descriptionQuotesWhatNeedsIt() throws {
        let sandbox = try Sandbox()
        let stub = try sandbox.script("apply", "exit 0")
        let commandLine = #"\#(quoted(stub)) apply --server-side -f - 'it'\''s' "a b" '' '$HOME' --context=prod/eu-1"#
        let command = try ApplyCommand(commandLine: commandLine, timeout: .seconds(1), environment: environment)
        #expect(command.description == #"\#(stub) apply --server-side -f - 'it'\''s' 'a b' '' '$HOME' --context=prod/eu-1"#)
        #expect(try ApplyCommand.words(in: command.description) == command.arguments)
    }

    @Test func tailDecodingDropsACutCharacterAndStaysWithinTheLimit() {
        let text = Array("ä€😀 end".utf8)
        #expect(ApplyCommand.decodeTail(Array(text.dropFirst(1)), limit: 100) == "€😀 end")
        #expect(ApplyCommand.decodeTail(Array(text.dropFirst(3)), limit: 100) == "😀 end")
        #expect(ApplyCommand.decodeTail(Array(text.dropFirst(6)), limit: 100) == " end")
        #expect(ApplyCommand.decodeTail([0xFF, 0xFE, 0x41], limit: 3) == "A")
        #expect(ApplyCommand.decodeTail([], limit: 3) == "")
    }

    @Test func timeoutSecondsAreWrittenShort() {
        #expect(ApplyCommand.seconds(.seconds(30)) == "30")
        #expect(ApplyCommand.seconds(.milliseconds(300)) == "0.3")
        #expect(ApplyCommand.seconds(.milliseconds(1250)) == "1.25")
        #expect(ApplyCommand.seconds(.milliseconds(5)) == "0.005")
    }

    // MARK: - Helpers

    private let environment = ["PATH": "/usr/local/bin:/usr/bin:/bin"]

    private func quoted(_ word: String) -> String {
        ApplyCommand.quoted(word)
    }

    /// Waits up to 5 s for a process to be gone: no such pid, or a zombie that nobody reaps yet
    /// (its parent died; PID 1 of a container may not reap).
    private func waitUntilGone(_ pid: pid_t) -> Bool {
        for _ in 0..<500 {
            if kill(pid, 0) != 0 && errno == ESRCH { return true }
            if let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
               let close = stat.lastIndex(of: ")"),
               stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z") {
                return true
            }
            usleep(10_000)
        }
        return false
    }
}

/// Results written from several threads.
private final class Outcomes: Sendable {
    let values: Mutex<[ApplyOutcome?]>

    init(count: Int) {
        values = Mutex([ApplyOutcome?](repeating: nil, count: count))
    }
}

/// A temporary directory for one test, removed when the value is released.
private final class Sandbox {
    let directory: String

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("trafficspec-apply-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: directory)
    }

    func path(_ name: String) -> String {
        directory + "/" + name
    }

    /// Writes a `#!/bin/sh` stub and makes it executable; returns its absolute path.
    ///
    /// A child process writes it, not this one: a descriptor open for writing here would be
    /// copied into any process another test spawns at that moment (it lives there until that
    /// child closes it, just before exec), and exec of the stub would fail with ETXTBSY.
    func script(_ name: String, _ body: String, permissions: Int = 0o755) throws -> String {
        let file = path(name)
        let writer = try ApplyCommand(
            commandLine: #"/bin/sh -c 'cat > "$1" && chmod "$2" "$1"' sh "# + ApplyCommand.quoted(file) + " "
                + String(permissions, radix: 8),
            timeout: .seconds(30), environment: ["PATH": "/usr/bin:/bin"]
        )
        let outcome = writer.run(input: Array("#!/bin/sh\n\(body)\n".utf8))
        guard outcome.status == .succeeded else { throw StubNotWritten(outcome: outcome) }
        return file
    }

    struct StubNotWritten: Error {
        let outcome: ApplyOutcome
    }
}
