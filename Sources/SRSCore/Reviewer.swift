/// Applies a learner's answer to a card: the scheduler's step plus the same-day repeat rule.
///
/// Wozniak's step 7: a card graded below Good comes back in the same day's review until it is
/// graded Good or better; those repeats change neither the easiness nor the interval.
public struct Reviewer: Sendable {
    /// Classic SM-2 with the maximum interval; Anki's and FSRS's states plug in through
    /// `SchedulerState` once `CardProgress` holds one.
    public let scheduler: SM2
    public let clock: DayClock

    public init(scheduler: SM2 = SM2(), clock: DayClock) {
        self.scheduler = scheduler
        self.clock = clock
    }

    /// True when the card's next answer today is a same-day repeat.
    public func isRepeat(_ progress: CardProgress?, at time: EpochSeconds) -> Bool {
        guard let progress, progress.repeatPending, progress.memory != nil else { return false }
        return clock.dayStart(containing: progress.lastReview) == clock.dayStart(containing: time)
    }

    /// The kind of answer the card's next grade would be.
    public func kind(of progress: CardProgress?, at time: EpochSeconds, practice: Bool = false) -> ReviewKind {
        if practice { return .practice }
        if isRepeat(progress, at: time) { return .repeat }
        return (progress?.memory == nil) ? .learn : .review
    }

    /// The card's state after `grade` at `time`. Practice answers leave the schedule unchanged.
    public func answer(_ progress: CardProgress?, grade: Grade, at time: EpochSeconds,
                       practice: Bool = false) -> CardProgress {
        var next = progress ?? CardProgress()
        switch kind(of: progress, at: time, practice: practice) {
        case .practice:
            return next
        case .repeat:
            next.repeatPending = grade.needsSameDayRepeat
        case .learn, .review:
            next.memory = scheduler.review(next.memory, quality: grade.quality, at: time)
            next.repeatPending = grade.needsSameDayRepeat
            if next.firstReview == 0 { next.firstReview = time }
        }
        next.lastReview = time
        return next
    }

    /// The state each grade would give, for showing the next interval on each grade key.
    public func outcomes(_ progress: CardProgress?, at time: EpochSeconds,
                         practice: Bool = false) -> [Grade: CardProgress] {
        var result: [Grade: CardProgress] = [:]
        for grade in Grade.allCases {
            result[grade] = answer(progress, grade: grade, at: time, practice: practice)
        }
        return result
    }
}
