import Foundation
import Testing
import SRSCore
@testable import SRSStore

/// `ProgressStore.appendAll`: a whole imported history appended at once, all or nothing.
@Suite struct LogBatchTests {
    let t0: EpochSeconds = 1_764_475_200
    let reviewer = Reviewer(clock: DayClock(timeZone: TimeZone(identifier: "UTC") ?? .current))

    /// Two answers of the user, then `count` imported records.
    func batch(_ count: Int) -> [LogRecord] {
        (0..<count).map { i in
            let card = CardID("anki-\(i % 7)")
            return LogRecord(seq: 0, id: "anki-\(1_700_000_000_000 + i)-\(i % 7)", card: card, time: t0 - 86_400 + EpochSeconds(i),
                             action: .answer(grade: .good, kind: .review, answerMillis: 2000), scheduler: "sm2",
                             after: reviewer.answer(nil, grade: .good, at: t0 - 86_400 + EpochSeconds(i)))
        }
    }

    func userWithTwoAnswers(_ dir: TempDir, io: Syscalls = .live) throws {
        let store = try ProgressStore.openForReview(dir.location(), io: io)
        defer { store.close() }
        for (i, card) in ["c1", "c2"].enumerated() {
            let time = t0 + EpochSeconds(i * 60)
            try store.append(card: CardID(card), action: .answer(grade: .good, kind: .learn, answerMillis: 900), time: time,
                             after: reviewer.answer(nil, grade: .good, at: time))
        }
        try store.checkpoint()
    }

    @Test func theRecordsAreAppendedNumberedAndTheStoreGoesOnAppending() throws {
        let dir = TempDir()
        try userWithTwoAnswers(dir)
        let before = try #require(dir.bytes("users/alice/reviews.jsonl"))
        let store = try ProgressStore.openForReview(dir.location())
        let numbered = try store.appendAll(batch(3_000))
        #expect(numbered.map(\.seq) == Array(3...3_002))
        try store.append(card: CardID("c3"), action: .answer(grade: .easy, kind: .learn, answerMillis: 1), time: t0 + 500,
                         after: reviewer.answer(nil, grade: .easy, at: t0 + 500))
        store.close()
        let after = try #require(dir.bytes("users/alice/reviews.jsonl"))
        #expect(after.prefix(before.count) == before)
        let reopened = try ProgressStore.openReadOnly(dir.location())
        #expect(reopened.recordCount == 3_003)
        #expect(Set(reopened.cards.keys) == Set((["c1", "c2", "c3"] + (0..<7).map { "anki-\($0)" }).map(CardID.init)))
        #expect(try reopened.history().events.count == 3_003)
        // No temporary file is left.
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path + "/users/alice").sorted()
        #expect(files == ["cards.json", "history.cache", "lock", "reviews.jsonl", "settings.json"], "\(files)")
    }

    /// How many system calls a batch of 5,000 records makes after the user's two answers.
    func callsOfABatch() throws -> Int {
        let dir = TempDir()
        try userWithTwoAnswers(dir)
        let sweep = SeamTests.Sweep()
        let store = try ProgressStore.openForReview(dir.location(), io: sweep.syscalls)
        defer { store.close() }
        let opened = sweep.calls
        try store.appendAll(batch(5_000))
        return sweep.calls - opened
    }

    /// A kill at any system call of the batch (every later call fails, so nothing is cut back
    /// or removed) leaves the log byte for byte as before or with the whole batch: the batch is
    /// written beside the log and renamed over it, where an append of the records to the log
    /// itself would leave the first part of the batch in it.
    @Test func aKillAtAnyCallOfTheBatchLeavesTheOldLogOrTheWholeBatch() throws {
        let calls = try callsOfABatch()
        var whole = 0
        for k in 1...calls {
            let dir = TempDir()
            try userWithTwoAnswers(dir)
            let before = try #require(dir.bytes("users/alice/reviews.jsonl"))
            let sweep = SeamTests.Sweep()
            sweep.crashes = true
            let store = try ProgressStore.openForReview(dir.location(), io: sweep.syscalls)
            sweep.failAt = sweep.calls + k
            _ = try? store.appendAll(batch(5_000))
            let log = try #require(dir.bytes("users/alice/reviews.jsonl"))
            if log != before {
                #expect(log.prefix(before.count) == before, "kill at call \(k)")
                #expect(try ProgressStore.openReadOnly(dir.location()).recordCount == 5_002, "kill at call \(k)")
                whole += 1
            }
            withExtendedLifetime(store) {}
        }
        #expect(whole > 0 && whole < calls, "\(whole) of \(calls) kills left the whole batch")
    }

    /// Whichever system call of the batch fails, the log is byte for byte as before (nothing
    /// of the batch is visible), or the whole batch is there.
    @Test func whicheverCallFailsTheBatchIsAllThereOrNotAtAll() throws {
        let calls = try callsOfABatch()
        #expect(calls > 10)
        for k in 1...calls {
            let dir = TempDir()
            try userWithTwoAnswers(dir)
            let before = try #require(dir.bytes("users/alice/reviews.jsonl"))
            let sweep = SeamTests.Sweep()
            let store = try ProgressStore.openForReview(dir.location(), io: sweep.syscalls)
            sweep.failAt = sweep.calls + k
            var failed = false
            do { try store.appendAll(batch(5_000)) } catch let error as StoreError {
                failed = true
                #expect([74, 66].contains(error.exitCode), "call \(k): \(error)")
            }
            store.close()
            let log = try #require(dir.bytes("users/alice/reviews.jsonl"))
            let reopened = try ProgressStore.openReadOnly(dir.location())
            if log == before {
                #expect(reopened.recordCount == 2, "call \(k)")
            } else {
                #expect(reopened.recordCount == 5_002, "call \(k)")
            }
            // A failure before the rename leaves the old log; after it, the batch is complete.
            #expect(!failed || log == before || reopened.recordCount == 5_002, "call \(k)")
        }
    }
}
