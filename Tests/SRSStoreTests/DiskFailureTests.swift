import Foundation
import Testing
import SRSCore
@testable import SRSStore

/// A full or read-only disk, injected: tests run as root, where permissions stop nothing.
@Suite struct DiskFailureTests {
    let t0: EpochSeconds = 1_764_475_200

    /// The live system calls, except that writes fail with `code` once `failWrites` is set,
    /// after letting `partialBytes` of the failing write through (a write cut short by a full disk).
    final class Faults: @unchecked Sendable {
        var failWrites = false
        var partialBytes = 0
        var code = ENOSPC
        var failOpenForCreate = false
        var fsyncs = 0

        var syscalls: Syscalls {
            var io = Syscalls.live
            io.write = { [self] fd, bytes in
                guard failWrites else { return Syscalls.live.write(fd, bytes) }
                if partialBytes > 0 {
                    let n = Syscalls.live.write(fd, UnsafeRawBufferPointer(rebasing: bytes.prefix(partialBytes)))
                    partialBytes = 0
                    return n
                }
                errno = code
                return -1
            }
            io.open = { [self] path, flags, mode in
                if failOpenForCreate && flags & O_CREAT != 0 { errno = code; return -1 }
                return Syscalls.live.open(path, flags, mode)
            }
            io.fsync = { [self] fd in
                fsyncs += 1
                return Syscalls.live.fsync(fd)
            }
            io.mkdir = { [self] path, mode in
                if failOpenForCreate { errno = FileManager.default.fileExists(atPath: path) ? EEXIST : code; return -1 }
                return Syscalls.live.mkdir(path, mode)
            }
            return io
        }
    }

    func goodAnswer(_ store: OpenProgress, _ card: String, at time: EpochSeconds) throws {
        try store.answer(card, .good, at: time, millis: 900)
    }

    @Test(arguments: [(ENOSPC, 0), (ENOSPC, 37), (EROFS, 0), (EIO, 5)])
    func aFailedAppendIsReportedAndLeavesTheLogAsItWas(code: Int32, partial: Int) throws {
        let dir = TempDir()
        let faults = Faults()
        faults.code = code
        let store = OpenProgress(try ProgressStore.openForReview(dir.location(), io: faults.syscalls))
        try goodAnswer(store, "c1", at: t0)
        let logBefore = dir.bytes("users/alice/reviews.jsonl")
        let cardsBefore = store.cards
        faults.failWrites = true
        faults.partialBytes = partial
        do {
            try goodAnswer(store, "c2", at: t0 + 5)
            Issue.record("the append succeeded on a failing disk")
        } catch let error as StoreError {
            #expect(error.exitCode == 74)
            #expect(error.description.hasPrefix("cannot write \(store.store.logPath): \(String(cString: strerror(code)))"))
        }
        #expect(dir.bytes("users/alice/reviews.jsonl") == logBefore)
        #expect(store.cards == cardsBefore)
        #expect(store.store.recordCount == 1)
        // Once the disk has room again, the next answer goes through and numbering continues.
        faults.failWrites = false
        try goodAnswer(store, "c3", at: t0 + 9)
        store.close()
        let reopened = try ProgressStore.openReadOnly(dir.location())
        #expect(reopened.recordCount == 2)
        #expect(Set(reopened.takeCards().keys) == [CardID("c1"), CardID("c3")])
    }

    /// A scheduler switch appends one record per card: all of them go in one write and one
    /// fsync (one fsync each took minutes at 90,000 cards), and a failure leaves none of them.
    @Test func aBatchOfRecordsIsOneDurableAppendAllOrNothing() throws {
        let dir = TempDir()
        let faults = Faults()
        let store = try ProgressStore.openForReview(dir.location(), io: faults.syscalls)
        _ = store.takeCards() // as `srs scheduler` does: closing then writes no snapshot of its own
        let after = CardProgress(memory: Memory(intervalDays: 3, due: t0 + 3 * 86_400, easiness: 2.5, repetitions: 2, lapses: 0),
                                 firstReview: t0, lastReview: t0)
        func batch(_ cards: Range<Int>) -> [LogRecord] {
            cards.map { LogRecord(seq: store.recordCount + 1 + $0 - cards.lowerBound, id: "b-\($0)", card: CardID("c\($0)"),
                                  time: t0, action: .reschedule, scheduler: "sm2", after: after) }
        }
        let logBefore = dir.bytes("users/alice/reviews.jsonl")
        faults.failWrites = true
        faults.partialBytes = 300
        #expect(throws: StoreError.self) { try store.append(contentsOf: batch(0..<1_000)) }
        #expect(dir.bytes("users/alice/reviews.jsonl") == logBefore)
        #expect(store.recordCount == 0)
        faults.failWrites = false
        let synced = faults.fsyncs
        try store.append(contentsOf: batch(0..<1_000))
        #expect(faults.fsyncs == synced + 1)
        #expect(store.recordCount == 1_000)
        store.close()
        let reopened = try ProgressStore.openReadOnly(dir.location())
        #expect(reopened.recordCount == 1_000)
        let cards = reopened.takeCards()
        #expect(cards.count == 1_000)
        #expect(cards[CardID("c999")] == after)
    }

    @Test func aFailedSnapshotKeepsThePreviousOne() throws {
        let dir = TempDir()
        let faults = Faults()
        let store = OpenProgress(try ProgressStore.openForReview(dir.location(), io: faults.syscalls))
        try goodAnswer(store, "c1", at: t0)
        try store.store.checkpoint(store.cards)
        let snapshot = dir.bytes("users/alice/cards.json")
        try goodAnswer(store, "c2", at: t0 + 1)
        faults.failWrites = true
        #expect(throws: StoreError.self) { try store.store.checkpoint(store.cards) }
        #expect(dir.bytes("users/alice/cards.json") == snapshot)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path + "/users/alice").filter { $0.contains(".tmp") }
        #expect(leftovers.isEmpty)
        faults.failWrites = false
        store.close()
        #expect(try ProgressStore.openReadOnly(dir.location()).takeCards().count == 2)
    }

    @Test func aReadOnlyDiskAtStartIsAnIOError() throws {
        let dir = TempDir()
        let faults = Faults()
        faults.code = EROFS
        faults.failOpenForCreate = true
        do {
            _ = try ProgressStore.openForReview(dir.location(), io: faults.syscalls)
            Issue.record("opened on a read-only disk")
        } catch let error as StoreError {
            #expect(error.exitCode == 74)
            #expect(error.description.contains("Read-only file system"))
        }
    }
}
