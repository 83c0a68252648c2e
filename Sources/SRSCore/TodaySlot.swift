/// Where a card stands in today's review: the one decision the review's queue and `srs answer`
/// share (issue 9, point 3), so an answer the review would not take is practice in both.
public enum TodaySlot: Equatable, Sendable {
    /// Never answered: a new card (the daily limit aside).
    case new
    /// In (re)learning steps whose step falls due before the study day ends.
    case learning
    /// Classic SM-2's same-day repeat of a card failed today.
    case repeatToday
    /// A review due today, not yet answered today.
    case review
    /// Not in today's review: suspended, buried, answered today, due later, or learning past today.
    case none

    /// Anki's learn-ahead limit: with nothing else left, a learning card due within this many
    /// seconds is shown early rather than waited for.
    public static let learnAhead: EpochSeconds = 20 * 60

    /// The slot of a card with `progress` on the study day from `start` to `end`, at `now`.
    public static func of(_ progress: CardProgress, start: EpochSeconds, end: EpochSeconds, now: EpochSeconds) -> TodaySlot {
        let p = progress
        guard !p.suspended, p.buriedUntil <= now else { return .none }
        guard p.state != nil else { return .new }
        if p.isLearning { return p.due < end ? .learning : .none }
        if p.repeatPending && p.lastReview >= start { return .repeatToday }
        return p.due < end && p.lastReview < start ? .review : .none
    }

    /// True when the review would show this card at `now` if it came to it: a new card, a due
    /// review, a same-day repeat, or a learning card whose step is due within the learn-ahead
    /// limit. An answer at any other moment is practice: the schedule does not change.
    public static func isShown(_ progress: CardProgress?, clock: DayClock, at now: EpochSeconds) -> Bool {
        guard let progress else { return true }
        switch of(progress, start: clock.dayStart(containing: now), end: clock.nextDayStart(after: now), now: now) {
        case .new, .repeatToday, .review: return true
        case .learning: return progress.due - now <= learnAhead
        case .none: return false
        }
    }
}
