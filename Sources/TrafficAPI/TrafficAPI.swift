import Logging
import MiniHTTP
import TrafficCore
import TrafficStore

/// The HTTP API of trafficspec: every route, wired to the store and the core.
///
/// It is a plain request → response function (`handle`), so tests can call it without a
/// socket and the server can call it from any connection thread.
public struct TrafficAPI: Sendable {
    /// The API's own version, reported by `/healthz` and `/metrics`.
    public static let version = "0.1.0"

    private let router: Router

    /// - Parameters:
    ///   - store: where specs and revisions live.
    ///   - validator: checks manifests (built-in schemas, plus any CRDs the server was given).
    ///   - serverStatistics: connection-level counters for `/metrics`, when a server runs.
    ///   - allowAnonymousReads: reads without a token (`serve --allow-anonymous-read`); writes
    ///     always need one.
    ///   - rollouts: the promotion order and the apply command, if any.
    public init(
        store: SpecStore, logger: Logger, validator: ManifestValidator = ManifestValidator(),
        allowAnonymousReads: Bool = false, rollouts: RolloutOptions = RolloutOptions(),
        serverStatistics: @escaping @Sendable () -> HTTPServerStatistics? = { nil }
    ) {
        let metrics = APIMetrics()
        let access = AccessControl(store: store, allowsAnonymousReads: allowAnonymousReads)
        var api = APIRouter(metrics: metrics, logger: logger, access: access)
        let rendered = RenderedRevisionCache()
        SpecRoutes(store: store).register(on: &api)
        TokenRoutes(store: store).register(on: &api)
        ManifestRoutes(store: store, cache: rendered).register(on: &api)
        DiffRoutes(store: store).register(on: &api)
        ValidationRoutes(store: store, validator: validator, cache: rendered).register(on: &api)
        AuditRoutes(store: store).register(on: &api)
        let deployer = Deployer(store: store, validator: validator, cache: rendered, options: rollouts, logger: logger)
        RolloutRoutes(store: store, deployer: deployer).register(on: &api)
        EnvironmentRoutes(store: store).register(on: &api)
        OperationsRoutes(
            store: store, metrics: metrics, openAPIDocument: EmbeddedOpenAPI.text, serverStatistics: serverStatistics,
            failedAuthentications: { access.failedAuthentications }, version: Self.version
        ).register(on: &api)
        router = api.router
    }

    /// Answers one request.
    public func handle(_ request: HTTPRequest) -> HTTPResponse {
        router.handle(request)
    }
}
