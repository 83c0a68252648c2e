import SRSCore
import SRSJSON

/// The stats report as JSON, schema version 1 (documented in `docs/stats.md`). Fields are only
/// ever added within a version; a change of meaning or a removal bumps `version`.
public enum StatsJSON {
    public static let version = 1

    /// The report as pretty-printed JSON with a final newline; `user` is recorded in it.
    public static func render(_ report: StatsReport, user: String) -> String {
        value(report, user: user).rendered() + "\n"
    }

    static func value(_ r: StatsReport, user: String) -> JSONText {
        .object([
            ("version", .int(version)),
            ("user", .string(user)),
            ("deck", r.deck.map(JSONText.string) ?? .null),
            ("as_of", .string(ISOTime.format(r.now))),
            ("study_day", .string(r.studyDay)),
            ("time_zone", .string(r.timeZone)),
            ("rollover_hour", .int(r.rolloverHour)),
            ("today", today(r.today)),
            ("due", due(r.due)),
            ("cards", cards(r.cards)),
            ("retention", .array(r.retention.map(retention))),
            ("history", history(r.history)),
            ("intervals", distribution(r.intervals, averageKey: "average_days", places: 2, bounds: ("min_days", "max_days"))),
            ("easiness", distribution(r.easiness, averageKey: "average", places: 3, bounds: ("from", "below"))),
            ("decks", .array(r.decks.map(deck))),
        ])
    }

    static func today(_ t: TodaySummary) -> JSONText {
        .object([
            ("answers", .int(t.answers)), ("cards", .int(t.cards)),
            ("seconds", .number(Double(t.milliseconds) / 1000, places: 3)),
            ("again", .int(t.again)), ("correct_share", .optional(t.correctShare, places: 4)),
            ("learn", .int(t.learn)), ("review", .int(t.review)), ("repeat", .int(t.repeat)),
            ("practice", .int(t.practice)),
        ])
    }

    static func due(_ d: DueSummary) -> JSONText {
        .object([
            ("now", .int(d.now)), ("later_today", .int(d.laterToday)), ("tomorrow", .int(d.tomorrow)),
            ("held_back", .int(d.heldBack)), ("next_7_days", .int(d.next7Days)), ("next_30_days", .int(d.next30Days)),
            ("forecast", .array(zip(d.forecastDays, d.forecast).map {
                .object([("day", .string($0)), ("cards", .int($1))])
            })),
        ])
    }

    static func cards(_ c: CardCounts) -> JSONText {
        .object([
            ("new", .int(c.new)), ("learning", .int(c.learning)), ("young", .int(c.young)),
            ("mature", .int(c.mature)), ("suspended", .int(c.suspended)), ("buried", .int(c.buried)),
            ("total", .int(c.total)), ("leeches", .int(c.leeches.count)),
            ("leech_cards", .array(c.leeches.map { .string($0.rawValue) })),
        ])
    }

    static func retention(_ w: RetentionWindow) -> JSONText {
        .object([("days", .int(w.days)), ("young", passFail(w.young)), ("mature", passFail(w.mature)),
                 ("all", passFail(w.all))])
    }

    static func passFail(_ p: PassFail) -> JSONText {
        .object([("passed", .int(p.passed)), ("failed", .int(p.failed)), ("rate", .optional(p.rate, places: 4))])
    }

    static func history(_ h: HistorySummary) -> JSONText {
        .object([
            ("days", .int(h.days)),
            ("per_day", .array(zip(h.perDayNames, h.perDay).map {
                .object([("day", .string($0)), ("answers", .int($1))])
            })),
            ("days_studied", .int(h.daysStudied)),
            ("answers", .int(h.answersInPeriod)),
            ("average_per_day", .number(h.averagePerDay, places: 2)),
            ("average_per_studied_day", .optional(h.averagePerStudiedDay, places: 2)),
            ("current_streak", .int(h.currentStreak)),
            ("longest_streak", .int(h.longestStreak)),
            ("total_answers", .int(h.totalAnswers)),
            ("calendar", .object([
                ("start", .string(h.calendarStart)),
                ("answers", .array(h.calendar.map { $0.map(JSONText.int) ?? .null })),
            ])),
        ])
    }

    /// `bounds` names a bucket's `low` and `high` in this histogram.
    static func distribution(_ d: Distribution, averageKey: String, places: Int,
                             bounds: (low: String, high: String)) -> JSONText {
        .object([
            (averageKey, .optional(d.average, places: places)),
            ("cards", .int(d.count)),
            ("histogram", .array(d.buckets.map {
                .object([("label", .string($0.label)), (bounds.low, .number($0.low, places: 2)),
                         (bounds.high, .optional($0.high, places: 2)), ("cards", .int($0.count))])
            })),
        ])
    }

    static func deck(_ row: DeckRow) -> JSONText {
        .object([
            ("name", .string(row.name)), ("cards", .int(row.cards)), ("new", .int(row.new)),
            ("due", .int(row.due)), ("mature", .int(row.mature)),
            ("mature_share", .optional(row.matureShare, places: 4)),
            ("retention", passFail(row.retention)),
        ])
    }
}
