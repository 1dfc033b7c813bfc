import ArgumentParser
import Logging
import TrafficStore

/// `trafficspec migrate`: applies pending schema migrations and reports them.
struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Apply pending database migrations (serve also does this at start).",
        discussion: "Exit status: 0 when the schema is current, 1 when a migration fails or the database is newer than this binary."
    )

    @Option(name: .long, help: "SQLite database file (env TRAFFICSPEC_DB; default ./data/trafficspec.db).")
    var db: String?

    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: Logger.Level = .warning

    func run() throws {
        let logger = LoggingSetup.bootstrap(level: logLevel)
        let path = Environment.databasePath(flag: db)
        do {
            let applied = try SpecStore.migrate(path: path, logger: logger)
            if applied.isEmpty {
                print("\(path): schema is up to date")
            } else {
                for identifier in applied { print("\(path): applied \(identifier)") }
            }
        } catch {
            printError("trafficspec migrate: \(StartupMessage.describe(error, path: path))")
            throw ExitCode.failure
        }
    }
}
