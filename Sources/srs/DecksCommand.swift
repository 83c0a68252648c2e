import ArgumentParser
import Foundation
import SRSCore
import SRSJSON
import SRSStore
import SRSText

/// `srs decks`: the decks with their card counts, and the user's new and due counts.
struct DecksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decks",
        abstract: "List the decks: cards, and for the current user new and due today.",
        discussion: """
            Shipped decks are built into srs; imported decks live in <data-dir>/decks and are \
            shared by every user of the data directory. An imported deck hides a shipped deck \
            of the same name. Due counts cards due by the end of today's study day.
            """)

    @Flag(help: "Print JSON: {\"version\": 1, \"decks\": [{\"name\", \"origin\", \"cards\", \"new\", \"due\"}]}.")
    var json = false

    @Flag(help: "Read every card of every deck (and its key corrections) and report the first damaged one (exit 65); without it only the `card:` lines are read.")
    var check = false

    @OptionGroup var user: UserOptions

    func run() throws {
        try reportingErrors {
            let location = try user.location()
            // The decks on another thread while the progress loads (as the review starts).
            let listing = Background { [check] in try DeckLibrary(location: location).list(checkingCards: check) }
            let opened = Result { try ProgressStore.openReadOnly(location) }
            let decks = try listing.value()
            let store = try opened.get()
            let progress = store.takeCards(), clock = store.settings.clock()
            let now = EpochSeconds(Date().timeIntervalSince1970)
            let rows = decks.map { Row(summary: $0, queue: queue($0, progress, clock, now)) }
            try Output.out(json ? Self.json(rows) : Self.table(rows))
        }
    }

    private struct Row {
        let summary: DeckSummary
        let queue: DailyQueue
        var new: Int { queue.new.count }
        var due: Int { queue.reviews.count + queue.repeats.count }
    }

    /// Today's queue without daily limits: what the deck holds for the user right now.
    private func queue(_ deck: DeckSummary, _ progress: CardTable, _ clock: DayClock,
                       _ now: EpochSeconds) -> DailyQueue {
        let unlimited = QueueLimits(newPerDay: Int.max, maxReviewsPerDay: Int.max)
        return DailyQueue.build(cards: deck.cardIDs, progress: progress, limits: unlimited, clock: clock, now: now)
    }

    /// One line a deck, its columns aligned by display width (`Columns`): a CJK or emoji deck
    /// name takes two columns a character, and a count column widens for 100,000 and more.
    private static func table(_ rows: [Row]) -> String {
        guard !rows.isEmpty else { return "No decks. Import quiz text with `srs import FILE`.\n" }
        let names = rows.map { Columns.printable($0.summary.name) }
        let counts = rows.map { [$0.summary.cardCount, $0.new, $0.due].map(String.init) }
        let headers = ["CARDS", "NEW", "DUE"]
        let widths = headers.indices.map { column in
            max(5, counts.map { Columns.width($0[column]) }.max() ?? 0)
        }
        let nameWidth = max(4, names.map(Columns.width).max() ?? 0)
        func line(_ name: String, _ cells: [String], _ origin: String) -> String {
            Columns.left(name, nameWidth) + zip(cells, widths).map { "  " + Columns.right($0, $1) }.joined()
                + "  " + origin + "\n"
        }
        return line("DECK", headers, "ORIGIN")
            + zip(rows, zip(names, counts)).map { line($1.0, $1.1, $0.summary.origin.rawValue) }.joined()
    }

    private static func json(_ rows: [Row]) -> String {
        // One deck a line, as `srs import --json` lists its items.
        let items = rows.map { row in
            JSONText.object([
                ("name", .string(row.summary.name)), ("origin", .string(row.summary.origin.rawValue)),
                ("cards", .int(row.summary.cardCount)), ("new", .int(row.new)), ("due", .int(row.due)),
            ]).rendered(indent: nil)
        }
        return "{\"version\": 1, \"decks\": [" + items.map { "\n  " + $0 }.joined(separator: ",") + (items.isEmpty ? "]}\n" : "\n]}\n")
    }
}
