/// How many terminal columns text takes: 2 for CJK and emoji, 0 for combining marks, 1 otherwise.
///
/// The rules follow Unicode's East Asian Width (Wide and Fullwidth take two columns) and emoji
/// presentation, as glibc's `wcwidth` and terminals do; a character is one grapheme cluster, so
/// a base letter with accents, an emoji with a skin tone or a ZWJ family each count once.
public enum DisplayWidth {
    /// The columns `text` takes on one line.
    public static func of(_ text: String) -> Int {
        text.reduce(0) { $0 + of($1) }
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
    /// by the emoji variation selector U+FE0F.
    static func isEmoji(_ first: Unicode.Scalar, in scalars: String.UnicodeScalarView) -> Bool {
        if first.properties.isEmojiPresentation { return true }
        return first.properties.isEmoji && scalars.contains(emojiVariationSelector)
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
