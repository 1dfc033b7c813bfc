import TrafficCore

/// Decoding a parsed document into a traffic spec, with every error as one 422.
enum SpecDecoding {
    static func spec(from root: SourceNode) throws(APIError) -> TrafficSpec {
        switch TrafficSpecDecoder.decode(root) {
        case .success(let spec): return spec
        case .failure(let errors): throw .invalidContent(errors.errors)
        }
    }
}
