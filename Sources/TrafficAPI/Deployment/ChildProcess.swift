import Foundation

/// One run of an executable, without a shell: `posix_spawn` with stdin on one pipe and stdout +
/// stderr on another, then a single-threaded `poll()` loop that feeds stdin, keeps the tail of
/// the output, and enforces a deadline on the child's whole process group.
///
/// Every run owns its descriptors and its child; nothing is shared between runs, so any number
/// may run at once on different threads. The calling thread blocks until the child is reaped.
struct ChildProcess {
    /// How a run ended.
    enum Ending: Equatable, Sendable {
        /// The child exited with this status.
        case exited(Int32)
        /// The child was killed by this signal, not by us.
        case signaled(Int32)
        /// The deadline passed; the group got SIGTERM and, after the grace period, SIGKILL.
        case timedOut
        /// Pipes or `posix_spawn` failed with this errno; nothing ran.
        case couldNotStart(errno: Int32)
        /// The child ran, but `waitid` failed with this errno, so how it ended is unknown
        /// (someone else reaped it: SIGCHLD ignored, or a `waitpid(-1)` elsewhere).
        case endingUnknown(errno: Int32)
    }

    /// What a run produced.
    struct Result: Equatable, Sendable {
        var ending: Ending
        /// The last bytes (at most the output limit) of the combined stdout and stderr.
        var output: [UInt8]
    }

    /// Time between SIGTERM and SIGKILL when the deadline passes.
    static let terminationGrace: Duration = .seconds(2)

    /// Absolute path of the executable.
    let path: String
    /// argv, including argv[0].
    let arguments: [String]
    /// The child's environment, as `NAME=value` strings.
    let environment: [String]

    /// Runs the executable once with `input` on its stdin. Never throws; blocks until the child
    /// has exited and been reaped.
    func run(input: [UInt8], timeout: Duration, outputLimit: Int, grace: Duration = terminationGrace) -> Result {
        let stdinPipe: (read: Int32, write: Int32)
        let outputPipe: (read: Int32, write: Int32)
        do {
            stdinPipe = try Self.makePipe()
        } catch {
            return Result(ending: .couldNotStart(errno: error.code), output: [])
        }
        do {
            outputPipe = try Self.makePipe()
        } catch {
            _ = close(stdinPipe.read)
            _ = close(stdinPipe.write)
            return Result(ending: .couldNotStart(errno: error.code), output: [])
        }
        let spawned = spawn(stdin: stdinPipe.read, output: outputPipe.write)
        // The child has its own copies now (or never started); ours would keep EOF from coming.
        _ = close(stdinPipe.read)
        _ = close(outputPipe.write)
        let pid: pid_t
        switch spawned {
        case .success(let child):
            pid = child
        case .failure(let error):
            _ = close(stdinPipe.write)
            _ = close(outputPipe.read)
            return Result(ending: .couldNotStart(errno: error.code), output: [])
        }
        Self.setNonBlocking(stdinPipe.write)
        Self.setNonBlocking(outputPipe.read)
        return supervise(
            pid: pid, stdin: stdinPipe.write, output: outputPipe.read,
            input: input, timeout: timeout, outputLimit: outputLimit, grace: grace
        )
    }

    // MARK: - The poll loop

    /// Feeds stdin, drains output and watches the deadline until the child has exited and the
    /// output has reached EOF; then reaps the child. Closes both descriptors.
    private func supervise(
        pid: pid_t, stdin: Int32, output: Int32,
        input: [UInt8], timeout: Duration, outputLimit: Int, grace: Duration
    ) -> Result {
        var stdinFD = stdin
        var outputFD = output
        var tail = OutputTail(limit: outputLimit)
        var brokenPipe = BrokenPipeSignal(writingTo: stdinFD)
        defer { brokenPipe.restore() }
        let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 1)
        defer { scratch.deallocate() }

        func closeStdin() {
            if stdinFD >= 0 {
                _ = close(stdinFD)
                stdinFD = -1
            }
        }
        func closeOutput() {
            if outputFD >= 0 {
                _ = close(outputFD)
                outputFD = -1
            }
        }
        /// Reads what is there, up to `maximumReads` chunks; closes the output at EOF or on error.
        func drainOutput(maximumReads: Int) {
            var reads = 0
            while outputFD >= 0, reads < maximumReads {
                let count = read(outputFD, scratch.baseAddress, scratch.count)
                if count > 0 {
                    tail.append(UnsafeRawBufferPointer(rebasing: scratch[0..<count]))
                    reads += 1
                } else if count == 0 {
                    closeOutput()
                } else if errno == EINTR {
                    continue
                } else if errno == EAGAIN || errno == EWOULDBLOCK {
                    return
                } else {
                    closeOutput()
                }
            }
        }

        var written = 0
        if input.isEmpty { closeStdin() }
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        var killAt: ContinuousClock.Instant?
        var childExited = false

        input.withUnsafeBytes { inputBytes in
            /// Writes as much input as the pipe takes now; closes stdin when all is written or
            /// the child no longer reads it (EPIPE).
            func feedStdin() {
                while stdinFD >= 0, written < inputBytes.count, let base = inputBytes.baseAddress {
                    let wasPending = brokenPipe.isPending
                    let count = write(stdinFD, base + written, inputBytes.count - written)
                    if count > 0 {
                        written += count
                    } else if count < 0, errno == EINTR {
                        continue
                    } else if count < 0, errno == EAGAIN || errno == EWOULDBLOCK {
                        return
                    } else {
                        if count < 0, errno == EPIPE, !wasPending { brokenPipe.discardPending() }
                        closeStdin()
                    }
                }
                if written == inputBytes.count { closeStdin() }
            }

            while true {
                if !childExited { childExited = Self.hasExited(pid) }
                if childExited, outputFD < 0 { break }
                let now = clock.now
                if killAt == nil, now >= deadline {
                    _ = kill(-pid, SIGTERM)
                    killAt = now.advanced(by: grace)
                    closeStdin()
                }
                if let killAt, now >= killAt { break }

                var descriptors: [pollfd] = []
                if stdinFD >= 0 { descriptors.append(pollfd(fd: stdinFD, events: Int16(POLLOUT), revents: 0)) }
                if outputFD >= 0 { descriptors.append(pollfd(fd: outputFD, events: Int16(POLLIN), revents: 0)) }
                var wait = Self.milliseconds(from: now, to: killAt ?? deadline)
                // After EOF only the exit is left to notice, and nothing wakes poll() for that.
                if outputFD < 0 { wait = min(wait, 10) }
                let ready = poll(&descriptors, nfds_t(descriptors.count), Int32(min(wait, 1000)))
                if ready < 0 {
                    if errno != EINTR { usleep(10_000) }  // cannot happen with valid fds; never spin
                    continue
                }
                for descriptor in descriptors where descriptor.revents != 0 {
                    if descriptor.fd == stdinFD {
                        feedStdin()
                    } else if descriptor.fd == outputFD {
                        drainOutput(maximumReads: 16)
                    }
                }
            }
        }

        closeStdin()
        let timedOut = killAt != nil
        if timedOut {
            // The child is not reaped yet, so its pid, and with it the group id, cannot have
            // been reused. SIGKILL also sweeps helpers that outlived a leader which obeyed SIGTERM.
            _ = kill(-pid, SIGKILL)
        }
        let ending = Self.reap(pid)
        drainOutput(maximumReads: 64)
        closeOutput()
        return Result(ending: timedOut ? .timedOut : ending, output: tail.bytes)
    }

    /// Whether the child has ended, without reaping it (`WNOWAIT`).
    private static func hasExited(_ pid: pid_t) -> Bool {
        var info = siginfo_t()
        while waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) != 0 {
            if errno != EINTR { return true }  // ECHILD: gone already; stop waiting for it
        }
        return info.childPID != 0
    }

    /// Waits for the child to end and collects its status.
    private static func reap(_ pid: pid_t) -> Ending {
        var info = siginfo_t()
        while waitid(P_PID, id_t(pid), &info, WEXITED) != 0 {
            if errno != EINTR { return .endingUnknown(errno: errno) }
        }
        switch info.si_code {
        case Int32(CLD_EXITED): return .exited(info.childStatus)
        case Int32(CLD_KILLED), Int32(CLD_DUMPED): return .signaled(info.childStatus)
        default: return .endingUnknown(errno: 0)
        }
    }

    /// Milliseconds from `now` to `instant`, rounded up so poll() does not wake just before it.
    private static func milliseconds(from now: ContinuousClock.Instant, to instant: ContinuousClock.Instant) -> Int {
        guard instant > now else { return 0 }
        let (seconds, attoseconds) = (instant - now).components
        let milliseconds = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int(clamping: milliseconds)
    }

    // MARK: - Spawning

    /// An errno from a failed system call.
    private struct SystemError: Error {
        let code: Int32
    }

    /// A pipe whose ends are close-on-exec and not 0, 1 or 2. (Those are free only when the
    /// server runs with a standard descriptor closed; a pipe end there could be overwritten by
    /// the file actions that put the other pipe on 0, 1 and 2.)
    private static func makePipe() throws(SystemError) -> (read: Int32, write: Int32) {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { throw SystemError(code: errno) }
        for index in ends.indices {
            let fd = ends[index]
            if fd > 2 {
                if fcntl(fd, F_SETFD, FD_CLOEXEC) == 0 { continue }
            } else {
                let moved = fcntl(fd, F_DUPFD_CLOEXEC, 3)
                if moved >= 0 {
                    _ = close(fd)
                    ends[index] = moved
                    continue
                }
            }
            let code = errno
            _ = close(ends[0])
            _ = close(ends[1])
            throw SystemError(code: code)
        }
        return (ends[0], ends[1])
    }

    private static func setNonBlocking(_ fd: Int32) {
        let flags = fcntl(fd, F_GETFL)
        if flags >= 0 { _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK) }
    }

    /// Starts the child: stdin from `stdin`, stdout and stderr both to `output`, every other
    /// descriptor closed, its own process group, an empty signal mask and every signal at its
    /// default action (the server ignores SIGPIPE, and takes SIGTERM and SIGINT by ignoring them
    /// for a dispatch source; a child would inherit those "ignore"s and shrug off our SIGTERM).
    private func spawn(stdin: Int32, output: Int32) -> Swift.Result<pid_t, SystemError> {
        #if canImport(Darwin)
        var actions: posix_spawn_file_actions_t?
        var attributes: posix_spawnattr_t?
        #else
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        #endif
        var code = posix_spawn_file_actions_init(&actions)
        guard code == 0 else { return .failure(SystemError(code: code)) }
        defer { posix_spawn_file_actions_destroy(&actions) }
        code = posix_spawnattr_init(&attributes)
        guard code == 0 else { return .failure(SystemError(code: code)) }
        defer { posix_spawnattr_destroy(&attributes) }

        var flags = Int32(POSIX_SPAWN_SETPGROUP) | Int32(POSIX_SPAWN_SETSIGMASK) | Int32(POSIX_SPAWN_SETSIGDEF)
        for (source, target) in [(stdin, Int32(0)), (output, 1), (output, 2)] {
            code = posix_spawn_file_actions_adddup2(&actions, source, target)
            guard code == 0 else { return .failure(SystemError(code: code)) }
        }
        #if canImport(Darwin)
        // Darwin closes every descriptor not named in the file actions.
        flags |= Int32(POSIX_SPAWN_CLOEXEC_DEFAULT)
        #else
        code = Self.closeDescriptorsFromThree(&actions)
        guard code == 0 else { return .failure(SystemError(code: code)) }
        #endif

        code = posix_spawnattr_setflags(&attributes, Int16(flags))
        guard code == 0 else { return .failure(SystemError(code: code)) }
        code = posix_spawnattr_setpgroup(&attributes, 0)
        guard code == 0 else { return .failure(SystemError(code: code)) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        code = posix_spawnattr_setsigmask(&attributes, &noSignals)
        guard code == 0 else { return .failure(SystemError(code: code)) }
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        code = posix_spawnattr_setsigdefault(&attributes, &allSignals)
        guard code == 0 else { return .failure(SystemError(code: code)) }

        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid = pid_t()
        code = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        guard code == 0 else { return .failure(SystemError(code: code)) }
        return .success(pid)
    }

    #if !canImport(Darwin)
    /// `posix_spawn_file_actions_addclosefrom_np` (glibc ≥ 2.34), looked up at run time: the
    /// headers declare it only under `_GNU_SOURCE`, which the Glibc module is not built with.
    /// Stored as an address because a C function pointer is not `Sendable`.
    private static let addCloseFromAddress: UInt? = {
        dlsym(nil, "posix_spawn_file_actions_addclosefrom_np").map { UInt(bitPattern: $0) }
    }()

    private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32

    /// Adds file actions that close every descriptor from 3 up in the child, so it inherits
    /// none of the server's (listening socket, client connections, SQLite files), whether or not
    /// they were opened close-on-exec.
    private static func closeDescriptorsFromThree(_ actions: inout posix_spawn_file_actions_t) -> Int32 {
        if let address = addCloseFromAddress, let symbol = UnsafeRawPointer(bitPattern: address) {
            let addCloseFrom = unsafeBitCast(symbol, to: AddCloseFrom.self)
            return addCloseFrom(&actions, 3)
        }
        // Older C libraries: close what is open now, one action each. A descriptor that
        // another thread opens without O_CLOEXEC between this listing and the spawn would
        // still leak; the server opens its own with O_CLOEXEC.
        for fd in openDescriptors() where fd > 2 {
            let code = posix_spawn_file_actions_addclose(&actions, fd)
            guard code == 0 else { return code }
        }
        return 0
    }

    /// The descriptors open in this process, from /proc/self/fd.
    private static func openDescriptors() -> [Int32] {
        guard let directory = opendir("/proc/self/fd") else { return [] }
        defer { closedir(directory) }
        let own = dirfd(directory)
        var descriptors: [Int32] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if let fd = Int32(name), fd != own { descriptors.append(fd) }
        }
        return descriptors
    }
    #endif
}

// MARK: - Output tail

/// The last `limit` bytes of a stream, in memory bounded by twice the limit whatever the
/// stream's length.
struct OutputTail {
    let limit: Int
    private var buffer: [UInt8] = []

    init(limit: Int) {
        self.limit = max(0, limit)
    }

    mutating func append(_ chunk: UnsafeRawBufferPointer) {
        guard limit > 0, !chunk.isEmpty else { return }
        buffer.append(contentsOf: chunk.suffix(limit))
        if buffer.count > 2 * limit {
            buffer.removeFirst(buffer.count - limit)
        }
    }

    /// The kept bytes: at most `limit`, the newest last.
    var bytes: [UInt8] {
        Array(buffer.suffix(limit))
    }
}

// MARK: - SIGPIPE

/// Makes a write to a pipe whose reader is gone fail with EPIPE instead of raising SIGPIPE,
/// even in a process that does not ignore SIGPIPE (tests, or a library user).
///
/// On Linux SIGPIPE is blocked on this thread while the run lasts; SIGPIPE from a write is
/// sent to the writing thread, so after an EPIPE the signal our write left pending is taken
/// back with `sigtimedwait` before the old mask returns. Darwin has `F_SETNOSIGPIPE` instead.
private struct BrokenPipeSignal {
    private var previousMask = sigset_t()
    private var restored = false

    init(writingTo fd: Int32) {
        #if canImport(Darwin)
        _ = fcntl(fd, F_SETNOSIGPIPE, 1)
        #else
        var blocked = Self.sigpipeOnly()
        pthread_sigmask(SIG_BLOCK, &blocked, &previousMask)
        #endif
    }

    /// Whether a SIGPIPE is pending already (then the one a failed write raises merges with it
    /// and is not ours to take).
    var isPending: Bool {
        #if canImport(Darwin)
        return false
        #else
        var pending = sigset_t()
        sigpending(&pending)
        return sigismember(&pending, SIGPIPE) == 1
        #endif
    }

    /// Takes back the SIGPIPE a write that failed with EPIPE left pending.
    func discardPending() {
        #if !canImport(Darwin)
        var set = Self.sigpipeOnly()
        var noWait = timespec(tv_sec: 0, tv_nsec: 0)
        while sigtimedwait(&set, nil, &noWait) < 0, errno == EINTR {}
        #endif
    }

    mutating func restore() {
        #if !canImport(Darwin)
        guard !restored else { return }
        restored = true
        pthread_sigmask(SIG_SETMASK, &previousMask, nil)
        #endif
    }

    private static func sigpipeOnly() -> sigset_t {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGPIPE)
        return set
    }
}

// MARK: - siginfo_t

extension siginfo_t {
    /// The pid of the child `waitid` reported, 0 when none had changed state.
    fileprivate var childPID: pid_t {
        #if canImport(Darwin)
        si_pid
        #else
        _sifields._sigchld.si_pid
        #endif
    }

    /// Exit status (CLD_EXITED) or signal number (CLD_KILLED, CLD_DUMPED).
    fileprivate var childStatus: Int32 {
        #if canImport(Darwin)
        si_status
        #else
        _sifields._sigchld.si_status
        #endif
    }
}
