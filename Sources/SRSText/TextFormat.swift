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

    /// A value with `places` decimals, rounded half away from zero: 2.456 → "2.46".
    public static func decimal(_ value: Double, places: Int) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = Int((abs(value) * scale).rounded())
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

    /// Milliseconds as "45s", "12m 30s" or "1h 05m".
    public static func duration(milliseconds ms: Int) -> String {
        let seconds = (ms + 500) / 1000
        if seconds < 60 { return "\(seconds)s" }
        if seconds < 3600 { return "\(seconds / 60)m \(twoDigits(seconds % 60))s" }
        return "\(seconds / 3600)h \(twoDigits(seconds / 60 % 60))m"
    }

    public static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// "1 day", "3 days".
    public static func days(_ n: Int) -> String { n == 1 ? "1 day" : "\(count(n)) days" }
}

/// Terminal column arithmetic: how wide text shows, and fitting it to a width.
public enum Columns {
    /// The columns `text` takes in a terminal: East Asian wide characters and emoji take two,
    /// combining marks none.
    public static func width(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + width(of: $1) }
    }

    public static func width(of scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x300 { return 1 }
        if (0x300...0x36F).contains(v) || (0x200B...0x200F).contains(v) || (0xFE00...0xFE0F).contains(v) { return 0 }
        if (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1FAFF).contains(v) || (0x20000...0x3FFFD).contains(v) {
            return 2
        }
        return 1
    }

    /// `text` padded with spaces on the right to `width` columns (cut with "…" when longer).
    public static func left(_ text: String, _ width: Int) -> String {
        let fitted = fit(text, width)
        return fitted + String(repeating: " ", count: max(0, width - self.width(fitted)))
    }

    /// `text` padded with spaces on the left to `width` columns.
    public static func right(_ text: String, _ width: Int) -> String {
        let fitted = fit(text, width)
        return String(repeating: " ", count: max(0, width - self.width(fitted))) + fitted
    }

    /// `text` cut to at most `width` columns, ending in "…" when cut.
    public static func fit(_ text: String, _ width: Int) -> String {
        guard self.width(text) > width else { return text }
        guard width > 0 else { return "" }
        var out = "", used = 0
        for ch in text {
            let w = ch.unicodeScalars.reduce(0) { $0 + self.width(of: $1) }
            if used + w > width - 1 { break }
            out.append(ch)
            used += w
        }
        return out + "…"
    }
}

extension Columns {
    /// `text` with control characters made visible (a deck or user name could hold terminal
    /// escapes), on one line.
    public static func printable(_ text: String) -> String { TerminalSafe.sanitize(text, keepNewlines: false) }
}
