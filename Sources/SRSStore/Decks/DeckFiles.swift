import Foundation

/// The file operations the deck library needs, through the store's `Syscalls`: read a whole
/// file, write one atomically, list a folder's decks. Errors are `StoreError`s naming the path.
public enum DeckFiles {
    /// The deck file's bytes (never through a link); `StoreError.notFound` (`what` names it)
    /// when it does not exist.
    public static func read(_ url: URL, what: String = "deck file", io: Syscalls = .live) throws -> [UInt8] {
        guard let bytes = try io.readFile(url.path) else { throw StoreError.notFound(path: url.path, what: what) }
        return bytes
    }

    /// A file the user names on the command line (a quiz file): a link is followed, as any
    /// program would, but it must lead to a plain file.
    static func readInput(_ path: String, what: String, io: Syscalls, limit: Int? = nil) throws -> [UInt8] {
        let fd = io.open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK, 0)
        guard fd >= 0 else {
            if errno == ENOENT { throw StoreError.notFound(path: path, what: what) }
            throw StoreError.io(path: path, operation: "read", reason: Syscalls.lastError())
        }
        defer { _ = io.close(fd) }
        guard let info = io.fileStatus(fd), FileKind.isRegular(info) else {
            throw StoreError.notAFile(path: path, found: io.pathStatus(path, true).map(FileKind.describe) ?? "not a plain file")
        }
        if let limit {
            // The first `limit` bytes, or the whole file when it is shorter (or shrank).
            let count = min(limit, Int(info.st_size))
            if let head = io.readExactly(fd, count: count, at: 0) { return head }
            guard errno == 0 else { throw StoreError.io(path: path, operation: "read", reason: Syscalls.lastError()) }
            return Array(try io.readRest(fd, path: path, from: 0, sizeHint: count).prefix(limit))
        }
        return try io.readRest(fd, path: path, from: 0, sizeHint: Int(info.st_size))
    }

    /// The `.deck` files in `folder`, sorted (none when the folder does not exist yet). A file
    /// where the folder belongs is `StoreError.notAFolder` (exit 65).
    static func deckFiles(in folder: URL, io: Syscalls) throws -> [URL] {
        guard let names = io.list(folder.path) else {
            if errno == ENOENT { return [] }
            let code = errno
            // A file or a link to nothing in place of the data directory is named as that.
            if let problem = io.fileWhereAFolderBelongs(folder.deletingLastPathComponent().path) { throw problem }
            if code == ENOTDIR {
                throw StoreError.notAFolder(path: folder.path, found: io.pathStatus(folder.path, false).map(FileKind.describe) ?? "a file")
            }
            throw StoreError.io(path: folder.path, operation: "list", reason: String(cString: strerror(code)))
        }
        return names.filter { $0.hasSuffix(".deck") && !$0.hasPrefix(".") }.sorted()
            .map { folder.appendingPathComponent($0) }
    }

    /// Creates the folder if needed, then writes atomically (temporary file, fsync, rename):
    /// on failure the previous file is untouched.
    static func writeAtomically(_ text: String, to url: URL, io: Syscalls) throws {
        try io.makeDirectories(url.deletingLastPathComponent().path)
        // Straight from the string's bytes: a copy of a large deck's text (an Anki import of
        // 100,000 cards writes 56 MB) would sit beside it at the import's memory peak.
        var text = text
        let path = url.path
        try io.writeAtomically(to: path) { fd in
            guard text.withUTF8({ io.writeAll(fd, UnsafeRawBufferPointer($0)) }) else {
                throw StoreError.io(path: path, operation: "write", reason: Syscalls.lastError())
            }
        }
    }
}

/// A file the user names on the command line (review lines, a quiz file).
public enum InputFile {
    /// Its bytes. Throws `StoreError.notFound` (66) when it does not exist, `.notAFile` (65) when
    /// it is a folder or a device, `.io` (74) when reading fails; never Foundation's wording.
    public static func read(_ path: String, what: String = "input file", io: Syscalls = .live) throws -> [UInt8] {
        try DeckFiles.readInput(path, what: what, io: io)
    }

    /// Its first `count` bytes (all of a shorter file), with the errors of `read`.
    public static func head(_ path: String, count: Int, what: String = "input file", io: Syscalls = .live) throws -> [UInt8] {
        try DeckFiles.readInput(path, what: what, io: io, limit: count)
    }
}
