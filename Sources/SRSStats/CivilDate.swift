import SRSCore
import SRSText

/// A calendar date without a zone, for naming study days and finding weekdays by arithmetic
/// (`ISOTime`'s day arithmetic), so that no calendar is consulted per day.
struct CivilDate: Equatable, Sendable {
    var year: Int
    var month: Int
    var day: Int

    /// Reads `YYYY-MM-DD`.
    init?(_ name: String) {
        let parts = name.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]), (1...31).contains(parts[2]) else { return nil }
        (year, month, day) = (parts[0], parts[1], parts[2])
    }

    init(daysSinceEpoch days: Int) {
        let (y, m, d) = ISOTime.civil(fromDays: EpochSeconds(days))
        (year, month, day) = (Int(y), Int(m), Int(d))
    }

    /// Days since 1970-01-01.
    var daysSinceEpoch: Int {
        Int(ISOTime.days(fromCivil: EpochSeconds(year), EpochSeconds(month), EpochSeconds(day)))
    }

    func adding(days: Int) -> CivilDate { CivilDate(daysSinceEpoch: daysSinceEpoch + days) }

    /// 0 for Monday … 6 for Sunday (1970-01-01 was a Thursday).
    var weekdayFromMonday: Int { ((daysSinceEpoch % 7) + 7 + 3) % 7 }

    var name: String { "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))" }

    static let monthAbbreviations = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    var monthAbbreviation: String { Self.monthAbbreviations[month - 1] }

    private static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }
}

extension TextFormat {
    /// A study-day name `YYYY-MM-DD` as "30 Mar".
    static func shortDate(_ name: String) -> String {
        guard let date = CivilDate(name) else { return name }
        return "\(date.day) \(date.monthAbbreviation)"
    }
}
