import ArgumentParser
import Foundation
import Logging
import TrafficStore

/// `trafficspec token create`: issues an API token straight into the database, so the first
/// admin token exists before the server ever ran (and without one at all).
struct TokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Manage API tokens offline, in the database file.",
        subcommands: [Create.self]
    )

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create",
            abstract: "Create an API token and print its secret (shown this once; only its hash is stored).",
            discussion: """
                The secret goes alone to standard output, so `TOKEN=$(trafficspec token create …)` \
                works; the token's id, role and expiry go to standard error. Exit status: 0 created, \
                1 refused (e.g. the name is taken), 2 usage error.
                """
        )

        @Option(name: .long, help: "SQLite database file (env TRAFFICSPEC_DB; default ./data/trafficspec.db).")
        var db: String?

        @Option(name: .long, help: "The token's name; it is recorded as the actor of every write made with it.")
        var name: String

        @Option(name: .long, help: "viewer, author, deployer or admin.")
        var role: String

        @Option(name: .long, help: "Lifetime, e.g. 90d, 12h or 30m (default: never expires).")
        var expiresIn: String?

        func validate() throws {
            guard TokenRole(rawValue: role) != nil else {
                throw ValidationError("--role must be one of \(TokenRole.allCases.map(\.rawValue).joined(separator: ", ")) (got '\(role)')")
            }
            if let expiresIn, Self.seconds(expiresIn) == nil {
                throw ValidationError("--expires-in must be a positive number followed by d, h or m (got '\(expiresIn)')")
            }
        }

        /// `90d` / `12h` / `30m` in seconds.
        static func seconds(_ text: String) -> TimeInterval? {
            guard let unit = text.last, let amount = Int(text.dropLast()), amount > 0, amount <= 36_500 * 24 * 60 else { return nil }
            switch unit {
            case "d": return TimeInterval(amount) * 86_400
            case "h": return TimeInterval(amount) * 3_600
            case "m": return TimeInterval(amount) * 60
            default: return nil
            }
        }

        func run() throws {
            guard let role = TokenRole(rawValue: role) else { throw ExitCode.validationFailure }
            let logger = LoggingSetup.bootstrap(level: .warning)
            let path = Environment.databasePath(flag: db)
            let store: SpecStore
            do {
                store = try SpecStore(path: path, logger: logger)
            } catch {
                printError("trafficspec token create: \(StartupMessage.describe(error, path: path))")
                throw ExitCode.failure
            }
            defer { store.close() }
            let expiresAt = expiresIn.flatMap(Self.seconds).map { Date().addingTimeInterval($0) }
            do {
                let issued = try store.createToken(name: name, role: role, expiresAt: expiresAt, actor: "cli")
                print(issued.secret.text)
                let expiry = expiresAt.map { " expires \(ISO8601DateFormatter().string(from: $0))" } ?? ""
                printError("created token \(issued.record.id) '\(name)' role \(role.rawValue)\(expiry); the secret is shown only now")
            } catch {
                printError("trafficspec token create: \(error)")
                throw ExitCode.failure
            }
        }
    }
}
