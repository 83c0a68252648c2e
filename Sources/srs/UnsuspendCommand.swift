import ArgumentParser
import Foundation
import SRSCore
import SRSStore
import SRSUI

/// `srs unsuspend`: lists suspended cards, or brings some (or all) back into review.
struct UnsuspendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unsuspend",
        abstract: "List suspended cards, or bring cards back into review.",
        discussion: """
            With no card ids, lists the suspended cards: id, deck and question. With ids (or \
            --all), unsuspends them; their schedule is as it was when suspended.
            """)

    @OptionGroup var user: UserOptions

    @Flag(help: "Unsuspend every suspended card.")
    var all = false

    @Argument(help: ArgumentHelp("Cards to unsuspend, by id (as listed).", valueName: "card"))
    var cards: [String] = []

    func run() throws {
        try reportingErrors {
            let location = try user.location()
            if cards.isEmpty && !all {
                let store = try ProgressStore.openReadOnly(location)
                let decks = try DeckLibrary(location: location).lazyAll()
                try Output.out(listing(suspended(in: store.takeCards()), decks: decks))
                return
            }
            let store = try ProgressStore.openForReview(location)
            defer { store.close() }
            var book = ReviewBook<NoMark>(cards: store.takeCards(), reviewer: store.settings.reviewer(),
                                          recordCount: store.recordCount, ids: .fresh())
            let ids = all ? suspended(in: book.cards) : try cards.map { try checkSuspended(CardID($0), in: book.cards) }
            let time = EpochSeconds(Date().timeIntervalSince1970)
            for id in ids {
                try book.unsuspend(id, at: time, mark: NoMark(), appending: store.append)
            }
            // Once every card is unsuspended: an unknown card writes nothing.
            try store.finish(book.cards)
            try Output.out(ids.count == 1 ? "Unsuspended 1 card.\n" : "Unsuspended \(ids.count) cards.\n")
        }
    }

    func suspended(in cards: CardTable) -> [CardID] {
        cards.filter { $0.value.suspended }.map(\.key).sorted()
    }

    func checkSuspended(_ id: CardID, in cards: CardTable) throws -> CardID {
        guard cards[id]?.suspended == true else {
            throw Failure(description: "card \(TextLayout.sanitize(id.rawValue, keepNewlines: false)) is not suspended. Run `srs unsuspend` to list the suspended cards.", exitCode: 66)
        }
        return id
    }

    /// One line per card: id, deck and the start of the question, tab-separated.
    func listing(_ ids: [CardID], decks: [LazyDeck]) -> String {
        guard !ids.isEmpty else { return "No suspended cards.\n" }
        return ids.map { id in
            let (deck, question) = locate(id, in: decks)
            return "\(firstLine(id.rawValue))\t\(firstLine(deck))\t\(question)\n"
        }.joined()
    }

    /// The deck holding `id` and the start of its question (the first deck, as in a review).
    func locate(_ id: CardID, in decks: [LazyDeck]) -> (deck: String, question: String) {
        for deck in decks {
            guard let index = deck.index(of: id) else { continue }
            let question = (try? deck.card(at: index)).map { firstLine($0.question) } ?? "(card cannot be read)"
            return (deck.name, question)
        }
        return ("?", "(card no longer in any deck)")
    }

    func firstLine(_ text: String) -> String {
        let line = TextLayout.sanitize(text, keepNewlines: false)
        return line.count > 70 ? String(line.prefix(69)) + "…" : line
    }
}
