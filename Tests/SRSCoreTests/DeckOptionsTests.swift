import Foundation
import Testing
@testable import SRSCore

/// Per-deck options (issue 10, point 3): every card is scheduled with its own deck's options,
/// whatever else is under review, in answers, the grade keys' outcomes and a scheduler switch.
@Suite struct DeckOptionsTests {
    let clock = DayClock(timeZone: TimeZone(identifier: "UTC") ?? .current)
    let t0: EpochSeconds = 1_796_032_800 // 2026-11-30T10:00:00Z

    /// Anki's SM-2 without fuzz; `own` gives the deck "beta" an easy interval of 7 days and
    /// learning steps of 4 and 30 minutes.
    func reviewers() -> Reviewers {
        var own = AnkiOptions()
        own.easyInterval = 7
        own.learningSteps = [240, 1_800]
        let standard = Reviewer(scheduler: AnkiScheduler(fuzz: false), clock: clock)
        let beta = Reviewer(scheduler: AnkiScheduler(options: own, fuzz: false), clock: clock)
        return Reviewers(standard, decks: [(reviewer: beta, cards: [CardID("b1"), CardID("b2")])])
    }

    @Test func aCardIsAnsweredWithItsOwnDecksOptions() {
        var book = ReviewBook<Int>(cards: [:], reviewers: reviewers(), recordCount: 0, ids: RecordIDs(prefix: 1))
        let a = book.answer(CardID("a1"), grade: .easy, at: t0, millis: 0, mark: 0) { _ in }
        let b = book.answer(CardID("b1"), grade: .easy, at: t0, millis: 0, mark: 0) { _ in }
        #expect(a.after.intervalDays == 4 && b.after.intervalDays == 7)
        #expect(b.after.due - t0 > 6 * 86_400 && a.after.due - t0 < 4 * 86_400 + 1)
    }

    @Test func aReplayOfTheLogGivesTheBooksStates() {
        var book = ReviewBook<Int>(cards: [:], reviewers: reviewers(), recordCount: 0, ids: RecordIDs(prefix: 1))
        var records: [LogRecord] = []
        for (card, grade, at) in [("a1", Grade.good, t0), ("b1", .good, t0), ("b1", .hard, t0 + 1_800), ("a1", .hard, t0 + 600)] {
            records.append(book.answer(CardID(card), grade: grade, at: at, millis: 0, mark: 0) { _ in })
        }
        #expect(LogMerge.states(records, reviewers: reviewers()) == book.cards)
        // Hard on the second step repeats it: 30 minutes with beta's steps, 10 with the user's.
        #expect(book[CardID("b1")]?.due == t0 + 3_600 && book[CardID("a1")]?.due == t0 + 1_200)
        #expect(LogMerge.states(records, reviewer: reviewers().standard)[CardID("b1")]?.due == t0 + 2_400)
    }

    @Test func theGradeKeysOutcomesAreTheCardsOwn() {
        let r = reviewers()
        let steps = { (id: String) in
            r[CardID(id)].outcomes(nil, at: t0, card: CardID(id)).mapValues { $0.due - t0 }
        }
        #expect(steps("a1") == [.again: 60, .hard: 330, .good: 600, .easy: steps("a1")[.easy] ?? 0])
        #expect(steps("b2")[.again] == 240 && steps("b2")[.hard] == 1_020 && steps("b2")[.good] == 1_800)
        #expect(r[CardID("a1")].outcomes(nil, at: t0)[.easy]?.intervalDays == 4)
        #expect(r[CardID("b2")].outcomes(nil, at: t0)[.easy]?.intervalDays == 7)
    }

    @Test func aSwitchReplaysEachCardWithItsDecksOptions() {
        let time = t0
        let history = ["a1", "b1"].enumerated().map { i, card in
            LogRecord(seq: i + 1, id: "r\(i)", card: CardID(card), time: time, action: .answer(grade: .easy, kind: .learn, answerMillis: 0),
                      scheduler: "sm2", after: CardProgress())
        }
        let sm2 = Reviewer(clock: clock)
        var cards: CardTable = [:]
        for record in history { cards[record.card] = sm2.answer(nil, grade: .easy, at: time, card: record.card) }
        var ids = RecordIDs(prefix: 2)
        let plan = SchedulerSwitch(to: reviewers()).plan(history: history, cards: cards, at: time + 60, ids: &ids, firstSeq: 3)
        #expect(plan.records.map(\.card) == [CardID("a1"), CardID("b1")])
        #expect(plan.records.map { $0.after.intervalDays } == [4, 7])
    }
}

/// Issue 10, point 7: "due tomorrow" is one definition (`DueDay`, `DueTomorrow`), with the
/// reviews that today's limit holds back counted apart.
@Suite struct DueTomorrowCountTests {
    let clock = DayClock(timeZone: TimeZone(identifier: "UTC") ?? .current)
    let now: EpochSeconds = 1_796_032_800 // 2026-11-30T10:00:00Z; the study day began at 04:00
    let day: EpochSeconds = 86_400

    func review(due: EpochSeconds, last: EpochSeconds) -> CardProgress {
        CardProgress(memory: Memory(intervalDays: 6, due: due, easiness: 2.5, repetitions: 2, lapses: 0),
                     firstReview: last - 10 * day, lastReview: last)
    }

    @Test func heldBackReviewsAreApartFromTomorrows() {
        var cards: CardTable = [:]
        for i in 0..<250 { cards[CardID("due\(i)")] = review(due: now - 2 * day, last: now - 8 * day) }
        for i in 0..<20 { cards[CardID("tomorrow\(i)")] = review(due: now + day, last: now - 5 * day) }
        for i in 0..<5 { cards[CardID("later\(i)")] = review(due: now + 3 * day, last: now - 3 * day) }
        let ids = cards.keys.sorted()
        let none = DueTomorrow(cards: ids, progress: cards, reviewLimit: 200, clock: clock, now: now)
        #expect(none.due == 20 && none.heldBack == 50)
        // After today's 200 reviews (due in 6 days now), the same 50 are still held back.
        for i in 0..<200 { cards[CardID("due\(i)")] = review(due: now + 6 * day, last: now - 60) }
        let done = DueTomorrow(cards: ids, progress: cards, reviewLimit: 200, clock: clock, now: now)
        #expect(done.due == 20 && done.heldBack == 50)
        #expect(DueTomorrow(cards: ids, progress: cards, reviewLimit: 250, clock: clock, now: now).heldBack == 0)
        #expect(DueTomorrow(cards: ids, progress: cards, reviewLimit: 220, clock: clock, now: now).heldBack == 30)
    }

    @Test(arguments: [
        (EpochSeconds(-3_600), 0), (0, 0), (64_799, 0), (64_800, 1), (64_800 + 86_399, 1), (64_800 + 86_400, 2),
    ] as [(EpochSeconds, Int)])
    func aReviewIsDueForTheWholeStudyDayItsDueTimeFallsOn(offset: EpochSeconds, day expected: Int) {
        let p = review(due: now + offset, last: now - 5 * day)
        #expect(DueDay(p, days: DueDay.NextDays(clock: clock, now: now), now: now)?.day == expected)
    }
}
