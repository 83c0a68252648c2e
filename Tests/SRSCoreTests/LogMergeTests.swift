import Foundation
import Testing
@testable import SRSCore

/// Two machines of one user write logs; united in either order, they replay into the same states.
@Suite struct LogMergeTests {
    static let clock = DayClock(timeZone: TimeZone(identifier: "UTC") ?? .current)
    /// Every scheduler, with fuzz where it has it (as a learner gets them): Anki's SM-2 is the default.
    static let reviewers = [Reviewer(clock: clock), Reviewer(scheduler: AnkiScheduler(), clock: clock),
                            Reviewer(scheduler: FSRSScheduler(), clock: clock)]
    let t0: EpochSeconds = 1_796_032_800

    /// One machine's session: random answers, buries, suspends and undos on a shared set of
    /// cards, at times of its own (`offset` keeps the two machines' times apart or equal).
    func machine(prefix: UInt64, seed: UInt64, offset: EpochSeconds, reviewer: Reviewer) -> (records: [LogRecord], book: ReviewBook<NoMark>) {
        var random = SeededGenerator(seed: seed)
        var book = ReviewBook<NoMark>(cards: [:], reviewer: reviewer, recordCount: 0, ids: RecordIDs(prefix: prefix))
        var records: [LogRecord] = []
        var time = t0 + offset
        for _ in 0..<120 {
            time += EpochSeconds.random(in: 0...40_000, using: &random)
            let card = CardID("c\(Int.random(in: 0..<12, using: &random))")
            let roll = Int.random(in: 0..<100, using: &random)
            let keep = { (record: LogRecord) in records.append(record) }
            switch roll {
            case ..<70:
                let grade = Grade.allCases[Int.random(in: 0..<4, using: &random)]
                book.answer(card, grade: grade, at: time, millis: roll * 100, practice: roll < 5, mark: NoMark(), appending: keep)
            case ..<78: book.bury(card, at: time, mark: NoMark(), appending: keep)
            case ..<84: book.suspend(card, at: time, mark: NoMark(), appending: keep)
            case ..<88: book.unsuspend(card, at: time, mark: NoMark(), appending: keep)
            default: book.undo(at: time, appending: keep)
            }
        }
        return (records, book)
    }

    @Test(arguments: 0..<25, 0..<3)
    func unitedInEitherOrderTheLogsReplayIntoTheSameStates(seed: Int, scheduler: Int) {
        let reviewer = Self.reviewers[scheduler]
        let a = machine(prefix: 0xA11CE, seed: UInt64(seed), offset: 0, reviewer: reviewer)
        let b = machine(prefix: 0xB0B, seed: UInt64(seed) + 1_000, offset: seed % 2 == 0 ? 0 : 17, reviewer: reviewer)
        // Each log alone replays into what its machine held.
        #expect(LogMerge.states(a.records, reviewer: reviewer) == a.book.cards)
        #expect(LogMerge.states(b.records, reviewer: reviewer) == b.book.cards)
        let ab = LogMerge.union(a.records, b.records), ba = LogMerge.union(b.records, a.records)
        #expect(ab == ba)
        #expect(ab.count == a.records.count + b.records.count)
        // Uniting again changes nothing (a log already merged once).
        #expect(LogMerge.union(ab, b.records) == ab)
        let states = LogMerge.states(ab, reviewer: reviewer)
        #expect(states == LogMerge.states(ba, reviewer: reviewer))
        #expect(!states.isEmpty)
        #expect(states.values.contains { $0.state != nil })
    }
}
