import SRSCore
/// A deck's name and its cards, in deck order.
public struct DeckCards: Equatable, Sendable {
    public var name: String
    public var cards: [CardID]

    public init(name: String, cards: [CardID]) {
        self.name = name
        self.cards = cards
    }
}

/// Everything `StatsReport.compute` reads. Time is an argument: nothing reads the clock.
public struct StatsInput: Sendable {
    /// The decks the user can study; cards with progress but in no deck are counted too.
    public var decks: [DeckCards]
    public var progress: CardTable
    public var history: ReviewHistory
    public var clock: DayClock
    public var now: EpochSeconds
    /// Days of the per-day history (`--days`).
    public var historyDays: Int
    /// Limit every figure to the deck at this index of `decks` (`--deck`).
    public var onlyDeck: Int?
    /// Today's limits (the one-day increases included), for the reviews held back.
    public var limits: QueueLimits

    public static let defaultHistoryDays = 30
    /// `--days` accepts 1 through this (ten years).
    public static let maximumHistoryDays = 3650

    public init(decks: [DeckCards], progress: CardTable, history: ReviewHistory,
                clock: DayClock, now: EpochSeconds, historyDays: Int = StatsInput.defaultHistoryDays,
                onlyDeck: Int? = nil, limits: QueueLimits = QueueLimits()) {
        self.decks = decks
        self.progress = progress
        self.history = history
        self.clock = clock
        self.now = now
        self.historyDays = min(max(historyDays, 1), Self.maximumHistoryDays)
        self.onlyDeck = onlyDeck
        self.limits = limits
    }
}
