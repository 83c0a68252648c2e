#if canImport(Glibc)
import Glibc
#endif
import SRSCore

/// The one-time upgrade of a version-1 review log to version 2, by the first writing command.
///
/// The version-1 file stays byte for byte as it was until the new log is complete and fsynced:
/// 1. the whole v2 log is written to `reviews.jsonl.upgrade` and fsynced;
/// 2. `cards.json` and `history.cache` are replaced (atomically) by ones that cover nothing,
///    which are true of either log;
/// 3. the new log is renamed over the old one (atomic) and the folder fsynced;
/// 4. the snapshot is written again, covering the new log.
/// A kill before 3 leaves the v1 log, read as before (and upgraded next time); after 3 the v2
/// log is complete. Each v1 record gets the id `v1-<seq>-<hash of its content>`, so that two
/// machines that upgrade copies of one v1 history give its records the same ids.
extension ProgressStore {
    var upgradePath: String { logPath + ".upgrade" }

    func upgradeLog() throws {
        let records = try Self.upgradedRecords(readAllRecords())
        let size = try writeUpgrade(records)
        try Self.write(Snapshot(), user: location.user, to: snapshotPath, io: io)
        try HistoryCacheFile(path: historyCachePath, io: io).writeNew { _ in HistoryBuilder() }
        guard io.rename(upgradePath, logPath) == 0 else {
            throw StoreError.io(path: logPath, operation: "upgrade", reason: Syscalls.lastError())
        }
        io.syncDirectory(of: logPath)
        upgraded(logSize: size)
        try? checkpoint(cards)
        notes.append("\(logPath): upgraded to review log version \(ProgressFormat.version) (record ids for merging logs of several machines, each scheduler's own state).")
    }

    /// Every complete record of the log, from its first line.
    public func readAllRecords() throws -> [LogRecord] {
        guard let fd = try io.openDataFile(logPath, O_RDONLY) else { return [] }
        defer { _ = io.close(fd) }
        var records: [LogRecord] = []
        _ = try ReviewLogFile.stream(fd, io: io, path: logPath, from: 0, firstLine: 1, previousSeq: 0) { records.append($0) }
        return records
    }

    /// v1 records with content ids, undos naming those ids.
    static func upgradedRecords(_ records: [LogRecord]) -> [LogRecord] {
        var ids: [RecordID] = []
        ids.reserveCapacity(records.count)
        return records.map { old in
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

    /// Writes the v2 log to the upgrade file and fsyncs it; returns its size.
    private func writeUpgrade(_ records: [LogRecord]) throws -> Int {
        let path = upgradePath
        guard let fd = try io.openDataFile(path, O_WRONLY | O_CREAT | O_TRUNC) else { throw StoreError.creating(path) }
        defer { _ = io.close(fd) }
        return try Self.writeLog(records, to: fd, path: path, io: io)
    }

    /// Writes a whole log (header and records) to `fd` a megabyte at a time, then fsyncs it;
    /// returns its size.
    static func writeLog(_ records: [LogRecord], to fd: Int32, path: String, io: Syscalls) throws -> Int {
        var size = 0
        var chunk = ProgressFormat.logHeader
        func flush() throws {
            let bytes = Array(chunk.utf8)
            guard bytes.withUnsafeBytes({ io.writeAll(fd, $0) }) else {
                throw StoreError.io(path: path, operation: "write", reason: Syscalls.lastError())
            }
            size += bytes.count
            chunk = ""
        }
        for record in records {
            chunk += ProgressFormat.line(record)
            if chunk.utf8.count > 1 << 20 { try flush() }
        }
        try flush()
        guard io.fsync(fd) == 0 else { throw StoreError.io(path: path, operation: "write", reason: Syscalls.lastError()) }
        return size
    }
}
