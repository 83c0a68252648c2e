/// How many terminal columns text takes: the one width rule of srs, used by the review screen,
/// the stats, `srs decks` and every other column layout (see `docs/review-screen.md`, "Text
/// width").
///
/// A character is one grapheme cluster, so a letter with accents, an emoji with a skin tone, a
/// flag or a ZWJ family each count once, by their first scalar:
/// - 2 for emoji shown as pictures: emoji-presentation characters (`⌚`, `😀`, flags), text-style
///   emoji followed by U+FE0F (`❤️`, `1️⃣`) and emoji with a skin-tone modifier (`☝🏽`); a ZWJ
///   sequence (`👨‍👩‍👧`) is one picture, 2 columns;
/// - 2 for East Asian Wide and Fullwidth characters (CJK, Hangul syllables, fullwidth forms);
/// - 0 for controls, combining and enclosing marks, format characters (ZWJ, U+200B, bidi marks;
///   not the soft hyphen) and Hangul vowel and final jamo;
/// - 1 for everything else, including text-style emoji without U+FE0F (`❤`) and East Asian
///   Ambiguous characters (as in a non-CJK locale).
/// This is what glibc's `wcwidth` gives for single characters and what current terminals (VTE,
/// kitty, iTerm2, Windows Terminal) draw for emoji sequences; terminals that draw a ZWJ family
/// as its three members will show it wider than laid out.
public enum DisplayWidth {
    /// The columns `text` takes on one line.
    public static func of(_ text: String) -> Int {
        // Printable ASCII, the common case, is one column a byte.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        return text.reduce(0) { $0 + of($1) }
    }

    /// The columns one character takes: 0, 1 or 2.
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if isEmoji(first, in: scalars) { return 2 }
        return width(of: first)
    }

    /// The longest prefix of `text` that fits in `columns`.
    public static func prefix(of text: String, fitting columns: Int) -> String {
        var used = 0
        var end = text.startIndex
        for index in text.indices {
            let w = of(text[index])
            if used + w > columns { break }
            used += w
            end = text.index(after: index)
        }
        return String(text[..<end])
    }

    static func width(of scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
        if isZeroWidth(scalar) { return 0 }
        return isWide(v) ? 2 : 1
    }

    /// Emoji drawn as pictures: emoji-presentation characters, and text-style emoji followed
    /// by the emoji variation selector U+FE0F or by a skin-tone modifier.
    static func isEmoji(_ first: Unicode.Scalar, in scalars: String.UnicodeScalarView) -> Bool {
        if first.properties.isEmojiPresentation { return true }
        guard first.properties.isEmoji else { return false }
        return scalars.dropFirst().contains { $0 == emojiVariationSelector || $0.properties.isEmojiModifier }
    }

    static let emojiVariationSelector: Unicode.Scalar = "\u{FE0F}"

    static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark: return true
        case .format: return scalar.value != 0x00AD
        default: return (0x1160...0x11FF).contains(scalar.value)
        }
    }

    static func isWide(_ v: UInt32) -> Bool {
        wideRanges.contains { $0.contains(v) }
    }

    /// East Asian Width W and F blocks (Unicode 15), merged where the gaps hold no characters.
    /// Emoji are handled by their presentation property instead.
    static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
        0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
        0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x17000...0x18CFF,
        0x1B000...0x1B2FF, 0x1F200...0x1F2FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]
}
