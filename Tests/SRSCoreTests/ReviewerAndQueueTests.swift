import Foundation
import Testing
@testable import SRSCore

@Suite struct ReviewerTests {
    let clock = DayClock(timeZone: TimeZone(identifier: "UTC")!)
    let morning: EpochSeconds = ISOTime.parse("2026-11-29T09:00:00Z") ?? 0

    @Test func gradesMapOntoSM2Qualities() {
        #expect(Grade.allCases.map(\.quality) == [2, 3, 4, 5])
        #expect(Grade.allCases.map(\.needsSameDayRepeat) == [true, true, false, false])
    }

    @Test func aFailedCardRepeatsTheSameDayWithoutChangingEasinessAgain() {
        let reviewer = Reviewer(clock: clock)
        let learned = reviewer.answer(nil, grade: .good, at: morning - 6 * 86_400)
        let failed = reviewer.answer(learned, grade: .again, at: morning)
        #expect(failed.repeatPending)
        #expect(failed.memory?.lapses == 1)
        #expect(failed.memory?.intervalDays == 1)
        let easiness = failed.memory?.easiness
        #expect(reviewer.kind(of: failed, at: morning + 60) == .repeat)
        let stillHard = reviewer.answer(failed, grade: .hard, at: morning + 60)
        #expect(stillHard.repeatPending)
        #expect(stillHard.memory == failed.memory)
        let passed = reviewer.answer(stillHard, grade: .good, at: morning + 120)
        #expect(!passed.repeatPending)
        #expect(passed.memory?.easiness == easiness)
        #expect(passed.memory == failed.memory)
        #expect(passed.lastReview == morning + 120)
    }

    @Test func aPendingRepeatExpiresWithTheDay() {
        let reviewer = Reviewer(clock: clock)
        let failed = reviewer.answer(nil, grade: .again, at: morning)
        #expect(reviewer.kind(of: failed, at: morning + 18 * 3600) == .repeat) // 03:00: the same study day
        let nextDay = morning + 20 * 3600 // 05:00 the next day
        #expect(reviewer.kind(of: failed, at: nextDay) == .review)
        let again = reviewer.answer(failed, grade: .good, at: nextDay)
        #expect(again.memory?.repetitions == 1)
    }

    @Test func hardPassesButComesBackToday() {
        let reviewer = Reviewer(clock: clock)
        let hard = reviewer.answer(nil, grade: .hard, at: morning)
        #expect(hard.memory?.lapses == 0)
        #expect(hard.memory?.repetitions == 1)
        #expect(hard.repeatPending)
    }

    @Test func practiceChangesNothing() {
        let reviewer = Reviewer(clock: clock)
        let learned = reviewer.answer(nil, grade: .good, at: morning)
        #expect(reviewer.answer(learned, grade: .again, at: morning + 100, practice: true) == learned)
    }

    @Test func outcomesAreWhatAnswerApplies() {
        let reviewer = Reviewer(clock: clock)
        let learned = reviewer.answer(reviewer.answer(nil, grade: .good, at: morning - 86_400), grade: .good, at: morning - 60)
        let outcomes = reviewer.outcomes(learned, at: morning + 6 * 86_400)
        #expect(outcomes[.again]?.memory?.intervalDays == 1)
        #expect(outcomes[.good]?.memory?.intervalDays == 15)
        for grade in Grade.allCases {
            #expect(outcomes[grade] == reviewer.answer(learned, grade: grade, at: morning + 6 * 86_400))
        }
    }
}

@Suite struct DailyQueueTests {
    let clock = DayClock(timeZone: TimeZone(identifier: "UTC")!)
    let now: EpochSeconds = ISOTime.parse("2026-11-29T09:00:00Z") ?? 0
    let dayStart: EpochSeconds = ISOTime.parse("2026-11-29T04:00:00Z") ?? 0

    func reviewed(due: EpochSeconds, last: EpochSeconds, first: EpochSeconds? = nil, repeatPending: Bool = false) -> CardProgress {
        CardProgress(memory: Memory(intervalDays: 3, due: due, easiness: 2.5, repetitions: 2, lapses: 0),
                     firstReview: first ?? last - 86_400, lastReview: last, repeatPending: repeatPending)
    }

    @Test func repeatsThenMostOverdueReviewsThenNewCards() {
        let ids = (1...8).map { CardID("c\($0)") }
        let progress: CardTable = [
            ids[0]: reviewed(due: now + 86_400, last: now - 3600, repeatPending: true),     // repeat today
            ids[1]: reviewed(due: now - 86_400, last: now - 5 * 86_400),                    // overdue 1 day
            ids[2]: reviewed(due: now - 9 * 86_400, last: now - 20 * 86_400),               // overdue 9 days
            ids[3]: reviewed(due: dayStart + 23 * 3600, last: now - 3 * 86_400),            // due later today (03:00 tomorrow)
            ids[4]: reviewed(due: dayStart + 24 * 3600, last: now - 3 * 86_400),            // due tomorrow
            ids[5]: CardProgress(suspended: true),
        ]
        let queue = DailyQueue.build(cards: ids, progress: progress, limits: QueueLimits(), clock: clock, now: now)
        #expect(queue.repeats == [ids[0]])
        #expect(queue.reviews == [ids[2], ids[1], ids[3]])
        #expect(queue.new == [ids[6], ids[7]])
    }

    @Test func limitsCountWhatWasStudiedToday() {
        let ids = (0..<30).map { CardID(String(format: "n%02d", $0)) }
        var progress: CardTable = [:]
        for id in ids.prefix(5) { progress[id] = reviewed(due: now + 86_400, last: now - 60, first: now - 60) }
        let queue = DailyQueue.build(cards: ids, progress: progress, limits: QueueLimits(newPerDay: 20, maxReviewsPerDay: 200), clock: clock, now: now)
        #expect(queue.new == Array(ids[5..<20]))
        let none = DailyQueue.build(cards: ids, progress: progress, limits: QueueLimits(newPerDay: 3), clock: clock, now: now)
        #expect(none.new.isEmpty)
    }

    @Test func reviewsAreCappedMostOverdueFirst() {
        let ids = (0..<10).map { CardID("r\($0)") }
        var progress: CardTable = [:]
        for (i, id) in ids.enumerated() { progress[id] = reviewed(due: now - EpochSeconds(i) * 86_400, last: now - 30 * 86_400) }
        let queue = DailyQueue.build(cards: ids, progress: progress, limits: QueueLimits(maxReviewsPerDay: 3), clock: clock, now: now)
        #expect(queue.reviews == [ids[9], ids[8], ids[7]])
    }

    @Test func buriedCardsWaitUntilTomorrow() {
        let id = CardID("b")
        var p = reviewed(due: now - 86_400, last: now - 3 * 86_400)
        p.buriedUntil = clock.nextDayStart(after: now)
        let today = DailyQueue.build(cards: [id], progress: [id: p], limits: QueueLimits(), clock: clock, now: now)
        #expect(today.isEmpty)
        let tomorrow = DailyQueue.build(cards: [id], progress: [id: p], limits: QueueLimits(), clock: clock, now: now + 86_400)
        #expect(tomorrow.reviews == [id])
    }

    /// A large collection is scanned in two halves on two threads: the queue must be exactly the
    /// one a single scan gives, limits, order and counts of what was studied today included.
    @Test(arguments: [(20, 200), (5, 3), (1_000, 100_000)])
    func twoHalvesGiveTheSameQueueAsOneScan(newPerDay: Int, maxReviews: Int) {
        var random = SeededGenerator(seed: 42)
        let ids = (0..<30_001).map { CardID(String(format: "c%06d", $0)) }
        var progress: CardTable = [:]
        for id in ids where Int.random(in: 0..<10, using: &random) < 8 {
            let last = now - EpochSeconds.random(in: 0...(40 * 86_400), using: &random)
            var p = reviewed(due: now + EpochSeconds.random(in: -(30 * 86_400)...(30 * 86_400), using: &random),
                             last: last, first: Int.random(in: 0..<2_000, using: &random) == 0 ? last : last - 86_400,
                             repeatPending: Int.random(in: 0..<20, using: &random) == 0)
            p.suspended = Int.random(in: 0..<50, using: &random) == 0
            progress[id] = p
        }
        let limits = QueueLimits(newPerDay: newPerDay, maxReviewsPerDay: maxReviews)
        let parallel = DailyQueue.build(cards: ids, progress: progress, limits: limits, clock: clock, now: now, threshold: 2)
        let single = DailyQueue.build(cards: ids, progress: progress, limits: limits, clock: clock, now: now, threshold: .max)
        #expect(parallel == single)
        if maxReviews >= 200 { #expect(!single.reviews.isEmpty && !single.repeats.isEmpty && !single.new.isEmpty) }
    }

    /// The reviews are selected, not all sorted: against the definition they replaced (every
    /// due review sorted by due time and id, the first the limit leaves room for kept) on random
    /// collections whose reviews mostly fall due at a day's start (as Anki's do), with learning
    /// cards whose due times the queue hands on; one scan and two merged halves alike.
    @Test(arguments: 0..<20)
    func reviewsAreTheFirstOfAllDueReviewsSorted(seed: Int) {
        var random = SeededGenerator(seed: UInt64(seed))
        let count = Int.random(in: 1...3_000, using: &random)
        var ids: [CardID] = []
        for _ in 0..<count { ids.append(CardID("k\(Int.random(in: 0..<1_000_000, using: &random))")) }
        var progress: CardTable = [:]
        for id in ids where Int.random(in: 0..<10, using: &random) < 9 {
            let day = dayStart - EpochSeconds.random(in: 0...5, using: &random) * 86_400
            if Int.random(in: 0..<8, using: &random) == 0 {
                let due = now + EpochSeconds.random(in: -3_600...3_600, using: &random)
                let card = AnkiCard(kind: .relearning, queue: .learn, remainingSteps: 1, intervalDays: 1,
                                    easePermille: 2500, due: .time(due), reps: 3, lapses: 1)
                progress[id] = CardProgress(state: .anki(card), due: due, firstReview: day - 86_400, lastReview: now - 600)
            } else {
                progress[id] = reviewed(due: Int.random(in: 0..<4, using: &random) == 0 ? day + 3_600 : day, last: day - 9 * 86_400)
            }
        }
        let limits = QueueLimits(maxReviewsPerDay: Int.random(in: 0...800, using: &random))
        let queue = DailyQueue.build(cards: ids, progress: progress, limits: limits, clock: clock, now: now)
        var due: [(CardID, EpochSeconds)] = []
        var answeredToday = 0 // the learning cards' steps today count against the review limit
        for id in ids {
            guard let p = progress[id] else { continue }
            if DailyQueue.studiedToday(p, start: dayStart) == .review { answeredToday += 1 }
            if TodaySlot.of(p, start: dayStart, end: dayStart + 86_400, now: now) == .review { due.append((id, p.due)) }
        }
        due.sort { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
        let expected: [CardID] = due.prefix(max(0, limits.maxReviewsPerDay - answeredToday)).map { $0.0 }
        #expect(queue.reviews == expected)
        #expect(queue.learningDue == queue.learning.map { progress[$0]?.due ?? -1 })
        // In two halves (each ordered, then merged), as on a large collection.
        #expect(DailyQueue.build(cards: ids, progress: progress, limits: limits, clock: clock, now: now, threshold: 2) == queue)
        #expect(!queue.learning.isEmpty || ids.count < 50)
    }

    @Test func aCardIsDueForTheWholeStudyDayInItsZone() {
        // Due at 23:30 local in New York = 04:30Z next day; the New York study day is still open.
        let ny = DayClock(timeZone: TimeZone(identifier: "America/New_York")!)
        let id = CardID("z")
        let due = ISOTime.parse("2026-11-30T04:30:00Z") ?? 0
        let progress: CardTable = [id: reviewed(due: due, last: due - 6 * 86_400)]
        let morningNY = ISOTime.parse("2026-11-29T14:00:00Z") ?? 0 // 09:00 in New York
        #expect(DailyQueue.build(cards: [id], progress: progress, limits: QueueLimits(), clock: ny, now: morningNY).reviews == [id])
        #expect(DailyQueue.build(cards: [id], progress: progress, limits: QueueLimits(), clock: clock, now: morningNY).reviews.isEmpty)
    }
}
