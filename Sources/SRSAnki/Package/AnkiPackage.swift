import Foundation

/// An Anki package (.apkg or .colpkg) read from bytes: the collection and the media list. Media
/// bytes are unpacked one file at a time on request (`mediaData`), so a large media collection is
/// never held unpacked at once.
public struct AnkiPackage {
    /// The package generations, from `meta` (`rslib/src/import_export/package/meta.rs`).
    public enum Generation: Int, Sendable {
        /// `collection.anki2`, schema 11, no `meta`.
        case legacy1 = 1
        /// `collection.anki21`, schema 11, raw media and a JSON media map.
        case legacy2 = 2
        /// `collection.anki21b`: zstd-compressed SQLite (schema 18), zstd media, a protobuf media map.
        case latest = 3

        var collectionName: String {
            switch self {
            case .legacy1: return "collection.anki2"
            case .legacy2: return "collection.anki21"
            case .latest: return "collection.anki21b"
            }
        }
    }

    public let generation: Generation
    public private(set) var collection: AnkiCollection
    /// The media files, in the package's order; names are checked safe and NFC.
    public let media: [AnkiMediaFile]
    /// The zip, kept for the media; nil when there are none.
    private let archive: ZipArchive?

    /// Reads a package. Throws an `AnkiError` (all exit 65) for anything that is not a whole,
    /// safe Anki package holding at least one card. The dummy `collection.anki2` of a current
    /// package is never read. `data` is consumed: a package without media lets its bytes go
    /// once the collection is unpacked, before the collection is read (a large collection's
    /// peak memory is the zip, the SQLite file and the model at once otherwise).
    public static func read(_ data: consuming Data, limits: AnkiLimits = .standard) throws -> AnkiPackage {
        let generation: Generation, media: [AnkiMediaFile], image: SQLiteImage, kept: ZipArchive?
        do {
            let zip = try ZipArchive(data: consume data, limits: limits)
            generation = try self.generation(zip)
            media = try MediaList.read(zip, modern: generation == .latest)
            image = try collectionImage(zip, generation)
            kept = media.isEmpty ? nil : zip
        }
        let collection = try CollectionReader.read(image)
        guard !collection.cards.isEmpty else { throw AnkiError.empty }
        return AnkiPackage(generation: generation, collection: collection, media: media, archive: kept)
    }

    /// The collection's SQLite file, unpacked straight into SQLite's memory (one copy, not three).
    static func collectionImage(_ archive: ZipArchive, _ generation: Generation) throws -> SQLiteImage {
        let name = generation.collectionName
        let image = SQLiteImage()
        let found: Bool
        if generation == .latest {
            // Unpacked from the archive's own bytes when the member is Stored, as Anki writes it.
            found = try archive.withMember(name) { packed in
                try Zstd.decompress(packed, entry: name, limits: archive.limits) { try image.append($0) }
            } != nil
        } else {
            found = try archive.read(name) { try image.append($0) }
        }
        guard found else { throw AnkiError.missing("collection (\(name))") }
        return image
    }

    /// The generation `meta` declares; without `meta`, legacy2 when `collection.anki21` exists.
    static func generation(_ archive: ZipArchive) throws -> Generation {
        guard let meta = try archive.read("meta") else {
            if archive.contains("collection.anki21") { return .legacy2 }
            if archive.contains("collection.anki2") { return .legacy1 }
            throw AnkiError.missing("collection (no collection.anki2, collection.anki21 or collection.anki21b)")
        }
        guard let version = try? ProtoMessage(meta).uint(1) else {
            throw AnkiError.damagedEntry(entry: "meta", problem: "not a package description")
        }
        guard let generation = Generation(rawValue: Int(clamping: version)) else {
            throw version > 3 ? AnkiError.newerAnki("package version \(version)")
                : AnkiError.damagedEntry(entry: "meta", problem: "unknown package version \(version)")
        }
        return generation
    }

    /// Lets the notes' guids and field texts go, once the cards are converted: the history
    /// needs only the notes' ids and tags, and on a large collection the texts are a good part
    /// of its memory (read from a package, they are one buffer, given back whole).
    public mutating func releaseNoteTexts() {
        for index in collection.notes.indices { collection.notes[index].releaseTexts() }
    }

    /// The bytes of one media file, unpacked (zstd in current packages) under the package's limits.
    public func mediaData(_ file: AnkiMediaFile) throws -> Data {
        guard let archive, let packed = try archive.read(file.member) else {
            throw AnkiError.missing("media file \(file.member) (\(file.name))")
        }
        guard generation == .latest else { return packed }
        return try Zstd.decompress(packed, entry: "media file \(file.member) (\(file.name))", limits: archive.limits)
    }
}

/// One media file: the name notes use and the zip member holding it.
public struct AnkiMediaFile: Equatable, Sendable {
    public let name: String
    public let member: String
}
