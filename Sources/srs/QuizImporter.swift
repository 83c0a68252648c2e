import Foundation
import SRSCore
import SRSQuiz
import SRSStore

/// One quiz file converted into a deck, ready to save or to report.
public struct QuizImport: Sendable {
    public let path: String
    public let deck: Deck
    /// The parse after `--key` overrides, with each item's kind as in the deck: items, errors
    /// and warnings.
    public let parse: QuizParseResult
    public let report: DeckMerge.Report
    /// Items whose question is already in another deck, with that deck and card.
    public let elsewhere: [ImportSummary.Elsewhere]
}

/// Reads quiz files and turns them into decks of the library, keeping the ids of cards the
/// library already has (see `CardIdentity`, `DeckMerge`).
public struct QuizImporter: Sendable {
    public let library: DeckLibrary

    public init(library: DeckLibrary) { self.library = library }

    /// Reads and parses the quiz file at `path`. Throws `StoreError.notFound` (66) or `.io` (74).
    public func parse(path: String, keys: KeyInference.Reading = .stated) throws -> QuizParseResult {
        QuizParser.parse(try InputFile.read(path, what: "quiz file", io: library.io), keys: keys)
    }

    /// The ids used by every deck except those named in `names` (lower-cased): new ids avoid them.
    public func takenIDs(excluding names: Set<String>) throws -> Set<CardID> {
        try library.cardIDs(excluding: names)
    }

    /// Converts parsed items into the deck `deckName`, updating the library's deck of that name
    /// (imported or shipped) when there is one.
    public func convert(_ parse: QuizParseResult, path: String, deckName: String,
                        taken: inout Set<CardID>) throws -> QuizImport {
        let existing = try library.existing(named: deckName)
        let shipped = try library.list().contains { $0.name.lowercased() == deckName.lowercased() && $0.origin == .shipped }
        let previous = existing.map { DeckMerge.Previous(deck: $0, shipped: shipped) }
        let normalized = parse.items.map { CardIdentity.normalized($0.question) }
        let (deck, report) = DeckMerge.merge(parse.items, name: existing?.name ?? deckName,
                                             previous: previous, taken: &taken, normalized: normalized)
        // Report the keys the deck ends up with (a learner's key may have been kept).
        var parse = parse
        for index in parse.items.indices { parse.items[index].kind = deck.cards[index].kind }
        return QuizImport(path: path, deck: deck, parse: parse, report: report,
                          elsewhere: try elsewhere(parse.items, normalized: normalized, excluding: deck.name))
    }

    /// Items whose type and question (normalised: `normalized`, one per item) a card of another
    /// deck already has.
    func elsewhere(_ items: [QuizItem], normalized: [String], excluding name: String) throws -> [ImportSummary.Elsewhere] {
        var index: [String: (String, CardID)] = [:]
        for deck in try library.loadAll() where deck.name.lowercased() != name.lowercased() {
            for card in deck.cards {
                let key = card.kind.typeName + "\u{1F}" + CardIdentity.normalized(card.question)
                if index[key] == nil { index[key] = (deck.name, card.id) }
            }
        }
        guard !index.isEmpty else { return [] }
        return zip(items, normalized).compactMap { item, question in
            index[item.kind.typeName + "\u{1F}" + question].map {
                ImportSummary.Elsewhere(position: item.position, deck: $0.0, card: $0.1)
            }
        }
    }

    /// Saves the converted deck into the data directory; returns the file written.
    public func save(_ converted: QuizImport) throws -> URL { try library.save(converted.deck) }
}
