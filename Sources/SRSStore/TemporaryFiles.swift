#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The temporary files of atomic writes: `<file>.tmp-<pid>-<16 random hex digits>`, created
/// exclusively and held under an `flock` by their writer. A write killed half-way leaves one
/// behind; the next atomic write into the same folder removes those whose writer is gone (its process
/// no longer exists and nobody holds the file's lock). `decks/` is shared by every user, so a
/// temporary file of another user's running import is never touched.
enum TemporaryFiles {
    static let marker = ".tmp-"

    /// A fresh name beside `path`. The random part comes from the system's generator: a name
    /// nobody can guess, so nobody can plant a link there beforehand.
    static func name(for path: String) -> String {
        let random = String(UInt64.random(in: UInt64.min...UInt64.max), radix: 16)
        return path + marker + "\(getpid())-" + String(repeating: "0", count: 16 - random.count) + random
    }

    /// The folder part of `path` ("." when it has none).
    static func folder(of path: String) -> String {
        let folder = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        return folder.isEmpty ? (path.hasPrefix("/") ? "/" : ".") : folder
    }

    /// The files srs writes atomically, by their endings (`.jsonl`: the log, once, by its upgrade).
    static let endings = [".json", ".jsonl", ".cache", ".deck"]

    /// The writer's process id in `name` when it is a temporary file of srs's:
    /// `<file>.tmp-<pid>-<16 hex digits>`, or `<file>.tmp-<pid>` as older versions named them.
    static func writer(of name: String) -> pid_t? {
        guard let marked = name.range(of: marker, options: .backwards),
              endings.contains(where: { name[..<marked.lowerBound].hasSuffix($0) }) else { return nil }
        let rest = name[marked.upperBound...].split(separator: "-", omittingEmptySubsequences: false)
        guard rest.count == 1 || (rest.count == 2 && rest[1].count == 16 && rest[1].allSatisfy(\.isHexDigit)) else { return nil }
        return pid_t(rest[0])
    }

    /// Whether the process `pid` is gone (a process of another user still counts as running).
    static func isGone(_ pid: pid_t) -> Bool {
        pid > 0 && pid != getpid() && kill(pid, 0) != 0 && errno == ESRCH
    }
}

extension Syscalls {
    /// Writes `bytes` to `path` atomically: an exclusive temporary file beside it, fsync, rename
    /// over the old file, fsync of the folder. On any failure the old file is untouched. A `path`
    /// that is a link, a folder or anything but a plain file is refused (`StoreError.notAFile`).
    func writeAtomically(_ bytes: [UInt8], to path: String) throws {
        try writeAtomically(to: path) { fd in
            guard bytes.withUnsafeBytes({ writeAll(fd, $0) }) else {
                throw StoreError.io(path: path, operation: "write", reason: Syscalls.lastError())
            }
        }
    }

    /// The same, with `body` writing the temporary file's content to the descriptor it is given.
    func writeAtomically(to path: String, _ body: (Int32) throws -> Void) throws {
        try requirePlainFileOrNothing(path)
        removeStaleTemporaries(of: path)
        try replaceAtomically(path, body) { created in
            created ? StoreError.io(path: path, operation: "write", reason: Syscalls.lastError()) : writeFailure(path)
        }
    }

    /// The one atomic-write sequence, for the store's files and the files the learner names
    /// (`OutputFile`): `body` writes an exclusive temporary file beside `path` (`O_EXCL |
    /// O_NOFOLLOW`, held under an `flock`), which is fsynced and renamed over `path`, and the
    /// folder fsynced. On any failure the temporary file is removed and `path` is as it was:
    /// what `body` threw is rethrown, and a failed call is `failure(created)`, called while
    /// `errno` still holds its reason, `created` false when the temporary file could not be made.
    func replaceAtomically(_ path: String, _ body: (Int32) throws -> Void, failure: (_ created: Bool) -> Error) throws {
        let temporary = TemporaryFiles.name(for: path)
        let fd = open(temporary, O_RDWR | O_CREAT | O_EXCL | Syscalls.dataFileFlags, 0o644)
        guard fd >= 0 else { throw failure(false) }
        defer { _ = close(fd) }
        _ = flock(fd, LOCK_EX | LOCK_NB)
        do {
            try body(fd)
            guard fsync(fd) == 0, rename(temporary, path) == 0 else { throw failure(true) }
        } catch {
            _ = unlink(temporary)
            throw error
        }
        syncDirectory(of: path)
    }

    /// A failed creation of the temporary file: disk trouble is an I/O error (74), the rest 73.
    private func writeFailure(_ path: String) -> StoreError {
        switch StoreError.creating(path) {
        case let .io(path, _, reason): return .io(path: path, operation: "write", reason: reason)
        case let other: return other
        }
    }

    /// Removes the temporary files in the folder of `path` left by writers that are gone (any
    /// of srs's files: a deck's, another user's, this one's).
    func removeStaleTemporaries(of path: String) {
        let folder = TemporaryFiles.folder(of: path)
        for name in list(folder) ?? [] {
            guard let pid = TemporaryFiles.writer(of: name), TemporaryFiles.isGone(pid) else { continue }
            let stale = folder + "/" + name
            let fd = open(stale, O_RDONLY | Syscalls.dataFileFlags, 0)
            guard fd >= 0 else { continue }
            if let info = fileStatus(fd), FileKind.isRegular(info), flock(fd, LOCK_EX | LOCK_NB) == 0 {
                _ = unlink(stale)
            }
            _ = close(fd)
        }
    }
}
