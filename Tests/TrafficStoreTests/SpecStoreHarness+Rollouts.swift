import Foundation
import TrafficStore

extension SpecStoreHarness {
    /// Creates spec `name` with revisions 1…`revisions` (contents "v1", "v2", …), one second apart.
    func makeSpec(_ name: String, revisions: Int, actor: String = "alice") throws {
        _ = try store.createSpec(.make(name, content: "v1"), actor: actor)
        for number in stride(from: 2, through: revisions, by: 1) {
            advance(seconds: 1)
            _ = try store.appendRevision(.make(name, content: "v\(number)"), expecting: nil, actor: actor)
        }
    }

    /// Records a rollout of `revision` one second after the previous write, with a manifests
    /// digest derived from spec and revision.
    @discardableResult
    func rollout(
        _ spec: String, _ revision: Int, to environment: String, kind: RolloutKind = .rollout,
        reason: String = "", actor: String = "deployer", forced: Bool = false, apply: ApplyOutcome? = nil,
        expectingCurrentRevision: Int? = nil
    ) throws -> RolloutRecord {
        advance(seconds: 1)
        return try store.recordRollout(
            spec: spec, revision: revision, environment: environment, kind: kind, reason: reason, actor: actor,
            manifestsDigest: Self.manifestsDigest(spec, revision), forced: forced, apply: apply,
            expectingCurrentRevision: expectingCurrentRevision
        )
    }

    /// Rolls `spec` in `environment` back to its previous revision, as the API will: the target
    /// comes from `previousRevision`, and the current revision is the precondition.
    @discardableResult
    func rollback(_ spec: String, in environment: String, reason: String = "bad release", actor: String = "deployer") throws -> RolloutRecord {
        guard let current = try store.currentRollout(spec: spec, environment: environment)?.revision,
              let target = try store.previousRevision(spec: spec, environment: environment)
        else {
            throw StoreError.nothingToRollBack(spec: spec, environment: environment)
        }
        return try rollout(
            spec, target, to: environment, kind: .rollback, reason: reason, actor: actor, expectingCurrentRevision: current
        )
    }

    static func manifestsDigest(_ spec: String, _ revision: Int) -> String {
        NewRevision.fakeDigest("manifests of \(spec) revision \(revision)")
    }

    /// The bytes of the database file and of its write-ahead log, where recent commits live until
    /// a checkpoint.
    func databaseFileBytes() throws -> [UInt8] {
        var bytes: [UInt8] = []
        for suffix in ["", "-wal"] {
            let path = directory.databasePath + suffix
            if FileManager.default.fileExists(atPath: path) {
                bytes += try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            }
        }
        return bytes
    }
}

extension Array where Element == UInt8 {
    /// `true` when `needle` occurs as a contiguous run of bytes.
    func containsBytes(_ needle: some StringProtocol) -> Bool {
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty, pattern.count <= count else { return false }
        return (0...(count - pattern.count)).contains { start in
            self[start..<(start + pattern.count)].elementsEqual(pattern)
        }
    }
}
