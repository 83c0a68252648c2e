import Foundation

/// The file operations the deck library needs: read a whole file, write one atomically, list
/// a folder. Errors come back as `StoreError` naming the path.
enum DeckFiles {
    static func read(_ url: URL, what: String = "deck file") throws -> Data {
        do {
            return try Data(contentsOf: url)
        } catch CocoaError.fileReadNoSuchFile, CocoaError.fileNoSuchFile {
            throw StoreError.notFound(path: url.path, what: what)
        } catch {
            throw StoreError.io(path: url.path, operation: "read", reason: describe(error))
        }
    }

    /// The `.deck` files in `folder` (none when it does not exist yet).
    static func deckFiles(in folder: URL) throws -> [URL] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch CocoaError.fileReadNoSuchFile, CocoaError.fileNoSuchFile {
            return []
        } catch {
            throw StoreError.io(path: folder.path, operation: "list", reason: describe(error))
        }
        return names.filter { $0.hasSuffix(".deck") && !$0.hasPrefix(".") }.sorted()
            .map { folder.appendingPathComponent($0) }
    }

    /// Writes `data` to `url` so that a crash leaves either the old file or the new one: a
    /// temporary file in the same folder, `fsync`, `rename` over the target, `fsync` the folder.
    /// On failure the target is untouched and the temporary file removed.
    static func writeAtomically(_ data: Data, to url: URL) throws {
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw StoreError.cannotCreate(path: folder.path, reason: describe(error))
        }
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw StoreError.cannotCreate(path: temporary.path, reason: errnoText()) }
        do {
            try writeAll(data, to: fd, path: temporary.path)
            guard fsync(fd) == 0 else { throw StoreError.io(path: temporary.path, operation: "sync", reason: errnoText()) }
        } catch {
            close(fd)
            unlink(temporary.path)
            throw error
        }
        close(fd)
        guard rename(temporary.path, url.path) == 0 else {
            let reason = errnoText()
            unlink(temporary.path)
            throw StoreError.io(path: url.path, operation: "replace", reason: reason)
        }
        syncFolder(folder)
    }

    private static func writeAll(_ data: Data, to fd: Int32, path: String) throws {
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count, let base = buffer.baseAddress {
                let written = write(fd, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw StoreError.io(path: path, operation: "write", reason: errnoText())
                }
                offset += written
            }
        }
    }

    /// Makes the rename durable; a folder that cannot be opened is left to the file system.
    private static func syncFolder(_ folder: URL) {
        let fd = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }

    private static func describe(_ error: Error) -> String {
        (error as NSError).localizedFailureReason ?? error.localizedDescription
    }
}
