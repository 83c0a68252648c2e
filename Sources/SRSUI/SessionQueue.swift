import SRSCore

/// Why a card is in today's review: it sets which header count it belongs to.
public enum QueueOrigin: Equatable, Sendable {
    case new, review, sameDay, practice
    /// A (re)learning step (Anki's SM-2, FSRS).
    case learning
}

/// A card in learning steps waiting for its step: due at `due`.
struct LearningEntry: Equatable, Sendable {
    var card: CardID
    var due: EpochSeconds
}

/// One card waiting in the session.
public struct QueueEntry: Equatable, Sendable {
    public var card: CardID
    public var origin: QueueOrigin
}

/// The cards still to show, the first being on screen, and how many were answered or set aside.
struct SessionQueue: Equatable, Sendable {
    /// A card graded below Good comes back after this many other cards (or at the end): about
    /// Anki's 10-minute learning step at a few seconds a card.
    static let sameDayRepeatGap = 10

    var remaining: [QueueEntry]
    /// Cards in learning steps, soonest due first: one comes to the front of `remaining` when
    /// its step is due (`pickLearning`).
    var learning: [LearningEntry] = []
    var done = 0

    /// Anki's learn-ahead limit: with nothing else left, a learning card due within this many
    /// seconds is shown early rather than waited for.
    static let learnAhead: EpochSeconds = TodaySlot.learnAhead

    init(_ queue: DailyQueue) {
        learning = zip(queue.learning, queue.learningDue).map { LearningEntry(card: $0, due: $1) }
        remaining = queue.repeats.map { QueueEntry(card: $0, origin: .sameDay) }
            + queue.reviews.map { QueueEntry(card: $0, origin: .review) }
            + queue.new.map { QueueEntry(card: $0, origin: .new) }
    }

    init(practice cards: [CardID]) {
        remaining = cards.map { QueueEntry(card: $0, origin: .practice) }
    }

    var current: QueueEntry? { remaining.first }
    var total: Int { done + remaining.count + learning.count }

    func count(_ origin: QueueOrigin) -> Int {
        remaining.reduce(origin == .learning ? learning.count : 0) { $0 + ($1.origin == origin ? 1 : 0) }
    }

    /// Brings the soonest learning card to the front when its step is due at `now`, or, with
    /// nothing else left, when it is due within the learn-ahead limit. Returns how many seconds
    /// early it comes (0 when due), or nil when none came.
    mutating func pickLearning(now: EpochSeconds) -> EpochSeconds? {
        guard let next = learning.first, remaining.first?.origin != .learning else { return nil }
        let early = next.due - now
        guard early <= 0 || (remaining.isEmpty && early <= Self.learnAhead) else { return nil }
        learning.removeFirst()
        remaining.insert(QueueEntry(card: next.card, origin: .learning), at: 0)
        return max(early, 0)
    }

    /// When the review, with nothing else left, will next have a learning card to show (its due
    /// time less the learn-ahead limit); nil when nothing waits.
    var learningWakeUp: EpochSeconds? {
        guard remaining.isEmpty, let next = learning.first else { return nil }
        return next.due - Self.learnAhead
    }

    /// Puts `card` among the learning cards, due at `due`.
    mutating func addLearning(_ card: CardID, due: EpochSeconds) {
        learning.removeAll { $0.card == card }
        let position = learning.firstIndex { ($0.due, $0.card) > (due, card) } ?? learning.count
        learning.insert(LearningEntry(card: card, due: due), at: position)
    }

    /// Drops the current card without counting it (its text cannot be had).
    mutating func skipCurrent() {
        if !remaining.isEmpty { remaining.removeFirst() }
    }

    /// Moves past the current card; a same-day repeat goes back in a little later.
    mutating func advance(repeatToday: Bool) {
        guard !remaining.isEmpty else { return }
        let entry = remaining.removeFirst()
        done += 1
        if repeatToday {
            let position = min(Self.sameDayRepeatGap, remaining.count)
            remaining.insert(QueueEntry(card: entry.card, origin: .sameDay), at: position)
        }
    }
}

/// What undo gives back to the review screen besides the card's progress (kept on the one
/// undo stack, in the session's `ReviewBook`).
public struct SessionMark: Sendable {
    var queue: SessionQueue
    var stats: SessionStats
    var practice: Bool
}

/// What the end-of-review summary reports.
struct SessionStats: Equatable, Sendable {
    /// Answers given, same-day repeats included.
    var reviewed = 0
    /// Distinct cards answered.
    var cards: Set<CardID> = []
    /// Answers other than Again (for keyed cards, a wrong choice is always Again).
    var correct = 0
    /// Cards graded Again at least once, in the order they first failed.
    var failed: [CardID] = []

    mutating func record(_ grade: Grade, card: CardID) {
        reviewed += 1
        cards.insert(card)
        if grade == .again {
            if !failed.contains(card) { failed.append(card) }
        } else {
            correct += 1
        }
    }
}
