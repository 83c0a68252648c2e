import Testing
@testable import SRSCore

@Suite struct IntervalLabelTests {
    /// What Anki 26.9.3 shows on its answer buttons (`col.format_timespan(s, ANSWER_BUTTONS)`,
    /// run on the `anki` package): 38 days are 1.2mo (38 / 30.4167 = 1.249), 95 days 3.1mo.
    @Test(arguments: [
        (30, "30s"), (59, "59s"), (60, "1m"), (89, "1m"), (90, "2m"), (330, "6m"), (600, "10m"),
        (900, "15m"), (2700, "45m"), (3600, "1h"), (5400, "1.5h"), (72_000, "20h"), (86_400, "1d"),
        (345_600, "4d"), (2_160_000, "25d"), (2_592_000, "30d"), (2_678_400, "1mo"),
        (3_283_200, "1.2mo"), (8_208_000, "3.1mo"), (17_280_000, "6.6mo"), (31_449_600, "12mo"),
        (31_536_000, "1y"), (34_560_000, "1.1y"), (3_153_600_000, "100y"),
    ])
    func matchesAnkisAnswerButtons(seconds: Int, label: String) {
        #expect(IntervalLabel.label(seconds: Float(seconds)) == label)
    }

    @Test func daysAndAbsurdSpans() {
        #expect(IntervalLabel.label(days: 38) == "1.2mo")
        #expect(IntervalLabel.label(days: 95) == "3.1mo")
        #expect(IntervalLabel.label(days: 36_500) == "100y")
        #expect(!IntervalLabel.label(days: .max).isEmpty)
        #expect(IntervalLabel.label(seconds: .infinity) == "∞y")
    }
}

@Suite struct FuzzTests {
    /// Anki's ranges: (interval, minimum) → (lo, hi).
    @Test(arguments: [(2.0, 1, 2, 2), (2.5, 1, 2, 4), (3.0, 1, 2, 4), (7.0, 1, 5, 9), (10.0, 1, 8, 12),
                      (20.0, 1, 17, 23), (100.0, 1, 93, 107), (100.0, 95, 95, 107), (36_500.0, 1, 34_673, 36_500),
                      (3.0, 4, 4, 5)])
    func ankiBounds(interval: Float, minimum: Int, lo: Int, hi: Int) {
        let bounds = Fuzz.ankiBounds(interval, minimum: minimum, maximum: 36_500)
        #expect(bounds.lower == lo && bounds.upper == hi)
    }

    @Test(arguments: [(2, 2, 3), (3, 2, 4), (10, 8, 12), (100, 93, 107), (36_500, 34_673, 36_500)])
    func fsrsBounds(days: Int, lo: Int, hi: Int) {
        let bounds = Fuzz.fsrsBounds(days, maximum: 36_500)
        #expect(bounds.lower == lo && bounds.upper == hi)
    }

    @Test func drawsSpanTheRangeAndRepeatPerCardAndCount() {
        #expect(Fuzz.anki(10, minimum: 1, maximum: 36_500, fraction: 0) == 8)
        #expect(Fuzz.anki(10, minimum: 1, maximum: 36_500, fraction: 0.9999) == 12)
        #expect(Fuzz.anki(10.4, minimum: 1, maximum: 36_500, fraction: nil) == 10)
        #expect(Fuzz.fsrs(10, maximum: 36_500, fraction: 0) == 8)
        #expect(Fuzz.fsrs(2, maximum: 36_500, fraction: 0.7) == 2)
        #expect(Fuzz.fraction(card: "a1b2c3d4e5f6", reps: 3) == Fuzz.fraction(card: "a1b2c3d4e5f6", reps: 3))
        #expect(Fuzz.fraction(card: "a1b2c3d4e5f6", reps: 3) != Fuzz.fraction(card: "a1b2c3d4e5f6", reps: 4))
        let fractions = (0..<2000).map { Fuzz.fraction(card: "card\($0)", reps: 0) }
        #expect(fractions.allSatisfy { (0..<1).contains($0) })
        #expect(fractions.filter { $0 < 0.5 }.count > 900 && fractions.filter { $0 < 0.5 }.count < 1100)
    }

    /// The fuzzed Hard, Good and Easy keep the +1 minimums whatever the draw.
    @Test func fuzzKeepsTheMinimums() {
        let anki = AnkiScheduler(fuzz: true)
        let card = AnkiCard(kind: .review, queue: .review, remainingSteps: 0, intervalDays: 3, easePermille: 1300,
                            due: .day(20_000), reps: 4, lapses: 0)
        for index in 0..<200 {
            let outcomes = anki.outcomes(card, at: 20_000 * 86_400 + 43_200, card: "c\(index)")
            let (hard, good, easy) = (outcomes[.hard]?.intervalDays ?? 0, outcomes[.good]?.intervalDays ?? 0, outcomes[.easy]?.intervalDays ?? 0)
            #expect(hard >= 4 && good > hard && easy > good)
        }
    }
}

@Suite struct LearningStepFuzzTests {
    /// With fuzz, an intraday step gets up to a quarter more, at most 5 minutes: 1m → 60–74 s,
    /// 10m → 600–749 s, 1h → 3600–3899 s.
    @Test(arguments: [(60, 60...74), (600, 600...749), (3600, 3600...3899)])
    func stepsStayInAnkisRange(step: Int, range: ClosedRange<Int>) {
        var options = AnkiOptions()
        options.learningSteps = [step]
        let anki = AnkiScheduler(options: options, fuzz: true)
        let noon: EpochSeconds = 1_740_830_400
        var seen = Set<Int>()
        for index in 0..<300 {
            guard case let .time(due) = anki.review(.new, grade: .again, at: noon, card: "c\(index)").due else {
                Issue.record("not an intraday step"); continue
            }
            seen.insert(Int(due - noon))
        }
        #expect(seen.allSatisfy { range.contains($0) })
        #expect(seen.count > 5)
    }
}

@Suite struct GradeLabelTests {
    static let noon: EpochSeconds = 1_740_830_400

    /// A new card with Anki's defaults shows 1m, 6m, 10m, 4d; a 10-day review card at ease 2.5
    /// 12d, 25d, 1.1mo (32.5 → 33 days); FSRS's new card 1m, 6m, 10m, 8d.
    @Test func theKeysShowTheOutcomes() {
        let anki = AnkiScheduler(fuzz: false)
        #expect(anki.gradeLabels(nil, at: Self.noon, card: "c") == [.again: "1m", .hard: "6m", .good: "10m", .easy: "4d"])
        let review = AnkiCard(kind: .review, queue: .review, remainingSteps: 0, intervalDays: 10, easePermille: 2500,
                              due: .day(anki.days.today(at: Self.noon)), reps: 4, lapses: 0)
        #expect(anki.gradeLabels(.anki(review), at: Self.noon, card: "c") == [.again: "10m", .hard: "12d", .good: "25d", .easy: "1.1mo"])
        #expect(FSRSScheduler(fuzz: false).gradeLabels(nil, at: Self.noon, card: "c") == [.again: "1m", .hard: "6m", .good: "10m", .easy: "8d"])
        #expect(SM2().gradeLabels(nil, at: Self.noon, card: "c") == [.again: "1d", .hard: "1d", .good: "1d", .easy: "1d"])
    }

    /// A step past the rollover shows as days, as Anki's `maybe_as_days` does.
    @Test func aStepIntoTomorrowShowsADay() {
        let anki = AnkiScheduler(days: AnkiDays(rolloverHour: 5), fuzz: false)
        let labels = anki.gradeLabels(nil, at: 1_740_804_900, card: "c")   // 04:55, 5 minutes before the rollover
        #expect(labels == [.again: "1m", .hard: "1d", .good: "1d", .easy: "4d"])
    }
}
