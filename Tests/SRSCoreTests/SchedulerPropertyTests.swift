import Foundation
import Testing
@testable import SRSCore

/// No grade sequence at any time can make a scheduler trap, and every interval stays within the
/// maximum (issue 9): random histories over centuries and 10,000 Easy answers in a row.
@Suite struct SchedulerPropertyTests {
    static let schedulers: [any Scheduler] = [
        SM2(), AnkiScheduler(fuzz: true), AnkiScheduler(fuzz: false), FSRSScheduler(fuzz: true), FSRSScheduler(fuzz: false),
    ]

    static func check(_ state: SchedulerState, _ scheduler: any Scheduler, at time: EpochSeconds) {
        let interval = scheduler.intervalDays(of: state) ?? 0
        #expect((0...36_501).contains(interval), "\(scheduler.name): interval \(interval)")
        #expect(scheduler.due(of: state) >= time - 86_400, "\(scheduler.name): due before the answer")
        switch state {
        case let .anki(card):
            #expect(card.easePermille == 0 || card.easePermille >= 1300)
            #expect(card.lapses <= card.reps)
        case let .fsrs(card):
            #expect((1...10).contains(card.difficulty ?? 0))
            #expect((card.stability ?? 0) >= 0.001 && card.stability?.isFinite == true)
        case let .sm2(memory):
            #expect(memory.easiness >= 1.3)
        }
    }

    @Test(arguments: 0..<5)
    func randomHistoriesOverCenturies(which: Int) {
        let scheduler = Self.schedulers[which]
        var generator = SeededGenerator(seed: UInt64(42 + which))
        for card in 0..<60 {
            var time = EpochSeconds.random(in: -2_000_000_000...4_000_000_000, using: &generator)
            var state: SchedulerState?
            for _ in 0..<120 {
                let rating = Int.random(in: scheduler.ratings, using: &generator)
                let next = scheduler.review(state, rating: rating, at: time, card: "c\(card)")
                Self.check(next, scheduler, at: time)
                state = next
                let wait: EpochSeconds
                switch Int.random(in: 0..<4, using: &generator) {
                case 0: wait = EpochSeconds.random(in: 0...3600, using: &generator)               // same day
                case 1: wait = max(scheduler.due(of: next) - time, 0)                              // on time
                case 2: wait = EpochSeconds.random(in: 0...(50 * 365 * 86_400), using: &generator) // decades late
                default: wait = EpochSeconds.random(in: 0...(3 * 86_400), using: &generator)
                }
                time = Saturating.add(time, wait)
            }
        }
    }

    @Test(arguments: 0..<5)
    func tenThousandEasyAnswersInARow(which: Int) {
        let scheduler = Self.schedulers[which]
        var state: SchedulerState?
        var time: EpochSeconds = 1_740_830_400
        var longest = 0
        for _ in 0..<10_000 {
            let next = scheduler.review(state, rating: scheduler.rating(for: .easy), at: time, card: "easy")
            Self.check(next, scheduler, at: time)
            longest = max(longest, scheduler.intervalDays(of: next) ?? 0)
            time = max(time, scheduler.due(of: next))
            state = next
        }
        #expect(longest == 36_500, "\(scheduler.name) never reached the maximum")
        #expect(state?.reps == (scheduler.name == "sm2" ? 10_000 : 10_000))
    }

    @Test func absurdStoredStatesAreAnsweredWithoutATrap() {
        let anki = AnkiScheduler()
        let wild = AnkiCard(kind: .review, queue: .review, remainingSteps: .max, intervalDays: .max, easePermille: .max,
                            due: .day(.min / 2), reps: .max, lapses: .max)
        for grade in Grade.allCases { _ = anki.review(wild, grade: grade, at: .max, card: "x") }
        let fsrs = FSRSScheduler()
        let broken = FSRSCard(state: .review, step: .max, stability: .nan, difficulty: .infinity, due: .min,
                              lastReview: .min, reps: .max, lapses: .max)
        for grade in Grade.allCases { _ = fsrs.review(broken, grade: grade, at: .max, card: "x") }
        // A memory of its own with the extreme last-review times: the elapsed days used to trap.
        for last in [EpochSeconds.min, .max] {
            for state in [FSRSCard.State.learning, .review, .relearning] {
                let card = FSRSCard(state: state, step: 0, stability: 2, difficulty: 5, due: last, lastReview: last, reps: 1, lapses: 0)
                for grade in Grade.allCases {
                    for now in [EpochSeconds.min, 0, .max] {
                        let next = fsrs.review(card, grade: grade, at: now, card: "x")
                        #expect(next.reps == 2)
                        _ = next.intervalDays
                        _ = fsrs.retrievability(card, at: now)
                    }
                }
            }
        }
        let sm2 = Memory(intervalDays: .max, due: .max, easiness: .infinity, repetitions: .max, lapses: .max)
        for quality in 0...5 { _ = SM2().review(sm2, quality: quality, at: .max) }
        _ = SM2.uncapped.review(Memory(intervalDays: .max, due: 0, easiness: 1e300, repetitions: 5, lapses: 0), quality: 5, at: .max)
    }
}
