import SRSCore

/// Short human forms of numbers the screen shows.
enum Format {
    /// An interval in days as on a grade key: `1d`, `25d`, `3mo`, `1.5y`.
    static func interval(days: Int) -> String {
        switch days {
        case ..<1: return "today"
        case ..<31: return "\(days)d"
        case ..<365: return "\(Int((Double(days) / 30.4).rounded()))mo"
        default:
            let tenths = Int((Double(days) / 36.5).rounded())
            return tenths % 10 == 0 ? "\(tenths / 10)y" : "\(tenths / 10).\(tenths % 10)y"
        }
    }

    /// A duration such as `45 s`, `4 min 10 s` or `1 h 5 min`.
    static func duration(millis: EpochMillis) -> String {
        let seconds = Int(max(millis, 0) / 1000)
        if seconds < 60 { return "\(seconds) s" }
        if seconds < 3600 { return seconds % 60 == 0 ? "\(seconds / 60) min" : "\(seconds / 60) min \(seconds % 60) s" }
        return "\(seconds / 3600) h \(seconds % 3600 / 60) min"
    }

    /// `part` of `whole` as a whole percentage, rounded down so 99.6% never shows as 100%.
    static func percent(_ part: Int, of whole: Int) -> Int {
        whole > 0 ? part * 100 / whole : 0
    }

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

    /// `1 card`, `3 cards`.
    static func count(_ n: Int, _ noun: String) -> String {
        "\(n) \(noun)\(n == 1 ? "" : "s")"
    }
}
