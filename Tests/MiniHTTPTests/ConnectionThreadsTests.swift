import Dispatch
import Foundation
import Synchronization
import Testing

@testable import MiniHTTP

@Suite struct ConnectionThreadsTests {
    /// Sequential connections reuse one waiting thread instead of starting a thread each.
    @Test func aFinishedThreadServesTheNextJob() {
        let threads = ConnectionThreads(idleLimit: 4)
        defer { threads.stop() }
        let seen = Mutex<Set<UInt>>([])
        for _ in 0..<50 {
            let done = DispatchSemaphore(value: 0)
            threads.run {
                seen.withLock { _ = $0.insert(UInt(bitPattern: Int(bitPattern: pthread_self()))) }
                done.signal()
            }
            done.wait()
            // Give the thread time to go back to waiting before the next job arrives.
            while !threads.hasIdleThread { usleep(100) }
        }
        #expect(seen.withLock { $0.count } == 1)
    }

    /// Jobs that block do not hold up other jobs: each gets a thread of its own.
    @Test func blockedJobsDoNotStarveNewOnes() {
        let threads = ConnectionThreads(idleLimit: 2)
        defer { threads.stop() }
        let release = DispatchSemaphore(value: 0)
        let started = DispatchSemaphore(value: 0)
        let finished = DispatchGroup()
        for _ in 0..<20 {
            finished.enter()
            threads.run {
                started.signal()
                release.wait()
                finished.leave()
            }
        }
        for _ in 0..<20 { #expect(started.wait(timeout: .now() + 10) == .success) }
        for _ in 0..<20 { release.signal() }
        #expect(finished.wait(timeout: .now() + 10) == .success)
    }

    /// After stop, no thread waits, and a job still runs (on a thread that then exits).
    @Test func stopReleasesWaitingThreads() {
        let threads = ConnectionThreads(idleLimit: 4)
        let done = DispatchSemaphore(value: 0)
        threads.run { done.signal() }
        done.wait()
        while !threads.hasIdleThread { usleep(100) }
        threads.stop()
        #expect(!threads.hasIdleThread)
        threads.run { done.signal() }
        #expect(done.wait(timeout: .now() + 10) == .success)
    }
}
