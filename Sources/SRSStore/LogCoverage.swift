#if canImport(Glibc)
import Glibc
#endif
import SRSCore

/// What every reader of a user's progress checks before trusting `cards.json`: the log's header
/// (format and version, even when the snapshot covers the whole log, so that no srs appends to a
/// newer log) and that the snapshot's `log_bytes` end exactly at record number `log_records`.
/// Two small reads at the start and at the covered end, whatever the log's length.
enum LogCoverage {
    /// How far a header or covered line may reach back (a record line is far shorter).
    static let window = 65_536

    /// Checks the header and the covered part of the open log `fd` of `size` bytes; returns
    /// whether the covered part ends in a line feed (false: its last record lacks one) and the
    /// header's format version (nil when the snapshot covers nothing: the header is read then).
    /// A version-1 record carries its number, checked against `log_records`; a version-2 one
    /// does not, so there only the byte offset is checked.
    static func check(_ fd: Int32, size: Int, snapshot: Snapshot, path: String, io: Syscalls) throws -> (Bool, Int?) {
        guard snapshot.logBytes > 0 else { return (true, nil) } // the whole log is read and checked
        let (headEnd, version) = try checkHeader(fd, size: size, path: path, io: io)
        let mismatch = { try Self.mismatch(fd, size: size, snapshot: snapshot, path: path, io: io) }
        guard snapshot.logRecords > 0 else {
            guard snapshot.logBytes == headEnd else { throw try mismatch() }
            return (true, version)
        }
        let start = max(headEnd, snapshot.logBytes - window)
        guard snapshot.logBytes > headEnd, let tail = io.readExactly(fd, count: snapshot.logBytes - start, at: start) else {
            throw try mismatch()
        }
        let endsInNewline = tail.last == 0x0A
        var line = endsInNewline ? tail.dropLast() : tail[...]
        if let newline = line.lastIndex(of: 0x0A) { line = line[(newline + 1)...] } else if start > headEnd { throw try mismatch() }
        let record = Array(line).withUnsafeBufferPointer {
            try? ReviewLogFile.parseRecord($0, 0..<$0.count, line: snapshot.logRecords + 1, position: snapshot.logRecords, path: path)
        }
        guard record?.seq == snapshot.logRecords else { throw try mismatch() }
        return (endsInNewline, version)
    }

    /// The error for a snapshot that does not match the open log `fd` of `size` bytes, saying
    /// what is wrong: where record `log_records` does end, or how many records the log holds
    /// when fewer. Only on the way to that error is the log read through (to count its lines).
    static func mismatch(_ fd: Int32, size: Int, snapshot: Snapshot, path: String, io: Syscalls) throws -> StoreError {
        let (records, end) = try lines(of: fd, size: size, path: path, io: io, upTo: snapshot.logRecords + 1)
        let (covered, count) = (snapshot.logBytes, snapshot.logRecords)
        let record = count == 0 ? "the header" : "record \(count)"
        let claim = "cards.json says it covers the first \(covered) bytes (\(count) records) of this log"
        let rebuild = "cards.json is a cache of the log: delete it and srs rebuilds it from the log; if the log was edited by mistake, restore reviews.jsonl from a backup instead."
        guard let end else {
            let holds = records == 1 ? "1 record" : "\(records) records"
            let problem = covered > size ? "the review log is \(size) bytes and holds \(holds), but cards.json covers its first \(covered) bytes (\(count) records): it was cut short"
                : "\(claim), but the log holds only \(holds): it was edited, replaced or cut"
            return .damaged(path: path, line: nil, problem: problem,
                            fix: "Restore it from a backup, or delete cards.json to rebuild the progress from what the log still holds.")
        }
        if covered > size {
            return .damaged(path: path, line: nil, problem: "\(claim), but the log is \(size) bytes and \(record) ends at byte \(end): cards.json's log_bytes is wrong (the log was not cut short)", fix: rebuild)
        }
        let problem = end == covered ? "\(claim), but what ends there is not \(record): the log was edited, replaced or cut"
            : "\(claim), but \(record) does not end there: it ends at byte \(end), so cards.json's log_bytes is wrong or the log was edited"
        return .damaged(path: path, line: nil, problem: problem, fix: rebuild)
    }

    /// How many lines the log holds (a last one without its line feed included), up to `limit`,
    /// and the offset just past line number `limit` (nil when there are fewer): the header is
    /// line 1, so record N ends with line N + 1. Returns the number of records, lines less one.
    private static func lines(of fd: Int32, size: Int, path: String, io: Syscalls, upTo limit: Int) throws -> (records: Int, end: Int?) {
        var count = 0, end: Int?, lastEnd = 0
        try io.readWindows(fd, path: path, from: 0) { window, base, atEnd in
            for i in window.indices where end == nil && window[i] == 0x0A {
                count += 1
                lastEnd = base + i + 1
                if count == limit { end = lastEnd }
            }
            if atEnd && end == nil && lastEnd < size {
                count += 1
                if count == limit { end = size }
            }
            return window.count
        }
        return (max(count - 1, 0), end)
    }

    /// Checks the first line; returns the offset just past it and the version.
    private static func checkHeader(_ fd: Int32, size: Int, path: String, io: Syscalls) throws -> (Int, Int) {
        guard let head = io.readExactly(fd, count: min(size, 4096), at: 0) else {
            throw StoreError.io(path: path, operation: "read", reason: errno == 0 ? "the file got shorter" : Syscalls.lastError())
        }
        guard let newline = head.firstIndex(of: 0x0A) else { throw ReviewLogFile.notALog(path) }
        let version = try head.withUnsafeBufferPointer { try ReviewLogFile.checkHeader($0, 0..<newline, path: path) }
        return (newline + 1, version)
    }

}
