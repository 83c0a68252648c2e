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
    /// Appends `records` in order, numbered after the log's newest; returns them numbered.
    /// On any failure nothing is appended (`StoreError.io`, exit 74).
    @discardableResult
    public func appendAll(_ records: [LogRecord]) throws -> [LogRecord] {
        var numbered: [LogRecord] = []
        try appendAll { add in for record in records { numbered.append(try add(record)) } }
        return numbered
    }

    /// Appends the records `produce` hands to the function it is given, in order, numbered
    /// after the log's newest (that function returns each numbered), streaming them to the new
    /// log so that they need not all be in memory; returns how many. All or nothing, as above.
    @discardableResult
    public func appendAll(_ produce: (_ add: (LogRecord) throws -> LogRecord) throws -> Void) throws -> Int {
        let oldSize = logSize, path = logPath, first = recordCount + 1
        var added = 0, count = 0
        // The newest record of each card: what a store that owns its progress applies.
        var newest: [CardID: LogRecord] = [:]
        try io.writeAtomically(to: path) { fd in
            try copyLog(bytes: oldSize, to: fd)
            var writer = LogWriter(fd: fd, path: path, io: io, header: "")
            try produce { record in
                var numbered = record
                numbered.seq = first + count
                count += 1
                try writer.add(numbered)
                if !cardsTaken { newest[numbered.card] = numbered }
                return numbered
            }
            added = try writer.finish()
        }
        guard count > 0 else { return 0 }
        try reopenLog(size: oldSize + added, appended: newest.values.sorted { $0.seq < $1.seq }, lastSeq: first + count - 1)
        return count
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
