/// ISO 8601 times in UTC as the plumbing commands print them: `YYYY-MM-DDTHH:MM:SSZ`.
/// Pure integer arithmetic (no Foundation formatter), exact to the second.
public enum ISOTime {
    /// The last moment srs represents: 9999-12-31T23:59:59Z (four-digit years).
    public static let latest: EpochSeconds = 253_402_300_799
    /// The first: 0000-01-01T00:00:00Z.
    public static let earliest: EpochSeconds = -62_167_219_200

    /// Formats `time` as `YYYY-MM-DDTHH:MM:SSZ`.
    public static func format(_ time: EpochSeconds) -> String {
        let days = floorDiv(time, secondsPerDay)
        let secs = time - days * secondsPerDay
        let (y, m, d) = civil(fromDays: days)
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(secs / 3600, 2)):\(pad(secs / 60 % 60, 2)):\(pad(secs % 60, 2))Z"
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS` followed by `Z`, `+HH:MM` or `-HH:MM` (a fraction of a second,
    /// `.123`, is accepted and dropped). Returns nil for anything else.
    public static func parse(_ text: String) -> EpochSeconds? {
        let b = Array(text.utf8)
        guard b.count >= 20, b[4] == 45, b[7] == 45, b[10] == 84 || b[10] == 116 || b[10] == 32,
              b[13] == 58, b[16] == 58,
              let y = number(b, 0, 4), let mo = number(b, 5, 2), let d = number(b, 8, 2),
              let h = number(b, 11, 2), let mi = number(b, 14, 2), let s = number(b, 17, 2),
              (1...12).contains(mo), d >= 1, d <= daysIn(month: mo, year: y), h < 24, mi < 60, s < 60
        else { return nil }
        var i = 19
        if i < b.count, b[i] == 46 {
            i += 1
            let start = i
            while i < b.count, (48...57).contains(b[i]) { i += 1 }
            guard i > start else { return nil }
        }
        guard let offset = zoneOffset(b, i) else { return nil }
        let days = days(fromCivil: y, mo, d)
        return days * secondsPerDay + h * 3600 + mi * 60 + s - offset
    }

    private static func zoneOffset(_ b: [UInt8], _ i: Int) -> EpochSeconds? {
        guard i < b.count else { return nil }
        if (b[i] == 90 || b[i] == 122) && i + 1 == b.count { return 0 }
        guard b[i] == 43 || b[i] == 45, b.count == i + 6, b[i + 3] == 58,
              let h = number(b, i + 1, 2), let m = number(b, i + 4, 2), h < 24, m < 60 else { return nil }
        let offset = h * 3600 + m * 60
        return b[i] == 43 ? offset : -offset
    }

    private static func number(_ b: [UInt8], _ at: Int, _ count: Int) -> EpochSeconds? {
        var value: EpochSeconds = 0
        for k in at..<(at + count) {
            guard (48...57).contains(b[k]) else { return nil }
            value = value * 10 + EpochSeconds(b[k] - 48)
        }
        return value
    }

    private static func daysIn(month: EpochSeconds, year: EpochSeconds) -> EpochSeconds {
        switch month {
        case 2: return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func pad(_ value: EpochSeconds, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    private static func floorDiv(_ a: EpochSeconds, _ b: EpochSeconds) -> EpochSeconds {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
    public static func days(fromCivil y0: EpochSeconds, _ m: EpochSeconds, _ d: EpochSeconds) -> EpochSeconds {
        let y = m <= 2 ? y0 - 1 : y0
        let era = floorDiv(y, 400)
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Year, month and day of a count of days since 1970-01-01: the inverse of `days(fromCivil:)`.
    public static func civil(fromDays z0: EpochSeconds) -> (EpochSeconds, EpochSeconds, EpochSeconds) {
        let z = z0 + 719_468
        let era = floorDiv(z, 146_097)
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? yoe + era * 400 + 1 : yoe + era * 400, m, d)
    }
}
