import TrafficCore
import TrafficStore

/// JSON representations of stored objects. Keys are written in a fixed order so that output
/// is stable byte for byte across runs and releases.
enum Representations {
    static func revision(_ record: RevisionRecord) -> JSONValue {
        var object = JSONObject()
        object["spec"] = .string(record.specName)
        object["revision"] = .integer(Int64(record.number))
        object["digest"] = .string(record.digest)
        object["format"] = .string(record.format.rawValue)
        object["createdAt"] = .string(Timestamp.format(record.createdAt))
        object["createdBy"] = .string(record.createdBy)
        object["links"] = links(spec: record.specName, revision: record.number)
        return .object(object)
    }

    static func revisionSummary(_ summary: RevisionSummary, spec: String) -> JSONValue {
        var object = JSONObject()
        object["revision"] = .integer(Int64(summary.number))
        object["digest"] = .string(summary.digest)
        object["format"] = .string(summary.format.rawValue)
        object["createdAt"] = .string(Timestamp.format(summary.createdAt))
        object["createdBy"] = .string(summary.createdBy)
        object["links"] = links(spec: spec, revision: summary.number)
        return .object(object)
    }

    static func spec(_ summary: SpecSummary) -> JSONValue {
        var object = JSONObject()
        object["name"] = .string(summary.name)
        object["latestRevision"] = .integer(Int64(summary.latestRevision))
        object["latestDigest"] = .string(summary.latestDigest)
        object["revisionCount"] = .integer(Int64(summary.revisionCount))
        object["createdAt"] = .string(Timestamp.format(summary.createdAt))
        object["createdBy"] = .string(summary.createdBy)
        object["updatedAt"] = .string(Timestamp.format(summary.updatedAt))
        var links = JSONObject()
        links["self"] = .string(Paths.spec(summary.name))
        links["revisions"] = .string(Paths.revisions(summary.name))
        links["latest"] = .string(Paths.revision(summary.name, summary.latestRevision))
        object["links"] = .object(links)
        return .object(object)
    }

    static func page(items: [JSONValue], nextCursor: String?) -> JSONValue {
        var object = JSONObject()
        object["items"] = .array(items)
        object["nextCursor"] = nextCursor.map { .string($0) } ?? .null
        return .object(object)
    }

    private static func links(spec: String, revision: Int) -> JSONValue {
        var links = JSONObject()
        links["self"] = .string(Paths.revision(spec, revision))
        links["spec"] = .string(Paths.spec(spec))
        return .object(links)
    }
}

/// URL paths of API resources, built in one place so links and `Location` headers agree.
enum Paths {
    static func spec(_ name: String) -> String { "/v1/specs/\(name)" }
    static func revisions(_ name: String) -> String { "/v1/specs/\(name)/revisions" }
    static func revision(_ name: String, _ number: Int) -> String { "/v1/specs/\(name)/revisions/\(number)" }
}
