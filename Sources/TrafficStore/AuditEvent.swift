import Crypto
import Foundation

/// One entry of the append-only, hash-chained audit log (`audit_events`).
///
/// `hash = lowercase hex SHA-256(prevHash + "\n" + canonicalJSON)`, where `canonicalJSON` is the
/// canonical JSON of `{action, actor, details, occurredAt, seq, subject}` and `prevHash` is the
/// previous event's hash (64 zeros for seq 1). Changing, removing or reordering any stored event
/// therefore breaks every later hash. This type is the single definition of that rule; the
/// writer and `SpecStore.verifyAuditChain()` both use it.
public struct AuditEvent: Sendable, Equatable {
    /// 1, 2, 3… without gaps.
    public var seq: Int64
    /// RFC 3339 UTC with milliseconds, exactly as stored and hashed.
    public var occurredAt: String
    /// Who did it.
    public var actor: String
    /// What happened, e.g. `spec.created`, `revision.created`.
    public var action: String
    /// What it happened to (the spec name).
    public var subject: String
    /// Canonical JSON object with the particulars, e.g. `{"digest":"…","revision":2}`.
    public var details: String
    /// The previous event's `hash`; `AuditEvent.genesisHash` for seq 1.
    public var prevHash: String
    /// This event's hash as stored.
    public var hash: String

    /// The `prevHash` of the first event: 64 zeros.
    public static let genesisHash = String(repeating: "0", count: 64)

    /// Creates an event with its hash computed from the other fields.
    public init(
        seq: Int64, occurredAt: String, actor: String, action: String,
        subject: String, details: String, prevHash: String
    ) {
        self.seq = seq
        self.occurredAt = occurredAt
        self.actor = actor
        self.action = action
        self.subject = subject
        self.details = details
        self.prevHash = prevHash
        self.hash = ""
        self.hash = computedHash
    }

    /// Creates an event from stored fields, keeping the stored hash (which may be wrong; see
    /// `hasValidHash`).
    public init(
        seq: Int64, occurredAt: String, actor: String, action: String,
        subject: String, details: String, prevHash: String, hash: String
    ) {
        self.seq = seq
        self.occurredAt = occurredAt
        self.actor = actor
        self.action = action
        self.subject = subject
        self.details = details
        self.prevHash = prevHash
        self.hash = hash
    }

    /// The canonical JSON of the event without its hashes (keys sorted, no whitespace); `details`
    /// is embedded as the JSON object it already is.
    public var canonicalJSON: String {
        AuditJSON.object([
            "action": .string(action),
            "actor": .string(actor),
            "details": .raw(details),
            "occurredAt": .string(occurredAt),
            "seq": .integer(seq),
            "subject": .string(subject),
        ]).text
    }

    /// The hash the fields call for.
    public var computedHash: String {
        let digest = SHA256.hash(data: Data((prevHash + "\n" + canonicalJSON).utf8))
        return digest.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 0x10 ? "0" + hex : hex
        }.joined()
    }

    /// `true` when the stored hash matches the fields.
    public var hasValidHash: Bool {
        hash == computedHash
    }

    /// Canonical JSON for a revision event's details: `{"digest":"…","revision":n}`.
    static func revisionDetails(digest: String, number: Int) -> String {
        AuditJSON.object(["digest": .string(digest), "revision": .integer(Int64(number))]).text
    }
}
