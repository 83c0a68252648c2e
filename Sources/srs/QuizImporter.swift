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
}

/// Reads quiz files and turns them into decks of the library, keeping the ids of cards the
/// library already has (see `CardIdentity`, `DeckMerge`).
public struct QuizImporter: Sendable {
    public let library: DeckLibrary

    public init(library: DeckLibrary) { self.library = library }

    /// Reads and parses the quiz file at `path`. Throws `StoreError.notFound` (66) or `.io` (74).
    public func parse(path: String) throws -> QuizParseResult {
        QuizParser.parse(try DeckFiles.read(URL(fileURLWithPath: path), what: "quiz file"))
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
        let (deck, report) = DeckMerge.merge(parse.items, name: existing?.name ?? deckName,
                                             existing: existing, taken: &taken)
        // Report the keys the deck ends up with (a learner's explicit key may have been kept).
        var parse = parse
        for index in parse.items.indices { parse.items[index].kind = deck.cards[index].kind }
        return QuizImport(path: path, deck: deck, parse: parse, report: report)
    }

    /// Saves the converted deck into the data directory; returns the file written.
    public func save(_ converted: QuizImport) throws -> URL { try library.save(converted.deck) }
}
