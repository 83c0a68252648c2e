import SRSCore
/// A run of consecutive study days numbered 0..<count, with today at `today`: maps a time to its
/// day number by binary search over the day boundaries, so no calendar is consulted per event.
struct StudyDays: Sendable {
    /// `count + 1` ascending boundaries: day `i` is `starts[i] ..< starts[i + 1]`.
    let starts: [EpochSeconds]
    /// The number of the study day that contains `now`.
    let today: Int

    /// Days from `daysBefore` days before the one containing `now` to `daysAfter` days after it.
    init(clock: DayClock, now: EpochSeconds, daysBefore: Int, daysAfter: Int) {
        let todayStart = clock.dayStart(containing: now)
        // Step back whole days from today's start; a DST day is 23 or 25 hours, so aim at noon.
        let firstGuess = todayStart - EpochSeconds(daysBefore) * secondsPerDay + secondsPerDay / 2
        let starts = clock.dayBoundaries(from: firstGuess, count: daysBefore + daysAfter + 1)
        self.starts = starts
        self.today = starts.firstIndex(of: todayStart) ?? daysBefore
    }

    var count: Int { starts.count - 1 }
    var first: EpochSeconds { starts[0] }
    var end: EpochSeconds { starts[starts.count - 1] }

    func start(of day: Int) -> EpochSeconds { starts[day] }

    /// The day holding `time`: -1 before the first day, `count` from the end on.
    func day(of time: EpochSeconds) -> Int {
        if time < starts[0] { return -1 }
        var low = 0, high = starts.count  // invariant: starts[low] <= time, time < starts[high]
        while high - low > 1 {
            let mid = (low + high) / 2
            if starts[mid] <= time { low = mid } else { high = mid }
        }
        return low
    }
}

/// Walks times in ascending order to their study days, advancing instead of searching; a time
/// that goes backwards falls back to a binary search.
struct StudyDayCursor {
    let days: StudyDays
    private var day = -1

    init(_ days: StudyDays) { self.days = days }

    mutating func day(of time: EpochSeconds) -> Int {
        let starts = days.starts
        if day >= 0, day < days.count, starts[day] <= time {
            while day < days.count, starts[day + 1] <= time { day += 1 }
            return day
        }
        day = days.day(of: time)
        return day
    }
}
