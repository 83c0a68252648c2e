import SRSCore

/// Reads the entries of `history.cache` (format: `HistoryCacheFile`) a megabyte at a time: a
/// stats run reads a million of them, so each window's whole entries are decoded in one loop
/// over its bytes, at fixed offsets, and an entry cut by the window's end is read again at the
/// start of the next window.
struct HistoryCacheReader {
    let fd: Int32
    /// Where the entries end.
    let end: Int
    let io: Syscalls
    /// Bytes read at a time; at least the longest entry (an id of up to 64 KiB).
    var windowBytes = 1 << 20
    /// The bytes after an answer's tag: u64 time, u32 seq, card, interval before, interval
    /// after, milliseconds, u8 grade, kind.
    static let answerSize = 30
    private static let kinds = ReviewKind.allCases

    /// Adds the entries from `start` to `end` to `builder`; false for anything malformed.
    func read(from start: Int, into builder: inout HistoryBuilder) -> Bool {
        var position = start
        while position < end {
            guard let window = io.readExactly(fd, count: min(windowBytes, end - position), at: position) else { return false }
            let atEnd = position + window.count == end
            let used = window.withUnsafeBytes { Self.decode($0, atEnd: atEnd, into: &builder) }
            // At the end every entry must be whole; before it, a window holds at least one entry.
            guard let used, used > 0 else { return false }
            position += used
        }
        return true
    }

    /// Decodes the whole entries at the start of `bytes`; returns how many bytes they took, or
    /// nil for a malformed entry. The last one may be cut off unless `atEnd`.
    private static func decode(_ bytes: UnsafeRawBufferPointer, atEnd: Bool, into builder: inout HistoryBuilder) -> Int? {
        var i = 0
        while i < bytes.count {
            let rest = bytes.count - i - 1
            let cards = Int32(builder.cardIDs.count)
            switch bytes[i] {
            case UInt8(ascii: "C"):
                guard rest >= 4 else { return atEnd ? nil : i }
                let length = Int(u32(bytes, i + 1))
                guard length < 65_536 else { return nil }
                guard rest >= 4 + length else { return atEnd ? nil : i }
                guard let text = String(validating: UnsafeRawBufferPointer(rebasing: bytes[(i + 5)..<(i + 5 + length)]), as: UTF8.self) else { return nil }
                _ = builder.newCard(CardID(text))
                i += 5 + length
            case UInt8(ascii: "E"):
                guard rest >= answerSize else { return atEnd ? nil : i }
                let at = i + 1
                let card = Int32(bitPattern: u32(bytes, at + 12)), after = Int32(bitPattern: u32(bytes, at + 20))
                guard (0..<cards).contains(card), let grade = Grade(rawValue: Int(bytes[at + 28])),
                      Int(bytes[at + 29]) < kinds.count else { return nil }
                builder.append(ReviewEvent(time: Int64(bitPattern: u64(bytes, at)), card: card, grade: grade,
                                           kind: kinds[Int(bytes[at + 29])], intervalBefore: Int32(bitPattern: u32(bytes, at + 16)),
                                           intervalAfter: after, answerMillis: Int32(bitPattern: u32(bytes, at + 24))),
                               seq: Int32(bitPattern: u32(bytes, at + 8)))
                builder.lastInterval[Int(card)] = after
                i += 1 + answerSize
            case UInt8(ascii: "I"):
                guard rest >= 8 else { return atEnd ? nil : i }
                let card = Int32(bitPattern: u32(bytes, i + 1))
                guard (0..<cards).contains(card) else { return nil }
                builder.lastInterval[Int(card)] = Int32(bitPattern: u32(bytes, i + 5))
                i += 9
            case UInt8(ascii: "U"):
                guard rest >= 4 else { return atEnd ? nil : i }
                builder.remove(seq: Int32(bitPattern: u32(bytes, i + 1)))
                i += 5
            default:
                return nil
            }
        }
        return i
    }

    private static func u32(_ bytes: UnsafeRawBufferPointer, _ at: Int) -> UInt32 {
        UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt32.self))
    }

    private static func u64(_ bytes: UnsafeRawBufferPointer, _ at: Int) -> UInt64 {
        UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self))
    }
}
