import Foundation
import Testing
@testable import SRSCore

/// The switch's replay streams the log once, card by card (issue 10, point 4): undone answers
/// are left out however far back their undo reaches, as if they had never been given.
@Suite struct SchedulerSwitchTests {
    let clock = DayClock(timeZone: TimeZone(identifier: "UTC") ?? .current)
    let t0: EpochSeconds = 1_796_032_800 // 2026-11-30T10:00:00Z

    enum Step { case answer(String, Grade, EpochSeconds), undo(EpochSeconds) }

    /// The records one machine writes for `steps`, with classic SM-2, its ids drawn from `prefix`.
    func log(_ steps: [Step], prefix: UInt64) -> [LogRecord] {
        var book = ReviewBook<Int>(cards: [:], reviewer: Reviewer(clock: clock), recordCount: 0, ids: RecordIDs(prefix: prefix))
        var records: [LogRecord] = []
        for step in steps {
            switch step {
            case let .answer(card, grade, at):
                records.append(book.answer(CardID(card), grade: grade, at: at, millis: 0, mark: 0) { _ in })
            case let .undo(at):
                if let undo = book.undo(at: at, appending: { _ in }) { records.append(undo.record) }
            }
        }
        return records
    }

    /// The switch to Anki's SM-2 (no fuzz) of `history`, with today's states from a replay of it.
    func plan(_ history: [LogRecord]) -> SchedulerSwitch.Plan {
        var ids = RecordIDs(prefix: 9)
        let cards = LogMerge.states(history, reviewer: Reviewer(clock: clock))
        return SchedulerSwitch(to: Reviewer(scheduler: AnkiScheduler(fuzz: false), clock: clock))
            .plan(history: history, cards: cards, at: t0 + 86_400, ids: &ids, firstSeq: history.count + 1)
    }

    /// The same log with its undone records and its undos taken out.
    func withoutUndone(_ history: [LogRecord]) -> [LogRecord] {
        var undone = Set<RecordID>()
        for record in history { if case let .undo(target) = record.action { undone.insert(target) } }
        return history.filter { record in
            if case .undo = record.action { return false }
            return !undone.contains(record.id)
        }
    }

    static let scenarios: [(name: String, machines: [[Step]])] = [
        ("one undo of the card's latest answer", [[.answer("c1", .good, 0), .answer("c2", .easy, 10), .answer("c2", .hard, 600), .undo(700)]]),
        ("three undos in a row, across cards", [[.answer("c1", .good, 0), .answer("c1", .hard, 600), .answer("c2", .easy, 700),
                                                 .undo(800), .undo(900), .undo(1_000), .answer("c1", .again, 1_100)]]),
        ("two machines' logs united, an undo behind the other's answer", [
            [.answer("c1", .good, 0), .undo(2_000), .answer("c1", .easy, 3_000)],
            [.answer("c1", .hard, 1_000), .answer("c2", .good, 1_500)]]),
    ]

    @Test(arguments: scenarios.indices)
    func undoneAnswersAreLeftOut(_ index: Int) {
        let machines = Self.scenarios[index].machines
        let united = machines.enumerated()
            .flatMap { m, steps in log(steps.map(shifted), prefix: UInt64(m + 1)) }
            .sorted { ($0.time, $0.id) < ($1.time, $1.id) }
        let expected = plan(withoutUndone(united))
        let got = plan(united)
        #expect(got.records.map(\.after) == expected.records.map(\.after), "\(Self.scenarios[index].name)")
        #expect(got.replayedAnswers == expected.replayedAnswers)
        #expect(got.replayedAnswers == withoutUndone(united).count)
    }

    func shifted(_ step: Step) -> Step {
        switch step {
        case let .answer(card, grade, at): .answer(card, grade, t0 + at)
        case let .undo(at): .undo(t0 + at)
        }
    }

    /// Switched to Anki's SM-2, one answer under it taken back: switching back restores the
    /// classic SM-2 states exactly, as with no answer in between.
    @Test func anAnswerTakenBackDoesNotStopARestore() {
        var history = log([.answer("c1", .good, t0), .answer("c1", .good, t0 + 86_400)], prefix: 1)
        let sm2States = LogMerge.states(history, reviewer: Reviewer(clock: clock))
        let toAnki = plan(history)
        history += toAnki.records
        var book = ReviewBook<Int>(cards: [CardID("c1"): toAnki.records[0].after],
                                   reviewer: Reviewer(scheduler: AnkiScheduler(fuzz: false), clock: clock),
                                   recordCount: history.count, ids: RecordIDs(prefix: 3))
        history.append(book.answer(CardID("c1"), grade: .easy, at: t0 + 2 * 86_400, millis: 0, mark: 0) { _ in })
        if let undo = book.undo(at: t0 + 2 * 86_400 + 5, appending: { _ in }) { history.append(undo.record) }
        var ids = RecordIDs(prefix: 4)
        let back = SchedulerSwitch(to: Reviewer(clock: clock))
            .plan(history: history, cards: book.cards, at: t0 + 3 * 86_400, ids: &ids, firstSeq: history.count + 1)
        #expect(back.restoredCards == 1 && back.replayedAnswers == 0)
        #expect(back.records.first?.after.state == sm2States[CardID("c1")]?.state)
    }
}
