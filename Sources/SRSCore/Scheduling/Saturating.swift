/// Arithmetic on times and intervals that cannot trap: every scheduler goes through these, so
/// that no answer, stored value or input line can crash srs (issue 9).
public enum Saturating {
    /// `a + b`, pinned to `Int64.min ... Int64.max` instead of overflowing.
    public static func add(_ a: EpochSeconds, _ b: EpochSeconds) -> EpochSeconds {
        let (sum, overflow) = a.addingReportingOverflow(b)
        if !overflow { return sum }
        return b > 0 ? .max : .min
    }

    /// `a − b`, pinned instead of overflowing (`add(a, -b)` traps on negating `Int64.min`).
    public static func subtract(_ a: EpochSeconds, _ b: EpochSeconds) -> EpochSeconds {
        let (difference, overflow) = a.subtractingReportingOverflow(b)
        if !overflow { return difference }
        return b < 0 ? .max : .min
    }

    /// `a × b`, pinned instead of overflowing.
    public static func multiply(_ a: EpochSeconds, _ b: EpochSeconds) -> EpochSeconds {
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        if !overflow { return product }
        return (a < 0) == (b < 0) ? .max : .min
    }

    /// `time` plus `days` whole days of 86,400 s.
    public static func adding(days: Int, to time: EpochSeconds) -> EpochSeconds {
        add(time, multiply(EpochSeconds(days), secondsPerDay))
    }

    /// A Double as an Int in `range`: NaN gives the lower bound, ±infinity and huge values the
    /// nearest bound (Swift's `Int(_:)` would trap on all three).
    public static func int(_ value: Double, in range: ClosedRange<Int>) -> Int {
        if value.isNaN { return range.lowerBound }
        if value <= Double(range.lowerBound) { return range.lowerBound }
        if value >= Double(range.upperBound) { return range.upperBound }
        return Int(value)
    }

    /// A Float converted as Rust's `as u32` does: truncated, negative and NaN to 0, saturating.
    public static func u32(_ value: Float) -> Int {
        if value.isNaN || value <= 0 { return 0 }
        if value >= 4_294_967_296 { return 4_294_967_295 }
        return Int(value)
    }

    /// Floor division (rounds towards −∞, unlike `/`).
    public static func floorDiv(_ a: EpochSeconds, _ b: EpochSeconds) -> EpochSeconds {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}
