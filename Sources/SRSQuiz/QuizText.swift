import SRSCore
import SRSText

/// One line of quiz text as the parser sees it: 1-based `number`, `text` without its line end,
/// without surrounding whitespace, and with control characters made visible.
struct QuizLine: Equatable, Sendable {
    let number: Int
    let text: String
    var isBlank: Bool { text.isEmpty }
}

/// Turns raw bytes into `QuizLine`s. Never fails: invalid UTF-8 becomes U+FFFD, a leading
/// byte-order mark is dropped, and `\n`, `\r\n` and a lone `\r` all end a line. Linear in the
/// input, whatever it holds (one 10 MB line costs one pass).
enum QuizText {
    /// The lines, and the number of the first line whose bytes are not valid UTF-8 (nil when all
    /// are). Text in UTF-16 with its byte-order mark (`FF FE`, `FE FF`, as Windows editors save
    /// it) is read as such.
    static func lines<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> (lines: [QuizLine], firstInvalidLine: Int?) {
        let contiguous = utf8(Array(bytes))
        return contiguous.withUnsafeBufferPointer { buffer in lines(in: buffer) }
    }

    /// UTF-8 for UTF-16 text that starts with its byte-order mark; other bytes unchanged.
    static func utf8(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.count >= 2, (bytes[0], bytes[1]) == (0xFF, 0xFE) || (bytes[0], bytes[1]) == (0xFE, 0xFF) else { return bytes }
        let little = bytes[0] == 0xFF
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = 2
        while index + 1 < bytes.count {
            let (low, high) = little ? (bytes[index], bytes[index + 1]) : (bytes[index + 1], bytes[index])
            units.append(UInt16(high) << 8 | UInt16(low))
            index += 2
        }
        if index < bytes.count { units.append(0xFFFD) }   // an odd last byte
        return Array(String(decoding: units, as: UTF16.self).utf8)
    }

    private static func lines(in buffer: UnsafeBufferPointer<UInt8>) -> (lines: [QuizLine], firstInvalidLine: Int?) {
        var invalid: Int?
        var result: [QuizLine] = []
        var start = hasByteOrderMark(buffer) ? 3 : 0
        var index = start
        var number = 1
        var wide = false   // the line so far has a byte of 0x80 or more
        while index < buffer.count {
            let byte = buffer[index]
            if byte == 0x0A || byte == 0x0D {
                if wide, invalid == nil, !isValidUTF8(buffer, start..<index) { invalid = number }
                result.append(QuizLine(number: number, text: cleaned(buffer, start..<index)))
                number += 1
                index += (byte == 0x0D && index + 1 < buffer.count && buffer[index + 1] == 0x0A) ? 2 : 1
                start = index
                wide = false
            } else {
                wide = wide || byte >= 0x80
                index += 1
            }
        }
        if start < buffer.count {
            if wide, invalid == nil, !isValidUTF8(buffer, start..<buffer.count) { invalid = number }
            result.append(QuizLine(number: number, text: cleaned(buffer, start..<buffer.count)))
        }
        return (result, invalid)
    }

    /// True for bytes that are valid UTF-8.
    private static func isValidUTF8(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        String(validating: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self) != nil
    }

    private static func hasByteOrderMark(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF
    }

    private static func cleaned(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper {
            if isSpace(buffer[lower]) { lower += 1 } else if let length = wideSpace(buffer, at: lower, before: upper) {
                lower += length
            } else { break }
        }
        while upper > lower {
            if isSpace(buffer[upper - 1]) { upper -= 1 } else if let length = wideSpace(buffer, endingAt: upper, after: lower) {
                upper -= length
            } else { break }
        }
        let slice = UnsafeBufferPointer(rebasing: buffer[lower..<upper])
        let text = String(decoding: slice, as: UTF8.self)
        guard mayHoldControls(slice) else { return text }
        return TerminalSafe.sanitize(invisibleSpacesMadePlain(text), keepNewlines: false)
    }

    /// The byte-order mark and the zero-width space stand where files were joined or text was
    /// pasted from the web; quiz text reads them as spaces (`isSpaceLike`), so they become plain
    /// spaces here instead of the visible stand-in `TerminalSafe` gives other invisible characters.
    private static func invisibleSpacesMadePlain(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value == 0xFEFF || $0.value == 0x200B }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            out.append(scalar.value == 0xFEFF || scalar.value == 0x200B ? " " : scalar)
        }
        return String(out)
    }

    /// The length of a Unicode space, byte-order mark or zero-width space starting at `index`
    /// (U+00A0, U+1680, U+2000…U+200B, U+202F, U+205F, U+3000, U+FEFF), or nil.
    private static func wideSpace(_ buffer: UnsafeBufferPointer<UInt8>, at index: Int, before end: Int) -> Int? {
        for length in [2, 3] where index + length <= end && isWideSpace(buffer, index, length) { return length }
        return nil
    }

    private static func wideSpace(_ buffer: UnsafeBufferPointer<UInt8>, endingAt end: Int, after start: Int) -> Int? {
        for length in [2, 3] where end - length >= start && isWideSpace(buffer, end - length, length) { return length }
        return nil
    }

    private static func isWideSpace(_ buffer: UnsafeBufferPointer<UInt8>, _ index: Int, _ length: Int) -> Bool {
        let (a, b) = (buffer[index], buffer[index + 1])
        if length == 2 { return a == 0xC2 && b == 0xA0 }
        let c = buffer[index + 2]
        switch (a, b) {
        case (0xE2, 0x80): return (0x80...0x8B).contains(c) || c == 0xAF
        case (0xE2, 0x81): return c == 0x9F
        case (0xE1, 0x9A): return c == 0x80
        case (0xE3, 0x80): return c == 0x80
        case (0xEF, 0xBB): return c == 0xBF
        default: return false
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0B || byte == 0x0C
    }

    /// A cheap byte test that errs on the side of "maybe": C0, DEL, and the lead bytes of
    /// C1 controls and the soft hyphen (0xC2), bidi and other format characters (0xD8, 0xDB,
    /// 0xDC, 0xE1, 0xE2), the BOM and interlinear marks (0xEF) and tag characters (0xF3).
    private static func mayHoldControls(_ slice: UnsafeBufferPointer<UInt8>) -> Bool {
        slice.contains {
            switch $0 {
            case 0..<0x20, 0x7F, 0xC2, 0xD8, 0xDB, 0xDC, 0xE1, 0xE2, 0xEF, 0xF3: return true
            default: return false
            }
        }
    }
}
