import SRSCore
import SRSText

/// Milliseconds since 1970-01-01T00:00:00Z: answer times are kept to the millisecond.
public typealias EpochMillis = Int64

/// What the shell feeds the session.
public enum Message: Equatable, Sendable {
    case key(Key, at: EpochMillis)
    /// The terminal changed size.
    case resize(Size)
    /// Something the learner should read in the status line, e.g. a failed save.
    case notice(String)
    /// Work that can wait until the screen is drawn (see `ReviewSession.wantsTick`).
    case tick
    /// The time, sent when no key came (see `ReviewSession.wakeAt`): a learning card may be due.
    case clock(at: EpochMillis)
}

/// What the session asks the shell to do. The session never saves anything itself.
public enum Effect: Equatable, Sendable {
    /// Append this record to the review log (an answer, bury, suspend or undo, made by the
    /// session's `ReviewBook`) and make it durable.
    case append(LogRecord)
    /// Save a corrected multiple-choice key to the card's deck.
    case saveKey(CardID, AnswerKey)
    /// Open these media files of the card on screen (`[image: …]`, `[sound: …]`) with the
    /// system's opener; the shell tells the session what came of it with a `.notice`.
    case openMedia([String])
    case quit
}

/// What reading a card's text gave.
public enum CardRead: Sendable {
    case card(Card)
    /// No deck under review holds the id.
    case missing
    /// The deck holds it but its text cannot be read (a damaged block): what is wrong, naming
    /// the file and line. The session stops there (see `ReviewSession.unreadable`).
    case unreadable(String)
}

/// Where a session finds its cards: every id under review in deck order, and a card's text
/// when it comes up (a large deck is read lazily; see `LazyDeck`).
public struct CardSource: Sendable {
    public var order: [CardID]
    public var lookup: @Sendable (CardID) -> CardRead

    public init(order: [CardID], lookup: @escaping @Sendable (CardID) -> CardRead) {
        self.order = order
        self.lookup = lookup
    }

    /// Cards already in memory: the first card with an id, in deck order.
    public init(cards: [Card]) {
        order = cards.map(\.id)
        lookup = { id in cards.first { $0.id == id }.map(CardRead.card) ?? .missing }
    }
}

/// Everything a review session starts from. Time and randomness come in here, never from
/// the system.
public struct SessionSetup: Sendable {
    public var title: String
    /// Cards of the decks under review, in deck order.
    public var cards: CardSource
    /// The user's progress and its log position; the session owns it from here on.
    public var book: ReviewBook<SessionMark>
    public var limits: QueueLimits
    public var now: EpochMillis
    public var seed: UInt64
    public var size: Size
    /// How many cards a practice-ahead round offers.
    public var practiceLimit: Int

    public init(title: String, cards: [Card], book: ReviewBook<SessionMark>, limits: QueueLimits,
                now: EpochMillis, seed: UInt64, size: Size, practiceLimit: Int = 20) {
        self.init(title: title, source: CardSource(cards: cards), book: book, limits: limits,
                  now: now, seed: seed, size: size, practiceLimit: practiceLimit)
    }

    public init(title: String, source: CardSource, book: ReviewBook<SessionMark>, limits: QueueLimits,
                now: EpochMillis, seed: UInt64, size: Size, practiceLimit: Int = 20) {
        self.title = title
        self.cards = source
        self.book = book
        self.limits = limits
        self.now = now
        self.seed = seed
        self.size = size
        self.practiceLimit = practiceLimit
    }
}

/// The full-screen review as a pure value: `update(_:)` applies a message and returns effects,
/// `render(_:)` draws the current state into a `Screen`.
public struct ReviewSession: Sendable {
    enum Mode: Equatable, Sendable {
        case reviewing(CardView)
        /// Nothing (more) is due: the end-of-review summary, or at the start the next due time.
        /// The outlook is nil until a `.tick` works it out (it reads every card's progress).
        case idle(Outlook?)
        /// Nothing else is left but a learning card due at this time, beyond the learn-ahead
        /// limit: the review waits for it.
        case waiting(EpochSeconds)
    }

    /// What lies ahead, worked out once when the queue runs out.
    struct Outlook: Equatable, Sendable {
        var nextDue: EpochSeconds?
        /// Tomorrow's queue (for its new cards).
        var tomorrow: DailyQueue
        /// "Due tomorrow" and the reviews held back today, as `srs stats` counts them.
        var dueTomorrow: DueTomorrow
        var canPractise: Bool
        /// Cards due or new today that the daily limits hold back.
        var heldBack: DailyQueue
    }

    let title: String
    /// Every card under review, in deck order, and where their text comes from.
    let source: CardSource
    var cardOrder: [CardID] { source.order }
    let limits: QueueLimits
    let practiceLimit: Int
    let startedAt: EpochMillis
    /// The cards shown so far, by id: filled as cards come up rather than for every card at the
    /// start, which keeps start-up fast on large decks.
    var cards: [CardID: Card] = [:]
    /// Every card's progress and the undo stack: the one owner during the review.
    public internal(set) var book: ReviewBook<SessionMark>
    public var progress: CardTable { book.cards }
    var reviewer: Reviewer { book.reviewer }
    var queue: SessionQueue
    var stats = SessionStats()
    var mode: Mode = .idle(nil)
    var practice = false
    var showingHelp = false
    /// The card whose text could not be read when it came up, with what was wrong. The review
    /// stops there: the shell ends it with that message (exit 65), every answer before it saved.
    public internal(set) var unreadable: (card: CardID, problem: String)?
    var notice: String?
    var idleScroll = 0
    /// The log position of the last `refill` (one pass over the cards per change, not per tick).
    var refilledAt = -1
    var helpScroll = 0
    var rng: SeededGenerator
    var now: EpochMillis
    public internal(set) var size: Size

    public init(_ setup: SessionSetup) {
        title = setup.title
        source = setup.cards
        book = setup.book
        limits = setup.limits
        practiceLimit = setup.practiceLimit
        startedAt = setup.now
        now = setup.now
        rng = SeededGenerator(seed: setup.seed)
        size = setup.size
        queue = SessionQueue(DailyQueue.build(cards: setup.cards.order, progress: setup.book.cards, limits: setup.limits,
                                              clock: setup.book.reviewer.clock, now: setup.now / 1000))
        showCurrent()
    }

    var seconds: EpochSeconds { now / 1000 }
    var clock: DayClock { reviewer.clock }

    /// True once the review has a card on screen.
    public var isReviewing: Bool {
        if case .reviewing = mode { return true }
        return false
    }

    /// True when the screen waits for a `.tick` to finish: the shell sends one right after
    /// drawing, so the key that ends a review redraws at once and the outlook (tomorrow's
    /// queue, the next due time: a pass over every card) follows.
    public var wantsTick: Bool { mode == .idle(nil) }

    /// When the shell should send `.clock` if no key comes first: the moment a waited-for
    /// learning card can be shown (nil when the review waits for nothing).
    public var wakeAt: EpochMillis? {
        if case let .waiting(due) = mode { return (due - SessionQueue.learnAhead) * 1000 }
        return nil
    }

    /// Applies one message; returns what the shell must do, in order.
    public mutating func update(_ message: Message) -> [Effect] {
        switch message {
        case let .key(key, at):
            now = max(now, at)
            notice = nil
            return handle(key)
        case let .resize(newSize):
            size = newSize
            return []
        case let .notice(text):
            notice = text
            return []
        case .tick:
            if wantsTick { mode = .idle(outlook()) }
            return []
        case let .clock(at):
            now = max(now, at)
            if case .waiting = mode { showCurrent() }
            return []
        }
    }

    /// Shows the first card of the queue, or the idle screen when it is empty. A card no deck
    /// holds is skipped; an unreadable one stops the review (`unreadable`).
    mutating func showCurrent() {
        if queue.remaining.isEmpty, !practice, book.canUndo, refilledAt != book.recordCount { refill() }
        if !practice, let early = queue.pickLearning(now: seconds), early > 0 {
            notice = "Shown early: this learning card is due in \(IntervalLabel.label(seconds: Float(early))) (nothing else is left; Anki shows learning cards up to \(SessionQueue.learnAhead / 60) minutes early)."
        }
        while let entry = queue.current, !loadCard(entry.card) {
            guard unreadable == nil else { break }
            queue.skipCurrent()
        }
        if unreadable == nil, queue.current == nil, let wake = queue.learningWakeUp {
            mode = .waiting(wake + SessionQueue.learnAhead)
            return
        }
        guard unreadable == nil, let entry = queue.current, let card = cards[entry.card] else {
            mode = .idle(nil)
            idleScroll = 0
            return
        }
        mode = .reviewing(CardView(entry: entry, card: card, shownAt: now, rng: &rng))
    }

    /// When the queue runs out, today's limits may still leave room: a buried or suspended card
    /// took a place it no longer needs (issue 10, point 7: 18 new cards studied, the limit 20,
    /// and the end screen said the limit was reached). The cards the limits now allow come in.
    mutating func refill() {
        refilledAt = book.recordCount
        let today = DailyQueue.build(cards: cardOrder, progress: progress, limits: limits, clock: clock, now: seconds)
        let waiting = Set(queue.learning.map(\.card))
        queue.remaining += today.reviews.filter { !waiting.contains($0) }.map { QueueEntry(card: $0, origin: .review) }
            + today.new.filter { !waiting.contains($0) }.map { QueueEntry(card: $0, origin: .new) }
    }

    /// Makes card `id` available in `cards`, from the source: once per card shown (a scan of ids
    /// costs well under a millisecond for 100,000 cards). False when it cannot be had.
    mutating func loadCard(_ id: CardID) -> Bool {
        if cards[id] != nil { return true }
        switch source.lookup(id) {
        case let .card(card):
            cards[id] = card
            return true
        case .missing:
            return false
        case let .unreadable(problem):
            unreadable = (id, problem)
            return false
        }
    }

    /// The next due time, tomorrow's queue and whether practice is possible, from now.
    func outlook() -> Outlook {
        let tomorrow = clock.nextDayStart(after: seconds)
        // The same test as `DailyQueue.practiceAhead`, without sorting every card to find one.
        let canPractise = progress.values.contains { p in
            !p.suspended && p.buriedUntil <= seconds && (p.memory?.due ?? 0) >= tomorrow
        }
        return Outlook(nextDue: DailyQueue.nextDue(progress: progress, after: seconds),
                       tomorrow: DailyQueue.build(cards: cardOrder, progress: progress, limits: limits,
                                                  clock: clock, now: tomorrow),
                       dueTomorrow: DueTomorrow(cards: cardOrder, progress: progress, reviewLimit: limits.maxReviewsPerDay,
                                                clock: clock, now: seconds),
                       canPractise: canPractise,
                       heldBack: DailyQueue.build(cards: cardOrder, progress: progress, limits: Self.unlimited,
                                                  clock: clock, now: seconds))
    }

    static let unlimited = QueueLimits(newPerDay: Int.max, maxReviewsPerDay: Int.max)

    /// Changes the card on screen in place.
    mutating func modifyView(_ change: (inout CardView) -> Void) {
        guard case var .reviewing(view) = mode else { return }
        change(&view)
        mode = .reviewing(view)
    }
}

extension ReviewSession {
    /// One line for the shell to print once the screen is gone, or nil when nothing was answered.
    public var summaryLine: String? {
        guard stats.reviewed > 0 else { return nil }
        let answers = stats.reviewed == stats.cards.count ? "" : " (\(Format.count(stats.reviewed, "answer")))"
        // The session's length, not the answers' times (`srs stats` sums those, as "answer time").
        return "Reviewed \(Format.count(stats.cards.count, "card"))\(answers); session time \(Format.duration(millis: now - startedAt)); "
            + "\(stats.correct) of \(stats.reviewed) correct (\(Format.percent(stats.correct, of: stats.reviewed))%)."
    }
}
