import Foundation
import Testing
@testable import SRSCore

/// One card's re-import (issue 12.4): Anki's answers by id, srs's kept, states replayed in time order.
@Suite struct ImportMergeTests {
    let reviewer = Reviewer(scheduler: AnkiScheduler(fuzz: false), clock: DayClock(timeZone: TimeZone(identifier: "UTC") ?? .current))
    let card = CardID("anki-00000000000000aa-t0")
    let t0: EpochSeconds = 1_767_600_000

    func answer(_ id: String, _ grade: Grade, at time: EpochSeconds, after: CardProgress = CardProgress()) -> LogRecord {
        LogRecord(seq: 0, id: id, card: card, time: time, action: .answer(grade: grade, kind: .review, answerMillis: 1000),
                  scheduler: "anki", after: after)
    }

    func imported(_ progress: CardProgress, at time: EpochSeconds) -> LogRecord {
        LogRecord(seq: 0, id: "import-\(time)", card: card, time: time, action: .imported, scheduler: "anki", after: progress)
    }

    /// The state after `grades` at `times`, from a new card.
    func state(_ answers: [(Grade, EpochSeconds)], from base: CardProgress? = nil) -> CardProgress {
        answers.reduce(base) { reviewer.answer($0, grade: $1.0, at: $1.1, card: card) } ?? CardProgress()
    }

    @Test func aNewCardTakesTheAnswersAndThePackagesState() {
        var ids = RecordIDs(prefix: 1)
        let package = state([(.good, t0)])
        let out = ImportMerge.records(card: card, existing: [], imported: [answer("anki-1-1", .good, at: t0)], packageState: package,
                                      current: nil, reviewer: reviewer, at: t0 + 100, ids: &ids)
        #expect(out.map(\.id) == ["anki-1-1", "0000000000000001-1"])
        #expect(out.last?.action == .imported && out.last?.after == package && out.last?.time == t0 + 100)
    }

    /// A new card Anki suspended has no answer: its one record still names it.
    @Test func aCardWithoutAnswersGetsItsStateUnderItsOwnID() {
        var ids = RecordIDs(prefix: 1)
        var package = CardProgress()
        package.suspended = true
        let out = ImportMerge.records(card: card, existing: [], imported: [], packageState: package,
                                      current: nil, reviewer: reviewer, at: t0, ids: &ids)
        #expect(out.map(\.card) == [card])
        #expect(out.first?.action == .imported && out.first?.after == package)
    }

    @Test func answersTheLogHoldsAreNotAddedAgain_andAnUnchangedCardGetsNoRecord() {
        var ids = RecordIDs(prefix: 1)
        let package = state([(.good, t0)])
        let existing = [answer("anki-1-1", .good, at: t0), imported(package, at: t0 + 100)]
        let out = ImportMerge.records(card: card, existing: existing, imported: [answer("anki-1-1", .good, at: t0)], packageState: package,
                                      current: package, reviewer: reviewer, at: t0 + 200, ids: &ids)
        #expect(out.isEmpty)
    }

    /// An srs answer after the first import and an Anki answer given before it in time: both
    /// replayed in time order from the first import's state.
    @Test func srsAndAnkiAnswersAreReplayedInTimeOrder() {
        var ids = RecordIDs(prefix: 1)
        let first = state([(.good, t0), (.good, t0 + 600)])
        let srsAnswer = answer("5c01-1", .again, at: t0 + 3 * 86_400)
        let existing = [answer("anki-1-1", .good, at: t0), answer("anki-2-1", .good, at: t0 + 600), imported(first, at: t0 + 700), srsAnswer]
        let ankiLater = answer("anki-3-1", .easy, at: t0 + 2 * 86_400)
        let newerPackage = state([(.easy, t0 + 2 * 86_400)], from: first)
        let current = state([(.again, t0 + 3 * 86_400)], from: first)
        let out = ImportMerge.records(card: card, existing: existing, imported: existing.prefix(2) + [ankiLater], packageState: newerPackage,
                                      current: current, reviewer: reviewer, at: t0 + 4 * 86_400, ids: &ids)
        #expect(out.map(\.id) == ["anki-3-1", "0000000000000001-1"])
        let expected = state([(.easy, t0 + 2 * 86_400), (.again, t0 + 3 * 86_400)], from: first)
        #expect(out.last?.after == expected)
        #expect(expected != newerPackage && expected != current)
    }

    @Test func anUndoneSrsAnswerIsLeftOut() {
        var ids = RecordIDs(prefix: 1)
        let first = state([(.good, t0)])
        let undone = answer("5c01-1", .again, at: t0 + 86_400)
        let undo = LogRecord(seq: 0, id: "5c01-2", card: card, time: t0 + 86_401, action: .undo(undoes: "5c01-1"), scheduler: "anki", after: first)
        let kept = answer("5c01-3", .good, at: t0 + 86_500)
        let existing = [answer("anki-1-1", .good, at: t0), imported(first, at: t0 + 100), undone, undo, kept]
        let out = ImportMerge.records(card: card, existing: existing, imported: [existing[0]], packageState: first,
                                      current: state([(.good, t0 + 86_500)], from: first), reviewer: reviewer, at: t0 + 90_000, ids: &ids)
        // Nothing new from Anki and the replay gives the current state: no record.
        #expect(out.isEmpty)
    }
}

/// The log's records of a card as the merge keeps them (`ImportMerge.Existing`): Anki's answer
/// ids as two numbers, any other id as it is, and both found exactly as the strings would be.
@Suite struct ImportMergeExistingTests {
    func record(_ id: String) -> LogRecord {
        LogRecord(seq: 0, id: id, card: CardID("c"), time: 0, action: .answer(grade: .good, kind: .review, answerMillis: 0),
                  scheduler: "anki", after: CardProgress())
    }

    @Test(arguments: ["anki-1700000000000-1700000000001", "anki--5-3", "anki-5--3", "anki-007-1", "anki-+7-1",
                      "anki-7-1-", "anki-7", "anki--", "anki-", "0000000000000001-1", "anki-99999999999999999999-1"])
    func holdsExactlyTheIdsAdded(_ id: String) {
        let existing = ImportMerge.Existing([record(id)])
        #expect(existing.holds(id))
        let others = ["anki-1700000000000-1700000000001", "anki--5-3", "anki-5--3", "anki-007-1", "anki-7-1", "anki-+7-1",
                      "anki-7-1-", "anki-7", "anki--", "anki-", "0000000000000001-1", "anki-99999999999999999999-1"].filter { $0 != id }
        #expect(others.filter { existing.holds($0) } == [])
    }

    @Test func anAnswerIdIsKeptAsItsNumbersOnlyWhenWrittenAsSrsWritesIt() {
        let numbers = { (id: String) in AnkiAnswerID(id).map { [$0.revlog, $0.card] } }
        #expect(numbers("anki-1700000000000-1700000000001") == [1_700_000_000_000, 1_700_000_000_001])
        #expect(numbers("anki--5-3") == [-5, 3])
        #expect(numbers("anki-5--3") == [5, -3])
        for odd in ["anki-007-1", "anki-+7-1", "anki-7-+1", "anki-7-1-", "anki-7", "anki-", "anki--", "Anki-7-1", "anki-7-01"] {
            #expect(AnkiAnswerID(odd) == nil, "\(odd)")
        }
    }
}

extension ImportMergeExistingTests {
    /// The numbers of every id `String(_: Int64)` can write, and nothing else that looks close.
    @Test func theNumbersOfEveryIntegerAsSrsWritesIt() {
        var generator = SeededGenerator(seed: 7)
        let edges: [Int64] = [0, 1, -1, 9, 10, -10, .max, .min, .max - 1, .min + 1]
        for revlog in edges + (0..<200).map({ _ in Int64.random(in: .min ... .max, using: &generator) }) {
            let card = Int64.random(in: .min ... .max, using: &generator)
            let id = "anki-\(revlog)-\(card)"
            #expect(AnkiAnswerID(id).map { [$0.revlog, $0.card] } == [revlog, card], "\(id)")
        }
        for odd in ["anki--0-1", "anki-0-00", "anki-9223372036854775808-1", "anki--9223372036854775809-1", "anki-1-2x"] {
            #expect(AnkiAnswerID(odd) == nil, "\(odd)")
        }
    }
}
