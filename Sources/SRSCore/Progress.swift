/// One user's knowledge of one card: its scheduler's state plus the flags the daily queue reads.
///
/// A card with no `CardProgress` is new. Cards can have progress without a review (suspended or
/// buried before their first answer), then `state` is nil.
public struct CardProgress: Equatable, Sendable {
    /// The state of the scheduler that last answered it (nil until the first graded review).
    public var state: SchedulerState?
    /// When the card is next due, as the scheduler gave it (0 while `state` is nil). Kept beside
    /// the state because Anki's day-based due dates need the day rollover to become a moment.
    public var due: EpochSeconds
    /// The time of the first graded review (0 when none): a card first reviewed today counts
    /// towards today's new-card limit.
    public var firstReview: EpochSeconds
    /// The time of the latest review, repeats included (0 when none).
    public var lastReview: EpochSeconds
    /// Graded below Good on the day of `lastReview`: it comes back that day until graded Good
    /// or better (Wozniak's step 7, classic SM-2 only). Meaningless once that day is over.
    public var repeatPending: Bool
    public var suspended: Bool
    /// Hidden from the queue while the time is before this (0: not buried).
    public var buriedUntil: EpochSeconds
    /// Marked a leech (Anki's rule, `LeechRule`): a per-user flag until cards have tags.
    public var leech = false

    public init(state: SchedulerState?, due: EpochSeconds, firstReview: EpochSeconds = 0, lastReview: EpochSeconds = 0,
                repeatPending: Bool = false, suspended: Bool = false, buriedUntil: EpochSeconds = 0) {
        self.state = state
        self.due = state == nil ? 0 : due
        self.firstReview = firstReview
        self.lastReview = lastReview
        self.repeatPending = repeatPending
        self.suspended = suspended
        self.buriedUntil = buriedUntil
    }

    /// Progress with a classic SM-2 memory (or none).
    public init(memory: Memory? = nil, firstReview: EpochSeconds = 0, lastReview: EpochSeconds = 0,
                repeatPending: Bool = false, suspended: Bool = false, buriedUntil: EpochSeconds = 0) {
        self.init(state: memory.map(SchedulerState.sm2), due: memory?.due ?? 0, firstReview: firstReview,
                  lastReview: lastReview, repeatPending: repeatPending, suspended: suspended, buriedUntil: buriedUntil)
    }

    public var isNew: Bool { state == nil }

    /// nil for the progress of a card that has none (the empty state an undo of a first answer
    /// leaves); the progress otherwise.
    public var nilIfNew: CardProgress? { self == CardProgress() ? nil : self }

    /// The classic SM-2 memory, when classic SM-2 produced the state; setting it makes the
    /// state classic SM-2's (due with it).
    public var memory: Memory? {
        get {
            if case let .sm2(m) = state { return m }
            return nil
        }
        set {
            state = newValue.map(SchedulerState.sm2)
            due = newValue?.due ?? 0
        }
    }

    /// In learning or relearning steps of minutes (Anki's learn and day-learn queues, FSRS's
    /// learning and relearning states): it comes back the same day when its step is due.
    public var isLearning: Bool {
        switch state {
        case let .anki(c)?: return c.queue == .learn || c.queue == .dayLearn
        case let .fsrs(c)?: return c.state != .review
        default: return false
        }
    }

    /// The next due moment; nil for a card never answered.
    public var dueTime: EpochSeconds? { state == nil ? nil : due }

    /// The interval in days the scheduler gave (0 while learning); nil for a card never answered.
    public var intervalDays: Int? {
        switch state {
        case nil: return nil
        case let .sm2(m): return m.intervalDays
        case let .anki(c): return c.kind == .review ? c.intervalDays : 0
        case let .fsrs(c): return c.intervalDays ?? 0
        }
    }

    /// The ease as a factor (SM-2's E-Factor, Anki's ease); nil for FSRS and new cards.
    public var ease: Double? {
        switch state {
        case let .sm2(m): return m.easiness
        case let .anki(c) where c.easePermille > 0: return Double(c.easePermille) / 1000
        default: return nil
        }
    }
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
    /// Imported from Anki: an answer in relearning steps (revlog type 2).
    case relearn
    /// Imported from Anki: an answer in a filtered deck (revlog type 3).
    case filtered
}

/// What a record in the review log does. Every record carries the card's full state after it,
/// so a card's state is the state of its newest record.
public enum LogAction: Equatable, Sendable {
    case answer(grade: Grade, kind: ReviewKind, answerMillis: Int)
    /// Takes back the record whose id is `undoes`.
    case undo(undoes: RecordID)
    case bury
    case suspend
    case unsuspend
    /// The card's state rebuilt by another scheduler (`srs scheduler NAME`): its answers
    /// replayed, or the state it had under that scheduler restored.
    case reschedule
    /// The card's whole progress as an Anki package holds it, set by `srs import`
    /// (`docs/anki-import.md`): the state, suspension and burying together.
    case imported
}

/// A log record's id: unique across machines (see `RecordIDs`), so that two machines' logs of
/// one user can be united by id.
public typealias RecordID = String

/// One record of a user's review log.
public struct LogRecord: Equatable, Sendable {
    /// 1-based position in the user's log as read or written here, counting every record.
    public var seq: Int
    public var id: RecordID
    public var card: CardID
    public var time: EpochSeconds
    public var action: LogAction
    /// The scheduler that produced `after`.
    public var scheduler: String
    public var after: CardProgress

    public init(seq: Int, id: RecordID, card: CardID, time: EpochSeconds, action: LogAction, scheduler: String,
                after: CardProgress) {
        self.seq = seq
        self.id = id
        self.card = card
        self.time = time
        self.action = action
        self.scheduler = scheduler
        self.after = after
    }
}

/// Makes record ids unique across machines: a 64-bit random prefix drawn once per process (the
/// caller passes it, so tests are deterministic) and a counter, e.g. `3f9c0a7d5e21b864-12`.
public struct RecordIDs: Sendable {
    public let prefix: UInt64
    private var counter = 0

    public init(prefix: UInt64) { self.prefix = prefix }

    public mutating func next() -> RecordID {
        counter += 1
        let hex = String(prefix, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex + "-" + String(counter)
    }

    /// The id a version-1 record gets when read: its 1-based position. A v1 log becomes
    /// version 2 only by the upgrade, which gives each record an id from its line's content.
    public static func v1(seq: Int) -> RecordID { "v1-" + String(seq) }
}
