import Foundation

/// Strict decoding of a parsed spec document into a `TrafficSpec`.
///
/// The pipeline is: version check → structural check against the schema (all errors at once) →
/// typed model → cross-field validation. A spec that decodes is guaranteed to render to
/// manifests that the target CRDs accept.
public enum TrafficSpecDecoder {
    public static func decode(_ root: SourceNode) -> Result<TrafficSpec, TrafficSpecErrors> {
        guard root.entries != nil else {
            return .failure(TrafficSpecErrors([
                FieldError(path: "", message: "a spec must be a mapping, got \(SchemaValidator.article(root.typeName))",
                    location: root.location)
            ]))
        }
        if let versionError = checkVersion(root) {
            return .failure(TrafficSpecErrors([versionError]))
        }
        var validator = SchemaValidator()
        validator.check(root, against: SpecV1Schema.root, path: "")
        guard validator.errors.isEmpty else { return .failure(TrafficSpecErrors(validator.errors)) }

        let spec: TrafficSpec
        do {
            let text = root.jsonValue.serialized()
            spec = try JSONDecoder().decode(TrafficSpec.self, from: Data(text.utf8))
        } catch {
            // The schema and the model disagree: a bug, reported rather than crashing.
            return .failure(TrafficSpecErrors([
                FieldError(path: "", message: "internal error: the spec passed the schema but not the model (\(error))")
            ]))
        }
        let problems = SpecValidator.problems(in: spec)
        guard problems.isEmpty else {
            return .failure(TrafficSpecErrors(problems.map { problem in
                FieldError(
                    path: problem.path, message: problem.message, location: root.locate(problem.path).location,
                    code: problem.code)
            }))
        }
        return .success(spec)
    }

    /// Whether a document is meant as a traffic spec (`version: trafficspec/…`, no Kubernetes
    /// `apiVersion`), so tools given a file of either kind can tell which it is.
    public static func isTrafficSpec(_ root: SourceNode) -> Bool {
        root["apiVersion"] == nil && (root["version"]?.string?.hasPrefix("trafficspec/") ?? false)
    }

    /// Parses bytes and decodes them: the convenience used by the CLI and the API.
    public static func decode(_ bytes: [UInt8], format: SourceFormat) -> Result<TrafficSpec, SpecDocument.Failure> {
        let document: SpecDocument
        do {
            document = try SpecDocument.parse(bytes, format: format)
        } catch {
            return .failure(error)
        }
        return decode(document.root).mapError { .invalid($0.errors) }
    }

    private static func checkVersion(_ root: SourceNode) -> FieldError? {
        let supported = TrafficSpec.supportedVersions.map { "'\($0)'" }.joined(separator: ", ")
        guard let node = root["version"] else {
            return FieldError(path: "version", message: "required field is missing; supported versions: \(supported)",
                location: root.location, code: Diagnostic.requiredField.code)
        }
        guard let text = node.string else {
            return FieldError(path: "version",
                message: "must be a string, got \(SchemaValidator.article(node.typeName)); supported versions: \(supported)",
                location: node.location, code: Diagnostic.wrongType.code)
        }
        guard TrafficSpec.supportedVersions.contains(text) else {
            return FieldError(path: "version", message: "unsupported version '\(text)'; supported versions: \(supported)",
                location: node.location, code: Diagnostic.unsupportedValue.code)
        }
        return nil
    }
}
