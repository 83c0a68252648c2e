import Foundation
import Testing
@testable import SRSCore

/// Anki's leech rule in the reviewer and the book (issue 10, point 5).
@Suite struct LeechTests {
    let clock = DayClock(timeZone: TimeZone(identifier: "UTC") ?? .current)
    let t0: EpochSeconds = 1_796_032_800

    /// A review card of Anki's with `lapses` lapses, due now.
    func reviewCard(lapses: Int) -> CardProgress {
        let card = AnkiCard(kind: .review, queue: .review, remainingSteps: 0, intervalDays: 10, easePermille: 2_500,
                            due: .day(AnkiDays().today(at: t0)), reps: 20, lapses: lapses)
        return CardProgress(state: .anki(card), due: t0 - 100, firstReview: t0 - 86_400 * 100, lastReview: t0 - 86_400 * 10)
    }

    @Test(arguments: [(7, true), (8, false), (11, true), (12, false), (3, false)])
    func aLeechAtEightLapsesThenEveryFour(lapsesBefore: Int, leech: Bool) {
        let reviewer = Reviewer(scheduler: AnkiScheduler(fuzz: false), clock: clock)
        let after = reviewer.answer(reviewCard(lapses: lapsesBefore), grade: .again, at: t0)
        #expect(after.state?.lapses == lapsesBefore + 1)
        #expect(after.leech == leech && reviewer.becameLeech(reviewCard(lapses: lapsesBefore), after) == leech)
        #expect(!after.suspended)
    }

    @Test func theSuspendActionSuspendsAndUndoTakesTheMarkBack() {
        let reviewer = Reviewer(scheduler: AnkiScheduler(fuzz: false), clock: clock, leeches: LeechRule(action: .suspend))
        let id = CardID("c")
        var book = ReviewBook<NoMark>(cards: [id: reviewCard(lapses: 7)], reviewer: reviewer, recordCount: 0, ids: RecordIDs(prefix: 3))
        let record = book.answer(id, grade: .again, at: t0, millis: 0, mark: NoMark()) { _ in }
        #expect(record.after.leech && record.after.suspended)
        book.undo(at: t0 + 1) { _ in }
        #expect(book[id] == reviewCard(lapses: 7) && book[id]?.leech == false)
    }

    @Test func goodAnswersNeverMakeALeech() {
        let reviewer = Reviewer(scheduler: AnkiScheduler(fuzz: false), clock: clock)
        #expect(!reviewer.answer(reviewCard(lapses: 8), grade: .good, at: t0).leech)
    }
}
