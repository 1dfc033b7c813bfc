import Testing
@testable import TrafficStore

@Suite("RolloutStack")
struct RolloutStackTests {
    private func replay(_ steps: [(RolloutKind, Int)]) -> RolloutStack {
        var stack = RolloutStack()
        for (kind, revision) in steps {
            stack.apply(kind, revision: revision)
        }
        return stack
    }

    @Test func rollouts_push_andRollbacksPop() {
        #expect(replay([]).current == nil)
        #expect(replay([]).previous == nil)
        #expect(replay([(.rollout, 1)]).previous == nil)
        let three = replay([(.rollout, 1), (.rollout, 2), (.rollout, 3)])
        #expect(three.revisions == [1, 2, 3])
        #expect(three.previous == 2)
        let once = replay([(.rollout, 1), (.rollout, 2), (.rollout, 3), (.rollback, 2)])
        #expect(once.revisions == [1, 2])
        #expect(once.previous == 1)
        let twice = replay([(.rollout, 1), (.rollout, 2), (.rollout, 3), (.rollback, 2), (.rollback, 1)])
        #expect(twice.revisions == [1])
        #expect(twice.previous == nil)
    }

    @Test func redeployingTheCurrentRevision_addsNoStep() {
        let stack = replay([(.rollout, 1), (.rollout, 2), (.rollout, 2)])
        #expect(stack.revisions == [1, 2])
        #expect(stack.previous == 1)
    }

    @Test func aRevisionDeployedTwice_isReturnedToAtItsLatestPlace() {
        // 1, 2, 1, 3: rolling back from 3 gives the second 1; from there, 2.
        let stack = replay([(.rollout, 1), (.rollout, 2), (.rollout, 1), (.rollout, 3), (.rollback, 1)])
        #expect(stack.revisions == [1, 2, 1])
        #expect(stack.previous == 2)
    }

    @Test func namedRollbacks_rewindToTheirTarget_orPushAnUnknownOne() {
        #expect(replay([(.rollout, 1), (.rollout, 2), (.rollout, 3), (.rollout, 4), (.rollback, 2)]).revisions == [1, 2])
        // A target that never ran there is a step like a rollout.
        #expect(replay([(.rollout, 3), (.rollout, 4), (.rollback, 1)]).revisions == [3, 4, 1])
        // A rollback to what runs now changes nothing.
        #expect(replay([(.rollout, 1), (.rollout, 2), (.rollback, 2)]).revisions == [1, 2])
    }
}
