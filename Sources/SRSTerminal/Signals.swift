import Glibc
import Synchronization

/// The signals during a review. Every signal whose default ends the process is caught:
/// - those that ask srs to end (SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, …)
///   set `received`, which the key loop polls, so the review closes normally (the terminal
///   restored, the snapshot written) and srs exits with 128 + the signal's number;
/// - those of a crash (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGABRT, SIGSYS) restore the
///   terminal from the handler (only `tcsetattr` and `write` of bytes prepared beforehand: what a
///   handler may call), then go on to the handler that was there before (the Swift runtime's
///   crash report, now printed on the normal screen) or to the default.
/// SIGKILL cannot be caught; SIGPIPE is ignored (`Output.prepare`).
enum Signals {
    private static let flag = Atomic<Int32>(0)

    static var received: Int32 { flag.load(ordering: .relaxed) }

    static let endRequests: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM,
                                       SIGPROF, SIGXCPU, SIGXFSZ, SIGIO, SIGPWR, SIGSTKFLT] + Array(34...64)
    static let crashes: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGABRT, SIGSYS]

    /// The terminal's modes before the review, for the crash handler.
    static func saveTerminalModes() { _ = tcgetattr(STDIN_FILENO, CrashRestore.modes) }

    static func install(resetSequence: [UInt8]) {
        for number in endRequests {
            signal(number) { number in Signals.flag.store(number, ordering: .relaxed) }
        }
        CrashRestore.arm(resetSequence)
        // Once per process: a second install would record its own handler as the previous one.
        guard !CrashRestore.installed.exchange(true, ordering: .relaxed) else { return }
        for number in crashes {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in
                CrashRestore.restore()
                _ = sigaction(number, CrashRestore.previous + Int(number), nil)
                raise(number)
            }
            sigemptyset(&action.sa_mask)
            _ = sigaction(number, &action, CrashRestore.previous + Int(number))
        }
    }

    /// After `close`: a crash no longer touches the terminal.
    static func disarmCrashRestore() { CrashRestore.armed.store(false, ordering: .relaxed) }
}

/// Memory the crash handler reads, allocated before any crash can happen: a handler may not
/// allocate.
private enum CrashRestore {
    nonisolated(unsafe) static let modes = UnsafeMutablePointer<termios>.allocate(capacity: 1)
    nonisolated(unsafe) static let previous = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
    nonisolated(unsafe) static let reset = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
    nonisolated(unsafe) static var resetCount = 0
    static let armed = Atomic<Bool>(false)
    static let installed = Atomic<Bool>(false)

    static func arm(_ sequence: [UInt8]) {
        resetCount = min(sequence.count, 256)
        for (i, byte) in sequence.prefix(resetCount).enumerated() { reset[i] = byte }
        armed.store(true, ordering: .relaxed)
    }

    /// Async-signal-safe: the saved modes back, the reset bytes out.
    static func restore() {
        guard armed.exchange(false, ordering: .relaxed) else { return }
        _ = tcsetattr(STDIN_FILENO, TCSANOW, modes)
        _ = write(STDOUT_FILENO, reset, resetCount)
    }
}
