import Foundation
import SRSCore

/// Reads the native deck format (`docs/deck-format.md`) with a byte-level scanner: one pass,
/// `memchr` for line ends, strings made only for values. A 100,000-card deck (30 MB) loads in
/// a few tens of milliseconds (see `docs/benchmarks.md`).
public enum DeckReader {
    /// The newest format version this reader understands.
    public static let supportedVersion = 1

    /// Parses `bytes` as the deck `name`. `path` is used in messages only.
    ///
    /// Throws `StoreError.damaged` naming the line and the fix for anything malformed (unknown
    /// field, missing question, options not consecutive from A, a key naming a missing option,
    /// a duplicated card id…), and `StoreError.newerFormat` for a file from a newer srs.
    public static func read(_ bytes: UnsafeRawBufferPointer, name: String, path: String) throws -> Deck {
        var scanner = DeckScanner(bytes: bytes, path: path)
        try scanner.readHeader()
        var builder = DeckCardBuilder(path: path)
        while let field = try scanner.nextField() {
            try builder.add(field)
        }
        return Deck(name: name, cards: try builder.finish())
    }

    /// Parses deck text held in a `String` or `Data`-like byte collection.
    public static func read<Bytes: ContiguousBytes>(bytes: Bytes, name: String, path: String) throws -> Deck {
        try bytes.withUnsafeBytes { try read($0, name: name, path: path) }
    }
}

/// A `name: value` line with its value's continuation lines already joined.
struct DeckField {
    let name: String
    let value: String
    let line: Int
}

/// Splits deck bytes into fields. Column-0 lines are fields (`name: value`), comments (`#`) or
/// blank; lines starting with a space or tab continue the field above, losing one tab or up to
/// four spaces. Blank lines inside an indented block belong to it.
struct DeckScanner {
    let bytes: UnsafeRawBufferPointer
    let path: String
    private var offset = 0
    private(set) var lineNumber = 0
    private var lineBuffer: [UInt8] = []

    init(bytes: UnsafeRawBufferPointer, path: String) {
        self.bytes = bytes
        self.path = path
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

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0B || byte == 0x0C
    }

    /// Skips blank and comment lines before the version line and checks it.
    mutating func readHeader() throws {
        while let line = nextLine() {
            if line.isEmpty || bytes[line.lowerBound] == UInt8(ascii: "#") { continue }
            let text = string(line)
            let parts = text.split(separator: " ")
            guard parts.count == 2, parts[0] == "srs-deck", let version = Int(parts[1]), version >= 1 else {
                throw damaged(lineNumber, "not an srs deck: the first line must be `srs-deck 1`",
                              "Add that line at the top, or import quiz text with `srs import FILE`.")
            }
            guard version <= DeckReader.supportedVersion else {
                throw StoreError.newerFormat(path: path, found: version, supported: DeckReader.supportedVersion)
            }
            return
        }
        throw damaged(1, "the file is empty", "A deck starts with the line `srs-deck 1`.")
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
        let name = string(line.lowerBound..<colon)
        lineBuffer.removeAll(keepingCapacity: true)
        let hasFirstLine = valueStart < line.upperBound
        if hasFirstLine { lineBuffer.append(contentsOf: bytes[valueStart..<line.upperBound]) }
        let continued = appendContinuation(separated: hasFirstLine)
        let value = continued || hasFirstLine ? String(decoding: lineBuffer, as: UTF8.self) : ""
        return DeckField(name: name, value: value, line: number)
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
            lineBuffer.append(contentsOf: bytes[dedented(line)])
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
