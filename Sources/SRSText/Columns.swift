/// Fitting text to terminal columns, by the one width rule of `DisplayWidth`: the stats
/// tables, `srs decks` and every other column layout use these.
public enum Columns {
    /// The columns `text` takes in a terminal (`DisplayWidth.of`).
    public static func width(_ text: String) -> Int { DisplayWidth.of(text) }

    /// `text` padded with spaces on the right to `width` columns (cut with "…" when longer).
    public static func left(_ text: String, _ width: Int) -> String {
        let fitted = fit(text, width)
        return fitted + String(repeating: " ", count: max(0, width - self.width(fitted)))
    }

    /// `text` padded with spaces on the left to `width` columns (cut with "…" when longer).
    public static func right(_ text: String, _ width: Int) -> String {
        let fitted = fit(text, width)
        return String(repeating: " ", count: max(0, width - self.width(fitted))) + fitted
    }

    /// `text` cut to at most `width` columns, ending in "…" when cut. Never splits a character.
    public static func fit(_ text: String, _ width: Int) -> String {
        guard self.width(text) > width else { return text }
        guard width > 0 else { return "" }
        return DisplayWidth.prefix(of: text, fitting: width - 1) + "…"
    }

    /// `text` with control characters made visible (a deck or user name could hold terminal
    /// escapes), on one line.
    public static func printable(_ text: String) -> String { TerminalSafe.sanitize(text, keepNewlines: false) }

    /// The columns of text that may hold SGR colour escapes (`ESC [ … m`), which take none.
    public static func visibleWidth(_ text: String) -> Int {
        guard text.utf8.contains(0x1B) else { return width(text) }
        var plain = "", inEscape = false
        for scalar in text.unicodeScalars {
            if inEscape { if scalar == "m" { inEscape = false }; continue }
            if scalar == "\u{1B}" { inEscape = true; continue }
            plain.unicodeScalars.append(scalar)
        }
        return width(plain)
    }
}
