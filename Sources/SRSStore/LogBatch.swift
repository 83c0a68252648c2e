#if canImport(Glibc)
import Glibc
#endif
import SRSCore

/// Appending many records at once (an Anki history: a million answers), all or none.
///
/// The log with the records after it is written to an exclusive temporary file beside it (the
/// rules of every atomic write, `Syscalls.writeAtomically`): the current log copied byte for
/// byte, then the records a megabyte at a time, fsync, rename over `reviews.jsonl`, fsync of the
/// folder. Until the rename the log is exactly as it was; after it every record is there. The
/// copy keeps the old log as its prefix, so `cards.json` and `history.cache`, which cover a
/// prefix, stay true and are only extended.
extension ProgressStore {
    /// Appends `records` in order, numbered after the log's newest (their `seq` is set here);
    /// returns them numbered. On any failure nothing is appended (`StoreError.io`, exit 74).
    @discardableResult
    public func appendAll(_ records: [LogRecord]) throws -> [LogRecord] {
        guard !records.isEmpty else { return [] }
        let first = recordCount + 1
        let numbered = records.enumerated().map { index, record -> LogRecord in
            var copy = record
            copy.seq = first + index
            return copy
        }
        let oldSize = loggedBytes, path = logPath
        var added = 0
        try io.writeAtomically(to: path) { fd in
            try copyLog(bytes: oldSize, to: fd)
            var writer = LogWriter(fd: fd, path: path, io: io, header: "")
            for record in numbered { try writer.add(record) }
            added = try writer.finish()
        }
        try reopenLog(size: oldSize + added, appended: numbered)
        return numbered
    }

    /// Copies the first `bytes` of the log (all of it, as this store knows it) to `fd`.
    private func copyLog(bytes: Int, to fd: Int32) throws {
        guard bytes > 0 else { return }
        guard let source = try io.openDataFile(logPath, O_RDONLY) else { throw StoreError.notFound(path: logPath, what: "review log") }
        defer { _ = io.close(source) }
        var offset = 0
        while offset < bytes {
            let count = min(1 << 20, bytes - offset)
            guard let chunk = io.readExactly(source, count: count, at: offset),
                  chunk.withUnsafeBytes({ io.writeAll(fd, $0) }) else {
                throw StoreError.io(path: logPath, operation: "copy", reason: Syscalls.lastError())
            }
            offset += count
        }
    }
}
