/// Per-user limits for the daily queue (`settings.json`, see `docs/progress-format.md`).
public struct QueueLimits: Equatable, Sendable {
    /// Anki's default new cards per day.
    public static let defaultNewPerDay = 20
    /// Anki's default maximum reviews per day.
    public static let defaultMaxReviewsPerDay = 200

    public var newPerDay: Int
    public var maxReviewsPerDay: Int

    public init(newPerDay: Int = QueueLimits.defaultNewPerDay,
                maxReviewsPerDay: Int = QueueLimits.defaultMaxReviewsPerDay) {
        self.newPerDay = newPerDay
        self.maxReviewsPerDay = maxReviewsPerDay
    }
}

/// Today's cards in the order they are shown: same-day repeats, then due reviews (most overdue
/// first), then new cards; cards in learning steps (Anki's SM-2, FSRS) come in when their step
/// is due, before the others (the review session times them).
public struct DailyQueue: Equatable, Sendable {
    public var repeats: [CardID]
    public var reviews: [CardID]
    public var new: [CardID]
    /// Cards in (re)learning whose step falls due before the study day ends, soonest first.
    public private(set) var learning: [CardID]
    /// When each of `learning` is due, in the same order (the review times their steps); set
    /// only with `learning`, by `init`.
    public private(set) var learningDue: [EpochSeconds]

    public init(repeats: [CardID] = [], reviews: [CardID] = [], new: [CardID] = [],
                learning: [(card: CardID, due: EpochSeconds)] = []) {
        self.repeats = repeats
        self.reviews = reviews
        self.new = new
        self.learning = learning.map(\.card)
        learningDue = learning.map(\.due)
    }

    public var all: [CardID] { learning + repeats + reviews + new }
    public var isEmpty: Bool { repeats.isEmpty && reviews.isEmpty && new.isEmpty && learning.isEmpty }
    public var count: Int { repeats.count + reviews.count + new.count + learning.count }

    /// Builds today's queue.
    ///
    /// - Parameters:
    ///   - cards: every card of the decks under review, in deck order (new cards come in this order).
    ///   - progress: the user's progress for each card that has any.
    ///   - limits: new cards and reviews per day; both count what was already studied today.
    ///   - now: the current time; a review is due for the whole study day its due time falls on.
    public static func build(cards: [CardID], progress: CardTable, limits: QueueLimits,
                             clock: DayClock, now: EpochSeconds) -> DailyQueue {
        build(cards: cards, progress: progress, limits: limits, clock: clock, now: now, threshold: parallelThreshold)
    }

    static func build(cards: [CardID], progress: CardTable, limits: QueueLimits,
                      clock: DayClock, now: EpochSeconds, threshold: Int) -> DailyQueue {
        let day = StudyDay(start: clock.dayStart(containing: now), end: clock.nextDayStart(after: now), now: now)
        let (newCap, reviewCap) = (max(limits.newPerDay, 0), max(limits.maxReviewsPerDay, 0))
        // Large collections are scanned in two halves on the two cores (the scan is a card-table
        // look-up per card), each half putting its own lists in order; the halves merge to
        // exactly what one scan gives.
        let parts: [Scan]
        if cards.count >= threshold {
            let middle = cards.count / 2
            let (first, second) = bothCores({ Scan(cards[..<middle], progress: progress, day: day, newCap: newCap, reviewCap: reviewCap) },
                                            { Scan(cards[middle...], progress: progress, day: day, newCap: newCap, reviewCap: reviewCap) })
            parts = [first, second]
        } else {
            parts = [Scan(cards[...], progress: progress, day: day, newCap: newCap, reviewCap: reviewCap)]
        }
        let newRoom = max(0, limits.newPerDay - parts.reduce(0) { $0 + $1.newStudied })
        let reviewRoom = max(0, limits.maxReviewsPerDay - parts.reduce(0) { $0 + $1.reviewsStudied })
        return DailyQueue(repeats: merged(parts, \.repeats).map(\.0),
                          reviews: merged(parts, \.reviews).prefix(reviewRoom).map(\.0),
                          new: Array(parts.flatMap(\.new).prefix(newRoom)),
                          learning: merged(parts, \.learning).map { (card: $0.0, due: $0.1) })
    }

    typealias Entry = (CardID, EpochSeconds)

    /// Today's order: the sooner due (or, for same-day repeats, answered) first, then by id.
    static func inOrder(_ a: Entry, _ b: Entry) -> Bool { a.1 != b.1 ? a.1 < b.1 : a.0 < b.0 }

    /// The parts' lists (each in order) merged into one in order.
    private static func merged(_ parts: [Scan], _ list: KeyPath<Scan, [Entry]>) -> [Entry] {
        guard parts.count == 2 else { return parts.first?[keyPath: list] ?? [] }
        let (a, b) = (parts[0][keyPath: list], parts[1][keyPath: list])
        var out: [Entry] = []
        out.reserveCapacity(a.count + b.count)
        var (i, j) = (0, 0)
        while i < a.count && j < b.count {
            if inOrder(b[j], a[i]) { out.append(b[j]); j += 1 } else { out.append(a[i]); i += 1 }
        }
        out += a[i...]
        out += b[j...]
        return out
    }

    /// Collections at least this large are scanned on two threads.
    static let parallelThreshold = 20_000

    struct StudyDay {
        let start: EpochSeconds, end: EpochSeconds, now: EpochSeconds
    }

    /// One pass over some of the cards: what each contributes to today's queue, each list in
    /// today's order (`inOrder`).
    struct Scan {
        var repeats: [Entry] = []
        /// The first `reviewCap` due reviews: the room today's limit leaves is at most that
        /// (only those need an order; several thousand may be due).
        var reviews: [Entry] = []
        var learning: [Entry] = []
        /// New cards in deck order, at most the daily limit (no part can give more).
        var new: [CardID] = []
        var newStudied = 0, reviewsStudied = 0

        init(_ cards: ArraySlice<CardID>, progress: CardTable, day: StudyDay, newCap: Int, reviewCap: Int) {
            new.reserveCapacity(min(cards.count, newCap))
            var due = SmallestElements<Entry>(reviewCap, by: DailyQueue.inOrder)
            for id in cards {
                guard let p = progress[id] else {
                    if new.count < newCap { new.append(id) }
                    continue
                }
                switch DailyQueue.studiedToday(p, start: day.start) {
                case .learn?: newStudied += 1
                case .review?: reviewsStudied += 1
                default: break
                }
                switch TodaySlot.of(p, start: day.start, end: day.end, now: day.now) {
                case .new: if new.count < newCap { new.append(id) }
                case .learning: learning.append((id, p.due))
                case .repeatToday: repeats.append((id, p.lastReview))
                case .review: due.add((id, p.due))
                case .none: break
                }
            }
            reviews = due.sorted()
            repeats.sort(by: DailyQueue.inOrder)
            learning.sort(by: DailyQueue.inOrder)
        }
    }
}

extension DailyQueue {
    /// What a card counts against today's limits, for the study day from `start`: a new card
    /// first answered today, a review answered today, or nothing (nil).
    public static func studiedToday(_ p: CardProgress, start: EpochSeconds) -> ReviewKind? {
        if p.firstReview >= start { return .learn }
        return p.lastReview >= start ? .review : nil
    }

    /// Cards to practise ahead when nothing is due: reviewed cards not due today, soonest first.
    /// Practice answers do not change the schedule.
    public static func practiceAhead(cards: [CardID], progress: CardTable, limit: Int,
                                     clock: DayClock, now: EpochSeconds) -> [CardID] {
        let dayEnd = clock.nextDayStart(after: now)
        let ahead = cards.compactMap { id -> (CardID, EpochSeconds)? in
            guard let p = progress[id], !p.suspended, p.buriedUntil <= now,
                  let due = p.dueTime, due >= dayEnd, !p.isLearning else { return nil }
            return (id, due)
        }
        return ahead.smallest(limit, by: inOrder).map(\.0)
    }

    /// When the next card not in today's queue falls due (nil when no card is scheduled).
    public static func nextDue(progress: CardTable, after time: EpochSeconds) -> EpochSeconds? {
        progress.values.lazy
            .filter { !$0.suspended }
            .compactMap(\.dueTime)
            .filter { $0 >= time }
            .min()
    }
}
