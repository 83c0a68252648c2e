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
            let decks = try DeckLibrary(location: location).loadAll()
            if cards.isEmpty && !all {
                let store = try ProgressStore.openReadOnly(location)
                print(listing(suspended(in: store), decks: decks), terminator: "")
                return
            }
            let store = try ProgressStore.openForReview(location)
            defer { store.close() }
            let ids = all ? suspended(in: store) : try cards.map { try checkSuspended(CardID($0), in: store) }
            let time = EpochSeconds(Date().timeIntervalSince1970)
            for id in ids {
                guard var after = store.cards[id] else { continue }
                after.suspended = false
                try store.append(card: id, action: .unsuspend, time: time, after: after)
            }
            print(ids.count == 1 ? "Unsuspended 1 card." : "Unsuspended \(ids.count) cards.")
        }
    }

    func suspended(in store: ProgressStore) -> [CardID] {
        store.cards.filter { $0.value.suspended }.map(\.key).sorted()
    }

    func checkSuspended(_ id: CardID, in store: ProgressStore) throws -> CardID {
        guard store.cards[id]?.suspended == true else {
            throw Failure(description: "card \(TextLayout.sanitize(id.rawValue, keepNewlines: false)) is not suspended. Run `srs unsuspend` to list the suspended cards.", exitCode: 66)
        }
        return id
    }

    /// One line per card: id, deck and the start of the question, tab-separated.
    func listing(_ ids: [CardID], decks: [Deck]) -> String {
        guard !ids.isEmpty else { return "No suspended cards.\n" }
        var located: [CardID: (String, String)] = [:]
        for deck in decks {
            for card in deck.cards where located[card.id] == nil {
                located[card.id] = (deck.name, firstLine(card.question))
            }
        }
        return ids.map { id in
            let (deck, question) = located[id] ?? ("?", "(card no longer in any deck)")
            return "\(firstLine(id.rawValue))\t\(firstLine(deck))\t\(question)\n"
        }.joined()
    }

    func firstLine(_ text: String) -> String {
        let line = TextLayout.sanitize(text, keepNewlines: false)
        return line.count > 70 ? String(line.prefix(69)) + "…" : line
    }
}
