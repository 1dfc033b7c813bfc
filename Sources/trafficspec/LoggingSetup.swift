import ArgumentParser
import Logging

/// One process-wide bootstrap of swift-log: text lines on standard error.
enum LoggingSetup {
    static func bootstrap(level: Logger.Level) -> Logger {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        return Logger(label: "trafficspec")
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
