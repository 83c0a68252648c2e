/// When the review next shows a card, in study days from today (issue 10, point 7): the one
/// definition of "due now", "due later today" and "due tomorrow" that the end of the review
/// and `srs stats` share. A review is due for the whole study day its due time falls on, a
/// same-day repeat from when it is set, a learning step at its moment.
public struct DueDay: Equatable, Sendable {
    /// 0 today (overdue included), 1 tomorrow, …
    public var day: Int
    /// In today's queue at `now`: due today, not buried, and a learning step already due.
    public var isNow: Bool

    /// nil for new and suspended cards. `dayOf` numbers study days, `today` being the number of
    /// the one that starts at `todayStart` and holds `now`.
    @inlinable
    public init?(_ p: CardProgress, today: Int, todayStart: EpochSeconds, now: EpochSeconds,
                 dayOf: (EpochSeconds) -> Int) {
        guard !p.suspended, let due = p.dueTime else { return nil }
        let repeatToday = p.repeatPending && p.lastReview >= todayStart
        var day = repeatToday ? today : max(dayOf(due), today)
        // The queue skips a review already answered today: it comes back tomorrow at the earliest.
        // A learning step is due at its moment, answered today or not.
        if !repeatToday && !p.isLearning && p.lastReview >= todayStart { day = max(day, today + 1) }
        let buried = p.buriedUntil > now
        if buried { day = max(day, dayOf(p.buriedUntil)) }
        self.day = day - today
        self.isNow = self.day == 0 && !buried && (!p.isLearning || due <= now)
    }

    /// The same, with today's, tomorrow's and the next day's starts (`day` is 2 for any later
    /// day): what the end of the review needs, without a calendar call per card.
    @inlinable
    public init?(_ p: CardProgress, days: NextDays, now: EpochSeconds) {
        self.init(p, today: 0, todayStart: days.today, now: now) { time in
            if time < days.tomorrow { return time < days.today ? -1 : 0 }
            return time < days.dayAfter ? 1 : 2
        }
    }

    /// The starts of today, tomorrow and the day after, in one clock's study days.
    public struct NextDays: Equatable, Sendable {
        public let today: EpochSeconds, tomorrow: EpochSeconds, dayAfter: EpochSeconds

        public init(clock: DayClock, now: EpochSeconds) {
            today = clock.dayStart(containing: now)
            tomorrow = clock.nextDayStart(after: now)
            dayAfter = clock.nextDayStart(after: tomorrow)
        }
    }
}

/// "Due tomorrow", as the end of the review and `srs stats` both count it (issue 10, point 7):
/// the cards whose `DueDay` is tomorrow, and apart from them the reviews due today that today's
/// review limit holds back. Those are still due (they come first in tomorrow's queue) but are
/// never counted as due tomorrow. Cards are added one at a time, so each caller keeps its own
/// single pass over the cards.
public struct DueTomorrow: Equatable, Sendable {
    /// Cards that fall due on the next study day (buried until then included).
    public private(set) var due = 0
    /// Reviews due today that today's review limit keeps out of today's review.
    public var heldBack: Int { max(0, reviewsDueToday - max(0, reviewLimit - reviewsStudied)) }

    private let reviewLimit: Int
    private let todayStart: EpochSeconds, todayEnd: EpochSeconds, now: EpochSeconds
    private var reviewsDueToday = 0, reviewsStudied = 0

    /// `reviewLimit` is today's maximum of reviews (the one-day increase included).
    public init(reviewLimit: Int, todayStart: EpochSeconds, todayEnd: EpochSeconds, now: EpochSeconds) {
        self.reviewLimit = reviewLimit
        (self.todayStart, self.todayEnd, self.now) = (todayStart, todayEnd, now)
    }

    /// Counts `cards` (those with progress) at `now`: the end of the review's pass.
    public init(cards: [CardID], progress: CardTable, reviewLimit: Int, clock: DayClock, now: EpochSeconds) {
        let days = DueDay.NextDays(clock: clock, now: now)
        self.init(reviewLimit: reviewLimit, todayStart: days.today, todayEnd: days.tomorrow, now: now)
        for id in cards {
            guard let p = progress[id] else { continue }
            add(p, dueDay: DueDay(p, days: days, now: now))
        }
    }

    /// Adds a card with progress, whose `DueDay` is `dueDay`.
    public mutating func add(_ p: CardProgress, dueDay: DueDay?) {
        if dueDay?.day == 1 { due += 1 }
        if DailyQueue.studiedToday(p, start: todayStart) == .review { reviewsStudied += 1 }
        if TodaySlot.of(p, start: todayStart, end: todayEnd, now: now) == .review { reviewsDueToday += 1 }
    }
}
