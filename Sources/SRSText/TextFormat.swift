/// Number, duration and column formatting for the stats text: locale-independent, so golden
/// files are the same on every machine.
public enum TextFormat {
    /// 1234567 → "1,234,567".
    public static func count(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return n < 0 ? "-" + out : out
    }

    /// A value with `places` decimals, rounded half away from zero: 2.456 → "2.46". One that no
    /// whole number holds once scaled (an absurd average read from a crafted log, infinity,
    /// NaN) is written as Swift writes a Double ("9.2e+18", "inf"), never a trap.
    public static func decimal(_ value: Double, places: Int) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let rounded = (abs(value) * scale).rounded()
        guard rounded < 0x1p63 else { return "\(value)" } // false for NaN too
        let scaled = Int(rounded)
        let whole = scaled / Int(scale), fraction = scaled % Int(scale)
        let sign = value < 0 && scaled != 0 ? "-" : ""
        guard places > 0 else { return sign + count(whole) }
        let digits = String(fraction)
        return sign + count(whole) + "." + String(repeating: "0", count: places - digits.count) + digits
    }

    /// A share as a percentage with one decimal ("100%" and "0%" when exact), "—" when there is none.
    public static func percent(_ share: Double?) -> String {
        guard let share else { return "—" }
        if share == 1 || share == 0 { return "\(Int(share * 100))%" }
        return decimal(share * 100, places: 1) + "%"
    }

    /// `n` and the noun, plural when `n` is not 1: "1 card", "1,200 cards".
    public static func count(_ n: Int, _ noun: String) -> String {
        "\(count(n)) \(noun)\(n == 1 ? "" : "s")"
    }

    /// 7 → "07", 12 → "12".
    public static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// "1 day", "3 days".
    public static func days(_ n: Int) -> String { count(n, "day") }
}
