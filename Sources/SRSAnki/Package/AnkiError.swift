/// Why an Anki package cannot be read. Every case is bad data (sysexits 65): the package is left
/// as it is and nothing is written.
public enum AnkiError: Error, Equatable, CustomStringConvertible, Sendable {
    /// Not a zip archive at all, or a zip whose directory is damaged or cut short.
    case notAZip(String)
    /// A zip member is damaged or cut short (its compressed data ends early or fails its checksum).
    case damagedEntry(entry: String, problem: String)
    /// A member would grow past the size or ratio limit: a zip bomb, or a huge collection.
    case tooLarge(entry: String, limit: String)
    /// The package lacks the entry it needs (no collection, a media file named in the map).
    case missing(String)
    /// The package comes from a newer Anki than srs understands.
    case newerAnki(String)
    /// The collection is not an SQLite database, is encrypted, or is damaged.
    case badDatabase(String)
    /// The collection's schema or contents are not as Anki writes them.
    case badCollection(String)
    /// A media name that could escape the media folder.
    case unsafeMediaName(String)
    /// The package holds no cards.
    case empty

    /// The process exit code for this error (sysexits EX_DATAERR).
    public var exitCode: Int32 { 65 }

    public var description: String {
        switch self {
        case .notAZip(let why): return "not an Anki package: \(why); export it again from Anki (File > Export, .apkg or .colpkg)"
        case let .damagedEntry(entry, problem): return "the package's \(entry) is damaged (\(problem)); export it again from Anki"
        case let .tooLarge(entry, limit): return "the package's \(entry) would unpack past \(limit), which looks like a zip bomb; if the package is genuine, raise the limit with --max-entry-size or --max-ratio"
        case .missing(let what): return "the package has no \(what); export it again from Anki"
        case .newerAnki(let what): return "the package comes from a newer Anki (\(what)); update srs, or export with \"Support older Anki versions\" ticked"
        case .badDatabase(let why): return "the collection inside the package is not a readable SQLite database (\(why)); export it again from Anki"
        case .badCollection(let why): return "the collection inside the package is not as Anki writes it (\(why))"
        case .unsafeMediaName(let name): return "the package names a media file \(quoted(name)), which could escape the media folder (names with /, \\, .. or a leading dot are refused)"
        case .empty: return "the package holds no cards"
        }
    }

    private func quoted(_ name: String) -> String {
        "\"" + name.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "?" : String($0) }.joined() + "\""
    }
}

/// How far a package member may unpack: a per-entry size and a ratio of unpacked to packed bytes,
/// checked in the zip layer and again in the zstd layer.
public struct AnkiLimits: Equatable, Sendable {
    /// The largest unpacked size of one member (the collection or one media file).
    public var maximumEntryBytes: Int
    /// The largest ratio of unpacked to packed bytes of one member, once past `ratioFloorBytes`.
    public var maximumRatio: Int
    /// Members that unpack to less than this are not held to the ratio (small files pack very well).
    public var ratioFloorBytes: Int

    /// 2 GiB per entry, ratio 200 past 16 MiB: a collection of 100,000 cards and 1,000,000
    /// reviews packs about 4:1 (measured: 89 MB of SQLite, 21 MB in zstd or deflate).
    public static let standard = AnkiLimits(maximumEntryBytes: 2 << 30, maximumRatio: 200, ratioFloorBytes: 16 << 20)

    public init(maximumEntryBytes: Int, maximumRatio: Int, ratioFloorBytes: Int) {
        self.maximumEntryBytes = maximumEntryBytes
        self.maximumRatio = maximumRatio
        self.ratioFloorBytes = ratioFloorBytes
    }

    /// Throws `.tooLarge` when `produced` bytes made from `consumed` packed bytes break a limit.
    func check(entry: String, produced: Int, consumed: Int) throws {
        if produced > maximumEntryBytes {
            throw AnkiError.tooLarge(entry: entry, limit: "\(maximumEntryBytes) bytes")
        }
        if produced > ratioFloorBytes, produced / max(consumed, 1) > maximumRatio {
            throw AnkiError.tooLarge(entry: entry, limit: "\(maximumRatio) times its packed size")
        }
    }
}
