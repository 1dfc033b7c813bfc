/// The result of applying a rollout's manifests with the configured command. Rollouts are
/// append-only, so the outcome is known before the rollout is recorded and stored with it.
public struct ApplyOutcome: Sendable, Equatable {
    /// How it ended.
    public var status: ApplyStatus
    /// The command's exit status, when it exited (not when it was skipped or killed).
    public var exitStatus: Int?
    /// The last part of its combined output, already trimmed by the caller to a bounded size.
    public var outputTail: String?

    /// Creates an outcome.
    public init(status: ApplyStatus, exitStatus: Int? = nil, outputTail: String? = nil) {
        self.status = status
        self.exitStatus = exitStatus
        self.outputTail = outputTail
    }
}
