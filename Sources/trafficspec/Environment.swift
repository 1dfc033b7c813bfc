import Foundation

/// Settings resolve as: command-line flag, then environment variable, then default.
enum Environment {
    static func value(_ name: String) -> String? {
        guard let value = ProcessInfo.processInfo.environment[name], !value.isEmpty else { return nil }
        return value
    }

    static let defaultDatabasePath = "./data/trafficspec.db"
    static let defaultListen = "127.0.0.1:8080"

    static func databasePath(flag: String?) -> String {
        flag ?? value("TRAFFICSPEC_DB") ?? defaultDatabasePath
    }
}
