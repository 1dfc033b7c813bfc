import TrafficCore
import TrafficStore

/// A stored document in the serialization the client asked for.
enum DocumentRepresentation {
    /// The source text as posted when the formats agree; otherwise a conversion of its content
    /// (key order kept). JSON is itself valid YAML 1.2, so a JSON-posted document asked for as
    /// YAML is converted by the YAML emitter of the core.
    static func text(of record: RevisionRecord, as media: MediaType) throws -> String {
        let wantsJSON = media.subtype == "json"
        if wantsJSON == (record.format == .json) { return record.source }
        let root = try record.parsedRoot()
        return wantsJSON ? root.jsonValue.serialized(.init(pretty: true)) : YAMLText.document(root.jsonValue)
    }
}
