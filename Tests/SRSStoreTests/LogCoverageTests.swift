import Foundation
import Testing
import SRSCore
@testable import SRSStore

/// The log keeps every answer it acknowledged, and every reader checks the header, the version
/// and the part `cards.json` covers in the same way.
@Suite struct LogCoverageTests {
    let t0: EpochSeconds = 1_764_475_200

    func answer(_ store: ProgressStore, _ card: String, at time: EpochSeconds) throws {
        let after = Reviewer(clock: DayClock(timeZone: TimeZone(identifier: "UTC")!)).answer(store.cards[CardID(card)], grade: .good, at: time)
        try store.append(card: CardID(card), action: .answer(grade: .good, kind: .learn, answerMillis: 900), time: time, after: after)
    }

    /// A log of `cards` answers, its snapshot written, and the log's bytes.
    func history(_ dir: TempDir, _ cards: [String]) throws -> Data {
        let store = try ProgressStore.openForReview(dir.location())
        for (i, card) in cards.enumerated() { try answer(store, card, at: t0 + EpochSeconds(i)) }
        store.close()
        return try #require(dir.bytes("users/alice/reviews.jsonl"))
    }

    @Test(arguments: [true, false])
    func aCompleteLastRecordMissingOnlyItsNewlineIsKept(withSnapshot: Bool) throws {
        let dir = TempDir()
        let log = try history(dir, ["c1", "c2"])
        let store = try ProgressStore.openForReview(dir.location())
        try answer(store, "c3", at: t0 + 5)
        store.close()
        // The third record written whole but its line feed lost; cards.json covers only two.
        let full = try #require(dir.bytes("users/alice/reviews.jsonl"))
        try full.dropLast().write(to: dir.url.appendingPathComponent("users/alice/reviews.jsonl"))
        if withSnapshot {
            try ProgressStoreTestsSupport.snapshotCovering(dir, records: 2, bytes: log.count)
        } else {
            try FileManager.default.removeItem(at: dir.url.appendingPathComponent("users/alice/cards.json"))
        }
        #expect(try ProgressStore.openReadOnly(dir.location()).recordCount == 3)
        let writer = try ProgressStore.openForReview(dir.location())
        #expect(writer.recordCount == 3)
        #expect(writer.notes.isEmpty)
        try answer(writer, "c4", at: t0 + 9)
        writer.close()
        #expect(dir.bytes("users/alice/reviews.jsonl")?.prefix(full.count) == full)
        let reopened = try ProgressStore.openReadOnly(dir.location())
        #expect(reopened.recordCount == 4)
        #expect(reopened.cards[CardID("c3")] != nil && reopened.cards[CardID("c4")] != nil)
        #expect(try reopened.history().events.count == 4)
    }

    @Test func aRecordMissingItsNewlineThatTheSnapshotCoversIsKeptToo() throws {
        let dir = TempDir()
        let full = try history(dir, ["c1", "c2"])
        try full.dropLast().write(to: dir.url.appendingPathComponent("users/alice/reviews.jsonl"))
        try ProgressStoreTestsSupport.snapshotCovering(dir, records: 2, bytes: full.count - 1)
        let writer = try ProgressStore.openForReview(dir.location())
        try answer(writer, "c3", at: t0 + 9)
        writer.close()
        try FileManager.default.removeItem(at: dir.url.appendingPathComponent("users/alice/cards.json"))
        #expect(try ProgressStore.openReadOnly(dir.location()).recordCount == 3)
    }

    @Test(arguments: [
        ("{\"format\":\"srs-review-log\",\"version\":99}", "written by a newer srs (format version 99; this srs reads up to 2)"),
        ("{\"format\":\"something-else\",\"version\":1}", "reviews.jsonl:1: not an srs review log"),
    ])
    func theHeaderIsCheckedEvenWhenTheSnapshotCoversTheWholeLog(header: String, message: String) throws {
        let dir = TempDir()
        let log = try history(dir, ["c1", "c2"])
        var text = String(decoding: log, as: UTF8.self)
        text.replaceSubrange(..<(text.firstIndex(of: "\n") ?? text.startIndex), with: header)
        try dir.write("users/alice/reviews.jsonl", text)
        try ProgressStoreTestsSupport.snapshotCovering(dir, records: 2, bytes: text.utf8.count)
        let cards = dir.bytes("users/alice/cards.json")
        for open in [{ try ProgressStore.openReadOnly(dir.location()) }, { try ProgressStore.openForReview(dir.location()) }] {
            do { _ = try open(); Issue.record("opened a log with header \(header)") } catch let error as StoreError {
                #expect(error.exitCode == 65)
                #expect(error.description.contains(message), "\(error)")
            }
        }
        #expect(dir.bytes("users/alice/reviews.jsonl") == Data(text.utf8))
        #expect(dir.bytes("users/alice/cards.json") == cards)
    }

    // (A version-2 record carries no number, so a snapshot naming the wrong count at a record's
    // end is not detectable from that record; the byte offset is checked.)
    @Test(arguments: [(2, -10), (2, 1), (1, 7)])
    func aSnapshotThatDoesNotEndAtItsRecordIsRefused(records: Int, bytesOff: Int) throws {
        let dir = TempDir()
        let log = try history(dir, ["c1", "c2", "c3"])
        let lines = log.split(separator: 0x0A)
        let twoRecords = lines[0].count + lines[1].count + lines[2].count + 3
        try ProgressStoreTestsSupport.snapshotCovering(dir, records: records, bytes: twoRecords + bytesOff)
        do { _ = try ProgressStore.openReadOnly(dir.location()); Issue.record("trusted a snapshot that does not match") } catch let error as StoreError {
            #expect(error.exitCode == 65)
            #expect(error.description.contains("does not end there"), "\(error)")
        }
        #expect(dir.bytes("users/alice/reviews.jsonl") == log)
    }

    @Test(arguments: ["log_bytes", "log_records"])
    func aNegativeCountInTheSnapshotIsDamage(key: String) throws {
        let dir = TempDir()
        try dir.write("users/alice/cards.json", "{\"format\":\"srs-progress\",\"version\":1,\"\(key)\":-5,\"cards\":[]}")
        do { _ = try ProgressStore.openReadOnly(dir.location()); Issue.record("read a negative \(key)") } catch let error as StoreError {
            #expect(error.exitCode == 65)
            #expect(error.description.contains("\"\(key)\" is -5; it cannot be negative"), "\(error)")
        }
    }
}

enum ProgressStoreTestsSupport {
    /// Writes a `cards.json` that claims to cover `records` records in `bytes` bytes.
    static func snapshotCovering(_ dir: TempDir, records: Int, bytes: Int) throws {
        try dir.write("users/alice/cards.json", "{\"format\":\"srs-progress\",\"version\":1,\"log_records\":\(records),\"log_bytes\":\(bytes),\"cards\":[]}")
    }
}
