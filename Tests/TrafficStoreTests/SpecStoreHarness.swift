import Foundation
import Logging
import SQLiteDB
import TrafficStore

/// A store on a fresh temporary file with a controllable clock, plus raw access to the file.
final class SpecStoreHarness: Sendable {
    static let start = Date(timeIntervalSince1970: 1_795_341_600)  // 2026-11-22T10:00:00.000Z

    let directory = TemporaryDirectory()
    let clock = TestClock(SpecStoreHarness.start)
    let store: SpecStore

    init(busyTimeoutMilliseconds: Int = 5000) throws {
        let clock = self.clock
        store = try SpecStore(
            path: directory.databasePath,
            readerCount: 2,
            busyTimeoutMilliseconds: busyTimeoutMilliseconds,
            now: { clock.now },
            logger: Logger(label: "test")
        )
    }

    deinit {
        store.close()
    }

    /// Moves the clock forward.
    func advance(seconds: TimeInterval) {
        clock.advance(seconds: seconds)
    }

    /// A separate read-write connection on the same file, as another process would have.
    func rawConnection(busyTimeoutMilliseconds: Int = 5000) throws -> SQLiteConnection {
        try SQLiteConnection(path: directory.databasePath, busyTimeoutMilliseconds: busyTimeoutMilliseconds)
    }

    func count(_ table: String) throws -> Int64 {
        let connection = try rawConnection()
        return try connection.queryOne("SELECT count(*) FROM \(table)")?.int64(0) ?? -1
    }
}
