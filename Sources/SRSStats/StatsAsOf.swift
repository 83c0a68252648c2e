import SRSCore
/// Reads `--as-of`: the moment the stats are computed for.
public enum StatsAsOf {
    /// An ISO 8601 time with a zone (`2026-04-01T14:30:00+02:00`, `…Z`) is that moment. A date
    /// alone (`2026-04-01`) is the last second of that study day in the learner's clock, so
    /// the day's answers all count. nil for anything else.
    public static func parse(_ text: String, clock: DayClock) -> EpochSeconds? {
        if let time = ISOTime.parse(text) { return time }
        return clock.dayStart(named: text).map { clock.nextDayStart(after: $0) - 1 }
    }
}
