import Foundation
import SRSCore

/// One Anki card as an srs card, with what the import report and the progress step need.
public struct ConvertedCard: Equatable, Sendable {
    public var card: Card
    /// The Anki deck's path (`["Parent", "Child"]`).
    public var deckPath: [String]
    public var notetype: String
    /// The Anki card id: the review log (`revlog.cid`) refers to it.
    public var ankiCard: Int64
    /// Anki's queue: -1 suspended, -2/-3 buried; the progress step applies it.
    public var queue: Int
}

extension ConvertedCard {
    /// What the progress step needs of a converted card (`AnkiProgress.card`), without its
    /// text: the import holds these for the history while the cards themselves wait in their decks.
    public struct Link: Equatable, Sendable {
        public var card: CardID
        public var deckPath: [String]
        public var ankiCard: Int64
        public var queue: Int
    }

    public var link: Link { Link(card: card.id, deckPath: deckPath, ankiCard: ankiCard, queue: queue) }
}

/// Anki cards into srs cards (`docs/anki-import.md`): the stock kinds by their template shape,
/// every other card rendered from its own template as a basic card.
public enum AnkiConversion {
    /// Every card of `collection` whose note and note type exist, in deck, note and template order;
    /// `warnings` names the others.
    public static func cards(of collection: AnkiCollection) -> (cards: [ConvertedCard], warnings: [String]) {
        let notes = Dictionary(collection.notes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let types = Dictionary(collection.notetypes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let decks = Dictionary(collection.decks.map { ($0.id, $0.path) }, uniquingKeysWith: { a, _ in a })
        // A note type's kind is its templates' shape: worked out once, not per card.
        let kinds = types.mapValues(StockKind.recognise)
        // Its templates are parsed once too, for the cards rendered from them.
        let parsed = types.mapValues(CardRenderer.ParsedNotetype.init)
        // A card's id comes from its note's guid: of notes sharing one (genanki's fixed guids),
        // the first made (lowest id) keeps it, the others are skipped rather than given its ids.
        var owners: [String: Int64] = [:]
        for note in collection.notes { owners[note.guid] = min(owners[note.guid] ?? note.id, note.id) }
        var duplicates: Set<Int64> = []
        var out: [ConvertedCard] = []
        out.reserveCapacity(collection.cards.count)
        var warnings: [String] = []
        for card in collection.cards {
            guard let note = notes[card.note], let type = parsed[note.notetype] else {
                warnings.append("card \(card.id): its note or note type is missing; skipped")
                continue
            }
            if let owner = owners[note.guid], owner != note.id {
                if duplicates.insert(note.id).inserted {
                    warnings.append("note \(note.id): its guid is also note \(owner)'s, whose cards keep the ids; skipped")
                }
                continue
            }
            // A card in a filtered deck belongs to its home deck: srs has no filtered decks.
            let home = card.homeDeck(among: decks)
            let deck = decks[home] ?? ["Default"]
            if decks[home] == nil { warnings.append("card \(card.id): deck \(home) is missing; put in Default") }
            guard let converted = convert(card, note, type, kind: kinds[type.notetype.id] ?? nil, deck: deck) else {
                // Anki keeps such a card until Empty Cards deletes it; srs could not show it.
                warnings.append("note \(note.id): its text has no {{c\(card.ord + 1)::…}} for cloze card \(card.ord + 1) "
                    + "(an empty card, as Anki's Empty Cards finds); skipped")
                continue
            }
            out.append(ConvertedCard(card: converted, deckPath: deck, notetype: type.notetype.name, ankiCard: card.id, queue: card.queue))
        }
        // Sorted by deck and id, each deck's name joined once rather than at every comparison.
        let keys = out.map { $0.deckPath.joined(separator: "\u{1F}") }
        let order = out.indices.sorted { (keys[$0], out[$0].card.id) < (keys[$1], out[$1].card.id) }
        return (order.map { out[$0] }, warnings)
    }

    /// The srs id of card `ord` of the note with `guid`: stable across exports of the collection,
    /// so a re-import finds the same card.
    public static func id(guid: String, ord: Int, cloze: Bool) -> CardID {
        let hash = String(StableHash.fnv1a64(guid), radix: 16)
        return CardID("anki-" + String(repeating: "0", count: 16 - hash.count) + hash + (cloze ? "-c\(ord + 1)" : "-t\(ord)"))
    }

    /// The card as srs shows it; nil for a cloze card whose number has no deletion left in the text.
    static func convert(_ card: AnkiCard, _ note: AnkiNote, _ parsed: CardRenderer.ParsedNotetype,
                        kind: StockKind?, deck: [String]) -> Card? {
        let type = parsed.notetype
        let guid = note.guid   // decoded from the notes' shared buffer at each read
        let id = id(guid: guid, ord: card.ord, cloze: type.kind == .cloze)
        // Split once for a stock card; a rendered one reads them in the renderer.
        let fields = kind == nil ? [] : note.fields
        let field = { (index: Int) in fields.indices.contains(index) ? HTMLText.plain(fields[index]) : "" }
        var converted: Card
        switch (kind, card.ord) {
        case (.cloze?, _):
            let text = field(0)
            guard Cloze.numbers(in: text).contains(card.ord + 1) else { return nil }
            converted = Card(id: id, question: text, kind: .cloze(number: card.ord + 1), explanation: field(1))
        case (.basic?, 0), (.basicAndReversed?, 0), (.basicOptionalReversed?, 0):
            converted = Card(id: id, question: shown(field(0), or: emptyQuestion), kind: .basic(back: shown(field(1), or: emptyAnswer)), explanation: "")
        case (.basicAndReversed?, 1), (.basicOptionalReversed?, 1):
            converted = Card(id: id, question: shown(field(0), or: emptyQuestion), kind: .reverse(back: shown(field(1), or: emptyAnswer)), explanation: "")
        default:
            converted = rendered(card, note, parsed, deck: deck, id: id)
        }
        converted.tags = note.tags
        if Card.isKeepableAnkiGuid(guid) { converted.ankiGuid = guid }
        return converted
    }

    /// A custom card: its question and answer from its templates; the answer without the
    /// question part above Anki's `<hr id=answer>`.
    static func rendered(_ card: AnkiCard, _ note: AnkiNote, _ parsed: CardRenderer.ParsedNotetype, deck: [String], id: CardID) -> Card {
        let rendered = CardRenderer.render(note, of: parsed, ord: card.ord, deck: deck)
        let question = HTMLText.plain(rendered.question)
        if let typed = rendered.typedAnswer, !typed.isEmpty {
            return Card(id: id, question: shown(question, or: emptyQuestion), kind: .typeIn(answer: typed), explanation: "")
        }
        var answer = rendered.answer
        if let end = answerStart(answer) { answer = String(answer[end...]) }
        return Card(id: id, question: shown(question, or: emptyQuestion),
                    kind: .basic(back: shown(HTMLText.plain(answer), or: emptyAnswer)), explanation: "")
    }

    static let emptyQuestion = "(empty question)", emptyAnswer = "(empty answer)"

    /// A side left empty in Anki (or only `&nbsp;`, `<br>`) shows `placeholder`: a deck file
    /// holds no empty question or answer, so the imported deck reads back.
    static func shown(_ text: String, or placeholder: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? placeholder : text
    }

    /// Where the answer begins: after the first `<hr id=answer>`, in any case. An ASCII answer is
    /// searched byte by byte; other text by Foundation's case-insensitive search, as before.
    static func answerStart(_ answer: String) -> String.Index? {
        let marker = Array("<hr id=answer>".utf8)
        let bytes = answer.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else {
            return answer.range(of: "<hr id=answer>", options: .caseInsensitive)?.upperBound
        }
        return bytes.withContiguousStorageIfAvailable { buffer -> String.Index? in
            guard buffer.count >= marker.count else { return nil }
            for start in 0...(buffer.count - marker.count) where (0..<marker.count).allSatisfy({ lowered(buffer[start + $0]) == marker[$0] }) {
                return bytes.index(bytes.startIndex, offsetBy: start + marker.count)
            }
            return nil
        } ?? answer.range(of: "<hr id=answer>", options: .caseInsensitive)?.upperBound
    }

    private static func lowered(_ byte: UInt8) -> UInt8 { (0x41...0x5A).contains(byte) ? byte | 0x20 : byte }
}
