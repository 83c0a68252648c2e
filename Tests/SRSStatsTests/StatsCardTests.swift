import Foundation
import Testing
import SRSCore
@testable import SRSStats

@Suite struct StatsCardTests {
    static let noon = StatsWorld.at(2026, 3, 20, 12)
    static let tomorrowStart = StatsWorld.at(2026, 3, 21, 4)

    @Test func eachCardIsInOneGroupCheckedInOrder() {
        var w = StatsWorld()
        w.decks = [DeckCards(name: "D", cards: ["n1", "n2", "s", "b", "l", "y", "m"].map(CardID.init))]
        w.card("s", due: Self.noon) { $0.suspended = true; $0.buriedUntil = Self.tomorrowStart }
        w.card("b", due: Self.noon) { $0.buriedUntil = Self.tomorrowStart; $0.repeatPending = true }
        w.card("l", interval: 30, due: Self.noon, lastReview: Self.noon - 60) { $0.repeatPending = true }
        w.card("y", interval: 20, due: Self.noon)
        w.card("m", interval: 21, due: Self.noon)
        w.progress[CardID("n2")] = CardProgress(suspended: false)  // progress but never answered: new
        let c = w.report().cards
        let groups: [Int] = [c.new, c.learning, c.young, c.mature, c.suspended, c.buried, c.total]
        #expect(groups == [2, 1, 1, 1, 1, 1, 7])
    }

    @Test func aRepeatFromAnEarlierDayIsNoLongerLearning() {
        var w = StatsWorld()
        w.card("old", interval: 1, due: Self.noon, lastReview: StatsWorld.at(2026, 3, 19, 12)) { $0.repeatPending = true }
        #expect(w.report().cards.learning == 0)
        #expect(w.report().cards.young == 1)
    }

    @Test func aReviewIsDueForTheWholeStudyDayItsDueTimeFallsOn() {
        var w = StatsWorld()
        w.card("overdue", due: StatsWorld.at(2026, 3, 1, 9))
        w.card("this morning", due: StatsWorld.at(2026, 3, 20, 5))
        w.card("tonight", due: StatsWorld.at(2026, 3, 21, 3, 59))
        w.card("repeat", due: StatsWorld.at(2026, 3, 25, 9), lastReview: Self.noon - 60) { $0.repeatPending = true }
        w.card("tomorrow", due: Self.tomorrowStart)
        w.card("suspended", due: Self.noon) { $0.suspended = true }
        let d = w.report().due
        #expect((d.now, d.laterToday, d.tomorrow) == (4, 0, 1))
        #expect(d.forecast.prefix(2) == [4, 1])
    }

    /// Issue 10, point 7: 250 reviews due with a 200-review limit: 50 are held back, shown apart
    /// and not counted as due tomorrow (as the end of the review says it).
    @Test func reviewsHeldBackByTodaysLimitAreNotDueTomorrow() {
        var w = StatsWorld()
        for i in 0..<200 { w.card("done\(i)", interval: 6, due: StatsWorld.at(2026, 3, 26, 9), lastReview: Self.noon - 60) }
        for i in 0..<50 { w.card("due\(i)", due: StatsWorld.at(2026, 3, 18, 9)) }
        for i in 0..<20 { w.card("tomorrow\(i)", due: StatsWorld.at(2026, 3, 21, 9)) }
        let d = w.report(limits: QueueLimits(maxReviewsPerDay: 200)).due
        #expect((d.now, d.tomorrow, d.heldBack) == (50, 20, 50))
        #expect(w.report(limits: QueueLimits(maxReviewsPerDay: 230)).due.heldBack == 20)
        #expect(w.report(limits: QueueLimits(maxReviewsPerDay: 250)).due.heldBack == 0)
        let text = StatsText.render(w.report(limits: QueueLimits(maxReviewsPerDay: 200)), user: "ana", style: TextStyle(width: 120, color: false))
        #expect(text.contains("now 50 · later today 0 · tomorrow 20 · held back by today's limit 50 · next 7 days 270"), "\(text)")
    }

    /// Issue 10, point 7: Anki's and FSRS's (re)learning cards count as learning, a step due
    /// now is due now, one due later today later today.
    @Test func learningStepsOfAnkiAndFSRSCountAsLearning() {
        var w = StatsWorld()
        let anki = AnkiScheduler(fuzz: false), fsrs = FSRSScheduler(fuzz: false)
        let steps: [(String, any Scheduler, EpochSeconds)] = [("anki-due", anki, Self.noon - 600), ("anki-later", anki, Self.noon - 60),
                                                               ("fsrs-due", fsrs, Self.noon - 600)]
        for (name, scheduler, at) in steps {
            let state = scheduler.review(nil, rating: 3, at: at, card: name)  // Good: the 10-minute step
            w.progress[CardID(name)] = CardProgress(state: state, due: scheduler.due(of: state), firstReview: at, lastReview: at)
        }
        let r = w.report()
        #expect((r.cards.learning, r.cards.young, r.due.now, r.due.laterToday, r.due.tomorrow) == (3, 0, 2, 1, 0))
    }

    @Test func buriedCardsWaitForTheirBurialToEnd() {
        var w = StatsWorld()
        w.card("until tonight", due: Self.noon) { $0.buriedUntil = StatsWorld.at(2026, 3, 20, 18) }
        w.card("until tomorrow", due: Self.noon) { $0.buriedUntil = Self.tomorrowStart }
        let d = w.report().due
        #expect((d.now, d.laterToday, d.tomorrow) == (0, 1, 1))
    }

    @Test func aReviewAnsweredTodayIsNotDueAgainToday() {
        var w = StatsWorld()
        w.card("done", interval: 1, due: StatsWorld.at(2026, 3, 21, 1), lastReview: StatsWorld.at(2026, 3, 20, 5))
        let d = w.report().due
        #expect((d.now, d.tomorrow) == (0, 1))
    }

    @Test func theNextSevenAndThirtyDaysIncludeToday() {
        var w = StatsWorld()
        for day in 0..<40 { w.card("c\(day)", due: StatsWorld.at(2026, 3, 20, 12) + EpochSeconds(day) * secondsPerDay) }
        let d = w.report().due
        #expect((d.next7Days, d.next30Days) == (7, 30))
        #expect(d.forecast == Array(repeating: 1, count: 30))
        #expect(d.forecastDays.first == "2026-03-20")
        #expect(d.forecastDays.last == "2026-04-18")
    }

    @Test func intervalAndEasinessHistograms() {
        var w = StatsWorld()
        for (i, (interval, ease)) in [(1, 1.3), (3, 2.36), (7, 2.5), (400, 2.7), (30, 2.4999999)].enumerated() {
            w.card("c\(i)", interval: interval, due: Self.noon + secondsPerDay) { $0.memory?.easiness = ease }
        }
        let r = w.report()
        #expect(r.intervals.buckets.map(\.count) == [1, 1, 1, 0, 1, 0, 0, 0, 1])
        #expect(r.intervals.average == 441.0 / 5)
        #expect(r.easiness.buckets.map(\.count) == [1, 0, 0, 0, 0, 1, 2, 1])
    }

    @Test func absurdTimesAndIntervalsDoNotBreakTheFigures() {
        var w = StatsWorld()
        w.card("huge", interval: Int.max, due: EpochSeconds.max, lastReview: Self.noon - 60)
        w.card("ancient", interval: 3, due: EpochSeconds.min + 1, lastReview: 0)
        w.answer("huge", at: EpochSeconds.min, intervalBefore: Int32.max)
        w.answer("huge", at: StatsWorld.at(2026, 3, 20, 9), intervalBefore: -5)
        let r = w.report()
        #expect(r.cards.total == 2)
        #expect(r.due.now == 1)
        #expect(r.history.totalAnswers == 2)
        #expect(r.intervals.buckets.last?.count == 1)
    }

    @Test func aDeckCountsItsCardsAndOnlyItsEvents() {
        var w = StatsWorld()
        w.decks = [DeckCards(name: "A", cards: [CardID("a1"), CardID("a2"), CardID("shared")]),
                   DeckCards(name: "B", cards: [CardID("b1"), CardID("shared")])]
        w.card("a1", interval: 30, due: Self.noon)
        w.card("b1", due: Self.noon)
        w.card("lost", due: Self.noon)
        w.answer("a1", at: StatsWorld.at(2026, 3, 19, 9), grade: .again)
        w.answer("b1", at: StatsWorld.at(2026, 3, 19, 9))
        let all = w.report()
        #expect(all.cards.total == 5)  // a1, a2, shared (in A, its first deck), b1, lost (in no deck)
        #expect(all.decks.map(\.name) == ["A", "B", DeckRow.otherName])
        #expect(all.decks.map(\.cards) == [3, 1, 1])
        #expect(all.decks.map(\.due) == [1, 1, 1])
        #expect(all.decks[0].retention == PassFail(passed: 0, failed: 1))
        #expect(all.decks[0].matureShare == 1.0 / 3)
        let b = w.report(onlyDeck: 1)
        #expect(b.deck == "B")
        #expect(b.cards.total == 1)
        #expect(b.history.totalAnswers == 1)
        #expect(b.retention[0].all == PassFail(passed: 1, failed: 0))
        #expect(b.decks.map(\.name) == ["B"])
    }

    @Test func anEmptyDeckHasARowWithoutShares() {
        var w = StatsWorld()
        w.decks = [DeckCards(name: "Empty", cards: [])]
        let r = w.report(onlyDeck: 0)
        #expect(r.hasNoReviews)
        #expect(r.decks.first?.matureShare == nil)
        #expect(r.decks.first?.retention.rate == nil)
    }
}

@Suite struct StatsAsOfTests {
    static let berlin = DayClock(timeZone: TimeZone(identifier: "Europe/Berlin") ?? .current)

    @Test func aDateIsTheLastSecondOfThatStudyDay() {
        // 29 March 2026 lasts 23 hours in Berlin; its study day ends at 04:00 CEST on the 30th (02:00Z).
        #expect(StatsAsOf.parse("2026-03-29", clock: Self.berlin) == ISOTime.parse("2026-03-30T01:59:59Z"))
        let tokyo = DayClock(timeZone: TimeZone(identifier: "Asia/Tokyo") ?? .current, rolloverHour: 0)
        #expect(StatsAsOf.parse("2026-01-01", clock: tokyo) == ISOTime.parse("2026-01-01T14:59:59Z"))
    }

    @Test func anISOTimeIsThatMoment() {
        #expect(StatsAsOf.parse("2026-04-01T14:30:00+02:00", clock: Self.berlin) == ISOTime.parse("2026-04-01T12:30:00Z"))
    }

    @Test(arguments: ["", "yesterday", "2026-13-01", "2026-02-30", "2026-4-1", "2026-04-01T14:30"])
    func anythingElseIsRefused(text: String) {
        #expect(StatsAsOf.parse(text, clock: Self.berlin) == nil)
    }
}

@Suite struct StatsDeckMembershipTests {
    @Test func everyCardFindsItsFirstDeckAndOthersFindNone() {
        let decks = (0..<3).map { d in DeckCards(name: "d\(d)", cards: (0..<5_000).map { CardID("card-\($0 * 3 + d)") }) }
            + [DeckCards(name: "again", cards: [CardID("card-0"), CardID("card-7"), CardID("only-here")])]
        let members = DeckMembership(decks)
        #expect(members.cardCounts == [5_000, 5_000, 5_000, 1, 0])
        #expect((0..<15_000).allSatisfy { members.deck(of: CardID("card-\($0)")) == Int32($0 % 3) })
        #expect(members.deck(of: CardID("only-here")) == 3)
        #expect(members.deck(of: CardID("card-15000")) == members.other)
        #expect(members.deck(of: CardID("")) == members.other)
        #expect(DeckMembership([]).deck(of: CardID("x")) == 0)
    }

    @Test func idsWhoseHashesCollideAreToldApartByTheIdsThemselves() {
        let decks = [DeckCards(name: "a", cards: [CardID("x"), CardID("y")]), DeckCards(name: "b", cards: [CardID("z"), CardID("x")])]
        let members = DeckMembership(decks, hash: { _ in 42 })
        #expect(members.cardCounts == [2, 1, 0])
        #expect([members.deck(of: CardID("x")), members.deck(of: CardID("y")), members.deck(of: CardID("z"))] == [0, 0, 1])
        #expect(members.deck(of: CardID("w")) == members.other)
    }
}
