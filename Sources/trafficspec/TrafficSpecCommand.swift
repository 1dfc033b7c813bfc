import ArgumentParser

/// `trafficspec`: the service and its offline tools.
@main
struct TrafficSpecCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trafficspec",
        abstract: "Author, store, render and check the traffic configuration of services behind Envoy Gateway.",
        subcommands: [ServeCommand.self, MigrateCommand.self]
    )
}
