import SRSCore

/// Little-endian reads of `history.cache` entries through a one-megabyte window, nil past the end.
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

    mutating func u8() -> UInt8? { need(1).map { window[$0] } }

    mutating func u64() -> UInt64? {
        guard let at = need(8) else { return nil }
        var v: UInt64 = 0
        for i in (0..<8).reversed() { v = v << 8 | UInt64(window[at + i]) }
        return v
    }

    mutating func u32() -> UInt32? {
        guard let at = need(4) else { return nil }
        var v: UInt32 = 0
        for i in (0..<4).reversed() { v = v << 8 | UInt32(window[at + i]) }
        return v
    }

    mutating func i32() -> Int32? { u32().map { Int32(bitPattern: $0) } }

    mutating func string(_ length: Int) -> String? {
        guard let at = need(length) else { return nil }
        return String(validating: window[at..<(at + length)], as: UTF8.self)
    }

    /// Reads one entry into `builder`; false for anything malformed.
    mutating func entry(into builder: inout HistoryBuilder) -> Bool {
        let cards = Int32(builder.cardIDs.count)
        switch u8() {
        case UInt8(ascii: "C"):
            guard let length = u32(), length < 65_536, let text = string(Int(length)) else { return false }
            _ = builder.newCard(CardID(text))
        case UInt8(ascii: "E"):
            guard let time = u64(), let seq = i32(), let card = i32(), let before = i32(), let after = i32(),
                  let millis = i32(), let gradeByte = u8(), let kindByte = u8(), (0..<cards).contains(card),
                  let grade = Grade(rawValue: Int(gradeByte)), Int(kindByte) < ReviewKind.allCases.count else { return false }
            builder.append(ReviewEvent(time: Int64(bitPattern: time), card: card, grade: grade, kind: ReviewKind.allCases[Int(kindByte)],
                                       intervalBefore: before, intervalAfter: after, answerMillis: millis), seq: seq)
            builder.lastInterval[Int(card)] = after
        case UInt8(ascii: "I"):
            guard let card = i32(), let interval = i32(), (0..<cards).contains(card) else { return false }
            builder.lastInterval[Int(card)] = interval
        case UInt8(ascii: "U"):
            guard let seq = i32() else { return false }
            builder.remove(seq: seq)
        default:
            return false
        }
        return true
    }
}
