import Foundation
import Testing
@testable import SRSCore

/// Hand-written tables for Anki's v3 SM-2 numerics, from `rslib/src/scheduler/states` (26.9).
@Suite struct AnkiNumericsTests {
    static let utc = TimeZone(identifier: "UTC") ?? .current
    static let anki = AnkiScheduler(days: AnkiDays(rolloverHour: 5, timeZone: utc), fuzz: false)
    /// 2025-03-01T12:00:00Z, Anki day 20148 with a 05:00 rollover.
    static let noon: EpochSeconds = 1_740_830_400
    static let today = 20_148

    static func reviewCard(interval: Int, ease: Int, dueIn days: Int = 0, lapses: Int = 0) -> AnkiCard {
        AnkiCard(kind: .review, queue: .review, remainingSteps: 0, intervalDays: interval, easePermille: ease,
                 due: .day(today + days), reps: 5, lapses: lapses)
    }

    static func intervals(_ card: AnkiCard, at time: EpochSeconds = noon) -> [Int] {
        [Grade.hard, .good, .easy].map { anki.review(card, grade: $0, at: time, fuzz: nil).intervalDays }
    }

    @Test func dayNumbersFollowTheRolloverAndTheZone() throws {
        #expect(Self.anki.days.today(at: Self.noon) == Self.today)
        #expect(Self.anki.days.today(at: Self.noon - 7 * 3600) == Self.today)      // 05:00 exactly
        #expect(Self.anki.days.today(at: Self.noon - 7 * 3600 - 1) == Self.today - 1)
        #expect(Self.anki.days.secondsUntilRollover(at: Self.noon) == 17 * 3600)
        let berlin = AnkiDays(rolloverHour: 4, timeZone: try #require(TimeZone(identifier: "Europe/Berlin")))
        #expect(berlin.today(at: Self.noon - 9 * 3600) == Self.today)                // 04:00 CET = 03:00Z
        #expect(berlin.today(at: Self.noon - 9 * 3600 - 1) == Self.today - 1)
        #expect(AnkiDays.dateName(ofDay: Self.today) == "2025-03-01")
    }

    /// (interval, ease permille, days late) → (hard, good, easy): f32 products, rounded half
    /// away from zero, with the +1 minimums and the maximum.
    @Test(arguments: [
        (5, 2500, 0, [6, 13, 16]),        // 12.5 rounds up (half away from zero; half-even gives 12)
        (15, 2100, 0, [18, 31, 41]),      // f32: 15 × 2.1 = 31.499998 → 31 (f64 gives 31.5 → 32)
        (1, 1300, 0, [2, 3, 4]),          // every +1 minimum binds: I+1, hard+1, good+1
        (0, 2500, 0, [1, 3, 4]),          // cur = max(I, 1); hard's minimum I+1 = 1
        (10, 2500, 4, [12, 30, 46]),      // late: good (10 + 4/2) × 2.5; easy 14 × 2.5 × 1.3 is 45.5 in f32 (f64: 45.4999998)
        (30_000, 2500, 0, [36_000, 36_500, 36_500]), // the maximum interval
        (36_500, 2500, 0, [36_500, 36_500, 36_500]), // minimums are clamped to the maximum first
    ])
    func passingIntervals(interval: Int, ease: Int, late: Int, expected: [Int]) {
        #expect(Self.intervals(Self.reviewCard(interval: interval, ease: ease, dueIn: -late)) == expected)
    }

    @Test func anEarlyReviewCountsAsOnTime() {
        let early = Self.reviewCard(interval: 10, ease: 2500, dueIn: 3)
        #expect(Self.intervals(early) == Self.intervals(Self.reviewCard(interval: 10, ease: 2500)))
        #expect(Self.intervals(early) == [12, 25, 33])
    }

    /// (ease permille, grade) → ease permille: −0.15 Hard, −0.2 Again, floor 1.3; +0.15 Easy.
    @Test(arguments: [(2500, Grade.hard, 2350), (2500, .again, 2300), (2500, .good, 2500), (2500, .easy, 2650),
                      (1300, .hard, 1300), (1300, .again, 1300), (1400, .hard, 1300), (1400, .again, 1300),
                      (65_500, .easy, 65_535)])
    func easeChangesAndFloor(ease: Int, grade: Grade, expected: Int) {
        #expect(Self.anki.review(Self.reviewCard(interval: 10, ease: ease), grade: grade, at: Self.noon, fuzz: nil).easePermille == expected)
    }

    @Test func aLapseRelearnsInTenMinutesWithIntervalOne() {
        let card = Self.anki.review(Self.reviewCard(interval: 40, ease: 2500, lapses: 2), grade: .again, at: Self.noon, fuzz: nil)
        #expect(card == AnkiCard(kind: .relearning, queue: .learn, remainingSteps: 1, intervalDays: 1,
                                 easePermille: 2300, due: .time(Self.noon + 600), reps: 6, lapses: 3))
    }

    @Test func relearningGoodKeepsTheIntervalAndEasyAddsOne() {
        let lapsed = Self.anki.review(Self.reviewCard(interval: 40, ease: 2500), grade: .again, at: Self.noon, fuzz: nil)
        let good = Self.anki.review(lapsed, grade: .good, at: Self.noon + 600, fuzz: nil)
        let easy = Self.anki.review(lapsed, grade: .easy, at: Self.noon + 600, fuzz: nil)
        let hard = Self.anki.review(lapsed, grade: .hard, at: Self.noon + 600, fuzz: nil)
        #expect((good.kind, good.intervalDays, good.due, good.easePermille, good.lapses) == (.review, 1, .day(Self.today + 1), 2300, 1))
        #expect((easy.kind, easy.intervalDays, easy.due, easy.easePermille, easy.lapses) == (.review, 2, .day(Self.today + 2), 2300, 1))
        #expect((hard.kind, hard.due) == (.relearning, .time(Self.noon + 600 + 900)))
    }

    /// A new card's steps: Again 1m, Hard 5.5m on the first step and 10m on the second, Good
    /// 10m then graduation to 1 day, Easy 4 days at once; the ease appears at graduation.
    @Test func learningSteps() {
        let again = Self.anki.review(.new, grade: .again, at: Self.noon, fuzz: nil)
        let hard = Self.anki.review(.new, grade: .hard, at: Self.noon, fuzz: nil)
        let good = Self.anki.review(.new, grade: .good, at: Self.noon, fuzz: nil)
        let easy = Self.anki.review(.new, grade: .easy, at: Self.noon, fuzz: nil)
        #expect((again.due, again.remainingSteps, again.easePermille) == (.time(Self.noon + 60), 2, 0))
        #expect((hard.due, hard.remainingSteps) == (.time(Self.noon + 330), 2))
        #expect((good.due, good.remainingSteps) == (.time(Self.noon + 600), 1))
        #expect((easy.kind, easy.intervalDays, easy.easePermille, easy.due) == (.review, 4, 2500, .day(Self.today + 4)))
        let secondHard = Self.anki.review(good, grade: .hard, at: Self.noon + 600, fuzz: nil)
        let graduated = Self.anki.review(good, grade: .good, at: Self.noon + 600, fuzz: nil)
        #expect(secondHard.due == .time(Self.noon + 1200))
        #expect((graduated.kind, graduated.intervalDays, graduated.easePermille, graduated.reps) == (.review, 1, 2500, 2))
    }

    /// Hard on the first step with other step lists: 1.5 × a single step (at most a day more),
    /// rounded to whole days past a day.
    @Test(arguments: [([600], 900), ([86_400], 172_800), ([60, 600], 330), ([3600, 90_000], 46_800), ([86_400, 172_800], 172_800)])
    func hardOnTheFirstStep(steps: [Int], expected: Int) {
        #expect(AnkiSteps(steps: steps).hardDelay(remaining: steps.count) == expected)
    }

    /// A step that reaches the next rollover (05:00 UTC) makes the card due that study day.
    @Test(arguments: [
        (EpochSeconds(1_740_804_599), AnkiCard.Queue.learn, AnkiCard.Due.time(1_740_805_199)),  // 04:49:59, 601 s left
        (EpochSeconds(1_740_804_600), .dayLearn, .day(20_148)),                                   // 04:50:00, exactly 600 s
        (EpochSeconds(1_740_804_900), .dayLearn, .day(20_148)),                                   // 04:55:00
        (EpochSeconds(1_740_805_200), .learn, .time(1_740_805_800)),                              // 05:00:00, a new day
    ])
    func aStepCrossingTheRollover(at time: EpochSeconds, queue: AnkiCard.Queue, due: AnkiCard.Due) {
        let card = Self.anki.review(.new, grade: .good, at: time, fuzz: nil)
        #expect(card.queue == queue)
        #expect(card.due == due)
    }

    @Test func leechesAtEightThenEveryFour() {
        #expect((1...20).filter { AnkiCard.isLeech(lapses: $0, threshold: 8) } == [8, 12, 16, 20])
    }

    @Test func optionsOutsideAnkisLimitsAreNamed() {
        var options = AnkiOptions()
        #expect(options.problem() == nil)
        options.startingEase = 1.2
        #expect(options.problem()?.hasPrefix("starting_ease must be between 1.31 and 5 (is ") == true)
    }
}
