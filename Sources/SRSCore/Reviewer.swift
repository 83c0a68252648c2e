/// Applies a learner's answer to a card: the scheduler's step plus, for classic SM-2, the
/// same-day repeat rule.
///
/// Wozniak's step 7: a card graded below Good comes back in the same day's review until it is
/// graded Good or better; those repeats change neither the easiness nor the interval. Anki's
/// SM-2 and FSRS have learning steps instead, inside their own state.
public struct Reviewer: Sendable {
    public let scheduler: any Scheduler
    public let clock: DayClock
    /// When a card becomes a leech, and what happens to it then.
    public let leeches: LeechRule

    public init(scheduler: any Scheduler = SM2(), clock: DayClock, leeches: LeechRule = LeechRule()) {
        self.scheduler = scheduler
        self.clock = clock
        self.leeches = leeches
    }

    /// True when the answer that turned `before` into `after` made the card a leech.
    public func becameLeech(_ before: CardProgress?, _ after: CardProgress) -> Bool {
        let lapses = after.state?.lapses ?? 0
        return lapses > (before?.state?.lapses ?? 0) && leeches.isLeech(lapses: lapses)
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
        case .learn, .review, .relearn, .filtered:
            let state = scheduler.review(next.state, rating: scheduler.rating(for: grade), at: time, card: card.rawValue)
            next.state = state
            next.due = scheduler.due(of: state)
            next.repeatPending = repeatsSameDay && grade.needsSameDayRepeat
            if next.firstReview == 0 { next.firstReview = time }
            if becameLeech(progress, next) {
                next.leech = true
                if leeches.action == .suspend { next.suspended = true }
            }
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

/// Anki's leech rule: a card becomes a leech at `threshold` lapses and again at every half of
/// it more (8, 12, 16, … by default); then it is tagged (marked) or suspended.
public struct LeechRule: Equatable, Sendable {
    public enum Action: String, Sendable, CaseIterable {
        case tag, suspend
    }

    public var threshold: Int
    public var action: Action

    public init(threshold: Int = 8, action: Action = .tag) {
        self.threshold = threshold
        self.action = action
    }

    public func isLeech(lapses: Int) -> Bool { AnkiCard.isLeech(lapses: lapses, threshold: threshold) }
}
