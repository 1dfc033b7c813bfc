import ArgumentParser
import Foundation
import Logging
import TrafficStore

/// `trafficspec audit verify|head`: checks the hash chain of the audit history offline.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Check the tamper-evident audit history in the database file.",
        subcommands: [Verify.self, Head.self]
    )

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Recompute every event's hash and the chain between them.",
            discussion: """
                Exit status: 0 the chain is intact, 1 it was tampered with (the first bad sequence \
                number and why are printed) or the database cannot be read. An intact chain can \
                still have lost its newest events: compare the head (`trafficspec audit head`) \
                with a copy kept elsewhere.
                """
        )

        @Option(name: .long, help: "SQLite database file (env TRAFFICSPEC_DB; default ./data/trafficspec.db).")
        var db: String?

        func run() throws {
            let store = try AuditCommand.open(db)
            defer { store.close() }
            let verification: AuditVerification
            do {
                verification = try store.auditChainVerification()
            } catch {
                printError("trafficspec audit verify: \(error)")
                throw ExitCode.failure
            }
            if let broken = verification.firstBreak {
                print("tampered: event \(broken.seq) (\(broken.reason.rawValue)); \(verification.eventCount) events read")
                throw ExitCode.failure
            }
            let head = verification.head.map { " head \($0.seq) \($0.hash)" } ?? ""
            print("intact: \(verification.eventCount) events;\(head)")
        }
    }

    struct Head: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "head",
            abstract: "Print the last event's sequence number and hash, to anchor it outside the database."
        )

        @Option(name: .long, help: "SQLite database file (env TRAFFICSPEC_DB; default ./data/trafficspec.db).")
        var db: String?

        func run() throws {
            let store = try AuditCommand.open(db)
            defer { store.close() }
            do {
                guard let head = try store.auditHead() else {
                    print("empty")
                    return
                }
                print("\(head.seq) \(head.hash) \(head.occurredAt)")
            } catch {
                printError("trafficspec audit head: \(error)")
                throw ExitCode.failure
            }
        }
    }

    static func open(_ db: String?) throws -> SpecStore {
        let logger = LoggingSetup.bootstrap(level: .warning)
        let path = Environment.databasePath(flag: db)
        guard FileManager.default.fileExists(atPath: path) else {
            printError("trafficspec audit: \(path): no such database")
            throw ExitCode(2)
        }
        do {
            return try SpecStore(path: path, logger: logger)
        } catch {
            printError("trafficspec audit: \(StartupMessage.describe(error, path: path))")
            throw ExitCode.failure
        }
    }
}
