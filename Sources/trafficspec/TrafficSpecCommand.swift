import ArgumentParser
import Foundation

/// `trafficspec`: the service and its offline tools.
@main
struct TrafficSpecCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trafficspec",
        abstract: "Author, store, render and check the traffic configuration of services behind Envoy Gateway.",
        discussion: "Exit status: 0 success, 1 the input has errors (or the command failed), 2 usage or unreadable input.",
        subcommands: [ServeCommand.self, MigrateCommand.self, RenderCommand.self, DiffCommand.self, ValidateCommand.self, TokenCommand.self, AuditCommand.self]
    )

    /// Like `ParsableCommand.main()`, except that usage errors exit with 2 (as `diff(1)` and
    /// `grep(1)` do) instead of `EX_USAGE` (64), so scripts see one convention: 0 ok, 1 findings,
    /// 2 trouble.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if !message.isEmpty {
                let stream = code == .success ? FileHandle.standardOutput : FileHandle.standardError
                stream.write(Data((message + "\n").utf8))
            }
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}
