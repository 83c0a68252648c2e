import Foundation

/// Splits time into study days: a day runs from the rollover hour (default 04:00) in the
/// learner's time zone to the next one. Daylight-saving changes make some days 23 or 25 hours.
public struct DayClock: Sendable {
    /// Anki's default: the day starts at 04:00 local time.
    public static let defaultRolloverHour = 4

    public let timeZone: TimeZone
    public let rolloverHour: Int
    private let calendar: Calendar

    public init(timeZone: TimeZone, rolloverHour: Int = DayClock.defaultRolloverHour) {
        self.timeZone = timeZone
        self.rolloverHour = min(max(rolloverHour, 0), 23)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    /// The start of the study day that contains `time`.
    public func dayStart(containing time: EpochSeconds) -> EpochSeconds {
        let (y, m, d) = civilDay(containing: time)
        return start(ofYear: y, month: m, day: d)
    }

    /// The start of the study day after the one that contains `time`.
    public func nextDayStart(after time: EpochSeconds) -> EpochSeconds {
        let (y, m, d) = civilDay(containing: time)
        return start(ofYear: y, month: m, day: d + 1)
    }

    /// The starts of `count` consecutive study days, the first containing `time`, plus the end
    /// of the last one (`count + 1` values): bins for per-day counts.
    public func dayBoundaries(from time: EpochSeconds, count: Int) -> [EpochSeconds] {
        let (y, m, d) = civilDay(containing: time)
        return (0...max(count, 0)).map { start(ofYear: y, month: m, day: d + $0) }
    }

    /// The calendar date (in the zone) that names the study day containing `time`: `YYYY-MM-DD`.
    public func dayName(containing time: EpochSeconds) -> String {
        let (y, m, d) = civilDay(containing: time)
        let normalized = calendar.dateComponents([.year, .month, .day],
                                                 from: date(y, m, d, hour: 12))
        return String(format: "%04d-%02d-%02d", normalized.year ?? y, normalized.month ?? m,
                      normalized.day ?? d)
    }

    /// The start of the study day named `name` (`YYYY-MM-DD`, as `dayName` writes it); nil when
    /// `name` is not such a date.
    public func dayStart(named name: String) -> EpochSeconds? {
        let parts = name.split(separator: "-", omittingEmptySubsequences: false)
        guard name.utf8.count == 10, parts.count == 3, parts.map(\.count) == [4, 2, 2],
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        let start = start(ofYear: y, month: m, day: d)
        // A date that does not exist (2026-02-30) would be normalised to another day's name.
        return dayName(containing: start) == name ? start : nil
    }

    /// The calendar date of the study day holding `time` (before the rollover hour, the
    /// previous calendar date).
    private func civilDay(containing time: EpochSeconds) -> (Int, Int, Int) {
        let parts = calendar.dateComponents([.year, .month, .day, .hour],
                                            from: Date(timeIntervalSince1970: TimeInterval(time)))
        let y = parts.year ?? 1970, m = parts.month ?? 1, d = parts.day ?? 1
        if (parts.hour ?? 0) < rolloverHour { return (y, m, d - 1) }
        return (y, m, d)
    }

    /// The rollover moment of a calendar date; day numbers outside the month are normalised.
    /// When the rollover hour does not exist that day (a spring-forward gap), the first moment
    /// after the gap.
    private func start(ofYear y: Int, month m: Int, day d: Int) -> EpochSeconds {
        EpochSeconds(date(y, m, d, hour: rolloverHour).timeIntervalSince1970.rounded(.down))
    }

    private func date(_ y: Int, _ m: Int, _ d: Int, hour: Int) -> Date {
        let parts = DateComponents(year: y, month: m, day: d, hour: hour)
        return calendar.date(from: parts) ?? Date(timeIntervalSince1970: 0)
    }
}
