import SRSCore
/// Every figure `srs stats` shows, computed by `StatsReport.compute`; the text and JSON
/// renderings read only this. Definitions: `docs/stats.md`.
public struct StatsReport: Equatable, Sendable {
    /// The moment the figures are computed for (`--as-of`, else the current time).
    public var now: EpochSeconds
    /// The study day holding `now`, `YYYY-MM-DD`.
    public var studyDay: String
    public var timeZone: String
    public var rolloverHour: Int
    /// The one deck the figures are limited to (`--deck`), nil for all of the user's cards.
    public var deck: String?
    public var today: TodaySummary
    public var due: DueSummary
    public var cards: CardCounts
    public var retention: [RetentionWindow]
    public var history: HistorySummary
    public var intervals: Distribution
    public var easiness: Distribution
    public var decks: [DeckRow]

    /// True when the learner has never answered a card (in scope).
    public var hasNoReviews: Bool { history.totalAnswers == 0 && cards.reviewed == 0 }
}

/// The answers given on the current study day, up to `now`.
public struct TodaySummary: Equatable, Sendable {
    /// Graded answers of every kind (first answers, reviews, same-day repeats, practice).
    public var answers: Int
    /// Distinct cards answered.
    public var cards: Int
    public var milliseconds: Int
    public var again: Int
    /// Answers by kind: first answers of new cards, scheduled reviews, same-day repeats, practice.
    public var learn: Int
    public var review: Int
    public var `repeat`: Int
    public var practice: Int

    /// The share of answers not graded Again; nil with no answers.
    public var correctShare: Double? { answers == 0 ? nil : Double(answers - again) / Double(answers) }
}

/// How many cards fall due when, as the review queue counts them (a review is due for the whole
/// study day its due time falls on).
public struct DueSummary: Equatable, Sendable {
    /// In today's queue now: reviews due today or earlier (overdue included) and pending
    /// same-day repeats; suspended and buried cards excluded. The daily review cap is not applied.
    public var now: Int
    /// Not in the queue now but due today: buried cards whose burial ends before the day does.
    public var laterToday: Int
    /// Cards that fall due on the next study day (`DueTomorrow`, as the end of the review says).
    public var tomorrow: Int
    /// Of the reviews due now, those today's review limit keeps out of today's review: still
    /// due, first in tomorrow's queue, and not counted in `tomorrow`.
    public var heldBack: Int
    /// Today (`now` + `laterToday`) and the following 6 study days.
    public var next7Days: Int
    /// Today and the following 29 study days.
    public var next30Days: Int
    /// Cards due on each of the 30 study days from today (day 0 is `now` + `laterToday`).
    public var forecast: [Int]
    /// The study-day names (`YYYY-MM-DD`) of `forecast`.
    public var forecastDays: [String]
}

/// Cards by state; each card is in exactly one group, checked in this order: suspended, buried,
/// new, learning, young, mature.
public struct CardCounts: Equatable, Sendable {
    public var new = 0
    /// A same-day repeat is pending (graded below Good earlier today).
    public var learning = 0
    /// Interval under `matureDays`.
    public var young = 0
    public var mature = 0
    public var suspended = 0
    public var buried = 0
    public var total: Int { new + learning + young + mature + suspended + buried }
    /// Cards answered at least once (whatever their group now).
    public var reviewed = 0
    /// Cards marked leeches (Anki's rule; in any group), by id.
    public var leeches: [CardID] = []

    /// Anki's definition: a card is mature when its interval is 21 days or more.
    public static let matureDays = 21

    public init() {}
}

/// Passed and failed first-of-the-day reviews of cards with an interval of at least a day.
public struct PassFail: Equatable, Sendable {
    public var passed = 0
    public var failed = 0
    public var total: Int { passed + failed }
    /// passed / total; nil with no reviews.
    public var rate: Double? { total == 0 ? nil : Double(passed) / Double(total) }

    public init(passed: Int = 0, failed: Int = 0) {
        self.passed = passed
        self.failed = failed
    }

    static func + (a: PassFail, b: PassFail) -> PassFail {
        PassFail(passed: a.passed + b.passed, failed: a.failed + b.failed)
    }
}

/// True retention over the last `days` study days (today included).
public struct RetentionWindow: Equatable, Sendable {
    public var days: Int
    /// Interval before the review under 21 days.
    public var young = PassFail()
    public var mature = PassFail()
    public var all: PassFail { young + mature }
}

/// Answers per study day and the streaks they make.
public struct HistorySummary: Equatable, Sendable {
    /// The number of days in `perDay` (`--days`, default 30).
    public var days: Int
    /// Answers on each of the last `days` study days, oldest first; the last is today.
    public var perDay: [Int]
    /// The study-day names of `perDay`.
    public var perDayNames: [String]
    public var daysStudied: Int
    /// Consecutive study days with an answer, ending today (or yesterday when today has none yet).
    public var currentStreak: Int
    /// The longest such run in the whole history.
    public var longestStreak: Int
    /// Answers on each day of the calendar heatmap: whole weeks (Monday to Sunday), oldest first,
    /// ending with the week holding today; days after today are nil.
    public var calendar: [Int?]
    /// The study-day name of the first day of `calendar` (a Monday).
    public var calendarStart: String
    /// Every answer ever logged (in scope, up to `now`).
    public var totalAnswers: Int

    public var answersInPeriod: Int { perDay.reduce(0, +) }
    /// Answers per studied day in the period; nil when no day was studied.
    public var averagePerStudiedDay: Double? {
        daysStudied == 0 ? nil : Double(answersInPeriod) / Double(daysStudied)
    }
    public var averagePerDay: Double { days == 0 ? 0 : Double(answersInPeriod) / Double(days) }
}

/// A small histogram with an average.
public struct Distribution: Equatable, Sendable {
    public struct Bucket: Equatable, Sendable {
        /// How the bucket reads, e.g. `4–7 d` or `2.5–2.7`.
        public var label: String
        public var count: Int
        /// The bucket's lowest value (included).
        public var low: Double
        /// Its upper bound (for intervals the highest day included, for easiness the first
        /// value excluded); nil for the last bucket.
        public var high: Double?
    }
    public var buckets: [Bucket]
    /// The mean over every counted card; nil when none.
    public var average: Double?
    public var count: Int { buckets.reduce(0) { $0 + $1.count } }
}

/// One line of the per-deck table.
public struct DeckRow: Equatable, Sendable {
    public var name: String
    public var cards: Int
    public var new: Int
    /// Due today (now and later today).
    public var due: Int
    public var mature: Int
    /// True retention, all cards, over the last 30 study days.
    public var retention: PassFail
    /// mature / cards; nil for an empty deck.
    public var matureShare: Double? { cards == 0 ? nil : Double(mature) / Double(cards) }
}
