/// How running the configured apply command ended for a rollout.
public enum ApplyStatus: String, Sendable, Equatable, Hashable, CaseIterable {
    /// The command exited with status 0.
    case succeeded
    /// The command exited non-zero, was killed, or timed out.
    case failed
    /// An apply command is configured but was not run for this rollout.
    case skipped
}
