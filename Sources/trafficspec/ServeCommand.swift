import ArgumentParser
import Dispatch
import Foundation
import Logging
import MiniHTTP
import TrafficAPI
import TrafficCore
import TrafficStore

/// `trafficspec serve`: the HTTP API on the embedded SQLite database.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the HTTP API.",
        discussion: """
            Stops gracefully on SIGTERM or SIGINT: stops accepting, finishes requests in flight, \
            then checkpoints and closes the database.
            """
    )

    @Option(name: .long, help: "Listen address HOST:PORT (env TRAFFICSPEC_LISTEN; default 127.0.0.1:8080).")
    var listen: String?

    @Option(name: .long, help: "SQLite database file, created on first start (env TRAFFICSPEC_DB; default ./data/trafficspec.db).")
    var db: String?

    @Option(name: .long, help: "Largest request body accepted, in bytes.")
    var maxBodyBytes: Int = HTTPLimits().maxBodyBytes

    @Option(name: .long, help: "Most connections served at once; more wait in the kernel's backlog.")
    var maxConnections: Int = HTTPLimits().maxConnections

    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error, critical (env TRAFFICSPEC_LOG_LEVEL).")
    var logLevel: Logger.Level?

    @Flag(name: .long, help: "Let requests without a token read (writes always need one).")
    var allowAnonymousRead = false

    @Option(name: .long, help: "Also load the CRDs in this folder for POST /v1/validate (repeatable).")
    var crdDir: [String] = []

    @Option(name: .long, help: "Declare an environment at start, e.g. prod (repeatable); others are created by their first rollout.")
    var environment: [String] = []

    @Option(name: .long, help: ArgumentHelp(
        "Promotion order, e.g. dev,staging,prod: a revision reaches an environment only after it ran in the one before.",
        valueName: "ENVIRONMENTS"))
    var promotion: String?

    @Option(name: .long, help: ArgumentHelp(
        "Run this command with each rollout's manifests on stdin, e.g. 'kubectl apply --server-side -f -'. Split into words (quotes respected), never run through a shell.",
        valueName: "COMMAND"))
    var applyCommand: String?

    @Option(name: .long, help: "Seconds an apply command may run before it is killed.")
    var applyTimeout: Double = 120

    func validate() throws {
        guard ListenAddress(parsing: listenText) != nil else {
            throw ValidationError("--listen must be HOST:PORT, e.g. 127.0.0.1:8080 or [::1]:8080 (got '\(listenText)')")
        }
        guard maxBodyBytes > 0 else { throw ValidationError("--max-body-bytes must be positive") }
        guard maxConnections > 0 else { throw ValidationError("--max-connections must be positive") }
        guard applyTimeout > 0, applyTimeout <= 3600 else { throw ValidationError("--apply-timeout must be from 0 to 3600 seconds") }
        for name in environment {
            if let problem = DNSName.labelProblem(name) { throw ValidationError("--environment '\(name)': \(problem)") }
        }
        _ = try rolloutOptions()
    }

    /// `--promotion` and `--apply-command`, checked: a typo must stop the server from starting,
    /// not surface at the first rollout.
    private func rolloutOptions() throws -> RolloutOptions {
        var options = RolloutOptions()
        do {
            if let promotion { options.promotionOrder = try PromotionOrder(parsing: promotion) }
        } catch {
            throw ValidationError("--promotion: \(error)")
        }
        do {
            if let applyCommand {
                options.applyCommand = try ApplyCommand(
                    commandLine: applyCommand, timeout: .milliseconds(Int64(applyTimeout * 1000)))
            }
        } catch {
            throw ValidationError("--apply-command: \(error)")
        }
        return options
    }

    private var listenText: String { listen ?? Environment.value("TRAFFICSPEC_LISTEN") ?? Environment.defaultListen }

    func run() throws {
        let level = logLevel ?? Environment.value("TRAFFICSPEC_LOG_LEVEL").flatMap(Logger.Level.init(rawValue:)) ?? .info
        let logger = LoggingSetup.bootstrap(level: level)
        let path = Environment.databasePath(flag: db)
        guard let address = ListenAddress(parsing: listenText) else { throw ExitCode.validationFailure }

        var catalog = SchemaCatalog.builtin
        do {
            for folder in crdDir { catalog = catalog.adding(try CRDDirectory.load(folder)) }
        } catch {
            printError("trafficspec serve: \(error)")
            throw ExitCode(2)
        }

        let store: SpecStore
        do {
            store = try SpecStore(path: path, logger: logger)
        } catch {
            printError("trafficspec serve: \(StartupMessage.describe(error, path: path))")
            throw ExitCode.failure
        }

        do {
            try BootstrapToken.ensure(in: store, preset: Environment.value("TRAFFICSPEC_ADMIN_TOKEN"))
        } catch {
            printError("trafficspec serve: cannot create the bootstrap admin token: \(error)")
            throw ExitCode.failure
        }

        let rollouts = try rolloutOptions()
        do {
            for name in environment + rollouts.promotionOrder.environments {
                try store.ensureEnvironment(name: name, actor: "serve")
            }
        } catch {
            store.close()
            printError("trafficspec serve: cannot declare the environments: \(error)")
            throw ExitCode.failure
        }
        if let command = rollouts.applyCommand {
            logger.notice("rollouts run the apply command", metadata: ["command": "\(command.description)"])
        }

        let limits = HTTPLimits(maxBodyBytes: maxBodyBytes, maxConnections: maxConnections)
        let configuration = HTTPServerConfiguration(host: address.host, port: address.port, limits: limits)
        let statistics = ServerStatisticsBox()
        let api = TrafficAPI(
            store: store, logger: logger, validator: ManifestValidator(catalog: catalog), allowAnonymousReads: allowAnonymousRead,
            rollouts: rollouts, serverStatistics: { statistics.current })
        let server = HTTPServer(configuration: configuration, logger: logger, handler: api.handle)
        statistics.server = server
        do {
            try server.start()
        } catch {
            store.close()
            printError("trafficspec serve: cannot listen on \(address): \(error)")
            throw ExitCode.failure
        }
        // Signals are taken over before "listening" is announced: a supervisor (or a test) that
        // sends SIGTERM as soon as it reads that line must never find it ignored and lost.
        let signals = ShutdownSignals { signal in
            logger.notice("shutting down", metadata: ["signal": "\(signal)"])
            server.shutdown()
        }
        logger.notice("listening", metadata: ["address": "\(address.host):\(server.localPort)", "db": "\(path)"])
        server.waitUntilStopped()
        signals.cancel()
        store.close()
        logger.notice("stopped")
    }
}
