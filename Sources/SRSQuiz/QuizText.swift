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
    static func lines<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> [QuizLine] {
        let contiguous = Array(bytes)
        return contiguous.withUnsafeBufferPointer { buffer in lines(in: buffer) }
    }

    private static func lines(in buffer: UnsafeBufferPointer<UInt8>) -> [QuizLine] {
        var result: [QuizLine] = []
        var start = hasByteOrderMark(buffer) ? 3 : 0
        var index = start
        var number = 1
        while index < buffer.count {
            let byte = buffer[index]
            if byte == 0x0A || byte == 0x0D {
                result.append(QuizLine(number: number, text: cleaned(buffer, start..<index)))
                number += 1
                index += (byte == 0x0D && index + 1 < buffer.count && buffer[index + 1] == 0x0A) ? 2 : 1
                start = index
            } else {
                index += 1
            }
        }
        if start < buffer.count { result.append(QuizLine(number: number, text: cleaned(buffer, start..<buffer.count))) }
        return result
    }

    private static func hasByteOrderMark(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF
    }

    private static func cleaned(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, isSpace(buffer[lower]) { lower += 1 }
        while upper > lower, isSpace(buffer[upper - 1]) { upper -= 1 }
        let slice = UnsafeBufferPointer(rebasing: buffer[lower..<upper])
        let text = String(decoding: slice, as: UTF8.self)
        return mayHoldControls(slice) ? TerminalSafe.sanitize(text, keepNewlines: false) : text
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0B || byte == 0x0C
    }

    /// A cheap byte test that errs on the side of "maybe": C0, DEL, and the lead bytes of
    /// C1 controls (0xC2) and bidi controls (0xD8, 0xE2).
    private static func mayHoldControls(_ slice: UnsafeBufferPointer<UInt8>) -> Bool {
        slice.contains { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xD8 || $0 == 0xE2 }
    }
}
