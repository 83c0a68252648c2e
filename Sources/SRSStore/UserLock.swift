import Foundation

/// The per-user lock: one review session at a time. `flock` is released by the kernel when the
/// process ends in any way (a kill included), so a crash never leaves a stale lock.
final class UserLock {
    private let fd: Int32

    /// Takes the lock or throws `StoreError.locked` naming the holder.
    init(path: String, user: String) throws {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw StoreError.creating(path) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let holder = UserLock.holder(fd)
            close(fd)
            throw StoreError.locked(path: path, user: user, holder: holder)
        }
        self.fd = fd
        let note = Array("pid \(getpid())\n".utf8)
        _ = ftruncate(fd, 0)
        _ = note.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
    }

    deinit { close(fd) }

    private static func holder(_ fd: Int32) -> String? {
        var buffer = [UInt8](repeating: 0, count: 64)
        let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
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
