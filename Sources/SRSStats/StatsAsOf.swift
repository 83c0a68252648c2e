import SRSCore
/// Reads `--as-of`: the moment the stats are computed for.
public enum StatsAsOf {
    /// An ISO 8601 time with a zone (`2026-04-01T14:30:00+02:00`, `…Z`) is that moment. A date
    /// alone (`2026-04-01`) is the last second of that study day in the learner's clock, so
    /// the day's answers all count. nil for anything else.
    public static func parse(_ text: String, clock: DayClock) -> EpochSeconds? {
        if let time = ISOTime.parse(text) { return time }
        guard text.utf8.count == 10, let date = CivilDate(text), date.name == text else { return nil }
        // Start near noon UTC of that date and step to the study day of that name.
        var time = EpochSeconds(date.daysSinceEpoch) * secondsPerDay + secondsPerDay / 2
        for _ in 0..<4 {
            let name = clock.dayName(containing: time)
            if name == text { return clock.nextDayStart(after: time) - 1 }
            time += name < text ? secondsPerDay : -secondsPerDay
        }
        return nil
    }
}
