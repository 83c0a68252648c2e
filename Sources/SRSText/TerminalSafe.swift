/// Neutralises text that could drive a terminal instead of being shown by it: the one function
/// every piece of text srs writes to a terminal or to standard error passes through (the review
/// screen's text, tables, summaries, messages; `srs`'s `Output` applies it to all of stdout
/// and stderr). JSON output escapes the same characters as `\uXXXX` instead (`JSONText`).
///
/// Text comes from files anyone can write. An ESC byte starts an escape sequence that can move
/// the cursor, recolour, retitle the window or write the clipboard (OSC 52); other C0/C1
/// controls, DEL and the Unicode bidirectional overrides and isolates can hide or reorder what
/// is shown ("Trojan Source"); zero-width and other invisible characters make two different
/// names look the same. Each is replaced with a visible stand-in, so the learner sees that
/// something was there. Kept: line breaks (when asked), and what emoji need: a zero-width joiner
/// inside an emoji sequence (👨‍👩‍👧), variation selectors (❤️), tag characters of a flag.
public enum TerminalSafe {
    /// Returns `text` with every control and invisible character replaced by a visible symbol.
    ///
    /// C0 controls become their Control Pictures glyph (ESC → `␛`, NUL → `␀`), DEL becomes `␡`,
    /// C1 controls, bidi controls, line and paragraph separators and invisible format
    /// characters (zero-width space, non-joiner, word joiner, BOM, a joiner outside an emoji
    /// sequence) become U+FFFD; a soft hyphen is dropped. A tab becomes one space. Newlines
    /// are kept when `keepNewlines` is true (the caller lays out lines), otherwise shown as `␊`.
    /// Text without any of these is returned unchanged without copying.
    /// `keepTabs` keeps tabs too, for output whose columns are tab-separated.
    public static func sanitize(_ text: String, keepNewlines: Bool = true, keepTabs: Bool = false) -> String {
        let flagged = { (scalar: Unicode.Scalar) in
            mayNeedReplacement(scalar, keepNewlines: keepNewlines) && !(keepTabs && scalar == "\t")
        }
        guard text.unicodeScalars.contains(where: flagged) else { return text }
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count + 16)
        for character in text {
            let scalars = character.unicodeScalars
            guard scalars.contains(where: flagged) else {
                out.append(character)
                continue
            }
            let emoji = isEmojiSequence(character)
            for scalar in scalars {
                if !flagged(scalar) || (emoji && emojiNeeds(scalar)) {
                    out.unicodeScalars.append(scalar)
                } else if scalar.value != 0xAD {
                    out.unicodeScalars.append(replacement(for: scalar))
                }
            }
        }
        return out
    }

    /// True when `scalar` must not reach a terminal as it is: a control character (a line
    /// feed included), a bidi control, a line or paragraph separator.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (0x7F...0x9F).contains(value) || isBidiControl(value) || value == 0x2028 || value == 0x2029
    }

    /// True when `character` holds an invisible format character that is not part of an emoji
    /// sequence (zero-width space, joiner or non-joiner, word joiner, BOM, soft hyphen, …).
    public static func hidesText(_ character: Character) -> Bool {
        let emoji = isEmojiSequence(character)
        return character.unicodeScalars.contains { isFormat($0) && !isBidiControl($0.value) && !(emoji && emojiNeeds($0)) }
    }

    /// Controls, format characters (Unicode category Cf) and line or paragraph separators: the
    /// scalars to look at more closely.
    private static func mayNeedReplacement(_ scalar: Unicode.Scalar, keepNewlines: Bool) -> Bool {
        let value = scalar.value
        if value == 0x0A { return !keepNewlines }
        if value < 0x20 || (0x7F...0x9F).contains(value) || value == 0xAD { return true }
        return value >= 0x600 && (isFormat(scalar) || value == 0x2028 || value == 0x2029)
    }

    private static func isFormat(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0xAD || (scalar.value >= 0x600 && scalar.properties.generalCategory == .format)
    }

    /// A grapheme of two or more emoji (a ZWJ sequence), or an emoji with tags (a flag).
    private static func isEmojiSequence(_ character: Character) -> Bool {
        character.unicodeScalars.filter { $0.value > 0xFF && $0.properties.isEmoji }.count
            + (character.unicodeScalars.contains { (0xE0020...0xE007F).contains($0.value) } ? 1 : 0) >= 2
    }

    /// The joiner and the tag characters, which an emoji sequence needs.
    private static func emojiNeeds(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0x200D || (0xE0020...0xE007F).contains(scalar.value)
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
