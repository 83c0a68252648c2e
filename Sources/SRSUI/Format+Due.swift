import SRSCore
import SRSText

extension Format {
    /// When a card falls due, in study days: `later today`, `tomorrow`, `in 3 days (2026-12-02)`.
    static func due(_ time: EpochSeconds, from now: EpochSeconds, clock: DayClock) -> String {
        let days = studyDays(from: now, to: time, clock: clock)
        let name = clock.dayName(containing: time)
        switch days {
        case ..<1: return "later today"
        case 1: return "tomorrow (\(name))"
        default: return "in \(days) days (\(name))"
        }
    }

    /// Whole study days from the one holding `from` to the one holding `to`. Days are 23 to 25
    /// hours around daylight-saving changes, hence the rounding.
    static func studyDays(from: EpochSeconds, to: EpochSeconds, clock: DayClock) -> Int {
        let span = clock.dayStart(containing: to) - clock.dayStart(containing: from)
        return Int((Double(span) / Double(secondsPerDay)).rounded())
    }
}
