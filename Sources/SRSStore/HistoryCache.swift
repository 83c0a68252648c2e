#if canImport(Glibc)
import Glibc
#endif
import SRSCore

/// The review history in a form statistics read fast: every graded answer (undone ones removed)
/// as fixed-size binary records in `history.cache`, plus what is needed to extend it from the
/// log's new records. Derived from `reviews.jsonl` alone: deleting it loses nothing, and any
/// mismatch with the log makes srs rebuild it.
struct HistoryBuilder {
    var logRecords = 0
    var logBytes = 0
    var cardIDs: [CardID] = []
    var cardIndex: [CardID: Int32] = [:]
    /// Each card's interval after its newest record, for the next answer's `intervalBefore`.
    var lastInterval: [Int32] = []
    var events: [ReviewEvent] = []
    /// Each event's record key (`key(of:)`), to find the answer an undo takes back.
    var seqs: [Int32] = []

    /// A record's 32-bit key in the cache: a version-1 record's number, or a hash of a
    /// version-2 id (a log is all of one version: the upgrade rewrites the cache).
    static func key(of id: RecordID) -> Int32 {
        if id.hasPrefix("v1-"), let seq = Int32(id.dropFirst(3)) { return seq }
        return Int32(truncatingIfNeeded: StableHash.fnv1a64(id))
    }

    /// Adds the records of a log chunk.
    mutating func add(_ records: [LogRecord]) {
        for record in records {
            let card = index(of: record.card)
            let interval = Int32(clamping: record.after.intervalDays ?? 0)
            switch record.action {
            case let .answer(grade, kind, millis):
                events.append(ReviewEvent(time: record.time, card: card, grade: grade, kind: kind,
                                          intervalBefore: lastInterval[Int(card)], intervalAfter: interval,
                                          answerMillis: Int32(clamping: millis)))
                seqs.append(Self.key(of: record.id))
            case let .undo(undoes):
                remove(key: Self.key(of: undoes), card: card)
            case .bury, .suspend, .unsuspend, .reschedule:
                break
            }
            lastInterval[Int(card)] = interval
            logRecords = record.seq
        }
    }

    private mutating func index(of id: CardID) -> Int32 {
        if cardIndex.isEmpty && !cardIDs.isEmpty {
            // Built only when the log has new records: reading the cache alone needs no index.
            cardIndex.reserveCapacity(cardIDs.count + 1024)
            for (i, known) in cardIDs.enumerated() { cardIndex[known] = Int32(i) }
        }
        if let known = cardIndex[id] { return known }
        let new = Int32(cardIDs.count)
        cardIDs.append(id)
        cardIndex[id] = new
        lastInterval.append(0)
        return new
    }

    /// Drops the newest answer of `card` with `key`: an undo takes back a recent answer, so the
    /// search runs from the end.
    private mutating func remove(key: Int32, card: Int32) {
        guard let index = seqs.indices.last(where: { seqs[$0] == key && events[$0].card == card }) else { return }
        seqs.remove(at: index)
        events.remove(at: index)
    }

    var history: ReviewHistory { ReviewHistory(cardIDs: cardIDs, events: events) }

    // MARK: the cache file

    static let magic: [UInt8] = Array("SRSHIST1".utf8)
    static let eventSize = 32

    func encoded() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(64 + cardIDs.count * 24 + events.count * Self.eventSize)
        out += Self.magic
        put(UInt64(logBytes), &out)
        put(UInt64(logRecords), &out)
        put(UInt64(cardIDs.count), &out)
        put(UInt64(events.count), &out)
        for (i, id) in cardIDs.enumerated() {
            let bytes = Array(id.rawValue.utf8)
            put(UInt32(bytes.count), &out)
            out += bytes
            put(UInt32(bitPattern: lastInterval[i]), &out)
        }
        for (i, e) in events.enumerated() {
            put(UInt64(bitPattern: e.time), &out)
            put(UInt32(bitPattern: seqs[i]), &out)
            put(UInt32(bitPattern: e.card), &out)
            put(UInt32(bitPattern: e.intervalBefore), &out)
            put(UInt32(bitPattern: e.intervalAfter), &out)
            put(UInt32(bitPattern: e.answerMillis), &out)
            out.append(UInt8(e.grade.rawValue))
            out.append(UInt8(ReviewKind.allCases.firstIndex(of: e.kind) ?? 0))
            out += [0, 0]
        }
        return out
    }

    /// Reads a cache file a megabyte at a time (the events are the only copy in memory); nil
    /// for anything unexpected (the caller rebuilds from the log).
    static func decode(file path: String) -> HistoryBuilder? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { Glibc.close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        var r = ByteReader(fd: fd, size: Int(info.st_size))
        guard let head = r.bytes(8), head == magic else { return nil }
        var b = HistoryBuilder()
        guard let logBytes = r.u64(), let logRecords = r.u64(), let cards = r.u64(), let count = r.u64(),
              cards < 100_000_000, count < 1_000_000_000 else { return nil }
        b.logBytes = Int(logBytes)
        b.logRecords = Int(logRecords)
        b.cardIDs.reserveCapacity(Int(cards))
        for _ in 0..<Int(cards) {
            guard let length = r.u32(), length < 65_536, let text = r.string(Int(length)), let interval = r.u32() else { return nil }
            b.cardIDs.append(CardID(text))
            b.lastInterval.append(Int32(bitPattern: interval))
        }
        guard r.remaining == Int(count) * eventSize else { return nil }
        b.events.reserveCapacity(Int(count))
        b.seqs.reserveCapacity(Int(count))
        for _ in 0..<Int(count) {
            guard let event = r.event(cards: Int32(cards)) else { return nil }
            b.events.append(event.0)
            b.seqs.append(event.1)
        }
        return b
    }

    private func put(_ v: UInt64, _ out: inout [UInt8]) {
        for shift in stride(from: 0, to: 64, by: 8) { out.append(UInt8(truncatingIfNeeded: v >> UInt64(shift))) }
    }

    private func put(_ v: UInt32, _ out: inout [UInt8]) {
        for shift in stride(from: 0, to: 32, by: 8) { out.append(UInt8(truncatingIfNeeded: v >> UInt32(shift))) }
    }
}

/// Little-endian reads from a file through a one-megabyte window, nil past the end.
private struct ByteReader {
    let fd: Int32
    let size: Int
    private var window: [UInt8] = []
    private var windowStart = 0
    /// The file offset of the next byte to read.
    private var position = 0
    var remaining: Int { size - position }

    init(fd: Int32, size: Int) {
        self.fd = fd
        self.size = size
    }

    /// Makes `count` bytes from `position` available in `window`; their index there.
    private mutating func need(_ count: Int) -> Int? {
        guard count >= 0, position + count <= size else { return nil }
        if position + count > windowStart + window.count {
            guard let read = readExactly(fd, count: min(max(count, 1 << 20), size - position), at: position) else {
                return nil
            }
            window = read
            windowStart = position
        }
        let at = position - windowStart
        position += count
        return at
    }

    mutating func bytes(_ count: Int) -> [UInt8]? {
        guard let at = need(count) else { return nil }
        return Array(window[at..<(at + count)])
    }

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

    mutating func string(_ length: Int) -> String? {
        guard let at = need(length) else { return nil }
        return String(validating: window[at..<(at + length)], as: UTF8.self)
    }

    mutating func event(cards: Int32) -> (ReviewEvent, Int32)? {
        guard let time = u64(), let seq = u32(), let card = u32(), let before = u32(), let after = u32(),
              let millis = u32(), let at = need(4) else { return nil }
        let gradeByte = window[at], kindByte = window[at + 1]
        guard let grade = Grade(rawValue: Int(gradeByte)), Int(kindByte) < ReviewKind.allCases.count,
              Int32(bitPattern: card) < cards, Int32(bitPattern: card) >= 0 else { return nil }
        let event = ReviewEvent(time: Int64(bitPattern: time), card: Int32(bitPattern: card), grade: grade,
                                kind: ReviewKind.allCases[Int(kindByte)], intervalBefore: Int32(bitPattern: before),
                                intervalAfter: Int32(bitPattern: after), answerMillis: Int32(bitPattern: millis))
        return (event, Int32(bitPattern: seq))
    }
}

extension ProgressStore {
    var historyCachePath: String { location.userFolder.appendingPathComponent("history.cache").path }

    /// Every graded answer of the user, oldest first, undone answers left out. Reads the
    /// history cache and the log records after it, and refreshes the cache when it was behind.
    public func history() throws -> ReviewHistory {
        let cached = HistoryBuilder.decode(file: historyCachePath)
        if let cached, let extended = try? extend(cached) {
            return extended.history
        }
        return try extend(HistoryBuilder()).history
    }

    private func extend(_ start: HistoryBuilder) throws -> HistoryBuilder {
        var builder = start
        guard let fd = Optional(open(logPath, O_RDONLY | O_CLOEXEC)), fd >= 0 else {
            if errno == ENOENT && start.logBytes == 0 { return builder }
            throw StoreError.io(path: logPath, operation: "read", reason: Syscalls.lastError())
        }
        defer { Glibc.close(fd) }
        var info = stat()
        fstat(fd, &info)
        guard Int(info.st_size) >= start.logBytes else {
            throw StoreError.damaged(path: logPath, line: nil, problem: "shorter than the history cache", fix: "")
        }
        let bytes = try readRest(fd, path: logPath, from: start.logBytes, sizeHint: Int(info.st_size))
        let firstLine = start.logBytes == 0 ? 1 : start.logRecords + 2
        let chunk = try ReviewLogFile.parse(bytes, base: start.logBytes, firstLine: firstLine,
                                            previousSeq: start.logRecords, path: logPath)
        builder.add(chunk.records)
        builder.logBytes = chunk.endOffset
        if builder.logBytes != start.logBytes, (try? io.makeDirectories(location.userFolder.path)) != nil {
            try? io.writeAtomically(builder.encoded(), to: historyCachePath)
        }
        return builder
    }
}
