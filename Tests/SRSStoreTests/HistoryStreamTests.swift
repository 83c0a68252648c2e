import Foundation
import Testing
import SRSCore
@testable import SRSStore

/// Rebuilding the caches streams the log; a history cache a few records behind is extended by
/// appending; every way of building the history gives the same one.
@Suite struct HistoryStreamTests {
    let t0: EpochSeconds = 1_764_475_200
    let reviewer = Reviewer(clock: DayClock(timeZone: TimeZone(identifier: "UTC")!))

    /// A log of `count` records over `cards` cards, with undos, buries and suspends among the
    /// answers (and practice answers when `practice`), written through the store; the snapshot
    /// and cache are then deleted.
    func log(_ dir: TempDir, count: Int, cards: Int, practice: Bool = false) throws {
        let store = try ProgressStore.openForReview(dir.location())
        var random = SeededGenerator(seed: 7)
        var time = t0
        for _ in 0..<count {
            let card = CardID("card-\(Int.random(in: 0..<cards, using: &random))")
            time += EpochSeconds.random(in: 1...90_000, using: &random)
            let before = store.cards[card]
            switch Int.random(in: 0..<20, using: &random) {
            case 0 where store.recordCount > 0:
                try store.append(card: card, action: .undo(undoes: "t-\(store.recordCount)"), time: time, after: before ?? CardProgress())
            case 2 where practice:
                try store.append(card: card, action: .answer(grade: .good, kind: .practice, answerMillis: 3_000), time: time,
                                 after: before ?? CardProgress())
            case 1:
                var after = before ?? CardProgress()
                after.suspended.toggle()
                try store.append(card: card, action: after.suspended ? .suspend : .unsuspend, time: time, after: after)
            default:
                let grade = Grade.allCases[Int.random(in: 0..<4, using: &random)]
                try store.append(card: card, action: .answer(grade: grade, kind: reviewer.kind(of: before, at: time), answerMillis: 2_000),
                                 time: time, after: reviewer.answer(before, grade: grade, at: time))
            }
        }
        store.close()
        try? FileManager.default.removeItem(at: dir.url.appendingPathComponent("users/alice/cards.json"))
    }

    /// The history built in memory from the whole log, as the reference.
    func inMemory(_ dir: TempDir) throws -> ReviewHistory {
        var builder = HistoryBuilder()
        let log = try #require(dir.bytes("users/alice/reviews.jsonl"))
        try [UInt8](log).withUnsafeBufferPointer { buffer in
            var parser = LogParser(path: "log", base: 0, firstLine: 1, previousSeq: 0)
            _ = try parser.feed(buffer, base: 0, atEnd: true) { builder.add($0) }
        }
        return builder.history
    }

    @Test func aLogOfSeveralMegabytesIsReplayedAcrossReadBoundaries() throws {
        let dir = TempDir()
        try log(dir, count: 12_000, cards: 300)
        #expect((dir.bytes("users/alice/reviews.jsonl")?.count ?? 0) > 2 << 20)
        let withSnapshot = try ProgressStore.openForReview(dir.location())
        withSnapshot.refreshSnapshotIfBehind()
        let cards = withSnapshot.cards, records = withSnapshot.recordCount
        withSnapshot.close()
        try FileManager.default.removeItem(at: dir.url.appendingPathComponent("users/alice/cards.json"))
        let replayed = try ProgressStore.openReadOnly(dir.location())
        #expect(replayed.recordCount == records && records == 12_000)
        #expect(replayed.cards == cards)
        #expect(try replayed.history() == (try inMemory(dir)))
    }

    /// The cache is read a window at a time; windows that cut entries of every kind (cards,
    /// answers, undos, intervals) anywhere give the same history, and a cache cut short is refused.
    @Test func theCacheReadsTheSameThroughWindowsThatCutItsEntries() throws {
        let dir = TempDir()
        try log(dir, count: 2_000, cards: 40)
        let reference = try ProgressStore.openReadOnly(dir.location()).history()
        let path = dir.url.appendingPathComponent("users/alice/history.cache").path
        let cache = try #require(dir.bytes("users/alice/history.cache"))
        let (_, _, end) = try #require(HistoryCacheFile.header(Array(cache.prefix(HistoryCacheFile.headerSize))))
        let fd = try #require(try Syscalls.live.openDataFile(path, O_RDONLY))
        defer { _ = Syscalls.live.close(fd) }
        for window in [31, 32, 33, 64, 100, 4_099, 1 << 20] {
            var builder = HistoryBuilder()
            #expect(HistoryCacheReader(fd: fd, end: end, io: .live, windowBytes: window).read(from: HistoryCacheFile.headerSize, into: &builder), "window \(window)")
            #expect(builder.history == reference, "window \(window)")
        }
        for cut in [1, 3, 30] {
            var builder = HistoryBuilder()
            #expect(!HistoryCacheReader(fd: fd, end: end - cut, io: .live, windowBytes: 100).read(from: HistoryCacheFile.headerSize, into: &builder))
        }
    }

    @Test func aRebuiltAnExtendedAndAnInMemoryHistoryAreTheSame() throws {
        let dir = TempDir()
        try log(dir, count: 3_000, cards: 50)
        let reference = try inMemory(dir)
        #expect(reference.events.count > 2_000)
        let rebuilt = try ProgressStore.openReadOnly(dir.location()).history()
        #expect(rebuilt == reference)
        #expect(try ProgressStore.openReadOnly(dir.location()).history() == reference) // read back from the file
        // Without a writable cache, the same history from memory.
        var io = Syscalls.live
        io.rename = { _, _ in errno = EROFS; return -1 }
        try FileManager.default.removeItem(at: dir.url.appendingPathComponent("users/alice/history.cache"))
        #expect(try ProgressStore.openReadOnly(dir.location(), io: io).history() == reference)
    }

    /// `srs answer` reads the practice answers alone: the ones the whole history holds, undone
    /// ones left out, however the history is read (rebuilt, read back, extended, in memory).
    @Test func thePracticeAnswersAloneAreThoseOfTheWholeHistory() throws {
        let dir = TempDir()
        try log(dir, count: 3_000, cards: 50, practice: true)
        func practice() throws -> ReviewHistory {
            let whole = try inMemory(dir)
            return ReviewHistory(cardIDs: whole.cardIDs, events: whole.events.filter { $0.kind == .practice })
        }
        let reference = try practice()
        #expect(reference.events.count > 100)
        #expect(try ProgressStore.openReadOnly(dir.location()).history(only: .practice) == reference) // rebuilt
        #expect(try ProgressStore.openReadOnly(dir.location()).history(only: .practice) == reference) // read back
        let store = try ProgressStore.openForReview(dir.location())
        let card = CardID("card-3"), time = t0 + 400 * 86_400
        try store.append(card: card, action: .answer(grade: .hard, kind: .practice, answerMillis: 1_000), time: time, after: store.cards[card] ?? CardProgress())
        try store.append(card: card, action: .answer(grade: .easy, kind: .practice, answerMillis: 1_000), time: time + 9, after: store.cards[card] ?? CardProgress())
        try store.append(card: card, action: .undo(undoes: "t-\(store.recordCount)"), time: time + 10, after: store.cards[card] ?? CardProgress())
        store.close()
        let extended = try ProgressStore.openReadOnly(dir.location()).history(only: .practice)
        #expect(extended == (try practice()))
        #expect(extended.events.count == reference.events.count + 1)
        #expect(extended.events.last.map { ($0.time, $0.grade) } ?? (0, .again) == (time, .hard))
        var io = Syscalls.live
        io.rename = { _, _ in errno = EROFS; return -1 }
        try FileManager.default.removeItem(at: dir.url.appendingPathComponent("users/alice/history.cache"))
        #expect(try ProgressStore.openReadOnly(dir.location(), io: io).history(only: .practice) == extended) // in memory
    }

    @Test func aCacheAFewRecordsBehindIsExtendedByAppending() throws {
        let dir = TempDir()
        try log(dir, count: 2_000, cards: 40)
        _ = try ProgressStore.openReadOnly(dir.location()).history()
        let cachePath = dir.path + "/users/alice/history.cache"
        let before = try #require(dir.bytes("users/alice/history.cache"))
        let inode = try FileManager.default.attributesOfItem(atPath: cachePath)[.systemFileNumber] as? Int
        let store = try ProgressStore.openForReview(dir.location())
        let card = CardID("card-3")
        let time = t0 + 400 * 86_400
        try store.append(card: card, action: .answer(grade: .good, kind: .review, answerMillis: 1_000), time: time,
                         after: reviewer.answer(store.cards[card], grade: .good, at: time))
        try store.append(card: card, action: .undo(undoes: "t-\(store.recordCount)"), time: time + 5, after: store.cards[card] ?? CardProgress())
        store.close()
        let extended = try ProgressStore.openReadOnly(dir.location()).history()
        let after = try #require(dir.bytes("users/alice/history.cache"))
        #expect(try FileManager.default.attributesOfItem(atPath: cachePath)[.systemFileNumber] as? Int == inode, "rewritten, not appended")
        #expect(after.count > before.count && after.count < before.count + 100)
        #expect(after.dropFirst(HistoryCacheFile.headerSize).prefix(before.count - HistoryCacheFile.headerSize)
                == before.dropFirst(HistoryCacheFile.headerSize))
        #expect(extended == (try inMemory(dir)))
        #expect(try ProgressStore.openReadOnly(dir.location()).history() == extended)
    }

    @Test func aCacheThatNoLongerMatchesTheLogIsRebuilt() throws {
        let dir = TempDir()
        try log(dir, count: 500, cards: 20)
        _ = try ProgressStore.openReadOnly(dir.location()).history()
        // Another log of the same length in its place.
        let other = TempDir()
        try log(other, count: 520, cards: 20)
        try FileManager.default.removeItem(at: dir.url.appendingPathComponent("users/alice/reviews.jsonl"))
        try FileManager.default.copyItem(at: other.url.appendingPathComponent("users/alice/reviews.jsonl"),
                                         to: dir.url.appendingPathComponent("users/alice/reviews.jsonl"))
        #expect(try ProgressStore.openReadOnly(dir.location()).history() == (try inMemory(other)))
    }

    @Test func aReadOnlyOpenWritesTheSnapshotItRebuiltOnlyWhenTheLockIsFree() throws {
        let dir = TempDir()
        try log(dir, count: 300, cards: 20)
        let held = try ProgressStore.openForReview(dir.location())
        #expect(dir.bytes("users/alice/cards.json") == nil)
        let reader = try ProgressStore.openReadOnly(dir.location())
        reader.saveSnapshotIfUnlocked(reader.cards)
        #expect(dir.bytes("users/alice/cards.json") == nil, "written while another session held the lock")
        held.close()
        try? FileManager.default.removeItem(at: dir.url.appendingPathComponent("users/alice/cards.json"))
        let second = try ProgressStore.openReadOnly(dir.location())
        second.saveSnapshotIfUnlocked(second.cards)
        #expect(dir.bytes("users/alice/cards.json") != nil)
        let reopened = try ProgressStore.openReadOnly(dir.location())
        #expect(reopened.cards == second.cards && reopened.recordCount == second.recordCount)
    }
}
