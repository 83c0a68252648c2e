#if canImport(Glibc)
import Glibc
#endif
import SRSCore

/// The key-correction journal of an imported deck: `<name>.deck.keys` beside the deck file
/// (`docs/deck-format.md`, "Key corrections"). Correcting a key during a review appends one line
/// and syncs it, instead of rewriting a deck that may hold 100,000 cards; every read of the deck
/// applies the journal (the last line for a card wins), and `DeckLibrary.foldKeyCorrections()`
/// writes the keys into the deck file atomically after the review and removes the journal.
public enum KeyCorrections {
    /// The first line of a journal; a higher version is refused like a newer deck.
    public static let version = 1
    static let header = "srs-deck-keys \(version)\n"

    /// The journal of the deck file at `deckPath`.
    public static func path(ofDeck deckPath: String) -> String { deckPath + ".keys" }

    /// The corrections in the journal of `deckPath`: card id → option index (0 is A), the last
    /// line for a card winning. None when there is no journal. A damaged line is
    /// `StoreError.damaged` naming it; an incomplete last line (a write cut short) is skipped.
    static func read(deckPath: String, io: Syscalls) throws -> [CardID: Int] {
        let path = path(ofDeck: deckPath)
        guard let bytes = try io.readFile(path) else { return [:] }
        return try parse(bytes, path: path)
    }

    static func parse(_ bytes: [UInt8], path: String) throws -> [CardID: Int] {
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        lines.removeLast() // the part after the last newline: empty, or a line cut short
        guard let first = lines.first else { return [:] }
        try checkHeader(String(decoding: first, as: UTF8.self), path: path)
        var keys: [CardID: Int] = [:]
        for (number, line) in lines.enumerated().dropFirst() where !line.isEmpty {
            if line.elementsEqual(first) { continue } // two writers that both started the file
            let parts = line.split(separator: 0x20)
            guard parts.count == 2, parts[1].count == 1, let letter = parts[1].first,
                  (UInt8(ascii: "A")...UInt8(ascii: "H")).contains(letter) else {
                throw StoreError.damaged(path: path, line: number + 1, problem: "not a key correction (`CARD-ID LETTER`, e.g. `89fc2ab78841 B`)",
                                         fix: "Fix or delete the line; the deck file itself is not affected.")
            }
            keys[CardID(String(decoding: parts[0], as: UTF8.self))] = Int(letter - UInt8(ascii: "A"))
        }
        return keys
    }

    private static func checkHeader(_ line: String, path: String) throws {
        let parts = line.split(separator: " ")
        guard parts.count == 2, parts[0] == "srs-deck-keys", let found = Int(parts[1]), found >= 1 else {
            throw StoreError.damaged(path: path, line: 1, problem: "not a key-correction journal: the first line must be `\(header.dropLast())`",
                                     fix: "Delete the file if it is not srs's (the corrections it held are then lost).")
        }
        guard found <= version else { throw StoreError.newerFormat(path: path, found: found, supported: version) }
    }

    /// `card` with its key set to option `index` (as corrected) when it is a multiple-choice
    /// card with such an option; otherwise unchanged (the deck was re-imported without it).
    static func apply(_ index: Int?, to card: Card) -> Card {
        guard let index, case .multipleChoice(let options, _) = card.kind, options.indices.contains(index) else { return card }
        var corrected = card
        corrected.kind = .multipleChoice(options: options, key: AnswerKey(index: index, source: .corrected))
        return corrected
    }

    /// Appends `card LETTER` to the journal of `deckPath` and syncs it: durable when this
    /// returns. A journal removed by a fold meanwhile (its link count is 0 after the write) is
    /// written again, as a new file.
    static func append(option index: Int, card: CardID, deckPath: String, io: Syscalls) throws {
        let path = path(ofDeck: deckPath)
        let line = Array("\(card.rawValue) \(Character(UnicodeScalar(UInt8(65 + index))))\n".utf8)
        while true {
            guard let fd = try io.openDataFile(path, O_WRONLY | O_APPEND | O_CREAT) else { throw StoreError.creating(path) }
            defer { _ = io.close(fd) }
            let info = io.fileStatus(fd)
            let fresh = info?.st_size == 0
            let bytes = fresh ? Array(header.utf8) + line : line
            guard bytes.withUnsafeBytes({ io.writeAll(fd, $0) }), io.fsync(fd) == 0 else {
                throw StoreError.io(path: path, operation: "write", reason: Syscalls.lastError())
            }
            if fresh { io.syncDirectory(of: path) }
            if let after = io.fileStatus(fd), after.st_nlink == 0 { continue }
            return
        }
    }
}
