import Foundation
import Testing
import SRSCore
import SRSStore

/// Suspending in the review and `srs unsuspend`; a key corrected with `k` lands in the deck file.
@Suite(.enabled(if: TmuxSession.available, "needs tmux"), .serialized)
struct ReviewSuspendKeyTests {
    static let deck = """
        srs-deck 1

        card: q-suspend
        type: true_false
        question: This card gets suspended.
        answer: true
        explanation: Suspended cards wait for srs unsuspend.

        card: q-key
        type: multiple_choice
        question: Which planet is largest?
        A: Mars
        B: Jupiter
        C: Venus
        key: A
        explanation: Jupiter is the largest planet.

        """

    @Test func suspendThenUnsuspendAndCorrectAKey() throws {
        let data = TempFolder()
        let decks = try data.writeDeck(Self.deck, named: "planets")
        let args = ["--data-dir", data.path, "--user", "ann"]

        let tmux = try TmuxSession(["review", "--deck", "planets"] + args)
        try tmux.waitFor("This card gets suspended.")
        try tmux.press("!")
        let screen = try tmux.waitFor("Which planet is largest?")
        let jupiter = screen.split(separator: "\n").first { $0.hasSuffix(") Jupiter") }
            .flatMap { $0.dropLast(") Jupiter".count).last }.map { String($0).lowercased() } ?? "?"
        try tmux.press("k")
        try tmux.waitFor("Which option is correct?")
        try tmux.press(jupiter)
        // The notice names the letter on screen and the option's text (issue 8, point 9).
        try tmux.waitFor("Answer key set to \(jupiter.uppercased()) (“Jupiter”")
        try tmux.press(jupiter)
        try tmux.waitFor("✓ Right.")
        try tmux.press("q")
        #expect(try tmux.exitStatus() == 0)

        // The correction went to the journal at once and was folded into the deck at the end.
        #expect(!FileManager.default.fileExists(atPath: decks.appendingPathComponent("planets.deck.keys").path))
        #expect(try String(contentsOf: decks.appendingPathComponent("planets.deck"), encoding: .utf8).contains("key: B corrected\n"))
        let saved = try DeckLibrary(folder: decks).load(named: "planets")
        #expect(saved.cards.first { $0.id == CardID("q-key") }?.kind
                == .multipleChoice(options: ["Mars", "Jupiter", "Venus"], key: AnswerKey(index: 1, source: .corrected)))

        let listing = try SRSProcess.run(["unsuspend"] + args)
        #expect(listing.status == 0)
        #expect(listing.stdout == "q-suspend\tplanets\tThis card gets suspended.\n")
        let unknown = try SRSProcess.run(["unsuspend", "q-key"] + args)
        #expect(unknown.status == 66)
        #expect(unknown.stderr.hasPrefix("Error: card q-key is not suspended."))
        let restored = try SRSProcess.run(["unsuspend", "q-suspend"] + args)
        #expect(restored.status == 0)
        #expect(restored.stdout == "Unsuspended 1 card.\n")
        let cards = try ProgressStore.openReadOnly(DataLocation(root: data.url, user: "ann")).takeCards()
        #expect(cards[CardID("q-suspend")] == nil) // never answered: new again
        #expect(try SRSProcess.run(["unsuspend"] + args).stdout == "No suspended cards.\n")
    }
}

@Suite struct UnsuspendAllTests {
    @Test func unsuspendAllBringsEveryCardBack() throws {
        let data = TempFolder()
        let location = DataLocation(root: data.url, user: "ann")
        let store = try ProgressStore.openForReview(location)
        var book = ReviewBook<NoMark>(cards: store.takeCards(), reviewer: Reviewer(clock: DayClock(timeZone: .gmt)),
                                      recordCount: store.recordCount, ids: RecordIDs(prefix: 0xe2e))
        for id in ["a", "b"] {
            try book.suspend(CardID(id), at: 1_796_000_000, mark: NoMark(), appending: store.append)
        }
        store.close()
        let args = ["--data-dir", data.path, "--user", "ann"]
        let result = try SRSProcess.run(["unsuspend", "--all"] + args)
        #expect(result.status == 0)
        #expect(result.stdout == "Unsuspended 2 cards.\n")
        #expect(try SRSProcess.run(["unsuspend"] + args).stdout == "No suspended cards.\n")
    }
}

/// A card whose text is damaged ends the review when it comes up; the answers before it stay.
@Suite(.enabled(if: TmuxSession.available, "needs tmux"))
struct ReviewDamagedCardTests {
    @Test func aDamagedCardEndsTheReviewWithItsFileAndLine() throws {
        let data = TempFolder()
        let deck = """
            srs-deck 1

            card: ok-1
            type: true_false
            question: The first card is fine.
            answer: true
            explanation: It is.

            card: bad-2
            type: no_such_type
            question: The second card is damaged.

            """
        try data.writeDeck(deck, named: "mixed")
        let tmux = try TmuxSession(["--deck", "mixed", "--data-dir", data.path, "--user", "ann"])
        try tmux.waitFor("The first card is fine.")
        try tmux.press("t")
        try tmux.waitFor("Again")
        try tmux.press("Enter")
        #expect(try tmux.exitStatus() == 65)
        let screen = try tmux.screen()
        #expect(screen.contains("Error: "))
        #expect(screen.contains("mixed.deck"))
        #expect(!screen.contains("card 2 of"), "the review screen is gone")
        #expect(try ReviewLog(folder: data.path, user: "ann").actions == ["answer"])
    }
}

@Suite struct AnswerAppendsTests {
    /// `srs answer` records each answer with one append: the snapshot is not rewritten per call.
    @Test func eachCallAppendsAndLeavesTheSnapshot() throws {
        let data = try TempFolder().withCards(["a", "b"])
        let args = ["answer", "--data-dir", data.path, "--user", "ann", "--at", "2026-11-30T10:00:00Z"]
        #expect(try SRSProcess.run(args, input: "a good\n").status == 0)
        let log = data.url.appendingPathComponent("users/ann/reviews.jsonl")
        let snapshot = data.url.appendingPathComponent("users/ann/cards.json")
        let sizeAfterOne = try Data(contentsOf: log).count
        #expect(!FileManager.default.fileExists(atPath: snapshot.path))
        let second = try SRSProcess.run(args, input: "b good\n")
        #expect(second.status == 0)
        #expect(second.stdout.hasPrefix("{\"seq\":2,\"id\":\""))
        #expect(second.stdout.contains("\",\"card\":\"b\",\"grade\":\"good\",\"kind\":\"learn\""))
        let bytes = try Data(contentsOf: log)
        #expect(bytes.count > sizeAfterOne && String(decoding: bytes, as: UTF8.self).hasSuffix("\"first\":1796032800,\"last\":1796032800}}\n"))
        #expect(!FileManager.default.fileExists(atPath: snapshot.path))
        let stats = try SRSProcess.run(["stats", "--json", "--data-dir", data.path, "--user", "ann", "--as-of", "2026-11-30"])
        #expect(stats.status == 0 && stats.stdout.contains("\"answers\": 2"))
    }
}
