import SRSCore
/// Which group of the card counts a card is in (see `CardCounts`).
enum CardGroup {
    case new, learning, young, mature, suspended, buried

    init(_ p: CardProgress, todayStart: EpochSeconds, now: EpochSeconds) {
        if p.suspended { self = .suspended }
        else if p.buriedUntil > now { self = .buried }
        else if let interval = p.intervalDays {
            // Anki's states: (re)learning steps; classic SM-2's same-day repeat counts the same.
            if p.isLearning || (p.repeatPending && p.lastReview >= todayStart) { self = .learning }
            else { self = interval >= CardCounts.matureDays ? .mature : .young }
        } else { self = .new }
    }
}

extension DueDay {
    /// A card's `DueDay` in the study days of `srs stats` (numbered once for the whole span).
    init?(_ p: CardProgress, days: StudyDays, now: EpochSeconds) {
        self.init(p, today: days.today, todayStart: days.start(of: days.today), now: now, dayOf: days.day(of:))
    }
}

/// The card-state figures for one group of cards (all in scope, or one deck).
struct CardTally {
    var counts = CardCounts()
    var dueNow = 0
    var dueLaterToday = 0
    /// Cards due on each of the next `forecast.count` study days (day 0 is today).
    var forecast: [Int]
    var intervalBuckets: [Int]
    /// A `Double`: intervals are unbounded, and a sum of them must not overflow.
    var intervalSum = 0.0
    var easinessBuckets: [Int]
    var easinessSum = 0.0
    var withMemory = 0
    var withEase = 0
    /// "Due tomorrow" and the reviews held back today, as the end of the review counts them
    /// (only for the figures of the whole scope).
    var outlook: DueTomorrow?

    init(forecastDays: Int, outlook: DueTomorrow? = nil) {
        self.outlook = outlook
        forecast = Array(repeating: 0, count: forecastDays)
        intervalBuckets = Array(repeating: 0, count: IntervalBuckets.labels.count)
        easinessBuckets = Array(repeating: 0, count: EasinessBuckets.labels.count)
    }

    /// Adds a card whose group and due slot are already known.
    mutating func add(_ p: CardProgress, group: CardGroup, slot: DueDay?) {
        add(group)
        if p.firstReview > 0 || p.state != nil { counts.reviewed += 1 }
        if let slot { addDue(slot) }
        outlook?.add(p, dueDay: slot)
        if let interval = p.intervalDays { addInterval(interval, ease: p.ease) }
    }

    mutating func add(_ group: CardGroup, count: Int = 1) {
        switch group {
        case .new: counts.new += count
        case .learning: counts.learning += count
        case .young: counts.young += count
        case .mature: counts.mature += count
        case .suspended: counts.suspended += count
        case .buried: counts.buried += count
        }
    }

    private mutating func addDue(_ slot: DueDay) {
        if slot.day == 0 {
            if slot.isNow { dueNow += 1 } else { dueLaterToday += 1 }
        }
        if slot.day < forecast.count { forecast[slot.day] += 1 }
    }

    /// A card's interval, and its ease where the scheduler has one (not FSRS).
    private mutating func addInterval(_ interval: Int, ease: Double?) {
        withMemory += 1
        intervalSum += Double(interval)
        intervalBuckets[IntervalBuckets.index(interval)] += 1
        guard let ease else { return }
        withEase += 1
        easinessSum += ease
        easinessBuckets[EasinessBuckets.index(ease)] += 1
    }
}

/// Interval histogram buckets, in days.
enum IntervalBuckets {
    static let upperBounds = [1, 3, 7, 14, 30, 90, 180, 365]
    static let labels = ["≤ 1 d", "2–3 d", "4–7 d", "8–14 d", "15–30 d", "1–3 mo", "3–6 mo", "6–12 mo", "> 1 y"]

    static func index(_ days: Int) -> Int {
        upperBounds.firstIndex { days <= $0 } ?? upperBounds.count
    }
}

/// Easiness histogram buckets: SM-2's E-Factor starts at 2.5 and never goes below 1.3.
enum EasinessBuckets {
    /// Upper bounds in hundredths (exclusive), so that 2.5 falls in 2.5–2.7.
    static let upperBounds = [150, 170, 190, 210, 230, 250, 270]
    static let labels = ["1.3–1.5", "1.5–1.7", "1.7–1.9", "1.9–2.1", "2.1–2.3", "2.3–2.5", "2.5–2.7", "≥ 2.7"]

    static func index(_ easiness: Double) -> Int {
        let hundredths = Int((easiness * 100).rounded())
        return upperBounds.firstIndex { hundredths < $0 } ?? upperBounds.count
    }
}
