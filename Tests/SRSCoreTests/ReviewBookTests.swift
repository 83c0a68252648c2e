import Foundation
import Testing
@testable import SRSCore

@Suite struct ReviewBookTests {
    let clock = DayClock(timeZone: TimeZone(identifier: "UTC") ?? .current)
    let t0: EpochSeconds = 1_796_032_800 // 2026-11-30T10:00:00Z
    struct DiskFull: Error {}

    func book(_ cards: CardTable = [:], records: Int = 0) -> ReviewBook<Int> {
        ReviewBook(cards: cards, reviewer: Reviewer(clock: clock), recordCount: records, ids: RecordIDs(prefix: 0xab))
    }

    @Test func eachChangeIsOneRecordNumberedAfterTheLog() {
        var b = book(records: 41)
        let a = CardID("a")
        let answer = b.answer(a, grade: .good, at: t0, millis: 2_300, mark: 0) { _ in }
        #expect(answer.seq == 42 && answer.scheduler == "sm2")
        #expect(answer.action == .answer(grade: .good, kind: .learn, answerMillis: 2_300))
        #expect(b[a] == answer.after && answer.after.memory?.intervalDays == 1)
        let bury = b.bury(a, at: t0 + 5, mark: 1) { _ in }
        #expect(bury.seq == 43 && bury.after.buriedUntil == 1_796_097_600)
        let suspend = b.suspend(a, at: t0 + 6, mark: 2) { _ in }
        #expect(suspend.after.suspended && b.recordCount == 44)
    }

    @Test func oneUndoStackTakesBackInOrderAndNamesTheRecord() {
        var b = book()
        let a = CardID("a"), c = CardID("c")
        let first = b.answer(a, grade: .good, at: t0, millis: 0, mark: 10) { _ in }
        let second = b.answer(c, grade: .again, at: t0 + 1, millis: 0, mark: 20) { _ in }
        let undo = b.undo(at: t0 + 2) { _ in }
        #expect(undo?.mark == 20 && undo?.record.action == .undo(undoes: second.id))
        #expect(first.id == "00000000000000ab-1" && second.id == "00000000000000ab-2" && undo?.record.id == "00000000000000ab-3")
        #expect(undo?.record.card == c && undo?.record.after == CardProgress() && b[c] == nil)
        let undoFirst = b.undo(at: t0 + 3) { _ in }
        #expect(undoFirst?.mark == 10 && undoFirst?.record.action == .undo(undoes: first.id))
        #expect(b.cards.isEmpty && !b.canUndo && b.recordCount == 4)
        #expect(b.undo(at: t0 + 4) { _ in } == nil)
    }

    @Test func aFailedAppendChangesNothing() {
        var b = book()
        let a = CardID("a")
        b.answer(a, grade: .good, at: t0, millis: 0, mark: 1) { _ in }
        let before = b.cards
        #expect(throws: DiskFull.self) { try b.answer(a, grade: .again, at: t0 + 86_400, millis: 0, mark: 2) { _ in throw DiskFull() } }
        #expect(throws: DiskFull.self) { try b.undo(at: t0 + 86_400) { _ in throw DiskFull() } }
        #expect(b.cards == before && b.recordCount == 1 && b.canUndo)
        let next = b.suspend(a, at: t0 + 86_401, mark: 3) { _ in }
        #expect(next.seq == 2 && next.id == "00000000000000ab-2")
    }

    @Test func unsuspendOnlyWhatIsSuspended() {
        let a = CardID("a")
        var b = book([a: CardProgress(suspended: true)], records: 3)
        #expect(b.unsuspend(CardID("other"), at: t0, mark: 0) { _ in } == nil)
        let record = b.unsuspend(a, at: t0, mark: 0) { _ in }
        #expect(record?.action == .unsuspend && record?.seq == 4 && b[a] == nil)
    }
}
