import Foundation

/// The per-user lock: one review session at a time. `flock` is released by the kernel when the
/// process ends in any way (a kill included), so a crash never leaves a stale lock. The lock
/// file is opened without following a link: a planted link never gets `pid N` written through it.
final class UserLock {
    private let fd: Int32
    private let io: Syscalls

    /// Takes the lock or throws `StoreError.locked` naming the holder.
    init(path: String, user: String, io: Syscalls) throws {
        guard let fd = try io.openDataFile(path, O_RDWR | O_CREAT) else { throw StoreError.creating(path) }
        guard io.flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            guard errno == EWOULDBLOCK else {
                let reason = Syscalls.lastError()
                _ = io.close(fd)
                throw StoreError.io(path: path, operation: "lock", reason: reason)
            }
            let holder = UserLock.holder(fd, io: io)
            _ = io.close(fd)
            throw StoreError.locked(path: path, user: user, holder: holder)
        }
        self.fd = fd
        self.io = io
        let note = Array("pid \(getpid())\n".utf8)
        _ = io.ftruncate(fd, 0)
        _ = note.withUnsafeBytes { io.writeAt(fd, $0, 0) }
    }

    /// Empties the file before letting go: the pid of a session that ended names no holder, and
    /// between sessions the file is empty, so a command that fails leaves it as it was.
    deinit {
        _ = io.ftruncate(fd, 0)
        _ = io.close(fd)
    }

    private static func holder(_ fd: Int32, io: Syscalls) -> String? {
        var buffer = [UInt8](repeating: 0, count: 64)
        let n = buffer.withUnsafeMutableBytes { io.read(fd, $0, 0) }
        guard n > 0 else { return nil }
        let text = String(decoding: buffer[..<n], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return nil }
        return isStopped(pid: text.split(separator: " ").last.flatMap { Int32($0) }) ? text + stoppedNote : text
    }

    /// Appended to the holder of a session stopped with Ctrl-Z (`StoreError` then says `fg`).
    static let stoppedNote = ", stopped with Ctrl-Z"

    /// True when process `pid` is stopped (state `T` in /proc/PID/stat), as Ctrl-Z leaves srs.
    private static func isStopped(pid: Int32?) -> Bool {
        guard let pid, let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return false }
        let state = stat[stat.index(after: close)...].split(separator: " ").first
        return state == "T" || state == "t"
    }
}
