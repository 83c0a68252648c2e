import SRSCore

/// Little-endian reads of `history.cache` entries through a one-megabyte window, nil past the end.
/// A stats run reads a million entries: each is made available in the window whole, then its
/// fields are read at fixed offsets.
struct ByteReader {
    let fd: Int32
    let size: Int
    let io: Syscalls
    private var window: [UInt8] = []
    private var windowStart = 0
    /// The file offset of the next byte to read.
    private var position: Int
    var remaining: Int { size - position }

    init(fd: Int32, size: Int, io: Syscalls, from start: Int) {
        self.fd = fd
        self.size = size
        self.io = io
        position = start
    }

    /// Makes `count` bytes from `position` available in `window`; their index there.
    private mutating func need(_ count: Int) -> Int? {
        guard count >= 0, position + count <= size else { return nil }
        if position + count > windowStart + window.count || position < windowStart {
            guard let read = io.readExactly(fd, count: min(max(count, 1 << 20), size - position), at: position) else {
                return nil
            }
            window = read
            windowStart = position
        }
        let at = position - windowStart
        position += count
        return at
    }

    /// The little-endian integer of `T`'s size at `at` in the window.
    private func load<T: FixedWidthInteger>(_ at: Int, as _: T.Type) -> T {
        window.withUnsafeBytes { T(littleEndian: $0.loadUnaligned(fromByteOffset: at, as: T.self)) }
    }

    private func int32(_ at: Int) -> Int32 { Int32(bitPattern: load(at, as: UInt32.self)) }

    /// The next four bytes as an integer.
    private mutating func u32() -> UInt32? { need(4).map { load($0, as: UInt32.self) } }

    private mutating func string(_ length: Int) -> String? {
        guard let at = need(length) else { return nil }
        return window.withUnsafeBufferPointer { String(validating: UnsafeBufferPointer(rebasing: $0[at..<(at + length)]), as: UTF8.self) }
    }

    /// An answer's fields after its tag: u64 time, u32 seq, card, interval before, interval
    /// after, milliseconds, u8 grade, kind.
    static let answerSize = 30
    private static let kinds = ReviewKind.allCases

    /// Reads one entry into `builder`; false for anything malformed.
    mutating func entry(into builder: inout HistoryBuilder) -> Bool {
        let cards = Int32(builder.cardIDs.count)
        guard let tag = need(1).map({ window[$0] }) else { return false }
        switch tag {
        case UInt8(ascii: "C"):
            guard let length = u32(), length < 65_536, let text = string(Int(length)) else { return false }
            _ = builder.newCard(CardID(text))
        case UInt8(ascii: "E"):
            guard let at = need(Self.answerSize) else { return false }
            let (card, after) = (int32(at + 12), int32(at + 20))
            guard (0..<cards).contains(card), let grade = Grade(rawValue: Int(window[at + 28])),
                  Int(window[at + 29]) < Self.kinds.count else { return false }
            builder.append(ReviewEvent(time: Int64(bitPattern: load(at, as: UInt64.self)), card: card, grade: grade,
                                       kind: Self.kinds[Int(window[at + 29])], intervalBefore: int32(at + 16),
                                       intervalAfter: after, answerMillis: int32(at + 24)), seq: int32(at + 8))
            builder.lastInterval[Int(card)] = after
        case UInt8(ascii: "I"):
            guard let at = need(8) else { return false }
            let (card, interval) = (int32(at), int32(at + 4))
            guard (0..<cards).contains(card) else { return false }
            builder.lastInterval[Int(card)] = interval
        case UInt8(ascii: "U"):
            guard let seq = u32() else { return false }
            builder.remove(seq: Int32(bitPattern: seq))
        default:
            return false
        }
        return true
    }
}
