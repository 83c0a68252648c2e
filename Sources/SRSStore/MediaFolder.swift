import Foundation

/// The media files of imported Anki decks: `<data-dir>/media/<name>`, shared by the users of the
/// data directory like the decks (`docs/anki-import.md`, "Media").
public struct MediaFolder: Sendable {
    public let folder: URL
    let io: Syscalls

    public init(location: DataLocation, io: Syscalls = .live) {
        folder = location.root.appendingPathComponent("media", isDirectory: true)
        self.io = io
    }

    /// Why `name` cannot be a media file name here, or nil when it can: the rules of deck and user
    /// names (no path separator, leading dot, control or invisible character), up to 255 bytes.
    public static func problem(withName name: String) -> String? {
        name == ".." ? "it is `..`" : FileName.problem(with: name, maxBytes: 255)
    }

    /// Writes one file atomically (temporary file, fsync, rename), creating the folder; a `media`
    /// path that is a link or a file, or a file there that is a link, is refused (exit 65).
    public func save(_ bytes: [UInt8], named name: String) throws -> URL {
        if let problem = Self.problem(withName: name) {
            throw StoreError.damaged(path: folder.path, line: nil, problem: "media name '\(name)' is unsafe: \(problem)",
                                     fix: "Rename the file in Anki (Tools → Check Media) and export again.")
        }
        try io.requireRealFolderOrNothing(folder.path)
        try io.makeDirectories(folder.path)
        let url = folder.appendingPathComponent(name)
        try io.requirePlainFileOrNothing(url.path)
        try io.writeAtomically(bytes, to: url.path)
        return url
    }

    /// The bytes of media file `name`; nil when there is none, or the name is not one srs keeps
    /// (a name with a path separator never reaches outside the folder). A link there is refused.
    public func read(named name: String) throws -> [UInt8]? {
        guard Self.problem(withName: name) == nil else { return nil }
        try io.requireRealFolderOrNothing(folder.path)
        return try io.readFile(folder.appendingPathComponent(name).path)
    }
}
