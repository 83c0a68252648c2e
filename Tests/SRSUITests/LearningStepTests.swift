import Foundation
import Testing
import SRSCore
@testable import SRSUI

/// Learning steps in the review with Anki's SM-2 and FSRS (issue 10, point 2), on a fake clock.
@Suite struct LearningStepTests {
    static func card(_ n: Int) -> Card {
        Card(id: CardID("tf-\(n)"), question: "Statement number \(n) is true.", kind: .trueFalse(answer: true),
             explanation: "It is.")
    }
    static let cards = (1...3).map(card)
    static let anki = AnkiScheduler(fuzz: false)

    @Test func gradeKeysShowAnkisStepsAndTheHeaderCountsLearning() {
        var h = Harness(cards: Self.cards, scheduler: Self.anki)
        #expect(h.screen.contains("new 3  learning 0  review 0"))
        h.send("t")
        #expect(h.screen.contains("1 Again 1m  2 Hard 6m  3/Enter Good 10m  4 Easy 4d"))
        h.send("1")
        #expect(h.screen.contains("new 2  learning 1  review 0"))
        #expect(h.records.first?.scheduler == "anki")
        #expect(h.records.first?.after.due == Harness.start / 1000 + 4 + 60) // revealed at +4 s
    }

    @Test func aLearningCardComesBackWhenItsStepIsDueBeforeOtherCards() {
        var h = Harness(cards: Self.cards, scheduler: Self.anki)
        h.send("t 1")                   // card 1: Again, due again in 1 minute
        #expect(h.screen.contains("Statement number 2"))
        h.step = 30_000
        h.send("t 3")                   // card 2 at +68 s: card 1's step is due
        #expect(h.screen.contains("Statement number 1"))
        #expect(h.screen.contains("· learning"))
        #expect(h.screen.contains("new 1  learning 2  review 0"))
    }

    @Test func withNothingElseLeftALearningCardIsShownEarlyAndSaidSo() {
        var h = Harness(cards: [Self.cards[0]], scheduler: Self.anki)
        h.send("t 3")                   // Good: the 10-minute step
        #expect(h.screen.contains("Statement number 1"))
        #expect(h.screen.contains("Shown early: this learning card is due in 10m"))
        h.send("t")
        #expect(h.screen.contains("3/Enter Good 1d"))
    }

    @Test func beyondTheLearnAheadLimitTheReviewWaitsThenShowsIt() {
        var options = AnkiOptions()
        options.learningSteps = [3_600, 7_200]
        var h = Harness(cards: [Self.cards[0]], scheduler: AnkiScheduler(options: options, fuzz: false))
        h.send("t 3")                   // Good: the 2-hour step
        #expect(h.screen.contains("Waiting for 1 learning card: the next is due in 2h."))
        let wake = h.session.wakeAt
        #expect(wake == (Harness.start / 1000 + 4 + 7_200 - 1_200) * 1000)
        _ = h.session.update(.clock(at: (wake ?? 0) - 1_000))
        #expect(h.screen.contains("Waiting for 1 learning card: the next is due in 20m."))
        _ = h.session.update(.clock(at: wake ?? 0))
        #expect(h.screen.contains("Statement number 1"))
        #expect(h.screen.contains("due in 20m"))
    }

    @Test func aStepCrossingTheRolloverIsDueTheNextStudyDay() {
        // 03:55, five minutes before the 04:00 rollover: Good's 10-minute step crosses it.
        let late: EpochMillis = 1_796_097_300_000
        var h = Harness(cards: [Self.cards[0]], now: late, scheduler: Self.anki)
        h.send("t 3")
        guard case let .anki(card)? = h.records.first?.after.state else { Issue.record("no anki state"); return }
        #expect(card.queue == .dayLearn)
        #expect(h.screen.contains("Review finished"))
        #expect(h.session.wakeAt == nil)
    }

    @Test func fsrsLearningStepsComeBackToo() {
        var h = Harness(cards: Self.cards, scheduler: FSRSScheduler(fuzz: false))
        h.send("t")
        #expect(h.screen.contains("1 Again 1m  2 Hard 6m  3/Enter Good 10m"))
        h.send("1")
        h.step = 30_000
        h.send("t 3")
        #expect(h.screen.contains("Statement number 1") && h.screen.contains("· learning"))
        #expect(h.records.first?.scheduler == "fsrs")
    }

    @Test func classicSM2KeepsItsSameDayRepeat() {
        var h = Harness(cards: Self.cards)
        h.send("t 1")
        #expect(h.screen.contains("new 2  repeat 1  review 0"))
    }
}

@Suite struct LeechScreenTests {
    @Test func theReviewSaysWhenACardBecomesALeechAndUndoTakesItBack() {
        let card = AnkiCard(kind: .review, queue: .review, remainingSteps: 0, intervalDays: 10, easePermille: 2_500,
                            due: .day(AnkiDays().today(at: Harness.start / 1000)), reps: 20, lapses: 7)
        let seen = CardProgress(state: .anki(card), due: Harness.start / 1000 - 100, firstReview: 1_700_000_000,
                                lastReview: 1_795_000_000)
        var h = Harness(cards: [LearningStepTests.card(1)], progress: [CardID("tf-1"): seen],
                        scheduler: AnkiScheduler(fuzz: false))
        h.send("t 1")
        #expect(h.session.notice == "Leech: 8 lapses; the card is marked a leech (`srs stats` lists leeches, u takes it back).")
        #expect(h.screen.contains("Leech: 8 lapses"))
        #expect(h.records.last?.after.leech == true)
        h.send("u")
        #expect(h.session.progress[CardID("tf-1")] == seen)
    }

    @Test func theHelpNamesTheScheduler() {
        var h = Harness(cards: [LearningStepTests.card(1)], scheduler: AnkiScheduler(fuzz: false))
        h.send("?")
        #expect(h.screen.contains("Scheduler: Anki's SM-2 (anki)"))
    }
}

@Suite struct IntervalLabelScreenTests {
    /// Issue 10, point 7: 38 days showed as `1mo`; Anki's labels say `1.2mo`.
    @Test func classicSM2IntervalsUseAnkisLabels() {
        let seen = CardProgress(memory: Memory(intervalDays: 15, due: Harness.start / 1000 - 100, easiness: 2.5,
                                               repetitions: 3, lapses: 0),
                                firstReview: 1_700_000_000, lastReview: 1_795_000_000)
        var h = Harness(cards: [LearningStepTests.card(1)], progress: [CardID("tf-1"): seen])
        h.send("t")
        #expect(h.screen.contains("3/Enter Good 1.2mo  4 Easy 1.2mo"))
    }
}

@Suite struct DailyLimitTests {
    /// Issue 10, point 7: after burying one card and suspending another, the end screen said the
    /// new-card limit was reached though fewer had been studied. The freed places are filled.
    @Test func buriedAndSuspendedCardsLeaveTheirPlacesToOthers() {
        let cards = (1...4).map(LearningStepTests.card)
        var h = Harness(cards: cards, limits: QueueLimits(newPerDay: 2))
        #expect(h.screen.contains("new 2  repeat 0  review 0"))
        h.send("s !")
        #expect(h.screen.contains("Statement number 3"))
        h.send("t 3 t 3")
        #expect(h.screen.contains("Review finished"))
        #expect(!h.screen.contains("limit of 2 new cards is reached"))
        _ = h.session.update(.tick)
        #expect(h.screen.contains("Today's limit of 2 new cards is reached") == false)
        #expect(h.recorded.map(\.1).count == 4)
        // A restart offers no more new cards today: the two answered used the limit up.
        let restart = DailyQueue.build(cards: cards.map(\.id), progress: h.session.progress, limits: QueueLimits(newPerDay: 2),
                                       clock: h.session.clock, now: h.session.seconds)
        #expect(restart.new.isEmpty && restart.isEmpty)
    }
}
