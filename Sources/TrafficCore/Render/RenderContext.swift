/// What the renderer needs besides the spec, passed in so that rendering stays a pure function.
///
/// `revision` and `digest` identify the stored spec revision; when rendering statelessly
/// (CLI `render`, `POST /v1/validate`) leave them nil and the annotations are omitted.
public struct RenderContext: Sendable, Equatable {
    public var revision: Int?
    public var digest: String?

    public init(revision: Int? = nil, digest: String? = nil) {
        self.revision = revision
        self.digest = digest
    }

    public static let stateless = RenderContext()
}
