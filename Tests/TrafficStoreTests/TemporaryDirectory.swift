import Foundation

/// A unique directory under the system temporary directory, removed when the value is released.
final class TemporaryDirectory: Sendable {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("trafficstore-tests-\(UUID().uuidString)", isDirectory: true)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// Path of the database file; its `data/` parent does not exist yet, so the store must create it.
    var databasePath: String {
        url.appendingPathComponent("data/trafficspec.db").path
    }
}
