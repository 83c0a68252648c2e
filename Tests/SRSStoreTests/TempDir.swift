import Foundation
import SRSCore
@testable import SRSStore

/// A fresh temporary folder, removed when the value is released.
final class TempDir {
    let url: URL
    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("srs-test-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }

    var path: String { url.path }
    func location(user: String = "alice") -> DataLocation { DataLocation(root: url, user: user) }
    func bytes(_ relative: String) -> Data? { try? Data(contentsOf: url.appendingPathComponent(relative)) }
    func write(_ relative: String, _ text: String) throws {
        let file = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }
}

/// A store with the one owner of its progress, as `srs answer` has them: every change goes
/// through the book and is appended by the store.
final class OpenProgress {
    let store: ProgressStore
    var book: ReviewBook<NoMark>

    init(_ store: ProgressStore, clock: DayClock = DayClock(timeZone: TimeZone(identifier: "UTC") ?? .current),
         scheduler: any Scheduler = SM2()) {
        self.store = store
        book = ReviewBook(cards: store.takeCards(), reviewer: Reviewer(scheduler: scheduler, clock: clock), recordCount: store.recordCount, ids: RecordIDs(prefix: 0x5107e))
    }

    var cards: CardTable { book.cards }

    @discardableResult
    func answer(_ card: String, _ grade: Grade, at time: EpochSeconds, millis: Int = 1500) throws -> LogRecord {
        try book.answer(CardID(card), grade: grade, at: time, millis: millis, mark: NoMark(), appending: store.append)
    }

    @discardableResult
    func undo(at time: EpochSeconds) throws -> LogRecord? {
        try book.undo(at: time, appending: store.append)?.record
    }

    /// Writes the snapshot and releases the lock, as a review does at its end.
    func close() {
        try? store.checkpoint(book.cards)
        store.close()
    }
}

/// The store's calls as tests of the store itself make them: a record appended as given (ids
/// `t-<seq>`), the store's own copy of the states kept up to date, a snapshot of that copy.
/// The commands go through a `ReviewBook` instead (`OpenProgress`).
extension ProgressStore {
    @discardableResult
    func append(card: CardID, action: LogAction, time: EpochSeconds, after: CardProgress,
                scheduler: String = "sm2") throws -> LogRecord {
        let record = LogRecord(seq: recordCount + 1, id: "t-\(recordCount + 1)", card: card, time: time,
                               action: action, scheduler: scheduler, after: after)
        try append(record)
        cards[card] = after == CardProgress() ? nil : after
        return record
    }

    func checkpoint() throws { try checkpoint(cards) }
}
