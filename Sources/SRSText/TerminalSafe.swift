/// Neutralises text that could drive a terminal instead of being shown by it.
///
/// Deck text comes from files anyone can write. An ESC byte starts an escape sequence that can
/// move the cursor, recolour, retitle the window or worse; other C0/C1 controls, DEL and the
/// Unicode bidirectional overrides can hide or reorder what is shown. `sanitize` replaces each
/// with a visible stand-in so the learner sees that something was there.
public enum TerminalSafe {
    /// Returns `text` with every control character replaced by a visible symbol.
    ///
    /// C0 controls become their Control Pictures glyph (ESC → `␛`, NUL → `␀`), DEL becomes `␡`,
    /// C1 controls and bidi controls become U+FFFD. A tab becomes one space. Newlines are kept
    /// when `keepNewlines` is true (the caller lays out lines), otherwise shown as `␊`.
    /// Text without any of these is returned unchanged without copying.
    public static func sanitize(_ text: String, keepNewlines: Bool = true) -> String {
        guard text.unicodeScalars.contains(where: { needsReplacement($0, keepNewlines: keepNewlines) })
        else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            let safe = needsReplacement(scalar, keepNewlines: keepNewlines) ? replacement(for: scalar) : scalar
            UTF8.encode(safe) { bytes.append($0) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// True when `scalar` must not reach a terminal as it is.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        needsReplacement(scalar, keepNewlines: false)
    }

    private static func needsReplacement(_ scalar: Unicode.Scalar, keepNewlines: Bool) -> Bool {
        let value = scalar.value
        if value == 0x0A { return !keepNewlines }
        return value < 0x20 || (0x7F...0x9F).contains(value) || isBidiControl(value)
    }

    /// U+061C, U+200E/F, U+202A–202E, U+2066–2069: the controls behind "Trojan Source" tricks.
    private static func isBidiControl(_ value: UInt32) -> Bool {
        value == 0x061C || value == 0x200E || value == 0x200F
            || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
    }

    private static func replacement(for scalar: Unicode.Scalar) -> Unicode.Scalar {
        let value = scalar.value
        if value == 0x09 { return " " }
        if value < 0x20 { return Unicode.Scalar(0x2400 + value) ?? "\u{FFFD}" }
        if value == 0x7F { return "\u{2421}" }
        return "\u{FFFD}"
    }
}
