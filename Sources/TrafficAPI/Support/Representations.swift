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

    static func rollout(_ record: RolloutRecord) -> JSONValue {
        var object = JSONObject()
        object["id"] = .integer(record.id)
        object["spec"] = .string(record.spec)
        object["revision"] = .integer(Int64(record.revision))
        object["environment"] = .string(record.environment)
        object["kind"] = .string(record.kind.rawValue)
        object["actor"] = .string(record.actor)
        object["createdAt"] = .string(Timestamp.format(record.createdAt))
        object["reason"] = .string(record.reason)
        object["manifestsDigest"] = .string(record.manifestsDigest)
        object["replacedRevision"] = record.replacedRevision.map { .integer(Int64($0)) } ?? .null
        object["forced"] = .bool(record.forced)
        object["apply"] = record.apply.map { outcome in
            var apply = JSONObject()
            apply["status"] = .string(outcome.status.rawValue)
            apply["exitStatus"] = outcome.exitStatus.map { .integer(Int64($0)) } ?? .null
            apply["outputTail"] = outcome.outputTail.map { .string($0) } ?? .null
            return .object(apply)
        } ?? .null
        var links = JSONObject()
        links["self"] = .string(Paths.rollout(record.spec, record.id))
        links["revision"] = .string(Paths.revision(record.spec, record.revision))
        links["manifests"] = .string(Paths.revision(record.spec, record.revision) + "/manifests")
        links["environment"] = .string(Paths.environment(record.environment))
        object["links"] = .object(links)
        return .object(object)
    }

    static func environment(_ record: EnvironmentRecord) -> JSONValue {
        var object = JSONObject()
        object["name"] = .string(record.name)
        object["createdAt"] = .string(Timestamp.format(record.createdAt))
        object["createdBy"] = .string(record.createdBy)
        object["deployments"] = .array(record.deployments.map(rollout))
        var links = JSONObject()
        links["self"] = .string(Paths.environment(record.name))
        object["links"] = .object(links)
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
    static func rollouts(_ name: String) -> String { "/v1/specs/\(name)/rollouts" }
    static func rollout(_ name: String, _ id: Int64) -> String { "/v1/specs/\(name)/rollouts/\(id)" }
    static func environment(_ name: String) -> String { "/v1/environments/\(name)" }
}
