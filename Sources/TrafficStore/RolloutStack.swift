/// The revisions an environment can roll back through, rebuilt by replaying its rollout
/// history oldest first.
///
/// A rollout pushes its revision (unless it is already the current one: redeploying adds no
/// step to go back through). A rollback pops back to its target: to the latest earlier entry
/// with that revision, or, when the target never ran there, pushes it like a rollout. So after
/// rollouts of 1, 2, 3 the stack is [1, 2, 3]; a rollback (to 2) leaves [1, 2]; a second
/// rollback goes to 1, not back to 3.
struct RolloutStack: Sendable, Equatable {
    /// Oldest first; never two equal neighbours.
    private(set) var revisions: [Int] = []

    /// Replays one recorded rollout.
    mutating func apply(_ kind: RolloutKind, revision: Int) {
        switch kind {
        case .rollout:
            if revisions.last != revision {
                revisions.append(revision)
            }
        case .rollback:
            if let index = revisions.lastIndex(of: revision) {
                revisions.removeSubrange((index + 1)...)
            } else {
                revisions.append(revision)
            }
        }
    }

    /// What runs now.
    var current: Int? {
        revisions.last
    }

    /// What a rollback without a named target returns to.
    var previous: Int? {
        revisions.count >= 2 ? revisions[revisions.count - 2] : nil
    }
}
