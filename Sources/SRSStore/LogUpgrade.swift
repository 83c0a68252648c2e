#if canImport(Glibc)
import Glibc
#endif
import SRSCore

/// The one-time upgrade of a version-1 review log to version 2, by the first writing command.
///
/// The version-1 file stays byte for byte as it was until the new log is complete and fsynced:
/// 1. the v1 log is streamed (a megabyte at a time) into the v2 log, written to an exclusive
///    temporary file beside it (`reviews.jsonl.tmp-<pid>-<random>`, the rules of every atomic
///    write: `O_EXCL | O_NOFOLLOW`, held under an `flock`, removed by a later write when its
///    writer was killed) and fsynced;
/// 2. `cards.json` and `history.cache` are replaced (atomically) by ones that cover nothing,
///    which are true of either log;
/// 3. the new log is renamed over the old one (atomic) and the folder fsynced;
/// 4. the snapshot is written again, covering the new log.
/// A kill before 3 leaves the v1 log, read as before (and upgraded next time); after 3 the v2
/// log is complete. Each v1 record gets the id `v1-<seq>-<hash of its content>`, so that two
/// machines that upgrade copies of one v1 history give its records the same ids.
extension ProgressStore {
    func upgradeLog() throws {
        var upgrade = Upgrade(), size = 0
        try io.writeAtomically(to: logPath) { fd in
            var writer = LogWriter(fd: fd, path: logPath, io: io)
            try eachRecord { try writer.add(upgrade.upgraded($0)) }
            size = try writer.finish()
            try Self.write(Snapshot(), user: location.user, to: snapshotPath, io: io)
            try HistoryCacheFile(path: historyCachePath, io: io).writeNew { _ in HistoryBuilder() }
        }
        upgraded(logSize: size)
        try? checkpoint(cards)
        notes.append("\(logPath): upgraded to review log version \(ProgressFormat.version) (record ids for merging logs of several machines, each scheduler's own state).")
    }

    /// Every complete record of the log, from its first line.
    public func readAllRecords() throws -> [LogRecord] {
        var records: [LogRecord] = []
        try eachRecord { records.append($0) }
        return records
    }

    /// The upgrade of v1 records one by one, in log order: content ids, undos naming those ids.
    struct Upgrade {
        private var ids: [RecordID] = []

        mutating func upgraded(_ old: LogRecord) -> LogRecord {
            var record = old
            if case let .undo(target) = old.action, target.hasPrefix("v1-"), let seq = Int(target.dropFirst(3)),
               ids.indices.contains(seq - 1) {
                record.action = .undo(undoes: ids[seq - 1])
            }
            let hash = StableHash.fnv1a64(ProgressFormat.line(record).utf8)
            let hex = String(hash, radix: 16)
            record.id = old.id + "-" + String(repeating: "0", count: 16 - hex.count) + hex
            ids.append(record.id)
            return record
        }
    }

    /// Writes a whole log (header and records) to `fd` a megabyte at a time, then fsyncs it;
    /// returns its size.
    static func writeLog(_ records: [LogRecord], to fd: Int32, path: String, io: Syscalls) throws -> Int {
        var writer = LogWriter(fd: fd, path: path, io: io)
        for record in records { try writer.add(record) }
        return try writer.finish()
    }
}

/// Writes a log (its header, then the records added) to an open file a megabyte at a time.
struct LogWriter {
    let fd: Int32
    let path: String
    let io: Syscalls
    private var size = 0
    private var chunk: String

    /// `header` starts the file: the log's, or nothing when records follow a copied log.
    init(fd: Int32, path: String, io: Syscalls, header: String = ProgressFormat.logHeader) {
        self.fd = fd
        self.path = path
        self.io = io
        chunk = header
        chunk.reserveCapacity(Self.chunkBytes + 4096)
    }

    static let chunkBytes = 1 << 20

    mutating func add(_ record: LogRecord) throws {
        chunk += ProgressFormat.line(record)
        if chunk.utf8.count > Self.chunkBytes { try flush() }
    }

    /// Writes what is left and fsyncs the file; returns its size.
    mutating func finish() throws -> Int {
        try flush()
        guard io.fsync(fd) == 0 else { throw StoreError.io(path: path, operation: "write", reason: Syscalls.lastError()) }
        return size
    }

    private mutating func flush() throws {
        let (fd, io) = (self.fd, self.io)
        let count = chunk.utf8.count
        guard chunk.withUTF8({ io.writeAll(fd, UnsafeRawBufferPointer($0)) }) else {
            throw StoreError.io(path: path, operation: "write", reason: Syscalls.lastError())
        }
        size += count
        chunk.removeAll(keepingCapacity: true)
    }
}
