/// One user's knowledge of one card: its scheduler memory plus the flags the daily queue reads.
///
/// A card with no `CardProgress` is new. Cards can have progress without a review (suspended or
/// buried before their first answer), then `memory` is nil.
public struct CardProgress: Equatable, Sendable {
    /// nil until the first graded review.
    public var memory: Memory?
    /// The time of the first graded review (0 when none): a card first reviewed today counts
    /// towards today's new-card limit.
    public var firstReview: EpochSeconds
    /// The time of the latest review, repeats included (0 when none).
    public var lastReview: EpochSeconds
    /// Graded below Good on the day of `lastReview`: it comes back that day until graded Good
    /// or better (Wozniak's step 7). Meaningless once that day is over.
    public var repeatPending: Bool
    public var suspended: Bool
    /// Hidden from the queue while the time is before this (0: not buried).
    public var buriedUntil: EpochSeconds

    public init(memory: Memory? = nil, firstReview: EpochSeconds = 0, lastReview: EpochSeconds = 0,
                repeatPending: Bool = false, suspended: Bool = false, buriedUntil: EpochSeconds = 0) {
        self.memory = memory
        self.firstReview = firstReview
        self.lastReview = lastReview
        self.repeatPending = repeatPending
        self.suspended = suspended
        self.buriedUntil = buriedUntil
    }

    public var isNew: Bool { memory == nil }
}

/// What kind of answer a review-log record holds (Anki's revlog kinds, plus ours).
public enum ReviewKind: String, Sendable, CaseIterable {
    /// The first graded review of a new card.
    case learn
    /// A scheduled review.
    case review
    /// A same-day repeat of a card graded below Good earlier that day: no change to the memory.
    case `repeat`
    /// Practice ahead of schedule when nothing is due: no change to the memory.
    case practice
}

/// What a record in the review log does. Every record carries the card's full state after it,
/// so a card's state is the state of its newest record.
public enum LogAction: Equatable, Sendable {
    case answer(grade: Grade, kind: ReviewKind, answerMillis: Int)
    /// Takes back the answer recorded as record `undoes` (its sequence number).
    case undo(undoes: Int)
    case bury
    case suspend
    case unsuspend
}

/// One record of a user's review log.
public struct LogRecord: Equatable, Sendable {
    /// 1-based position in the user's log, counting every record.
    public var seq: Int
    public var card: CardID
    public var time: EpochSeconds
    public var action: LogAction
    /// The scheduler that produced `after`.
    public var scheduler: String
    public var after: CardProgress

    public init(seq: Int, card: CardID, time: EpochSeconds, action: LogAction, scheduler: String,
                after: CardProgress) {
        self.seq = seq
        self.card = card
        self.time = time
        self.action = action
        self.scheduler = scheduler
        self.after = after
    }
}
