/// One user's review state while it changes: every card's progress and the one undo stack.
///
/// The single owner of progress during a review (issue 8, point 3): the review screen,
/// `srs answer` and `srs unsuspend` change a card only through `answer`, `bury`, `suspend`,
/// `unsuspend` and `undo`, each of which returns the one log record to append. The caller keeps
/// nothing else: `Mark` is what the caller needs back on undo (the review screen's queue and
/// counts), kept on the same stack.
public struct ReviewBook<Mark: Sendable>: Sendable {
    /// Every card that has progress; a card missing here is new.
    public private(set) var cards: CardTable
    /// Each card's reviewer: its deck's options, else the user's.
    public let reviewers: Reviewers
    /// The user's reviewer: the clock and the scheduler's name, the same for every card.
    public var reviewer: Reviewer { reviewers.standard }
    /// The number of records in the log so far (the `seq` of the newest).
    public private(set) var recordCount: Int
    private var ids: RecordIDs
    private var undoStack: [Undoable] = []

    struct Undoable: Sendable {
        var record: LogRecord
        var before: CardProgress?
        var mark: Mark
    }

    /// Starts from the progress a store loaded (`recordCount` records into its log). New
    /// records get ids from `ids` (a random prefix per process, so ids differ across machines).
    public init(cards: CardTable, reviewers: Reviewers, recordCount: Int, ids: RecordIDs) {
        self.cards = cards
        self.reviewers = reviewers
        self.recordCount = recordCount
        self.ids = ids
    }

    /// One reviewer for every card.
    public init(cards: CardTable, reviewer: Reviewer, recordCount: Int, ids: RecordIDs) {
        self.init(cards: cards, reviewers: Reviewers(reviewer), recordCount: recordCount, ids: ids)
    }

    public subscript(card: CardID) -> CardProgress? { cards[card] }

    /// True when `undo` has something to take back.
    public var canUndo: Bool { !undoStack.isEmpty }

    /// The scheduler that produced `state`: the reviewer's for an answer, the state's own for
    /// a bury, suspend or undo (a card answered under another scheduler keeps its name).
    func schedulerName(of state: CardProgress) -> String {
        state.state?.schedulerName ?? reviewer.scheduler.name
    }

    /// Records `grade` for `card` at `time`, `millis` after it was shown. Practice answers
    /// leave the schedule as it is.
    ///
    /// Every change hands its record to `append` first (the store makes it durable) and takes
    /// effect only if that returns: a failed write changes nothing. Callers that append later
    /// (the review screen returns the record as an effect) pass `{ _ in }`.
    @discardableResult
    public mutating func answer(_ card: CardID, grade: Grade, at time: EpochSeconds, millis: Int,
                                practice: Bool = false, mark: Mark,
                                appending append: (LogRecord) throws -> Void) rethrows -> LogRecord {
        let before = cards[card]
        let reviewer = reviewers[card]
        let kind = reviewer.kind(of: before, at: time, practice: practice)
        let after = reviewer.answer(before, grade: grade, at: time, practice: practice, card: card)
        return try change(card, to: after, .answer(grade: grade, kind: kind, answerMillis: millis), at: time,
                          mark: mark, append)
    }

    /// Hides `card` until the next study day.
    @discardableResult
    public mutating func bury(_ card: CardID, at time: EpochSeconds, mark: Mark,
                              appending append: (LogRecord) throws -> Void) rethrows -> LogRecord {
        var after = cards[card] ?? CardProgress()
        after.buriedUntil = reviewer.clock.nextDayStart(after: time)
        return try change(card, to: after, .bury, at: time, mark: mark, append)
    }

    /// Takes `card` out of every review until it is unsuspended.
    @discardableResult
    public mutating func suspend(_ card: CardID, at time: EpochSeconds, mark: Mark,
                                 appending append: (LogRecord) throws -> Void) rethrows -> LogRecord {
        var after = cards[card] ?? CardProgress()
        after.suspended = true
        return try change(card, to: after, .suspend, at: time, mark: mark, append)
    }

    /// Brings a suspended `card` back with the schedule it had; nil when it is not suspended.
    @discardableResult
    public mutating func unsuspend(_ card: CardID, at time: EpochSeconds, mark: Mark,
                                   appending append: (LogRecord) throws -> Void) rethrows -> LogRecord? {
        guard var after = cards[card], after.suspended else { return nil }
        after.suspended = false
        return try change(card, to: after, .unsuspend, at: time, mark: mark, append)
    }

    /// Takes back the newest answer, bury, suspend or unsuspend: the card's progress returns to
    /// what it was, and the undo record names the record it takes back. Returns that record and
    /// the caller's mark; nil when there is nothing to undo.
    @discardableResult
    public mutating func undo(at time: EpochSeconds,
                              appending append: (LogRecord) throws -> Void) rethrows -> (record: LogRecord, mark: Mark)? {
        guard let step = undoStack.last else { return nil }
        let card = step.record.card
        let record = nextRecord(card, .undo(undoes: step.record.id), at: time, after: step.before ?? CardProgress())
        try append(record)
        undoStack.removeLast()
        commit(record, state: step.before)
        return (record, step.mark)
    }

    private mutating func change(_ card: CardID, to after: CardProgress, _ action: LogAction, at time: EpochSeconds,
                                 mark: Mark, _ append: (LogRecord) throws -> Void) rethrows -> LogRecord {
        let record = nextRecord(card, action, at: time, after: after)
        try append(record)
        undoStack.append(Undoable(record: record, before: cards[card], mark: mark))
        commit(record, state: after)
        return record
    }

    /// The next record; its id is drawn only when it is committed, so a failed append leaves
    /// the ids as they were.
    private func nextRecord(_ card: CardID, _ action: LogAction, at time: EpochSeconds,
                            after: CardProgress) -> LogRecord {
        var copy = ids
        return LogRecord(seq: recordCount + 1, id: copy.next(), card: card, time: time, action: action,
                         scheduler: schedulerName(of: after), after: after)
    }

    private mutating func commit(_ record: LogRecord, state: CardProgress?) {
        _ = ids.next()
        recordCount = record.seq
        cards[record.card] = state?.nilIfNew
    }
}

/// For callers with nothing to restore on undo (`srs answer`, `srs unsuspend`).
public struct NoMark: Sendable {
    public init() {}
}
