import Dispatch
import Testing
import TrafficCore

@Suite struct ReadWriteLockTests {
    /// Writers never lose an update and readers never see a half-written pair, with many
    /// threads at once.
    @Test func concurrentReadersAndWritersSeeConsistentValues() {
        let lock = ReadWriteLock((count: 0, twice: 0))
        let torn = ReadWriteLock(0)
        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            for _ in 0..<2_000 {
                if worker % 2 == 0 {
                    lock.write { value in
                        value.count += 1
                        value.twice += 2
                    }
                } else if lock.read({ $0.twice != $0.count * 2 }) {
                    torn.write { $0 += 1 }
                }
            }
        }
        #expect(lock.read { $0.count } == 8_000)
        #expect(lock.read { $0.twice } == 16_000)
        #expect(torn.read { $0 } == 0)
    }
}
