/// One card's state as py-fsrs 6.3.2's `Card` keeps it, plus the review and lapse counts.
public struct FSRSCard: Equatable, Sendable {
    public enum State: Int, Sendable, CaseIterable {
        case learning = 1, review = 2, relearning = 3
    }

    public var state: State
    /// The (re)learning step; nil in review.
    public var step: Int?
    /// Memory stability S in days; nil until the first answer.
    public var stability: Double?
    /// Difficulty D in [1, 10]; nil until the first answer.
    public var difficulty: Double?
    public var due: EpochSeconds
    public var lastReview: EpochSeconds?
    /// Answers so far.
    public var reps: Int
    /// Again answers given in the review state (Anki's definition of a lapse).
    public var lapses: Int

    public init(state: State, step: Int?, stability: Double?, difficulty: Double?,
                due: EpochSeconds, lastReview: EpochSeconds?, reps: Int, lapses: Int) {
        self.state = state
        self.step = step
        self.stability = stability
        self.difficulty = difficulty
        self.due = due
        self.lastReview = lastReview
        self.reps = reps
        self.lapses = lapses
    }

    /// A card never answered: learning, step 0, due at once.
    public static let new = FSRSCard(state: .learning, step: 0, stability: nil, difficulty: nil,
                                     due: 0, lastReview: nil, reps: 0, lapses: 0)

    /// The card with every number pinned to a sane range (a non-finite or non-positive memory
    /// counts as none), so that a damaged stored state cannot make arithmetic trap.
    public var pinned: FSRSCard {
        var card = self
        card.step = step.map { min(max($0, 0), 1_000_000) }
        card.reps = min(max(reps, 0), Int(Int32.max))
        card.lapses = min(max(lapses, 0), Int(Int32.max))
        if let s = stability, !(s.isFinite && s > 0) { card.stability = nil }
        if let d = difficulty { card.difficulty = d.isFinite ? min(max(d, 1), 10) : nil }
        return card
    }

    /// Whole days from the last review to the due date in review; nil while (re)learning.
    public var intervalDays: Int? {
        guard state == .review, let lastReview else { return nil }
        return Int(Saturating.floorDiv(Saturating.subtract(due, lastReview), secondsPerDay))
    }
}
