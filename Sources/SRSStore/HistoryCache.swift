#if canImport(Glibc)
import Glibc
#endif
import SRSCore

/// The review history in a form statistics read fast: every graded answer (undone ones removed)
/// plus what is needed to extend it from the log's new records. Derived from `reviews.jsonl`
/// alone: deleting `history.cache` loses nothing, and any mismatch with the log makes srs
/// rebuild it. The same code builds it in memory and writes its file (`HistoryCacheFile`):
/// `add` updates the state and, when `entries` is set, appends the record's entries there.
struct HistoryBuilder {
    var logRecords = 0
    var logBytes = 0
    /// The cards' ids; indexed only when the log has records to add (reading the cache alone
    /// needs no index).
    var cards = IndexedCardIDs()
    var cardIDs: [CardID] { cards.ids }
    /// Each card's interval after its newest record, for the next answer's `intervalBefore`.
    var lastInterval: [Int32] = []
    /// False while a cache file is rebuilt by streaming: the events go to the file only.
    var keepsEvents = true
    /// When set, only the answers of this kind are kept in `events` (the file gets every one).
    var onlyKind: ReviewKind?
    var events: [ReviewEvent] = []
    var seqs: [Int32] = []
    /// The cache-file entries of the records added, when being written.
    var entries: [UInt8]?

    /// A record's 32-bit key in the cache: a version-1 record's number, or a hash of a
    /// version-2 id (a log is all of one version: the upgrade empties the cache).
    static func key(of id: RecordID) -> Int32 {
        if id.hasPrefix("v1-"), let seq = Int32(id.dropFirst(3)) { return seq }
        return Int32(truncatingIfNeeded: StableHash.fnv1a64(id))
    }

    /// Adds one log record.
    mutating func add(_ record: LogRecord) {
        let card = index(of: record.card)
        let interval = Int32(clamping: record.after.intervalDays ?? 0)
        switch record.action {
        case let .answer(grade, kind, millis):
            let event = ReviewEvent(time: record.time, card: card, grade: grade, kind: kind,
                                    intervalBefore: lastInterval[Int(card)], intervalAfter: interval,
                                    answerMillis: Int32(clamping: millis))
            append(event, seq: Self.key(of: record.id))
        case let .undo(undoes):
            remove(seq: Self.key(of: undoes))
            if interval != lastInterval[Int(card)] { entries?.appendInterval(card, interval) }
        case .bury, .suspend, .unsuspend, .reschedule, .imported:
            if interval != lastInterval[Int(card)] { entries?.appendInterval(card, interval) }
        }
        lastInterval[Int(card)] = interval
        logRecords = record.seq
    }

    mutating func append(_ event: ReviewEvent, seq: Int32) {
        entries?.appendEvent(event, seq: seq)
        guard keepsEvents, onlyKind == nil || onlyKind == event.kind else { return }
        events.append(event)
        seqs.append(seq)
    }

    /// Adds a card read from the cache file.
    mutating func newCard(_ id: CardID) -> Int32 {
        cards.appendUnindexed(id)
        lastInterval.append(0)
        return Int32(cards.count - 1)
    }

    private mutating func index(of id: CardID) -> Int32 {
        cards.indexAll()
        let (inserted, position) = cards.insert(id)
        if inserted {
            entries?.appendCard(id)
            lastInterval.append(0)
        }
        return Int32(position)
    }

    /// Drops the newest answer with record key `seq`: an undo takes back a recent answer, so
    /// the search runs from the end (version-2 keys are hashes, not in order).
    mutating func remove(seq: Int32) {
        entries?.appendRemoval(seq)
        guard let index = seqs.lastIndex(of: seq) else { return }
        seqs.remove(at: index)
        events.remove(at: index)
    }

    var history: ReviewHistory { ReviewHistory(cardIDs: cardIDs, events: events) }
}

/// What a history read while a command may still fail left for `history.cache`.
enum PendingHistoryCache {
    /// The entries of the records after the cache (a builder without events), at its end.
    case append(HistoryBuilder, at: Int)
    /// No cache matched the log: a new one.
    case rebuild
}

extension ProgressStore {
    var historyCachePath: String { location.userFolder.appendingPathComponent("history.cache").path }

    /// Every graded answer of the user, oldest first, undone answers left out; with `kind`, only
    /// the answers of that kind (`srs answer` needs the practice answers alone: a million-answer
    /// history is 350 MB in memory). Reads the history cache and extends it by appending the log
    /// records after it; a missing or mismatched cache is rebuilt by streaming the log into a new
    /// file, in memory that does not grow with the log. When the cache cannot be written, the
    /// history is built in memory. With `deferringCacheWrite` (a command that may still fail) the
    /// history is read without writing the cache; `saveHistoryCache()` writes it afterwards.
    public func history(only kind: ReviewKind? = nil, deferringCacheWrite: Bool = false) throws -> ReviewHistory {
        try io.requirePlainFileOrNothing(historyCachePath) // a planted link or folder: refused, as every data file
        let cache = HistoryCacheFile(path: historyCachePath, io: io)
        if let cached = cache.read(only: kind), let extended = try? extend(cached, cache: cache, deferring: deferringCacheWrite) {
            return extended.history
        }
        if deferringCacheWrite {
            pendingHistoryCache = .rebuild
        } else if (try? io.makeDirectories(location.userFolder.path)) != nil, (try? rebuild(cache)) != nil,
                  let rebuilt = cache.read(only: kind) {
            return rebuilt.builder.history
        }
        var builder = HistoryBuilder()
        builder.onlyKind = kind
        _ = try streamLog(into: &builder)
        return builder.history
    }

    /// Writes what a `history(deferringCacheWrite: true)` left for the cache: the entries of the
    /// records it read after the cache, or a new cache when there was none that matched. For a
    /// command that has succeeded; a failure loses nothing (it is a cache).
    public func saveHistoryCache() {
        let cache = HistoryCacheFile(path: historyCachePath, io: io)
        switch pendingHistoryCache.take() {
        case let .append(builder, streamEnd)?: try? cache.append(builder, at: streamEnd)
        case .rebuild?: if (try? io.makeDirectories(location.userFolder.path)) != nil { try? rebuild(cache) }
        case nil: break
        }
    }

    /// Rebuilds `history.cache` from the whole log by streaming (for benchmarks and repairs):
    /// memory holds the card index, not the events.
    public func rebuildHistoryCache() throws {
        try io.makeDirectories(location.userFolder.path)
        try rebuild(HistoryCacheFile(path: historyCachePath, io: io))
    }

    /// The cached history with the log records after it added, and appended to the file (or,
    /// `deferring`, kept for `saveHistoryCache()`, without the events).
    private func extend(_ cached: HistoryCacheFile.Contents, cache: HistoryCacheFile, deferring: Bool) throws -> HistoryBuilder {
        var builder = cached.builder
        builder.entries = []
        let end = try streamLog(into: &builder)
        guard end != cached.builder.logBytes else { return builder }
        if deferring {
            var entries = builder
            (entries.events, entries.seqs) = ([], [])
            pendingHistoryCache = .append(entries, at: cached.streamEnd)
        } else {
            try? cache.append(builder, at: cached.streamEnd)
        }
        return builder
    }

    /// Writes a new cache file from the whole log, a megabyte of entries at a time.
    private func rebuild(_ cache: HistoryCacheFile) throws {
        var builder = HistoryBuilder()
        builder.keepsEvents = false
        try cache.writeNew { flush in
            builder.entries = []
            let end = try streamLog(into: &builder) { builder in
                if let entries = builder.entries, entries.count >= 1 << 20 {
                    try flush(entries)
                    builder.entries = []
                }
            }
            builder.logBytes = end
            try flush(builder.entries ?? [])
            return builder
        }
    }

    /// Adds the log's records after `builder.logBytes` (checked to end at record
    /// `builder.logRecords`); returns the offset after the last complete line.
    private func streamLog(into builder: inout HistoryBuilder, each: (inout HistoryBuilder) throws -> Void = { _ in }) throws -> Int {
        guard let fd = try io.openDataFile(logPath, O_RDONLY) else {
            if builder.logBytes == 0 { return 0 }
            throw StoreError.notFound(path: logPath, what: "review log")
        }
        defer { _ = io.close(fd) }
        let size = try io.size(of: fd, path: logPath)
        let covered = Snapshot(logRecords: builder.logRecords, logBytes: builder.logBytes)
        guard size >= covered.logBytes else { throw StoreError.damaged(path: logPath, line: nil, problem: "shorter than the history cache", fix: "") }
        _ = try LogCoverage.check(fd, size: size, snapshot: covered, path: logPath, io: io)
        let firstLine = covered.logBytes == 0 ? 1 : covered.logRecords + 2
        let chunk = try ReviewLogFile.stream(fd, io: io, path: logPath, from: covered.logBytes, firstLine: firstLine,
                                             previousSeq: covered.logRecords) { record in
            builder.add(record)
            try each(&builder)
        }
        builder.logBytes = chunk.endOffset
        return chunk.endOffset
    }
}
