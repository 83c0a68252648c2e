/// Anki's v3 scheduler with SM-2 (the official backend's `rslib`, 26.9), as a pure function of
/// the card, the grade, the time and the deck options. Numbers are f32 as in Anki; see
/// `docs/scheduling.md`.
public struct AnkiScheduler: Sendable {
    public static let minimumEase: Float = 1.3
    public var options: AnkiOptions
    public var days: AnkiDays
    /// Fuzz intervals with srs's seeded draw (`Fuzz.ankiFraction`); Anki fuzzes by default.
    public var fuzz: Bool

    public init(options: AnkiOptions = AnkiOptions(), days: AnkiDays = AnkiDays(), fuzz: Bool = true) {
        self.options = options
        self.days = days
        self.fuzz = fuzz
    }

    /// The card after `grade` at `now`. `card` is the card's id, which seeds the fuzz.
    public func review(_ state: AnkiCard, grade: Grade, at now: EpochSeconds, card: String) -> AnkiCard {
        review(state, grade: grade, at: now, fuzz: fuzz ? Fuzz.ankiFraction(card: card, reps: state.reps) : nil)
    }

    /// The card after `grade` at `now`, with fuzz fraction `fraction` (nil: no fuzz).
    public func review(_ original: AnkiCard, grade: Grade, at now: EpochSeconds, fuzz fraction: Float?) -> AnkiCard {
        let state = original.pinned
        let answer = Answer(scheduler: self, now: now, fraction: fraction)
        var next: AnkiCard
        switch state.kind {
        case .new: next = answer.learning(state, remaining: options.learningSteps.count, grade: grade)
        case .learning: next = answer.learning(state, remaining: state.remainingSteps, grade: grade)
        case .review: next = answer.review(state, grade: grade)
        case .relearning: next = answer.relearning(state, grade: grade)
        }
        next.reps = state.reps + 1
        return next
    }

    /// What each grade would give, for the grade keys; applying a grade gives exactly this.
    public func outcomes(_ state: AnkiCard, at now: EpochSeconds, card: String) -> [Grade: AnkiCard] {
        var result: [Grade: AnkiCard] = [:]
        for grade in Grade.allCases { result[grade] = review(state, grade: grade, at: now, card: card) }
        return result
    }

    /// The moment the card becomes due (the start of its due day for day-based queues).
    public func dueTime(_ state: AnkiCard) -> EpochSeconds {
        switch state.due {
        case let .time(time): return time
        case let .day(day): return days.start(ofDay: day)
        }
    }

    /// The largest interval, never below 1 (Anki's `min_and_max_review_intervals`).
    var maximum: Int { max(options.maximumInterval, 1) }

    /// `round(x × IM)` fuzzed within [minimum, MAX], the minimum clamped to [1, MAX] first.
    func constrain(_ interval: Float, minimum: Int, fraction: Float?) -> Int {
        Fuzz.anki(interval * options.intervalModifier, minimum: min(max(minimum, 1), maximum),
                  maximum: maximum, fraction: fraction)
    }

    /// Anki's stored ease: `round(e × 1000) as u16`.
    static func permille(_ ease: Float) -> Int { min(Saturating.u32((ease * 1000).rounded()), 65_535) }
}
