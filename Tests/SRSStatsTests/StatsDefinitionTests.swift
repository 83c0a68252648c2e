import Foundation
import Testing
import SRSCore
@testable import SRSStats

/// A tiny world for pinning one definition at a time: UTC, day rollover at 04:00,
/// now = 2026-03-20 12:00Z (study day 2026-03-20).
struct StatsWorld {
    static let utc = TimeZone(identifier: "UTC") ?? .current
    var clock = DayClock(timeZone: StatsWorld.utc, rolloverHour: 4)
    var now: EpochSeconds = StatsWorld.at(2026, 3, 20, 12)
    var decks: [DeckCards] = []
    var progress: CardTable = [:]
    var history = ReviewHistory()

    static func at(_ y: Int, _ m: Int, _ d: Int, _ h: Int, _ min: Int = 0) -> EpochSeconds {
        ISOTime.days(fromCivil: EpochSeconds(y), EpochSeconds(m), EpochSeconds(d)) * secondsPerDay
            + EpochSeconds(h * 3600 + min * 60)
    }

    /// Logs an answer of `card` (by name) with the interval it had before.
    mutating func answer(_ card: String, at time: EpochSeconds, grade: Grade = .good, kind: ReviewKind = .review,
                         intervalBefore: Int32 = 5, millis: Int32 = 1000) {
        let id = CardID(card)
        let index = history.cardIDs.firstIndex(of: id).map(Int32.init) ?? Int32(history.cardIDs.count)
        if index == history.cardIDs.count { history.cardIDs.append(id) }
        history.events.append(ReviewEvent(time: time, card: index, grade: grade, kind: kind,
                                          intervalBefore: intervalBefore, intervalAfter: intervalBefore &* 2,
                                          answerMillis: millis))
    }

    /// A reviewed card with `interval` days, due at `due`.
    mutating func card(_ name: String, interval: Int = 5, due: EpochSeconds, lastReview: EpochSeconds? = nil,
                       change: (inout CardProgress) -> Void = { _ in }) {
        var p = CardProgress(memory: Memory(intervalDays: interval, due: due, easiness: 2.5, repetitions: 2, lapses: 0),
                             firstReview: StatsWorld.at(2026, 1, 1, 12),
                             lastReview: lastReview ?? due - EpochSeconds(interval) * secondsPerDay)
        change(&p)
        progress[CardID(name)] = p
    }

    func report(days: Int = 30, onlyDeck: Int? = nil, limits: QueueLimits = QueueLimits()) -> StatsReport {
        StatsReport.compute(StatsInput(decks: decks, progress: progress, history: history, clock: clock, now: now,
                                       historyDays: days, onlyDeck: onlyDeck, limits: limits))
    }
}

@Suite struct StatsRetentionTests {
    @Test func onlyACardsFirstAnswerOfTheDayCounts() {
        var w = StatsWorld()
        w.answer("a", at: StatsWorld.at(2026, 3, 19, 9), grade: .again)
        w.answer("a", at: StatsWorld.at(2026, 3, 19, 9, 5), grade: .good, kind: .repeat)
        w.answer("a", at: StatsWorld.at(2026, 3, 19, 20), grade: .good)
        let all = w.report().retention[0].all
        #expect(all == PassFail(passed: 0, failed: 1))
    }

    @Test func theFirstAnswerAfterTheRolloverStartsANewDay() {
        var w = StatsWorld()
        w.answer("a", at: StatsWorld.at(2026, 3, 19, 9), grade: .again)
        w.answer("a", at: StatsWorld.at(2026, 3, 20, 3, 59), grade: .good)  // still 19 March's study day
        w.answer("a", at: StatsWorld.at(2026, 3, 20, 4, 0), grade: .good)   // 20 March's first
        #expect(w.report().retention[0].all == PassFail(passed: 1, failed: 1))
    }

    @Test func intervalsUnderADayAreLeftOut() {
        var w = StatsWorld()
        w.answer("new", at: StatsWorld.at(2026, 3, 19, 9), grade: .again, kind: .learn, intervalBefore: 0)
        w.answer("old", at: StatsWorld.at(2026, 3, 19, 9), grade: .good, intervalBefore: 1)
        #expect(w.report().retention[0].all == PassFail(passed: 1, failed: 0))
    }

    @Test(arguments: [(Grade.again, false), (.hard, true), (.good, true), (.easy, true)])
    func againIsTheOnlyFailure(grade: Grade, passes: Bool) {
        var w = StatsWorld()
        w.answer("a", at: StatsWorld.at(2026, 3, 19, 9), grade: grade)
        #expect(w.report().retention[0].all == PassFail(passed: passes ? 1 : 0, failed: passes ? 0 : 1))
    }

    @Test func matureMeansAnIntervalOf21DaysOrMoreBeforeTheAnswer() {
        var w = StatsWorld()
        w.answer("young", at: StatsWorld.at(2026, 3, 19, 9), intervalBefore: 20)
        w.answer("mature", at: StatsWorld.at(2026, 3, 19, 9), grade: .again, intervalBefore: 21)
        let window = w.report().retention[0]
        #expect(window.young == PassFail(passed: 1, failed: 0))
        #expect(window.mature == PassFail(passed: 0, failed: 1))
        #expect(window.all == PassFail(passed: 1, failed: 1))
    }

    @Test func windowsAreWholeStudyDaysEndingToday() {
        var w = StatsWorld()
        w.answer("six", at: StatsWorld.at(2026, 3, 14, 4))        // 6 days before today: in the last 7
        w.answer("seven", at: StatsWorld.at(2026, 3, 14, 3, 59))  // 13 March's study day: not
        w.answer("year", at: StatsWorld.at(2025, 3, 21, 5))       // 364 days before: in the last 365
        w.answer("older", at: StatsWorld.at(2025, 3, 21, 3))
        let r = w.report().retention
        #expect(r.map(\.days) == [7, 30, 365])
        #expect(r.map(\.all.total) == [1, 2, 3])
    }

    @Test func practiceDoesNotCountAndDoesNotHideTheDaysFirstReview() {
        var w = StatsWorld()
        w.answer("a", at: StatsWorld.at(2026, 3, 19, 9), grade: .again, kind: .practice)
        w.answer("a", at: StatsWorld.at(2026, 3, 19, 10), grade: .good)
        let report = w.report()
        #expect(report.retention[0].all == PassFail(passed: 1, failed: 0))
        #expect(report.history.perDay.last(where: { $0 > 0 }) == 2)
    }

    @Test func answersAfterNowAreIgnored() {
        var w = StatsWorld()
        w.answer("a", at: StatsWorld.at(2026, 3, 20, 11))
        w.answer("a", at: StatsWorld.at(2026, 3, 20, 13))
        let report = w.report()
        #expect(report.today.answers == 1)
        #expect(report.history.totalAnswers == 1)
    }
}

@Suite struct StatsHistoryTests {
    static func world(studied daysAgo: [Int]) -> StatsWorld {
        var w = StatsWorld()
        for ago in daysAgo.sorted(by: >) { w.answer("a\(ago)", at: StatsWorld.at(2026, 3, 20 - ago, 10)) }
        return w
    }

    @Test func theCurrentStreakEndsTodayOrWhileTodayIsOpenYesterday() {
        #expect(Self.world(studied: [0, 1, 2, 4]).report().history.currentStreak == 3)
        #expect(Self.world(studied: [1, 2, 4]).report().history.currentStreak == 2)
        #expect(Self.world(studied: [2, 3]).report().history.currentStreak == 0)
        #expect(Self.world(studied: []).report().history.currentStreak == 0)
    }

    @Test func theLongestStreakIsTheLongestRunOfStudiedDays() {
        #expect(Self.world(studied: [0, 5, 6, 7, 8, 10, 11]).report().history.longestStreak == 4)
    }

    @Test func theLongestStreakLooksBeyondTheShownPeriod() {
        let w = Self.world(studied: Array(100...111) + [0])
        #expect(w.report(days: 7).history.longestStreak == 12)
    }

    @Test func perDayCountsEveryAnswerAndDaysStudiedCountsDaysWithOne() {
        var w = StatsWorld()
        w.answer("a", at: StatsWorld.at(2026, 3, 18, 9), grade: .again)
        w.answer("a", at: StatsWorld.at(2026, 3, 18, 9, 1), kind: .repeat)
        w.answer("b", at: StatsWorld.at(2026, 3, 20, 9), kind: .practice)
        let h = w.report(days: 7).history
        #expect(h.perDay == [0, 0, 0, 0, 2, 0, 1])
        #expect(h.perDayNames.last == "2026-03-20")
        #expect(h.daysStudied == 2)
        #expect(h.averagePerStudiedDay == 1.5)
    }

    @Test func theCalendarIsWholeWeeksFromMondayEndingWithThisWeek() {
        let h = Self.world(studied: [0]).report().history
        #expect(h.calendar.count == 26 * 7)
        #expect(CivilDate(h.calendarStart)?.weekdayFromMonday == 0)
        // 2026-03-20 is a Friday: Saturday and Sunday of this week are still to come.
        #expect(Array(h.calendar.suffix(3)) == [1, nil, nil])
    }

    @Test func daysFollowTheClocksAcrossADaylightSavingChange() {
        // New York springs forward on 2026-03-08: that study day lasts 23 hours.
        var w = StatsWorld()
        w.clock = DayClock(timeZone: TimeZone(identifier: "America/New_York") ?? .current, rolloverHour: 4)
        w.now = StatsFixtures.time(2026, 3, 10, 12, zone: w.clock.timeZone)
        let local = { (d: Int, h: Int, m: Int) in StatsFixtures.time(2026, 3, d, h, m, zone: w.clock.timeZone) }
        w.answer("a", at: local(8, 3, 59))   // 7 March's study day
        w.answer("b", at: local(8, 4, 0))    // 8 March's
        w.answer("c", at: local(9, 3, 59))   // still 8 March's: its day ran 23 hours
        w.answer("d", at: local(9, 4, 0))    // 9 March's
        let h = w.report(days: 4).history
        #expect(h.perDayNames == ["2026-03-07", "2026-03-08", "2026-03-09", "2026-03-10"])
        #expect(h.perDay == [1, 2, 1, 0])
    }

    @Test func todaySumsTheDaysAnswers() {
        var w = StatsWorld()
        w.answer("a", at: StatsWorld.at(2026, 3, 20, 3), millis: 999)  // yesterday's study day
        w.answer("a", at: StatsWorld.at(2026, 3, 20, 9), grade: .again, millis: 4000)
        w.answer("a", at: StatsWorld.at(2026, 3, 20, 9, 1), kind: .repeat, millis: 2000)
        w.answer("b", at: StatsWorld.at(2026, 3, 20, 9, 2), kind: .learn, intervalBefore: 0, millis: 3000)
        let t = w.report().today
        #expect((t.answers, t.cards, t.milliseconds, t.again) == (3, 2, 9000, 1))
        #expect((t.learn, t.review, t.repeat, t.practice) == (1, 1, 1, 0))
        #expect(t.correctShare == 2.0 / 3.0)
    }
}
