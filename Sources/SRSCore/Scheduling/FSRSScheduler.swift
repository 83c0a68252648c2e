/// FSRS-6 with learning steps, exactly as py-fsrs 6.3.2's `Scheduler.review_card`: elapsed
/// time in whole 24-hour periods, no day rollover. See `docs/scheduling.md`.
public struct FSRSScheduler: Sendable {
    public let options: FSRSOptions
    /// Fuzz review intervals with srs's seeded draw (`Fuzz.fraction`); py-fsrs fuzzes by default.
    public var fuzz: Bool
    let model: FSRSModel

    public init(options: FSRSOptions = FSRSOptions(), fuzz: Bool = true) {
        self.options = options
        self.fuzz = fuzz
        model = FSRSModel(parameters: options.parameters)
    }

    /// R at `time` from the card's stability and last review; 0 for a card never reviewed.
    public func retrievability(_ card: FSRSCard, at time: EpochSeconds) -> Double {
        guard let last = card.lastReview, let s = card.stability else { return 0 }
        return model.retrievability(elapsedDays: elapsedDays(since: last, at: time), stability: s)
    }

    /// The card after `grade` at `now`; `card` (the id) seeds the fuzz.
    public func review(_ state: FSRSCard, grade: Grade, at now: EpochSeconds, card: String) -> FSRSCard {
        review(state, grade: grade, at: now, fuzz: fuzz ? Fuzz.fraction(card: card, reps: state.reps) : nil)
    }

    /// The card after `grade` at `now` with fuzz fraction `fraction` (nil: no fuzz).
    public func review(_ original: FSRSCard, grade: Grade, at now: EpochSeconds, fuzz fraction: Double?) -> FSRSCard {
        let state = original.pinned
        var next = state
        updateMemory(&next, grade: grade.rawValue, at: now)
        let delay: Delay
        switch state.state {
        case .learning: delay = stepping(&next, grade: grade.rawValue, steps: options.learningSteps)
        case .relearning: delay = stepping(&next, grade: grade.rawValue, steps: options.relearningSteps)
        case .review: delay = reviewing(&next, grade: grade.rawValue)
        }
        if state.state == .review && grade == .again { next.lapses = state.lapses + 1 }
        next.reps = state.reps + 1
        switch delay {
        case let .seconds(seconds): next.due = Saturating.add(now, seconds)
        case let .days(days):
            let fuzzed = fraction.map { Fuzz.fsrs(days, maximum: options.maximumInterval, fraction: $0) } ?? days
            next.due = Saturating.adding(days: fuzzed, to: now)
        }
        next.lastReview = now
        return next
    }

    /// What each grade would give, for the grade keys.
    public func outcomes(_ state: FSRSCard, at now: EpochSeconds, card: String) -> [Grade: FSRSCard] {
        var result: [Grade: FSRSCard] = [:]
        for grade in Grade.allCases { result[grade] = review(state, grade: grade, at: now, card: card) }
        return result
    }

    enum Delay { case seconds(EpochSeconds), days(Int) }

    private func elapsedDays(since last: EpochSeconds, at time: EpochSeconds) -> Int {
        Int(clamping: Saturating.floorDiv(Saturating.subtract(time, last), secondsPerDay))
    }

    /// S first (from the old D), then D: S0/D0 on a first answer, S_short within 24 h.
    private func updateMemory(_ card: inout FSRSCard, grade g: Int, at now: EpochSeconds) {
        guard let s = card.stability, let d = card.difficulty else {
            card.stability = model.initialStability(g)
            card.difficulty = model.initialDifficulty(g)
            return
        }
        let elapsed = card.lastReview.map { elapsedDays(since: $0, at: now) }
        if let elapsed, elapsed < 1 {
            card.stability = model.shortTermStability(s, g)
        } else {
            card.stability = model.nextStability(d: d, s: s, r: retrievability(card, at: now), g: g)
        }
        card.difficulty = model.nextDifficulty(d, g)
    }

    private func graduate(_ card: inout FSRSCard) -> Delay {
        (card.state, card.step) = (.review, nil)
        return .days(interval(card))
    }

    private func interval(_ card: FSRSCard) -> Int {
        model.interval(card.stability ?? FSRSModel.stabilityMinimum, retention: options.desiredRetention,
                       maximum: options.maximumInterval)
    }

    /// Learning and relearning: the steps, then the review state.
    private func stepping(_ card: inout FSRSCard, grade g: Int, steps: [Int]) -> Delay {
        let step = max(card.step ?? 0, 0)
        if steps.isEmpty || (step >= steps.count && g >= 2) { return graduate(&card) }
        switch g {
        case 1:
            card.step = 0
            return .seconds(EpochSeconds(steps[0]))
        case 2:
            if step == 0 && steps.count == 1 { return .seconds(EpochSeconds((Double(steps[0]) * 1.5).rounded(.toNearestOrEven))) }
            if step == 0 { return .seconds(EpochSeconds((Double(steps[0] + steps[1]) / 2).rounded(.toNearestOrEven))) }
            return .seconds(EpochSeconds(steps[min(step, steps.count - 1)]))
        case 3:
            if step + 1 >= steps.count { return graduate(&card) }
            card.step = step + 1
            return .seconds(EpochSeconds(steps[step + 1]))
        default:
            return graduate(&card)
        }
    }

    /// Review: Again goes to relearning when there are relearning steps.
    private func reviewing(_ card: inout FSRSCard, grade g: Int) -> Delay {
        if g == 1, let first = options.relearningSteps.first {
            (card.state, card.step) = (.relearning, 0)
            return .seconds(EpochSeconds(first))
        }
        return .days(interval(card))
    }
}
