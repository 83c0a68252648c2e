#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Opening, reading and writing data files safely, through the seam: a data file is never
/// reached through a symbolic link (`O_NOFOLLOW`) and must be a plain file; temporary files are
/// created exclusively (`O_EXCL`) under unpredictable names. The data directory and its `decks`
/// folder may themselves be links (a synced folder, a git checkout): only the last component
/// of a path is never followed.
extension Syscalls {
    /// Flags added to every data-file open: no link followed, no blocking on a named pipe.
    static let dataFileFlags = O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK

    /// Opens the data file `path` with `flags`; nil when it does not exist (and `O_CREAT` is not
    /// given). A link, folder or anything but a plain file is `StoreError.notAFile` (exit 65).
    func openDataFile(_ path: String, _ flags: Int32, mode: mode_t = 0o644) throws -> Int32? {
        let fd = open(path, flags | Syscalls.dataFileFlags, mode)
        guard fd >= 0 else {
            let code = errno
            if code == ENOENT && flags & O_CREAT == 0 { return nil }
            if code == ELOOP || code == EISDIR || code == ENXIO { throw notAFile(path) }
            if flags & O_CREAT != 0 { throw StoreError.creating(path) }
            throw StoreError.io(path: path, operation: flags & O_ACCMODE == O_RDONLY ? "read" : "open",
                                reason: Syscalls.lastError())
        }
        guard let info = fileStatus(fd) else {
            let reason = Syscalls.lastError()
            _ = close(fd)
            throw StoreError.io(path: path, operation: "read", reason: reason)
        }
        guard FileKind.isRegular(info) else {
            _ = close(fd)
            throw StoreError.notAFile(path: path, found: FileKind.describe(info))
        }
        return fd
    }

    /// The error for `path`, which exists but is not a plain file.
    func notAFile(_ path: String) -> StoreError {
        .notAFile(path: path, found: pathStatus(path, false).map(FileKind.describe) ?? "not a plain file")
    }

    /// Throws `StoreError.notAFile` when `path` exists and is not a plain file (a link included).
    func requirePlainFileOrNothing(_ path: String) throws {
        if let info = pathStatus(path, false), !FileKind.isRegular(info) {
            throw StoreError.notAFile(path: path, found: FileKind.describe(info))
        }
    }

    /// Throws `StoreError.notAFolder` when `path` exists and is not a real folder (a link included).
    func requireRealFolderOrNothing(_ path: String) throws {
        if let info = pathStatus(path, false), !FileKind.isDirectory(info) {
            throw StoreError.notAFolder(path: path, found: FileKind.describe(info))
        }
    }

    /// The size of an open file.
    func size(of fd: Int32, path: String) throws -> Int {
        guard let info = fileStatus(fd) else { throw StoreError.io(path: path, operation: "read", reason: Syscalls.lastError()) }
        return Int(info.st_size)
    }

    /// `users` and the user's own folder must be real folders (or not exist yet): a link planted
    /// there would send the user's files elsewhere.
    func requireRealFolders(of location: DataLocation) throws {
        if let problem = fileWhereAFolderBelongs(location.root.path) { throw problem }
        let users = location.userFolder.deletingLastPathComponent().path
        try requireRealFolderOrNothing(users)
        try requireRealFolderOrNothing(location.userFolder.path)
    }

    /// `StoreError.notAFolder` for the nearest of `path` and its parents that exists, when it is
    /// not a folder (followed if a link: the data directory may be one); nil otherwise. So a file
    /// given as the data directory (or above it) is named, not a failed read of a file below it.
    func fileWhereAFolderBelongs(_ path: String) -> StoreError? {
        var current = Substring(path)
        while !current.isEmpty {
            if let info = pathStatus(String(current), true) {
                return FileKind.isDirectory(info) ? nil : .notAFolder(path: String(current), found: FileKind.describe(info))
            }
            if let info = pathStatus(String(current), false), FileKind.describe(info) == "a symbolic link" {
                return .notAFolder(path: String(current), found: "a symbolic link that leads to no folder (its target is missing, or links form a loop)")
            }
            guard let slash = current.lastIndex(of: "/") else { return nil }
            current = current[..<slash]
        }
        return nil
    }

    /// Creates `path` and its missing parents; a file where a folder belongs is `StoreError.cannotCreate` (73).
    func makeDirectories(_ path: String) throws {
        var built = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            built += "/" + part
            guard mkdir(built, 0o755) != 0 else { continue }
            guard errno == EEXIST else { throw StoreError.creating(built) }
            if let info = pathStatus(built, true), !FileKind.isDirectory(info) {
                throw StoreError.cannotCreate(path: built, reason: "there is \(FileKind.describe(info)) of that name where srs keeps a folder; move it away")
            }
        }
    }

    /// Reads the whole data file `path` (nil when it does not exist); other failures throw.
    func readFile(_ path: String) throws -> [UInt8]? {
        guard let fd = try openDataFile(path, O_RDONLY) else { return nil }
        defer { _ = close(fd) }
        let size = fileStatus(fd).map { Int($0.st_size) } ?? 0
        return try readRest(fd, path: path, from: 0, sizeHint: size)
    }

    /// Reads exactly `count` bytes at `offset` of an open file, retrying short reads and
    /// interruptions; nil when the file ends first or a read fails (`errno` tells which, 0 at the end).
    func readExactly(_ fd: Int32, count: Int, at offset: Int) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let n = bytes.withUnsafeMutableBytes { read(fd, UnsafeMutableRawBufferPointer(rebasing: $0[filled...]), offset + filled) }
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
            let n = bytes.withUnsafeMutableBytes { read(fd, UnsafeMutableRawBufferPointer(rebasing: $0[filled...]), offset + filled) }
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { throw StoreError.io(path: path, operation: "read", reason: Syscalls.lastError()) }
            if n == 0 { break }
            filled += n
        }
        bytes.removeSubrange(filled...)
        return bytes
    }

    /// Reads the open file `fd` from `offset` to its end `windowBytes` at a time. `feed` gets the
    /// bytes not yet used (what it left of the window before, then the new ones), the file offset
    /// they start at and whether the file ends after them, and returns how many leading bytes it
    /// is done with; at the end it is called once more with what is left and `atEnd` true. So
    /// memory holds one window however long the file: what `feed` leaves is moved to its front
    /// and the next read fills the rest; a unit longer than the window grows it to hold it.
    func readWindows(_ fd: Int32, path: String, from offset: Int, windowBytes: Int = 1 << 20,
                     _ feed: (_ window: UnsafeBufferPointer<UInt8>, _ base: Int, _ atEnd: Bool) throws -> Int) throws {
        var buffer = [UInt8](repeating: 0, count: max(windowBytes, 1))
        var kept = 0, position = offset // `kept` bytes at the front, then the file from `position`
        while true {
            if kept == buffer.count { buffer.append(contentsOf: repeatElement(0, count: buffer.count)) }
            let n = buffer.withUnsafeMutableBytes { read(fd, UnsafeMutableRawBufferPointer(rebasing: $0[kept...]), position) }
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { throw StoreError.io(path: path, operation: "read", reason: Syscalls.lastError()) }
            let filled = kept + n
            let used = try buffer.withUnsafeBufferPointer { try feed(UnsafeBufferPointer(rebasing: $0[..<filled]), position - kept, n == 0) }
            if n == 0 { return }
            kept = filled - used
            if kept > 0 && used > 0 {
                buffer.withUnsafeMutableBytes { raw in
                    if let start = raw.baseAddress { _ = memmove(start, start + used, kept) }
                }
            }
            position += n
        }
    }

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

    /// Writes all of `bytes` at file offset `offset`, retrying short writes and interruptions.
    func writeAll(_ fd: Int32, _ bytes: [UInt8], at offset: Int) -> Bool {
        bytes.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let n = writeAt(fd, UnsafeRawBufferPointer(rebasing: raw[done...]), offset + done)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { return false }
                done += n
            }
            return true
        }
    }

    /// Makes a rename or a new file in the folder of `path` durable.
    func syncDirectory(of path: String) {
        let fd = open(TemporaryFiles.folder(of: path), O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        _ = close(fd)
    }
}
