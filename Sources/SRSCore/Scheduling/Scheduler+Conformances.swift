extension AnkiScheduler: Scheduler {
    public var name: String { "anki" }
    public var ratings: ClosedRange<Int> { 1...4 }
    public func rating(for grade: Grade) -> Int { grade.rawValue }

    public func review(_ state: SchedulerState?, rating: Int, at time: EpochSeconds, card: String) -> SchedulerState {
        var current = AnkiCard.new
        if case let .anki(existing) = state { current = existing }
        return .anki(review(current, grade: Grade(clamping: rating), at: time, card: card))
    }

    public func due(of state: SchedulerState) -> EpochSeconds {
        if case let .anki(card) = state { return dueTime(card) }
        return 0
    }

    public func intervalDays(of state: SchedulerState) -> Int? {
        if case let .anki(card) = state { return card.intervalDays }
        return nil
    }

    /// Review: the interval; a day-learning step: its days from today; intraday: its seconds.
    public func shownSeconds(of state: SchedulerState, at now: EpochSeconds) -> EpochSeconds {
        guard case let .anki(card) = state else { return 0 }
        switch (card.queue, card.due) {
        case let (.learn, .time(time)): return max(Saturating.subtract(time, now), 0)
        case let (.dayLearn, .day(day)): return Saturating.multiply(EpochSeconds(day - days.today(at: now)), secondsPerDay)
        default: return Saturating.multiply(EpochSeconds(card.intervalDays), secondsPerDay)
        }
    }
}

extension FSRSScheduler: Scheduler {
    public var name: String { "fsrs" }
    public var ratings: ClosedRange<Int> { 1...4 }
    public func rating(for grade: Grade) -> Int { grade.rawValue }

    public func review(_ state: SchedulerState?, rating: Int, at time: EpochSeconds, card: String) -> SchedulerState {
        var current = FSRSCard.new
        if case let .fsrs(existing) = state { current = existing }
        return .fsrs(review(current, grade: Grade(clamping: rating), at: time, card: card))
    }

    public func due(of state: SchedulerState) -> EpochSeconds {
        if case let .fsrs(card) = state { return card.due }
        return 0
    }

    public func intervalDays(of state: SchedulerState) -> Int? {
        if case let .fsrs(card) = state { return card.intervalDays }
        return nil
    }

    public func shownSeconds(of state: SchedulerState, at now: EpochSeconds) -> EpochSeconds {
        max(Saturating.add(due(of: state), -now), 0)
    }
}

extension SM2: Scheduler {
    public var ratings: ClosedRange<Int> { 0...5 }
    public func rating(for grade: Grade) -> Int { grade.quality }

    public func review(_ state: SchedulerState?, rating: Int, at time: EpochSeconds, card: String) -> SchedulerState {
        var current: Memory?
        if case let .sm2(existing) = state { current = existing }
        return .sm2(review(current, quality: rating, at: time))
    }

    public func due(of state: SchedulerState) -> EpochSeconds {
        if case let .sm2(memory) = state { return memory.due }
        return 0
    }

    public func intervalDays(of state: SchedulerState) -> Int? {
        if case let .sm2(memory) = state { return memory.intervalDays }
        return nil
    }

    public func shownSeconds(of state: SchedulerState, at now: EpochSeconds) -> EpochSeconds {
        Saturating.multiply(EpochSeconds(intervalDays(of: state) ?? 0), secondsPerDay)
    }
}

extension Grade {
    /// The grade for an Anki/FSRS rating, pinned into 1...4.
    public init(clamping rating: Int) {
        self = Grade(rawValue: min(max(rating, 1), 4)) ?? .good
    }
}
