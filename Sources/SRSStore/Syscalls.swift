#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every system call the store makes on files and folders (progress, settings, lock, caches,
/// decks), as replaceable functions: the live value calls the system; tests inject failures
/// (a full disk, a read-only file system, an I/O error on read) that root, which permissions do
/// not stop, would otherwise never see. Nothing in `SRSStore` calls the system around it.
public struct Syscalls: Sendable {
    public var open: @Sendable (_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32
    public var close: @Sendable (_ fd: Int32) -> Int32
    /// `pread`: reads into `buffer` from file offset `offset`.
    public var read: @Sendable (_ fd: Int32, _ buffer: UnsafeMutableRawBufferPointer, _ offset: Int) -> Int
    public var write: @Sendable (_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int
    /// `pwrite`: writes `bytes` at file offset `offset`.
    public var writeAt: @Sendable (_ fd: Int32, _ bytes: UnsafeRawBufferPointer, _ offset: Int) -> Int
    public var fsync: @Sendable (_ fd: Int32) -> Int32
    public var ftruncate: @Sendable (_ fd: Int32, _ length: off_t) -> Int32
    public var rename: @Sendable (_ from: String, _ to: String) -> Int32
    public var mkdir: @Sendable (_ path: String, _ mode: mode_t) -> Int32
    public var unlink: @Sendable (_ path: String) -> Int32
    public var flock: @Sendable (_ fd: Int32, _ operation: Int32) -> Int32
    /// `fstat` of an open file; nil (and `errno`) on failure.
    public var fileStatus: @Sendable (_ fd: Int32) -> stat?
    /// `stat` of a path, following a final symbolic link when `follow`; nil (and `errno`) on failure.
    public var pathStatus: @Sendable (_ path: String, _ follow: Bool) -> stat?
    /// The names in a folder (without `.` and `..`); nil (and `errno`) on failure.
    public var list: @Sendable (_ path: String) -> [String]?

    public static let live = Syscalls(
        open: { path, flags, mode in Glibc.open(path, flags, mode) },
        close: { fd in Glibc.close(fd) },
        read: { fd, buffer, offset in
            buffer.baseAddress.map { pread(fd, $0, buffer.count, off_t(offset)) } ?? 0
        },
        write: { fd, bytes in Glibc.write(fd, bytes.baseAddress, bytes.count) },
        writeAt: { fd, bytes, offset in pwrite(fd, bytes.baseAddress, bytes.count, off_t(offset)) },
        fsync: { fd in Glibc.fdatasync(fd) },
        ftruncate: { fd, length in Glibc.ftruncate(fd, length) },
        rename: { from, to in Glibc.rename(from, to) },
        mkdir: { path, mode in Glibc.mkdir(path, mode) },
        unlink: { path in Glibc.unlink(path) },
        flock: lockFile,
        fileStatus: { fd in
            var info = Glibc.stat()
            return Glibc.fstat(fd, &info) == 0 ? info : nil
        },
        pathStatus: statusOfPath,
        list: listFolder)

    /// The text of the current `errno`.
    static func lastError() -> String { String(cString: strerror(errno)) }
}

private func lockFile(_ fd: Int32, _ operation: Int32) -> Int32 { flock(fd, operation) }

private func statusOfPath(_ path: String, _ follow: Bool) -> stat? {
    var info = stat()
    return (follow ? stat(path, &info) : lstat(path, &info)) == 0 ? info : nil
}

/// `opendir`/`readdir`: the names in `path`, nil (and `errno`) when it cannot be listed.
private func listFolder(_ path: String) -> [String]? {
    guard let dir = opendir(path) else { return nil }
    defer { closedir(dir) }
    var names: [String] = []
    while let entry = readdir(dir) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        if name != "." && name != ".." { names.append(name) }
    }
    return names
}

/// What kind of thing a `stat` describes, in words for a message.
enum FileKind {
    static func isRegular(_ info: stat) -> Bool { info.st_mode & S_IFMT == S_IFREG }
    static func isDirectory(_ info: stat) -> Bool { info.st_mode & S_IFMT == S_IFDIR }
    static func isLink(_ info: stat) -> Bool { info.st_mode & S_IFMT == S_IFLNK }

    static func describe(_ info: stat) -> String {
        switch info.st_mode & S_IFMT {
        case S_IFREG: return "a file"
        case S_IFDIR: return "a folder"
        case S_IFLNK: return "a symbolic link"
        case S_IFIFO: return "a named pipe"
        case S_IFSOCK: return "a socket"
        default: return "a device"
        }
    }
}
