import Foundation

/// Model → document: the inverse of `TrafficSpecDecoder`, so that
/// `decode(encode(spec)) == spec` can be tested and specs can be produced by code.
public enum TrafficSpecEncoder {
    /// The spec as JSON with sorted keys (fields that are nil are left out).
    public static func json(_ spec: TrafficSpec) -> JSONValue {
        sourceNode(spec).jsonValue
    }

    /// The spec as a document tree, ready for `TrafficSpecDecoder.decode`.
    public static func sourceNode(_ spec: TrafficSpec) -> SourceNode {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do {
            let data = try encoder.encode(spec)
            return try DocumentParser().parseSingle(Array(data), format: .json)
        } catch {
            // Encoding plain structs of strings, numbers and booleans cannot fail.
            preconditionFailure("encoding a TrafficSpec failed: \(error)")
        }
    }

    /// The spec as canonical YAML text.
    public static func yaml(_ spec: TrafficSpec) -> String {
        ManifestEncoder.document(json(spec))
    }
}
