import MiniHTTP
import TrafficStore

/// Resolves `{name}` and `{revision}` path parameters to a stored revision, or a 404 that
/// says which of the two is missing.
enum RevisionLookup {
    static func record(store: SpecStore, request: HTTPRequest) throws -> RevisionRecord {
        let name = try RequestParameters.specName(request)
        let selector = try RequestParameters.revision(request.pathParameters["revision"] ?? "", parameter: "revision")
        if let number = selector {
            if let record = try store.revision(of: name, number: number) { return record }
            guard try store.spec(named: name) != nil else { throw StoreError.specNotFound(name: name) }
            throw StoreError.revisionNotFound(name: name, number: number)
        }
        guard let latest = try store.latestRevision(of: name) else { throw StoreError.specNotFound(name: name) }
        return latest
    }
}
