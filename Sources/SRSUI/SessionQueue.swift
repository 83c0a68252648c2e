import SRSCore

/// Why a card is in today's review: it sets which header count it belongs to.
public enum QueueOrigin: Equatable, Sendable {
    case new, review, sameDay, practice
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
    var done = 0

    init(_ queue: DailyQueue) {
        remaining = queue.repeats.map { QueueEntry(card: $0, origin: .sameDay) }
            + queue.reviews.map { QueueEntry(card: $0, origin: .review) }
            + queue.new.map { QueueEntry(card: $0, origin: .new) }
    }

    init(practice cards: [CardID]) {
        remaining = cards.map { QueueEntry(card: $0, origin: .practice) }
    }

    var current: QueueEntry? { remaining.first }
    var total: Int { done + remaining.count }

    func count(_ origin: QueueOrigin) -> Int {
        remaining.reduce(0) { $0 + ($1.origin == origin ? 1 : 0) }
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
