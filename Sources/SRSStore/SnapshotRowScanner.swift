import SRSCore
import SRSJSON

/// The fast path for the rows srs itself writes to `cards.json`:
/// `["id",due,interval,easiness,repetitions,lapses,first,last,flags,buried_until]` with no
/// blanks, no escapes in the id and plain numbers, or the same with five `null`s and a state
/// column (another scheduler's state, or a card never reviewed). A start reads 100,000 of them,
/// so this reads them in one tight pass over the bytes; any row it does not recognise (edited
/// by hand) it leaves to the general reader, which also reports errors.
struct SnapshotRowScanner {
    let bytes: UnsafeBufferPointer<UInt8>

    /// Reads the row at `start`; returns it and the offset just past its `]`, or nil.
    @inline(__always)
    func row(at start: Int) -> (CardID, CardProgress, Int)? {
        var i = start
        guard i + 2 < bytes.count, bytes[i] == UInt8(ascii: "["), bytes[i + 1] == UInt8(ascii: "\"") else { return nil }
        i += 2
        let idStart = i
        while i < bytes.count, bytes[i] != UInt8(ascii: "\"") {
            guard bytes[i] >= 0x20, bytes[i] < 0x80, bytes[i] != UInt8(ascii: "\\") else { return nil }
            i += 1
        }
        guard i < bytes.count else { return nil }
        let id = CardID(String(decoding: UnsafeBufferPointer(rebasing: bytes[idStart..<i]), as: UTF8.self))
        i += 1
        var p = CardProgress()
        if !nulls(&i) {
            guard let due = int(&i), let interval = int(&i), let easiness = decimal(&i), let reps = int(&i),
                  let lapses = int(&i) else { return nil }
            p = CardProgress(memory: Memory(intervalDays: Int(interval), due: due, easiness: easiness,
                                            repetitions: Int(reps), lapses: Int(lapses)))
        }
        guard let first = int(&i), let last = int(&i), let flags = int(&i), let buried = int(&i), i < bytes.count else { return nil }
        if bytes[i] == UInt8(ascii: ",") {
            // The state column: its state object holds the whole progress, flags included.
            if let (state, end) = stateColumn(at: i + 1), end < bytes.count, bytes[end] == UInt8(ascii: "]") {
                return (id, state, end + 1)
            }
            var reader = JSONReader(bytes, offset: i + 1)
            guard let state = try? ProgressFormat.readStateColumn(&reader, flags: p),
                  reader.offset < bytes.count, bytes[reader.offset] == UInt8(ascii: "]") else { return nil }
            return (id, state, reader.offset + 1)
        }
        guard bytes[i] == UInt8(ascii: "]") else { return nil }
        (p.firstReview, p.lastReview) = (first, last)
        p.repeatPending = flags & Int64(ProgressFormat.repeatFlag) != 0
        p.suspended = flags & Int64(ProgressFormat.suspendedFlag) != 0
        p.leech = flags & Int64(ProgressFormat.leechFlag) != 0
        p.buriedUntil = buried
        return (id, p.pinned, i + 1)
    }

    /// `,null` five times: the SM-2 columns of a row without a classic SM-2 memory.
    @inline(__always)
    private func nulls(_ i: inout Int) -> Bool {
        let text = Self.nullColumns
        guard i + text.count <= bytes.count, bytes[i + 1] == UInt8(ascii: "n") else { return false }
        for k in 0..<text.count where bytes[i + k] != text[k] { return false }
        i += text.count
        return true
    }

    private static let nullColumns = Array(",null,null,null,null,null".utf8)

    /// `,` (or `separator`) then a non-negative integer of at most 18 digits.
    @inline(__always)
    func int(_ i: inout Int, after separator: UInt8 = UInt8(ascii: ",")) -> Int64? {
        guard i < bytes.count, bytes[i] == separator else { return nil }
        i += 1
        var value: Int64 = 0
        let start = i
        while i < bytes.count {
            let digit = bytes[i] &- 48
            guard digit < 10 else { break }
            value = value &* 10 &+ Int64(digit)
            i += 1
        }
        // RFC 8259 has no leading zeros: such a row is left to the general reader, which refuses it.
        guard i > start, i - start <= 18, i < bytes.count, i - start == 1 || bytes[start] != UInt8(ascii: "0") else { return nil }
        return value
    }

    /// `,` (or `separator`) then a decimal number up to the next `,`, exactly as strtod would round it.
    @inline(__always)
    func decimal(_ i: inout Int, after separator: UInt8 = UInt8(ascii: ",")) -> Double? {
        guard i < bytes.count, bytes[i] == separator else { return nil }
        i += 1
        let start = i
        while i < bytes.count, bytes[i] != UInt8(ascii: ",") { i += 1 }
        guard i > start else { return nil }
        if let exact = JSONReader.exactDouble(bytes, start..<i) { return exact }
        var reader = JSONReader(UnsafeBufferPointer(rebasing: bytes[..<i]), offset: start)
        guard let value = try? reader.readDouble(), reader.offset == i else { return nil }
        return value
    }
}
