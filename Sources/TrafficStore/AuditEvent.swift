import TrafficCore

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
    ///
    /// Written out directly rather than through `AuditJSON.object`, because verifying the chain
    /// does this once per event: the six keys are fixed, and listed here in canonical (UTF-16)
    /// order. `AuditEventCanonicalFormTests` checks it against `AuditJSON`.
    public var canonicalJSON: String {
        var out = ""
        out.reserveCapacity(96 + action.utf8.count + actor.utf8.count + details.utf8.count + subject.utf8.count)
        out += #"{"action":"#
        JSONValue.appendQuoted(action, to: &out)
        out += #","actor":"#
        JSONValue.appendQuoted(actor, to: &out)
        out += #","details":"#
        out += details
        out += #","occurredAt":"#
        JSONValue.appendQuoted(occurredAt, to: &out)
        out += #","seq":"#
        out += String(seq)
        out += #","subject":"#
        JSONValue.appendQuoted(subject, to: &out)
        out += "}"
        return out
    }

    /// The hash the fields call for.
    public var computedHash: String {
        var input = prevHash
        input += "\n"
        input += canonicalJSON
        return ContentDigest.sha256Hex(input)
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
