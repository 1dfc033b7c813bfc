import Logging
import Synchronization
import TrafficCore
import TrafficStore

/// Carries out rollouts and rollbacks: renders the revision, holds it to the validation and
/// promotion gates, runs the apply command if one is configured, and records the outcome in
/// the append-only history (which appends the audit event in the same transaction).
final class Deployer: Sendable {
    private let store: SpecStore
    private let validator: ManifestValidator
    private let cache: RenderedRevisionCache
    private let options: RolloutOptions
    private let logger: Logger
    /// Held from the last check to the record while an apply command runs, so the cluster
    /// receives applies in the order the history records them. Without an apply command the
    /// store's own checks suffice and rollouts run in parallel.
    private let applyLock = Mutex<Void>(())

    init(store: SpecStore, validator: ManifestValidator, cache: RenderedRevisionCache, options: RolloutOptions, logger: Logger) {
        self.store = store
        self.validator = validator
        self.cache = cache
        self.options = options
        self.logger = logger
    }

    /// Rolls the revision `selector` names (a number or `latest`) of `spec` out to `environment`.
    ///
    /// - Throws: `APIError.rolloutBlocked` when the manifests have validation errors and
    ///   `force` is false; `APIError.promotionRequired` when the promotion order wants the
    ///   revision to run elsewhere first; the store's errors (unknown spec or revision, …).
    func rollOut(spec: String, selector: String, environment: String, reason: String, force: Bool, actor: String) throws
        -> RolloutRecord
    {
        let record = try RevisionLookup.record(
            store: store, name: spec, selector: selector, parameter: "revision")
        let manifests = try render(record, environment: environment, force: force)
        if let required = options.promotionOrder.prerequisite(of: environment),
            try !store.wasDeployed(spec: spec, revision: record.number, environment: required)
        {
            throw APIError.promotionRequired(
                spec: spec, revision: record.number, environment: environment, requiredEnvironment: required)
        }
        return try serialized {
            try apply(manifests, kind: .rollout, revision: record.number, environment: environment,
                      reason: reason, actor: actor, expectingCurrentRevision: nil)
        }
    }

    /// Returns `environment` to `revision`, or, when `nil`, to the revision that ran there
    /// before the current one. Recorded as a rollout of kind `rollback`; nothing is deleted.
    ///
    /// - Throws: `StoreError.nothingToRollBack` when there is nothing to return to;
    ///   `APIError.invalidRollbackTarget` when `revision` runs there now or never ran there;
    ///   `StoreError.rolloutConflict` when another rollout got there first.
    func rollBack(spec: String, to revision: Int?, environment: String, reason: String, force: Bool, actor: String) throws
        -> RolloutRecord
    {
        try serialized {
            guard let current = try store.currentRollout(spec: spec, environment: environment) else {
                throw StoreError.nothingToRollBack(spec: spec, environment: environment)
            }
            let target: Int
            if let revision {
                guard revision != current.revision else {
                    throw APIError.invalidRollbackTarget(
                        spec: spec, revision: revision, environment: environment, reason: "it is the revision running there now")
                }
                guard try store.wasDeployed(spec: spec, revision: revision, environment: environment) else {
                    throw APIError.invalidRollbackTarget(
                        spec: spec, revision: revision, environment: environment,
                        reason: "it never ran there; roll it out with POST \(Paths.rollouts(spec)) instead")
                }
                target = revision
            } else {
                guard let previous = try store.previousRevision(spec: spec, environment: environment) else {
                    throw StoreError.nothingToRollBack(spec: spec, environment: environment)
                }
                target = previous
            }
            guard let record = try store.revision(of: spec, number: target) else {
                throw StoreError.revisionNotFound(name: spec, number: target)
            }
            let manifests = try render(record, environment: environment, force: force)
            // The target was computed from the current revision; if another rollback or rollout
            // lands in between, the store refuses this one instead of stepping back twice.
            return try apply(manifests, kind: .rollback, revision: target, environment: environment,
                             reason: reason, actor: actor, expectingCurrentRevision: current.revision)
        }
    }

    /// A revision's rendering (manifests as served, with their digest) that passed the gate,
    /// and whether errors were overridden to pass it.
    private struct RenderedRevision {
        var entry: RenderedRevisionCache.Entry
        var forced: Bool
        var spec: String { entry.specName }
    }

    private func render(_ record: RevisionRecord, environment: String, force: Bool) throws -> RenderedRevision {
        let rendered = try cache.entry(for: record)
        let report = rendered.validation(by: validator)
        let hasErrors = report.count(.error) > 0
        if hasErrors, !force {
            throw APIError.rolloutBlocked(
                spec: record.specName, revision: record.number, environment: environment, findings: report.findings)
        }
        return RenderedRevision(entry: rendered, forced: hasErrors)
    }

    private func apply(
        _ manifests: RenderedRevision, kind: RolloutKind, revision: Int, environment: String, reason: String, actor: String,
        expectingCurrentRevision: Int?
    ) throws -> RolloutRecord {
        var outcome: ApplyOutcome?
        if let command = options.applyCommand {
            let result = command.run(input: Array(manifests.entry.yaml.text.utf8))
            outcome = result
            logger.log(
                level: result.status == .succeeded ? .info : .warning, "apply command finished",
                metadata: [
                    "spec": "\(manifests.spec)", "revision": "\(revision)", "environment": "\(environment)",
                    "status": "\(result.status.rawValue)", "exitStatus": "\(result.exitStatus.map(String.init) ?? "none")",
                ])
        }
        return try store.recordRollout(
            spec: manifests.spec, revision: revision, environment: environment, kind: kind, reason: reason, actor: actor,
            manifestsDigest: manifests.entry.yaml.digest, forced: manifests.forced, apply: outcome,
            expectingCurrentRevision: expectingCurrentRevision)
    }

    private func serialized<Result: Sendable>(_ body: () throws -> Result) throws -> Result {
        guard options.applyCommand != nil else { return try body() }
        return try applyLock.withLock { _ in try body() }
    }
}
