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
        let rules = Rules(keepNewlines: keepNewlines, keepTabs: keepTabs)
        var bytes = text
        let sanitized = bytes.withUTF8 { utf8 -> String? in
            guard rules.firstFlagged(utf8) != nil else { return nil }
            return rules.rewrite(utf8)
        }
        return sanitized ?? text
    }

    /// `sanitize` on UTF-8 bytes, in one pass and linear in the input. What a scalar becomes
    /// depends only on the scalar, except for a joiner or a tag character, which an emoji
    /// sequence keeps: whether it is one depends on the grapheme cluster around it. Clusters
    /// never reach across a C0 control (Unicode's rules GB4 and GB5 break before and after
    /// one), so the text is read as runs between C0 controls: a run holding a flagged joiner or
    /// tag is read character by character (each run once), every other run scalar by scalar
    /// and copied in bulk where nothing is flagged. Going character by character over all the
    /// text cost 0.25 s per MB and most of it in grapheme breaking and per-character appends.
    struct Rules {
        let keepNewlines: Bool
        let keepTabs: Bool

        func isFlagged(_ scalar: Unicode.Scalar) -> Bool {
            mayNeedReplacement(scalar, keepNewlines: keepNewlines) && !(keepTabs && scalar == "\t")
        }

        /// The byte offset of the first scalar to replace, if any.
        func firstFlagged(_ utf8: UnsafeBufferPointer<UInt8>) -> Int? {
            var index = 0
            while index < utf8.count {
                let (scalar, length) = Self.decode(utf8, at: index)
                if isFlagged(scalar) { return index }
                index += length
            }
            return nil
        }

        func rewrite(_ utf8: UnsafeBufferPointer<UInt8>) -> String {
            var out: [UInt8] = []
            out.reserveCapacity(utf8.count + 16)
            var start = 0
            while start < utf8.count {
                var end = start
                while end < utf8.count, !Self.isControlByte(utf8[end]) { end += 1 }
                appendRun(UnsafeBufferPointer(rebasing: utf8[start..<end]), to: &out)
                guard end < utf8.count else { break }
                append(Unicode.Scalar(utf8[end]), to: &out)
                start = end + 1
            }
            return String(decoding: out, as: UTF8.self)
        }

        static func isControlByte(_ byte: UInt8) -> Bool { byte < 0x20 || byte == 0x7F }

        /// A run without C0 controls.
        private func appendRun(_ run: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
            var flagged = false
            var index = 0
            while index < run.count {
                let (scalar, length) = Self.decode(run, at: index)
                if isFlagged(scalar) {
                    if emojiNeeds(scalar) { return appendByCharacter(run, to: &out) }
                    flagged = true
                }
                index += length
            }
            guard flagged else { return out.append(contentsOf: run) }
            index = 0
            while index < run.count {
                let (scalar, length) = Self.decode(run, at: index)
                if isFlagged(scalar) {
                    append(scalar, to: &out)
                } else {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: run[index..<(index + length)]))
                }
                index += length
            }
        }

        /// The definition: per grapheme cluster, keeping what an emoji sequence needs.
        private func appendByCharacter(_ run: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
            for character in String(decoding: run, as: UTF8.self) {
                let emoji = isEmojiSequence(character)
                for scalar in character.unicodeScalars {
                    if !isFlagged(scalar) || (emoji && emojiNeeds(scalar)) {
                        UTF8.encode(scalar) { out.append($0) }
                    } else {
                        append(scalar, to: &out)
                    }
                }
            }
        }

        /// A flagged scalar's stand-in (a soft hyphen has none), or the scalar when it is kept.
        private func append(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
            let shown = isFlagged(scalar) ? replacement(for: scalar) : scalar
            guard scalar.value != 0xAD else { return }
            UTF8.encode(shown) { out.append($0) }
        }

        /// The scalar at `index` of valid UTF-8 (a `String`'s) and its length in bytes.
        static func decode(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
            let lead = UInt32(utf8[index])
            if lead < 0x80 { return (Unicode.Scalar(UInt8(lead)), 1) }
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
            var value = lead & (0x7F >> UInt32(length))
            for offset in 1..<length { value = value << 6 | UInt32(utf8[index + offset] & 0x3F) }
            return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
        }
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
        return value >= 0x600 && value != 0xFFFD && (isFormat(scalar) || value == 0x2028 || value == 0x2029)
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
