import Foundation

/// A CSV/TSV notes file as Anki's text importer reads it (`rslib/src/import_export/text/csv/`):
/// `#key:value` header lines, then rows of fields, quoted with `"` where they hold the separator,
/// a quote or a line break.
public struct DelimitedFile: Equatable, Sendable {
    public var separator: Character
    /// Whether fields are HTML: from `#html:`, else guessed (any field that looks like HTML).
    public var isHTML: Bool
    /// From `#deck:` and `#notetype:` (a name or an id, as written).
    public var deck: String?
    public var notetype: String?
    /// Tags for every note (`#tags:`, or a first line `tags:`).
    public var tags: [String]
    /// Column labels from `#columns:`; empty when none.
    public var columns: [String]
    /// 1-based columns holding per-row tags, deck, note type and guid (`#tags column:` …).
    public var tagsColumn: Int?
    public var deckColumn: Int?
    public var notetypeColumn: Int?
    public var guidColumn: Int?
    /// The rows, with the 1-based line each starts on.
    public var rows: [DelimitedRow]
}

/// One record of a delimited file.
public struct DelimitedRow: Equatable, Sendable {
    public var line: Int
    public var fields: [String]
}

/// A delimited file that cannot be read: the line and what is wrong (exit 65).
public struct DelimitedTextError: Error, Equatable, CustomStringConvertible {
    public let line: Int
    public let problem: String
    public var description: String { "line \(line): \(problem)" }
    public var exitCode: Int32 { 65 }
}

public enum DelimitedText {
    /// The separators Anki knows, in the order it tries them when guessing.
    static let separators: [(name: String, character: Character)] = [
        ("tab", "\t"), ("pipe", "|"), ("semicolon", ";"), ("colon", ":"), ("comma", ","), ("space", " "),
    ]

    /// Reads a notes file. `separator` overrides the header and the guess.
    public static func read(_ bytes: Data, separator: Character? = nil) throws -> DelimitedFile {
        guard var text = String(data: bytes, encoding: .utf8) else {
            throw DelimitedTextError(line: 1, problem: "the file is not UTF-8 text; save it as UTF-8 and import it again")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        var header = DelimitedHeader()
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        let headerCount = header.read(lines)
        let body = lines.dropFirst(headerCount).joined(separator: "\n")
        let chosen = separator ?? header.separator ?? guess(body.prefix(8192))
        let rows = try DelimitedRecords.parse(body, separator: chosen, firstLine: headerCount + 1)
        return DelimitedFile(
            separator: chosen, isHTML: header.isHTML ?? rows.contains { $0.fields.contains(where: looksLikeHTML) },
            deck: header.deck, notetype: header.notetype, tags: header.tags,
            columns: header.columns.flatMap { try? DelimitedRecords.parse($0, separator: chosen, firstLine: 1).first?.fields } ?? [],
            tagsColumn: header.tagsColumn, deckColumn: header.deckColumn, notetypeColumn: header.notetypeColumn,
            guidColumn: header.guidColumn, rows: rows)
    }

    /// Anki's guess: the first of tab, pipe, semicolon, colon, comma found, else space.
    static func guess(_ sample: Substring) -> Character {
        separators.first { sample.contains($0.character) }?.character ?? " "
    }

    /// A field is HTML when it holds something like a tag or an entity.
    static func looksLikeHTML(_ field: String) -> Bool {
        field.range(of: #"<[A-Za-z/!][^>]*>|&[A-Za-z#0-9]+;"#, options: .regularExpression) != nil
    }

    /// The separator named by a `#separator:` value (`Tab`, `comma`, or the character itself).
    static func separator(named value: Substring) -> Character? {
        let lowered = value.lowercased()
        if let named = separators.first(where: { $0.name == lowered.trimmingCharacters(in: .whitespaces) }) {
            return named.character
        }
        return value.count == 1 ? value.first : nil
    }
}
