import Foundation
import TrafficStore

/// The first admin token of a database that never had one, so a fresh server can be used at
/// all: taken from `TRAFFICSPEC_ADMIN_TOKEN` when set (e.g. from a Kubernetes Secret), else
/// generated and printed once on standard error — never logged, never stored in clear.
enum BootstrapToken {
    static let name = "bootstrap-admin"

    static func ensure(in store: SpecStore, preset: String?) throws {
        guard try store.tokenCount() == 0 else { return }
        let issued = try store.createToken(name: name, role: .admin, expiresAt: nil, actor: "serve", presetSecret: preset)
        if preset == nil {
            printError("""
                trafficspec: created the admin token '\(name)'; it is shown only now:
                \(issued.secret.text)
                """)
        } else {
            printError("trafficspec: created the admin token '\(name)' from TRAFFICSPEC_ADMIN_TOKEN")
        }
    }
}
