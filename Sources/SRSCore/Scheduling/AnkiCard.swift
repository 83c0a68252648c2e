/// One card's state as Anki's `cards` row keeps it for the v3 SM-2 scheduler.
public struct AnkiCard: Equatable, Sendable {
    /// Anki's card type (`ctype`).
    public enum Kind: Int, Sendable, CaseIterable {
        case new = 0, learning = 1, review = 2, relearning = 3
    }

    /// Anki's queue: `learn` is intraday (due is a moment), `dayLearn` a (re)learning step that
    /// crossed the rollover (due is a day), `review` a review (due is a day).
    public enum Queue: Int, Sendable, CaseIterable {
        case new = 0, learn = 1, review = 2, dayLearn = 3
    }

    /// When the card is due: a moment for the `learn` queue, an Anki day number otherwise.
    public enum Due: Equatable, Sendable {
        case time(EpochSeconds)
        case day(Int)
    }

    public var kind: Kind
    public var queue: Queue
    /// Learning or relearning steps still to pass (Anki's `left % 1000`); 0 in review.
    public var remainingSteps: Int
    /// Anki's `ivl`: 0 while a new card is learning, the lapse interval while relearning.
    public var intervalDays: Int
    /// Anki's `factor`: the ease in permille, 0 until the card first graduates.
    public var easePermille: Int
    public var due: Due
    /// Answers so far.
    public var reps: Int
    /// Lapses: Again on a review card.
    public var lapses: Int

    public init(kind: Kind, queue: Queue, remainingSteps: Int, intervalDays: Int,
                easePermille: Int, due: Due, reps: Int, lapses: Int) {
        self.kind = kind
        self.queue = queue
        self.remainingSteps = remainingSteps
        self.intervalDays = intervalDays
        self.easePermille = easePermille
        self.due = due
        self.reps = reps
        self.lapses = lapses
    }

    /// A card never answered.
    public static let new = AnkiCard(kind: .new, queue: .new, remainingSteps: 0, intervalDays: 0,
                                     easePermille: 0, due: .time(0), reps: 0, lapses: 0)

    /// The card with every number pinned to what Anki's columns hold (u32 interval, u16 ease,
    /// day numbers within ±2⁴⁰), so that a damaged stored state cannot make arithmetic trap.
    public var pinned: AnkiCard {
        var card = self
        card.remainingSteps = min(max(remainingSteps, 0), 1_000_000)
        card.intervalDays = min(max(intervalDays, 0), 4_294_967_295)
        card.easePermille = min(max(easePermille, 0), 65_535)
        card.reps = min(max(reps, 0), Int(Int32.max))
        card.lapses = min(max(lapses, 0), Int(Int32.max))
        if case let .day(day) = due { card.due = .day(min(max(day, -(1 << 40)), 1 << 40)) }
        return card
    }

    /// The ease as Anki reads it back: `factor as f32 / 1000`.
    public var ease: Float { Float(easePermille) / 1000 }

    /// A leech at `threshold` lapses and then every `ceil(threshold / 2)` more (Anki's
    /// `leech_threshold_met`): with the default 8, at 8, 12, 16, …
    public static func isLeech(lapses: Int, threshold: Int) -> Bool {
        guard threshold > 0, lapses >= threshold else { return false }
        let half = max(1, (threshold + 1) / 2)
        return (lapses - threshold) % half == 0
    }
}
