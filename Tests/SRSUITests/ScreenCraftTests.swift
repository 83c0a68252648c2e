import Testing
import SRSCore
@testable import SRSUI

@Suite struct ScreenCraftTests {
    @Test func redrawsOnResize() {
        var h = Harness(cards: [Fixtures.capital], size: Size(columns: 100, rows: 30))
        h.send(letterOf("Canberra", in: h.screen))
        expectSnapshot(h.screen, named: "resize-100x30")
        h.send("resize=40x12")
        expectSnapshot(h.screen, named: "resize-40x12")
        #expect(h.session.render(h.size).rows.allSatisfy { $0.width <= 40 })
    }

    @Test func tinyTerminalSaysSoAndIgnoresKeysButQuit() {
        var h = Harness(cards: [Fixtures.capital], size: Size(columns: 30, rows: 8))
        expectSnapshot(h.screen, named: "too-small")
        h.send("a enter")
        #expect(h.effects.isEmpty)
        h.send("resize=40x10")
        expectSnapshot(h.screen, named: "minimum-40x10")
        #expect(h.send("q") == [.quit])
    }

    @Test func revealOnASmallScreenScrollsToTheVerdict() {
        var h = Harness(cards: [Fixtures.capital], size: Size(columns: 40, rows: 10))
        h.send("pgdn")
        let perth = letterOf("Perth", in: h.screen)
        h.send(perth)
        expectSnapshot(h.screen, named: "small-reveal")
        #expect(h.screen.contains("✗ Wrong: you chose"))
    }

    @Test(arguments: [Size(columns: 0, rows: 0), Size(columns: 1, rows: 1), Size(columns: 39, rows: 40),
                      Size(columns: 40, rows: 10), Size(columns: 41, rows: 11), Size(columns: 300, rows: 5)])
    func neverDrawsOutsideTheScreen(_ size: Size) {
        var h = Harness(cards: [Fixtures.cjk, Fixtures.long], size: size)
        for keys in ["", "b", "enter", "pgdn", "f"] {
            h.send(keys)
            let screen = h.session.render(size)
            #expect(screen.rows.count == max(size.rows, 0))
            #expect(screen.rows.allSatisfy { $0.width <= max(size.columns, 0) })
        }
    }

    @Test func cjkAndEmojiTakeTheirWidth() {
        var h = Harness(cards: [Fixtures.cjk], size: Size(columns: 40, rows: 16))
        expectSnapshot(h.screen, named: "cjk-question")
        h.send(letterOf("日本語 (Japanese)", in: h.screen))
        expectSnapshot(h.screen, named: "cjk-right")
    }

    @Test func longCardsScroll() {
        var h = Harness(cards: [Fixtures.long], size: Size(columns: 60, rows: 14))
        expectSnapshot(h.screen, named: "long-top")
        h.send("pgdn")
        expectSnapshot(h.screen, named: "long-page-down")
        h.send("pgdn pgdn pgdn pgdn")
        expectSnapshot(h.screen, named: "long-bottom")
    }

    @Test func controlCharactersFromDecksNeverReachTheScreen() {
        let h = Harness(cards: [Fixtures.hostile])
        let text = h.screen
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F..<0xA0).contains($0.value) })
        #expect(text.contains("Bold␛[1m? ␛]0;title␇Clear␛[2J\u{FFFD}31m done"))
    }

    @Test func longNoticesWrapInsteadOfBeingCut() {
        var h = Harness(cards: [Fixtures.capital], size: Size(columns: 40, rows: 16))
        _ = h.session.update(.notice("The key was not saved: cannot create /data/decks/geo.deck: Permission denied."))
        let lines = h.screen.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix(" The key was not saved: cannot create") })
        #expect(lines.contains { $0.hasSuffix("denied.") })
    }

    @Test func helpOverlayAndBack() {
        var h = Harness(cards: [Fixtures.capital])
        h.send("?")
        expectSnapshot(h.screen, named: "help")
        h.send("x")
        #expect(h.screen.contains("capital of Australia"))
        #expect(h.effects.isEmpty)
        // q closes the help, like any other key (issue 8: it used to quit srs); Ctrl-C quits.
        #expect(h.send("? q").isEmpty)
        #expect(h.screen.contains("capital of Australia"))
        #expect(h.send("? ctrl-c") == [.quit])
    }

    @Test func gradeKeysShowTheIntervalTheReviewerWillApply() {
        let seen = CardProgress(memory: Memory(intervalDays: 6, due: Harness.start / 1000, easiness: 2.5,
                                               repetitions: 2, lapses: 0),
                                firstReview: 1_700_000_000, lastReview: 1_795_500_000)
        var h = Harness(cards: [Fixtures.truth], progress: [Fixtures.truth.id: seen])
        h.send("t")
        #expect(h.screen.contains("1 Again today  2 Hard today  3/Enter Good 15d  4 Easy 15d"))
        h.send("4")
        guard let after = h.records.first?.after else { Issue.record("no record"); return }
        #expect(after.memory?.intervalDays == 15)
    }

    @Test func ctrlCQuitsEvenWhileTyping() {
        var h = Harness(cards: [Fixtures.short])
        #expect(h.send("i type=ab ctrl-c") == [.quit])
    }
}

@Suite struct IdleAndPracticeTests {
    static let notDue = CardProgress(memory: Memory(intervalDays: 6, due: Harness.start / 1000 + 3 * 86_400,
                                                    easiness: 2.5, repetitions: 2, lapses: 0),
                                     firstReview: 1_795_000_000, lastReview: 1_795_500_000)

    @Test func nothingDueSaysWhenAndOffersPractice() {
        var h = Harness(cards: [Fixtures.truth], progress: [Fixtures.truth.id: Self.notDue])
        expectSnapshot(h.screen, named: "nothing-due")
        h.send("p")
        expectSnapshot(h.screen, named: "practice-question")
        h.send("f enter")
        #expect(h.recorded.map(\.1) == [.answer(grade: .again, kind: .practice, answerMillis: 8_000)])
        #expect(h.session.progress[Fixtures.truth.id] == Self.notDue)
        #expect(h.screen.contains("Practice finished"))
    }

    @Test func saysWhenTheDailyLimitHoldsCardsBack() {
        var h = Harness(cards: [Fixtures.truth, Fixtures.capital], limits: QueueLimits(newPerDay: 1))
        h.send("t enter")
        #expect(h.screen.contains("Today's limit of 1 new card is reached; 1 more is waiting."))
    }

    @Test func theLastKeyRedrawsAtOnceAndTheOutlookFollows() {
        var h = Harness(cards: [Fixtures.truth])
        _ = h.session.update(.key(.character("t"), at: Harness.start + 1_000))
        _ = h.session.update(.key(.enter, at: Harness.start + 2_000))
        #expect(h.session.wantsTick)
        #expect(h.screen.contains("Working out what is due next…"))
        _ = h.session.update(.tick)
        #expect(!h.session.wantsTick)
        #expect(h.screen.contains("Due tomorrow: 1 review and 0 new cards."))
    }

    @Test func nothingToPractiseOnANewDeck() {
        var h = Harness(cards: [Fixtures.truth], limits: QueueLimits(newPerDay: 0))
        h.send("p")
        #expect(h.screen.contains("Nothing to practise: no card has been reviewed yet."))
    }

    @Test func summaryListsFailedCardsWithExplanations() {
        var h = Harness(cards: [Fixtures.capital, Fixtures.truth, Fixtures.short])
        h.send(letterOf("Perth", in: h.screen) + " enter f enter i type=hola enter 3")
        h.send(letterOf("Canberra", in: h.screen) + " enter t enter")
        expectSnapshot(h.screen, named: "summary")
    }
}

/// Issue 10, point 7: "Next review due later today" was shown when the review limit held due
/// cards back; the end screen says how many the limit holds back and how to raise it instead.
@Suite struct ReviewLimitOutlookTests {
    static func due(_ offset: EpochSeconds) -> CardProgress {
        CardProgress(memory: Memory(intervalDays: 6, due: Harness.start / 1000 + offset, easiness: 2.5, repetitions: 2, lapses: 0),
                     firstReview: 1_795_000_000, lastReview: 1_795_500_000)
    }

    @Test func heldBackReviewsAreNotCalledDueLaterToday() {
        var h = Harness(cards: [Fixtures.truth, Fixtures.capital],
                        progress: [Fixtures.truth.id: Self.due(-60), Fixtures.capital.id: Self.due(60)],
                        limits: QueueLimits(maxReviewsPerDay: 1), size: Size(columns: 200, rows: 40))
        h.send("t enter")
        #expect(h.screen.contains("Today's limit of 1 review is reached; 1 more card due. `srs review --reviews-today N` allows N more"), "\(h.screen)")
        #expect(!h.screen.contains("later today"), "\(h.screen)")
        // Held back, not due tomorrow (the definition `srs stats` uses).
        #expect(h.screen.contains("Due tomorrow: 0 reviews and 0 new cards (the card held back today comes first)."), "\(h.screen)")
    }
}
