/// `metadata` for every generated object: name, namespace, the common labels and the
/// annotations that tie an object back to the spec revision it came from.
struct MetadataBuilder {
    let spec: TrafficSpec
    let context: RenderContext

    static let managedBy = "trafficspec"

    var labels: JSONValue {
        object(
            ("app.kubernetes.io/name", .string(spec.name)),
            ("app.kubernetes.io/managed-by", .string(Self.managedBy))
        )
    }

    var annotations: JSONValue {
        object(
            ("trafficspec.io/spec", .string(spec.name)),
            ("trafficspec.io/revision", context.revision.json { .string(String($0)) }),
            ("trafficspec.io/digest", context.digest.json { .string($0) })
        )
    }

    func metadata(name: String, namespace: String?, extraAnnotations: [(String, String)] = []) -> JSONValue {
        var allAnnotations = annotations
        if case .object(var members) = allAnnotations {
            for (key, value) in extraAnnotations { members[key] = .string(value) }
            allAnnotations = .object(members)
        }
        return object(
            ("name", .string(name)),
            ("namespace", namespace.json { .string($0) }),
            ("labels", labels),
            ("annotations", allAnnotations)
        )
    }

    /// A complete object with keys in the documented order: apiVersion, kind, metadata, spec.
    func manifest(
        apiVersion: String, kind: String, name: String, namespace: String?, spec body: JSONValue?,
        extraAnnotations: [(String, String)] = []
    ) -> Manifest {
        let whole = object(
            ("apiVersion", .string(apiVersion)),
            ("kind", .string(kind)),
            ("metadata", metadata(name: name, namespace: namespace, extraAnnotations: extraAnnotations)),
            ("spec", body)
        )
        return Manifest(apiVersion: apiVersion, kind: kind, name: name, namespace: namespace, body: whole)
    }

    /// A namespaced object in the spec's namespace.
    func namespaced(
        apiVersion: String, kind: String, name: String, spec body: JSONValue, extraAnnotations: [(String, String)] = []
    ) -> Manifest {
        manifest(
            apiVersion: apiVersion, kind: kind, name: name, namespace: spec.effectiveNamespace, spec: body,
            extraAnnotations: extraAnnotations)
    }
}
