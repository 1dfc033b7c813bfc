import Foundation

/// A unique directory under the system temporary directory, removed when the value is released.
/// Each test makes its own, so tests can run in parallel on real files.
final class TemporaryDirectory: Sendable {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("sqlitedb-tests-\(UUID().uuidString)", isDirectory: true)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// Path of a file in the directory.
    func path(_ name: String = "test.sqlite") -> String {
        url.appendingPathComponent(name).path
    }
}
