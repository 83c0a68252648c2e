import Foundation
import SRSCore

/// The rows of an Anki notes file (CSV/TSV) as srs cards: basic (front, back) by default, a
/// reverse card too when the note type says "reverse", one cloze card per number when it says
/// "cloze" (`docs/anki-import.md`, "CSV and TSV").
public enum DelimitedConversion {
    /// `fallbackDeck` names the deck when neither `#deck:` nor a deck column does (`--deck` or
    /// the file name). A row without a front or a back (or a cloze note without a deletion) is
    /// left out with a warning naming its line.
    public static func cards(of file: DelimitedFile, fallbackDeck: String, forcedDeck: String? = nil) throws -> (cards: [ConvertedCard], warnings: [String]) {
        var out: [ConvertedCard] = []
        var warnings: [String] = []
        var seen: Set<CardID> = []
        for row in file.rows {
            let column = { (index: Int?) in index.flatMap { row.fields.indices.contains($0 - 1) ? row.fields[$0 - 1] : nil } }
            let special = Set([file.tagsColumn, file.deckColumn, file.notetypeColumn, file.guidColumn].compactMap { $0 })
            let fields = row.fields.enumerated().filter { !special.contains($0.offset + 1) }.map { text($0.element, html: file.isHTML) }
            let notetype = column(file.notetypeColumn) ?? file.notetype ?? "Basic"
            let deck = forcedDeck ?? column(file.deckColumn) ?? file.deck ?? fallbackDeck
            let tags = file.tags + (column(file.tagsColumn)?.split(whereSeparator: \.isWhitespace).map(String.init) ?? [])
            let guid = column(file.guidColumn) ?? "csv:" + (fields.first ?? "")
            let made: [Card]
            do { made = try cards(fields, notetype: notetype, guid: guid, line: row.line) } catch let error as DelimitedTextError {
                warnings.append("\(error.description); skipped")
                continue
            }
            for var card in made {
                card.tags = tags
                guard seen.insert(card.id).inserted else {
                    warnings.append("line \(row.line): the same note as an earlier line (same first field); skipped")
                    continue
                }
                out.append(ConvertedCard(card: card, deckPath: deck.components(separatedBy: "::"), notetype: notetype, ankiCard: 0, queue: 0))
            }
        }
        return (out, warnings)
    }

    static func cards(_ fields: [String], notetype: String, guid: String, line: Int) throws -> [Card] {
        let front = fields.first ?? "", back = fields.count > 1 ? fields[1] : ""
        if notetype.lowercased().contains("cloze") {
            let numbers = Cloze.numbers(in: front)
            guard !numbers.isEmpty else { throw DelimitedTextError(line: line, problem: "a cloze note without a deletion {{c1::…}} in its first field") }
            return numbers.map { Card(id: AnkiConversion.id(guid: guid, ord: $0 - 1, cloze: true), question: front, kind: .cloze(number: $0), explanation: back) }
        }
        guard !front.isEmpty, !back.isEmpty else {
            throw DelimitedTextError(line: line, problem: "a basic note needs a front and a back (two fields)")
        }
        var made = [Card(id: AnkiConversion.id(guid: guid, ord: 0, cloze: false), question: front, kind: .basic(back: back), explanation: "")]
        if notetype.lowercased().contains("revers") {
            made.append(Card(id: AnkiConversion.id(guid: guid, ord: 1, cloze: false), question: front, kind: .reverse(back: back), explanation: ""))
        }
        return made
    }

    static func text(_ field: String, html: Bool) -> String {
        html ? HTMLText.plain(field) : field.trimmingCharacters(in: .whitespaces)
    }
}
