import Foundation
import SRSCore

/// Reads the native deck format (`docs/deck-format.md`) with a byte-level scanner: one pass,
/// `memchr` for line ends, strings made only for values. A 100,000-card deck (37 MB) loads in
/// about 60 ms; `LazyDeck` opens it for review in about 15 ms (see `docs/benchmarks.md`).
public enum DeckReader {
    /// The newest format version this reader understands.
    public static let supportedVersion = 2

    /// Parses `bytes` as the deck `name`. `path` is used in messages only.
    ///
    /// One thread: reading the two halves of a large deck on two threads measured slower here
    /// (each thread's work doubled; `docs/benchmarks.md`). Throws `StoreError.damaged` naming
    /// the line and the fix for anything malformed (unknown field, missing question, options
    /// not consecutive from A, a key naming a missing option, a duplicated card id…), and
    /// `StoreError.newerFormat` for a file from a newer srs.
    public static func read(_ bytes: UnsafeRawBufferPointer, name: String, path: String) throws -> Deck {
        var scanner = DeckScanner(bytes: bytes, path: path)
        try scanner.readHeader()
        var builder = DeckCardBuilder(path: path, expectedCards: bytes.count / 256)
        while let field = try scanner.nextField() { try builder.add(field) }
        let (cards, lines) = try builder.finish()
        try DeckCardBuilder.checkUniqueIDs(cards, path: path) { lines[$0] }
        return Deck(name: name, cards: cards)
    }

    /// The card ids of a deck, in order, read from its `card:` lines only: several times
    /// faster than `read` for callers that need no card text (`srs decks`, stats). Checks the
    /// version line; the rest of the file is checked when the deck is loaded.
    public static func cardIDs(_ bytes: UnsafeRawBufferPointer, path: String) throws -> [CardID] {
        var scan = CardLineScan(path: path)
        _ = try scan.feed(bytes, at: 0, atEnd: true)
        return scan.ids
    }

    /// Parses deck text held in a `String` or `Data`-like byte collection.
    public static func read<Bytes: ContiguousBytes>(bytes: Bytes, name: String, path: String) throws -> Deck {
        try bytes.withUnsafeBytes { try read($0, name: name, path: path) }
    }
}

/// A `name: value` line with its value's continuation lines already joined.
struct DeckField {
    let name: DeckFieldName
    let value: String
    let line: Int
}

/// The field names of the format, recognised from bytes without making a string.
enum DeckFieldName: Equatable {
    case card, type, question, key, answer, modelAnswer, explanation, cloze, tags, ankiGuid
    /// `A` to `H`: 0 is A.
    case option(Int)
    /// Not a field of the format; the scanner reports it (no payload keeps fields trivial to copy).
    case unknown

    private static let known: [(String, DeckFieldName)] = [
        ("card", .card), ("type", .type), ("question", .question), ("key", .key), ("answer", .answer),
        ("model_answer", .modelAnswer), ("model answer", .modelAnswer), ("explanation", .explanation),
        ("cloze", .cloze), ("tags", .tags), ("anki_guid", .ankiGuid),
    ]

    /// Compares against static strings by length and `memcmp`: no arrays, so no reference
    /// counting in a loop run for every line of a large deck.
    init(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress else { self = .unknown; return }
        func `is`(_ name: StaticString) -> Bool {
            name.utf8CodeUnitCount == bytes.count && memcmp(base, name.utf8Start, bytes.count) == 0
        }
        switch bytes.count {
        case 1 where (65...72).contains(bytes[0]): self = .option(Int(bytes[0]) - 65)
        case 3 where `is`("key"): self = .key
        case 4 where `is`("card"): self = .card
        case 4 where `is`("type"): self = .type
        case 4 where `is`("tags"): self = .tags
        case 5 where `is`("cloze"): self = .cloze
        case 6 where `is`("answer"): self = .answer
        case 8 where `is`("question"): self = .question
        case 9 where `is`("anki_guid"): self = .ankiGuid
        case 11 where `is`("explanation"): self = .explanation
        case 12 where `is`("model_answer") || `is`("model answer"): self = .modelAnswer
        default: self = .unknown
        }
    }

    /// The name as written in a deck file, for messages.
    var text: String {
        switch self {
        case .option(let index): return String(Character(UnicodeScalar(UInt8(65 + index))))
        default: return Self.known.first { $0.1 == self }?.0 ?? ""
        }
    }
}

/// Splits deck bytes into fields. Column-0 lines are fields (`name: value`), comments (`#`) or
/// blank; lines starting with a space or tab continue the field above, losing one tab or up to
/// four spaces. Blank lines inside an indented block belong to it.
struct DeckScanner {
    let bytes: UnsafeRawBufferPointer
    let path: String
    private(set) var offset = 0
    private(set) var lineNumber = 0
    private var lineBuffer: [UInt8] = []

    /// `linesBefore`: lines of the file before `bytes`, when they are a part of it.
    init(bytes: UnsafeRawBufferPointer, path: String, linesBefore: Int = 0) {
        self.bytes = bytes
        self.path = path
        lineNumber = linesBefore
    }

    /// The next line's byte range without its line end and trailing whitespace, or nil at the end.
    private mutating func nextLine() -> Range<Int>? {
        guard offset < bytes.count, let base = bytes.baseAddress else { return nil }
        let start = offset
        let end: Int
        if let found = memchr(base + start, 0x0A, bytes.count - start) {
            end = base.distance(to: UnsafeRawPointer(found))
            offset = end + 1
        } else {
            end = bytes.count
            offset = end
        }
        lineNumber += 1
        var trimmed = end
        while trimmed > start, Self.isSpace(bytes[trimmed - 1]) { trimmed -= 1 }
        return start..<trimmed
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0B || byte == 0x0C
    }

    /// Skips blank and comment lines before the version line and checks it.
    mutating func readHeader() throws {
        while let line = nextLine() {
            if line.isEmpty || bytes[line.lowerBound] == UInt8(ascii: "#") { continue }
            let text = string(line)
            let parts = text.split(separator: " ")
            guard parts.count == 2, parts[0] == "srs-deck", let version = Int(parts[1]), version >= 1 else {
                throw damaged(lineNumber, "not an srs deck: the first line must be `srs-deck 2` (or 1)",
                              "Add that line at the top, or import quiz text with `srs import FILE`.")
            }
            guard version <= DeckReader.supportedVersion else {
                throw StoreError.newerFormat(path: path, found: version, supported: DeckReader.supportedVersion)
            }
            return
        }
        throw damaged(1, "the file is empty", "A deck starts with the line `srs-deck 2`.")
    }

    /// The next field, or nil at the end of the file.
    mutating func nextField() throws -> DeckField? {
        while let line = nextLine() {
            if line.isEmpty || bytes[line.lowerBound] == UInt8(ascii: "#") { continue }
            if Self.isSpace(bytes[line.lowerBound]) {
                throw damaged(lineNumber, "indented line outside a field",
                              "Indent only the lines of a multi-line value, under a line like `explanation:`.")
            }
            return try field(at: line)
        }
        return nil
    }

    private mutating func field(at line: Range<Int>) throws -> DeckField {
        let number = lineNumber
        guard let colon = line.first(where: { bytes[$0] == UInt8(ascii: ":") }) else {
            throw damaged(number, "`\(string(line).prefix(40))` is not a field",
                          "Write fields as `name: value`; indent the lines of a multi-line value.")
        }
        var valueStart = colon + 1
        while valueStart < line.upperBound, Self.isSpace(bytes[valueStart]) { valueStart += 1 }
        // The name ends at the colon: `card :` is not a card line (the id listing, which looks
        // for `card:` alone, must agree with the reader).
        let nameEnd = colon
        let name = DeckFieldName(UnsafeRawBufferPointer(rebasing: bytes[line.lowerBound..<nameEnd]))
        if name == .unknown {
            throw damaged(number, "unknown field `\(string(line.lowerBound..<nameEnd).prefix(40))`",
                          "Known fields: card, type, question, A to H, key, answer, model_answer, explanation.")
        }
        let firstLine = valueStart..<line.upperBound
        guard offset < bytes.count, Self.continuesValue(bytes[offset]) else {
            return DeckField(name: name, value: string(firstLine), line: number)
        }
        lineBuffer.removeAll(keepingCapacity: true)
        if !firstLine.isEmpty { lineBuffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[firstLine])) }
        _ = appendContinuation(separated: !firstLine.isEmpty)
        return DeckField(name: name, value: String(decoding: lineBuffer, as: UTF8.self), line: number)
    }

    /// Appends the indented lines that follow (and blank lines between them) to `lineBuffer`.
    /// Blank lines after the last indented line are not part of the value.
    private mutating func appendContinuation(separated: Bool) -> Bool {
        var found = false
        var needsNewline = separated
        var pendingBlankLines = 0
        while offset < bytes.count, Self.continuesValue(bytes[offset]), let line = nextLine() {
            if line.isEmpty { pendingBlankLines += 1; continue }
            if needsNewline { lineBuffer.append(0x0A) }
            lineBuffer.append(contentsOf: repeatElement(0x0A, count: pendingBlankLines))
            pendingBlankLines = 0
            lineBuffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[dedented(line)]))
            needsNewline = true
            found = true
        }
        return found
    }

    /// A line starting with this byte is blank or indented: it cannot start a field.
    private static func continuesValue(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// The line without one leading tab or up to four leading spaces.
    private func dedented(_ line: Range<Int>) -> Range<Int> {
        if bytes[line.lowerBound] == 0x09 { return (line.lowerBound + 1)..<line.upperBound }
        var start = line.lowerBound
        while start < line.upperBound, start - line.lowerBound < 4, bytes[start] == 0x20 { start += 1 }
        return start..<line.upperBound
    }

    func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    func damaged(_ line: Int, _ problem: String, _ fix: String) -> StoreError {
        StoreError.damaged(path: path, line: line, problem: problem, fix: fix)
    }
}

/// Finding lines in deck bytes without scanning every byte in Swift: `card:` lines (for the id
/// listing of `LazyDeck`) and line counts (for messages).
enum DeckLines {
    static let cardMarker: [UInt8] = Array("\ncard:".utf8)

    /// The offset of the first line starting with `card:` after the line end at or after `position`.
    static func cardLine(in bytes: UnsafeRawBufferPointer, from position: Int) -> Int? {
        // memmem skips whole card texts at once instead of stopping at every line end.
        guard let base = bytes.baseAddress, position < bytes.count,
              let found = cardMarker.withUnsafeBytes({ marker in
                  marker.baseAddress.flatMap { glibcMemmem(base + position, bytes.count - position, $0, marker.count) }
              })
        else { return nil }
        return base.distance(to: UnsafeRawPointer(found)) + 1
    }

    /// Line ends between `start` and `position` (0 when they are the same).
    static func lineCount(_ bytes: UnsafeRawBufferPointer, before position: Int, from start: Int) -> Int {
        guard position > start, let base = bytes.baseAddress else { return 0 }
        var count = 0
        var index = start
        while index < position, let found = memchr(base + index, 0x0A, position - index) {
            count += 1
            index = base.distance(to: UnsafeRawPointer(found)) + 1
        }
        return count
    }

}

/// glibc's `memmem` (a two-way search with SIMD), which Swift's Glibc module does not import
/// because it is a GNU extension.
@_silgen_name("memmem")
private func glibcMemmem(_ haystack: UnsafeRawPointer, _ haystackLength: Int,
                         _ needle: UnsafeRawPointer, _ needleLength: Int) -> UnsafeMutableRawPointer?
