#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every system call the progress store makes, as replaceable functions: the live value calls
/// the system; tests inject failures (a full disk, a read-only file system) that root, which
/// permissions do not stop, would otherwise never see.
public struct Syscalls: Sendable {
    public var open: @Sendable (_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32
    public var write: @Sendable (_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int
    public var fsync: @Sendable (_ fd: Int32) -> Int32
    public var ftruncate: @Sendable (_ fd: Int32, _ length: off_t) -> Int32
    public var rename: @Sendable (_ from: String, _ to: String) -> Int32
    public var mkdir: @Sendable (_ path: String, _ mode: mode_t) -> Int32

    public init(open: @escaping @Sendable (String, Int32, mode_t) -> Int32,
                write: @escaping @Sendable (Int32, UnsafeRawBufferPointer) -> Int,
                fsync: @escaping @Sendable (Int32) -> Int32,
                ftruncate: @escaping @Sendable (Int32, off_t) -> Int32,
                rename: @escaping @Sendable (String, String) -> Int32,
                mkdir: @escaping @Sendable (String, mode_t) -> Int32) {
        self.open = open
        self.write = write
        self.fsync = fsync
        self.ftruncate = ftruncate
        self.rename = rename
        self.mkdir = mkdir
    }

    public static let live = Syscalls(
        open: { path, flags, mode in Glibc.open(path, flags, mode) },
        write: { fd, bytes in Glibc.write(fd, bytes.baseAddress, bytes.count) },
        fsync: { fd in Glibc.fdatasync(fd) },
        ftruncate: { fd, length in Glibc.ftruncate(fd, length) },
        rename: { from, to in Glibc.rename(from, to) },
        mkdir: { path, mode in Glibc.mkdir(path, mode) })

    /// The text of the current `errno`.
    static func lastError() -> String { String(cString: strerror(errno)) }
}

extension Syscalls {
    /// Writes all of `bytes` to `fd`, retrying short writes and interruptions.
    func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        var done = 0
        while done < bytes.count {
            let n = write(fd, UnsafeRawBufferPointer(rebasing: bytes[done...]))
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return false }
            done += n
        }
        return true
    }

    /// Creates `path` and its missing parents.
    func makeDirectories(_ path: String) throws {
        var built = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            built += "/" + part
            if mkdir(built, 0o755) != 0 && errno != EEXIST {
                throw StoreError.creating(built)
            }
        }
    }

    /// Writes `bytes` to `path` atomically: a temporary file beside it, fsync, rename over the
    /// old file, fsync of the folder. On any failure the old file is untouched.
    func writeAtomically(_ bytes: [UInt8], to path: String) throws {
        let temporary = path + ".tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw StoreError.io(path: path, operation: "write", reason: Syscalls.lastError()) }
        let ok = bytes.withUnsafeBytes { writeAll(fd, $0) } && fsync(fd) == 0
        let reason = Syscalls.lastError()
        close(fd)
        guard ok, rename(temporary, path) == 0 else {
            let why = ok ? Syscalls.lastError() : reason
            unlink(temporary)
            throw StoreError.io(path: path, operation: "write", reason: why)
        }
        syncDirectory(of: path)
    }

    /// Makes a rename or a new file in the folder of `path` durable.
    func syncDirectory(of path: String) {
        let folder = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let fd = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }
}

/// Reads a whole file (nil when it does not exist); other failures throw `StoreError.io`.
func readFile(_ path: String) throws -> [UInt8]? {
    let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else {
        if errno == ENOENT { return nil }
        throw StoreError.io(path: path, operation: "read", reason: Syscalls.lastError())
    }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw StoreError.io(path: path, operation: "read", reason: Syscalls.lastError()) }
    return try readRest(fd, path: path, from: 0, sizeHint: Int(info.st_size))
}

/// Reads exactly `count` bytes at `offset` of an open file, retrying short reads and
/// interruptions; nil when the file ends first or a read fails (`errno` tells which, 0 at the end).
func readExactly(_ fd: Int32, count: Int, at offset: Int) -> [UInt8]? {
    var bytes = [UInt8](repeating: 0, count: count)
    var filled = 0
    while filled < count {
        let n = bytes.withUnsafeMutableBytes { raw in
            raw.baseAddress.map { pread(fd, $0 + filled, raw.count - filled, off_t(offset + filled)) } ?? -1
        }
        if n < 0 && errno == EINTR { continue }
        guard n > 0 else {
            if n == 0 { errno = 0 }
            return nil
        }
        filled += n
    }
    return bytes
}

/// Reads from `offset` to the end of an open file.
func readRest(_ fd: Int32, path: String, from offset: Int, sizeHint: Int) throws -> [UInt8] {
    var bytes = [UInt8](repeating: 0, count: max(sizeHint - offset, 0) + 1)
    var filled = 0
    while true {
        if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(bytes.count, 4096))) }
        let n = bytes.withUnsafeMutableBytes { raw -> Int in
            guard let base = raw.baseAddress else { return 0 }
            return pread(fd, base + filled, raw.count - filled, off_t(offset + filled))
        }
        if n < 0 && errno == EINTR { continue }
        guard n >= 0 else { throw StoreError.io(path: path, operation: "read", reason: Syscalls.lastError()) }
        if n == 0 { break }
        filled += n
    }
    bytes.removeSubrange(filled...)
    return bytes
}
