import Foundation

/// The file operations the deck library needs, on top of the store's `Syscalls`: read a whole
/// file, write one atomically, list a folder's decks. Errors are `StoreError`s naming the path.
public enum DeckFiles {
    /// The file's bytes; `StoreError.notFound` (`what` names it) when it does not exist.
    public static func read(_ url: URL, what: String = "deck file") throws -> [UInt8] {
        guard let bytes = try readFile(url.path) else { throw StoreError.notFound(path: url.path, what: what) }
        return bytes
    }

    /// The `.deck` files in `folder`, sorted (none when the folder does not exist yet).
    static func deckFiles(in folder: URL) throws -> [URL] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch CocoaError.fileReadNoSuchFile, CocoaError.fileNoSuchFile {
            return []
        } catch {
            throw StoreError.io(path: folder.path, operation: "list", reason: error.localizedDescription)
        }
        return names.filter { $0.hasSuffix(".deck") && !$0.hasPrefix(".") }.sorted()
            .map { folder.appendingPathComponent($0) }
    }

    /// Creates the folder if needed, then writes atomically (temporary file, fsync, rename):
    /// on failure the previous file is untouched.
    static func writeAtomically(_ text: String, to url: URL) throws {
        try Syscalls.live.makeDirectories(url.deletingLastPathComponent().path)
        try Syscalls.live.writeAtomically(Array(text.utf8), to: url.path)
    }
}
