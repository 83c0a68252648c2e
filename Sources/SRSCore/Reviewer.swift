/// Applies a learner's answer to a card: the scheduler's step plus, for classic SM-2, the
/// same-day repeat rule.
///
/// Wozniak's step 7: a card graded below Good comes back in the same day's review until it is
/// graded Good or better; those repeats change neither the easiness nor the interval. Anki's
/// SM-2 and FSRS have learning steps instead, inside their own state.
public struct Reviewer: Sendable {
    public let scheduler: any Scheduler
    public let clock: DayClock

    public init(scheduler: any Scheduler = SM2(), clock: DayClock) {
        self.scheduler = scheduler
        self.clock = clock
    }

    /// Classic SM-2 repeats failed cards the same day; the others use learning steps.
    public var repeatsSameDay: Bool { scheduler.name == "sm2" }

    /// True when the card's next answer today is a same-day repeat.
    public func isRepeat(_ progress: CardProgress?, at time: EpochSeconds) -> Bool {
        guard repeatsSameDay, let progress, progress.repeatPending, progress.state != nil else { return false }
        return clock.dayStart(containing: progress.lastReview) == clock.dayStart(containing: time)
    }

    /// The kind of answer the card's next grade would be.
    public func kind(of progress: CardProgress?, at time: EpochSeconds, practice: Bool = false) -> ReviewKind {
        if practice { return .practice }
        if isRepeat(progress, at: time) { return .repeat }
        return (progress?.state == nil) ? .learn : .review
    }

    /// The card's state after `grade` at `time`. Practice answers leave the schedule unchanged.
    /// `card` seeds the scheduler's fuzz.
    public func answer(_ progress: CardProgress?, grade: Grade, at time: EpochSeconds,
                       practice: Bool = false, card: CardID = CardID("")) -> CardProgress {
        var next = progress ?? CardProgress()
        switch kind(of: progress, at: time, practice: practice) {
        case .practice:
            return next
        case .repeat:
            next.repeatPending = grade.needsSameDayRepeat
        case .learn, .review:
            let state = scheduler.review(next.state, rating: scheduler.rating(for: grade), at: time, card: card.rawValue)
            next.state = state
            next.due = scheduler.due(of: state)
            next.repeatPending = repeatsSameDay && grade.needsSameDayRepeat
            if next.firstReview == 0 { next.firstReview = time }
        }
        next.lastReview = time
        return next
    }

    /// The state each grade would give, for showing the next interval on each grade key.
    public func outcomes(_ progress: CardProgress?, at time: EpochSeconds,
                         practice: Bool = false, card: CardID = CardID("")) -> [Grade: CardProgress] {
        var result: [Grade: CardProgress] = [:]
        for grade in Grade.allCases {
            result[grade] = answer(progress, grade: grade, at: time, practice: practice, card: card)
        }
        return result
    }
}
