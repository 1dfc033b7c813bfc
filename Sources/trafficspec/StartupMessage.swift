import Foundation
import TrafficStore

/// Messages for failures that stop the process, phrased for the operator who must fix them.
enum StartupMessage {
    static func describe(_ error: any Error, path: String) -> String {
        switch error {
        case StoreError.databaseIsNewer(let unknown):
            return "database \(path) was migrated by a newer trafficspec (unknown migrations: "
                + unknown.joined(separator: ", ") + "); refusing to start. Upgrade this binary."
        case StoreError.busy:
            return "database \(path) is locked by another process"
        default:
            return "\(error)"
        }
    }
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
