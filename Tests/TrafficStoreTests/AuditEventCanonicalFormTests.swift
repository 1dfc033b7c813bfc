import Testing
@testable import TrafficStore

/// `AuditEvent.canonicalJSON` is written out by hand for speed; it must stay the generic
/// canonical form of the same object, or verifying would disagree with the documented rule.
@Suite struct AuditEventCanonicalFormTests {
    @Test(arguments: [
        ("alice", "rollout.recorded", "checkout", #"{"environment":"prod","revision":2}"#),
        ("tab\tnl\nquote\"back\\slash", "a\u{1}b", "ünïcödé 😀", "{}"),
        ("", "", "", #"{"nested":{"list":[1,2]}}"#),
    ])
    func handWrittenForm_equalsTheGenericCanonicalForm(actor: String, action: String, subject: String, details: String) {
        let event = AuditEvent(
            seq: 42, occurredAt: "2026-11-22T10:00:00.000Z", actor: actor, action: action, subject: subject,
            details: details, prevHash: AuditEvent.genesisHash
        )
        let generic = AuditJSON.object([
            "action": .string(action), "actor": .string(actor), "details": .raw(details),
            "occurredAt": .string(event.occurredAt), "seq": .integer(42), "subject": .string(subject),
        ]).text
        #expect(event.canonicalJSON == generic)
    }

    @Test func booleansAndNulls_areWrittenAsJSONLiterals() {
        let details = AuditJSON.object(["b": .bool(true), "a": .null, "c": .bool(false), "d": .optionalInteger(nil)]).text
        #expect(details == #"{"a":null,"b":true,"c":false,"d":null}"#)
    }
}
