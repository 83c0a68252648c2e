#if canImport(Glibc)
import Glibc
#endif
import SRSCore

/// `history.cache`, format 2: a 40-byte header, then entries that are only ever appended, so a
/// cache a few records behind the log is extended by appending those records' entries, not
/// rewritten. Header: `SRSHIST2`, then little-endian u64s: log bytes covered, log records
/// covered, where the entries end, and a check of those three (a torn header means a rebuild).
/// Entries: `C` u32 length + id (a card, numbered in order), `E` an answer (u64 time, u32 seq,
/// card, interval before, interval after, milliseconds, u8 grade, kind), `I` u32 card + u32
/// interval (a bury, suspend or undo changed it), `U` u32 seq (that answer was undone).
struct HistoryCacheFile {
    let path: String
    let io: Syscalls

    static let magic: [UInt8] = Array("SRSHIST2".utf8)
    static let headerSize = 40

    struct Contents {
        var builder: HistoryBuilder
        /// The offset where the entries end (and new ones go).
        var streamEnd: Int
    }

    /// The cache's contents (with `kind`, only the answers of that kind), or nil for anything
    /// unexpected (the caller rebuilds it).
    func read(only kind: ReviewKind? = nil) -> Contents? {
        guard let fd = try? io.openDataFile(path, O_RDONLY) else { return nil }
        defer { _ = io.close(fd) }
        guard let size = try? io.size(of: fd, path: path), let head = io.readExactly(fd, count: Self.headerSize, at: 0),
              let (logBytes, logRecords, streamEnd) = Self.header(head), streamEnd <= size else { return nil }
        var builder = HistoryBuilder()
        builder.logBytes = logBytes
        builder.logRecords = logRecords
        builder.onlyKind = kind
        if kind == nil {
            // Nearly every entry is an answer: reserving for all of them spares the copies of growing.
            let answers = (streamEnd - Self.headerSize) / (1 + HistoryCacheReader.answerSize)
            builder.events.reserveCapacity(answers)
            builder.seqs.reserveCapacity(answers)
        }
        guard HistoryCacheReader(fd: fd, end: streamEnd, io: io).read(from: Self.headerSize, into: &builder) else { return nil }
        return Contents(builder: builder, streamEnd: streamEnd)
    }

    /// Appends `builder.entries` at `streamEnd` and then the header that covers them, each made
    /// durable in turn. Skipped when another srs is extending the cache at the same moment.
    func append(_ builder: HistoryBuilder, at streamEnd: Int) throws {
        guard let fd = try io.openDataFile(path, O_RDWR) else { return }
        defer { _ = io.close(fd) }
        guard io.flock(fd, LOCK_EX | LOCK_NB) == 0,
              let head = io.readExactly(fd, count: Self.headerSize, at: 0), Self.header(head)?.2 == streamEnd else { return }
        let entries = builder.entries ?? []
        let end = streamEnd + entries.count
        guard io.ftruncate(fd, off_t(streamEnd)) == 0, io.writeAll(fd, entries, at: streamEnd), io.fsync(fd) == 0,
              io.writeAll(fd, Self.header(builder, streamEnd: end), at: 0), io.fsync(fd) == 0 else {
            throw StoreError.io(path: path, operation: "write", reason: Syscalls.lastError())
        }
    }

    /// Writes a new cache atomically; `body` streams the entries through the function it is
    /// given and returns the finished builder (for the header).
    func writeNew(_ body: (_ flush: ([UInt8]) throws -> Void) throws -> HistoryBuilder) throws {
        try io.writeAtomically(to: path) { fd in
            var end = 0
            func write(_ bytes: [UInt8]) throws {
                guard io.writeAll(fd, bytes, at: end) else { throw StoreError.io(path: path, operation: "write", reason: Syscalls.lastError()) }
                end += bytes.count
            }
            try write([UInt8](repeating: 0, count: Self.headerSize))
            let builder = try body(write)
            guard io.writeAll(fd, Self.header(builder, streamEnd: end), at: 0) else {
                throw StoreError.io(path: path, operation: "write", reason: Syscalls.lastError())
            }
        }
    }

    static func header(_ builder: HistoryBuilder, streamEnd: Int) -> [UInt8] {
        let (a, b, c) = (UInt64(builder.logBytes), UInt64(builder.logRecords), UInt64(streamEnd))
        var out = magic
        for value in [a, b, c, check(a, b, c)] { out.appendU64(value) }
        return out
    }

    /// (log bytes, log records, end of entries) from a header, nil when it is not one.
    static func header(_ bytes: [UInt8]) -> (Int, Int, Int)? {
        guard bytes.count == headerSize, Array(bytes[0..<8]) == magic else { return nil }
        let v = (0..<4).map { i in (0..<8).reversed().reduce(UInt64(0)) { $0 << 8 | UInt64(bytes[8 + i * 8 + $1]) } }
        guard v[3] == check(v[0], v[1], v[2]), v[0] < 1 << 50, v[1] < 1 << 40, v[2] < 1 << 50, v[2] >= UInt64(headerSize) else { return nil }
        return (Int(v[0]), Int(v[1]), Int(v[2]))
    }

    private static func check(_ a: UInt64, _ b: UInt64, _ c: UInt64) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for v in [a, b, c] { h = (h ^ v) &* 0x0000_0100_0000_01b3 }
        return h
    }
}

extension Array where Element == UInt8 {
    mutating func appendU64(_ v: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { append(UInt8(truncatingIfNeeded: v >> UInt64(shift))) }
    }

    mutating func appendU32(_ v: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { append(UInt8(truncatingIfNeeded: v >> UInt32(shift))) }
    }

    mutating func appendCard(_ id: CardID) {
        let bytes = Array(id.rawValue.utf8)
        append(UInt8(ascii: "C"))
        appendU32(UInt32(bytes.count))
        append(contentsOf: bytes)
    }

    mutating func appendEvent(_ e: ReviewEvent, seq: Int32) {
        append(UInt8(ascii: "E"))
        appendU64(UInt64(bitPattern: e.time))
        for v in [seq, e.card, e.intervalBefore, e.intervalAfter, e.answerMillis] { appendU32(UInt32(bitPattern: v)) }
        append(UInt8(e.grade.rawValue))
        append(UInt8(ReviewKind.allCases.firstIndex(of: e.kind) ?? 0))
    }

    mutating func appendInterval(_ card: Int32, _ interval: Int32) {
        append(UInt8(ascii: "I"))
        appendU32(UInt32(bitPattern: card))
        appendU32(UInt32(bitPattern: interval))
    }

    mutating func appendRemoval(_ seq: Int32) {
        append(UInt8(ascii: "U"))
        appendU32(UInt32(bitPattern: seq))
    }
}
