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
        guard snapshot.logRecords > 0 else {
            guard snapshot.logBytes == headEnd else { throw mismatch(path, snapshot) }
            return (true, version)
        }
        let start = max(headEnd, snapshot.logBytes - window)
        guard snapshot.logBytes > headEnd, let tail = io.readExactly(fd, count: snapshot.logBytes - start, at: start) else {
            throw mismatch(path, snapshot)
        }
        let endsInNewline = tail.last == 0x0A
        var line = endsInNewline ? tail.dropLast() : tail[...]
        if let newline = line.lastIndex(of: 0x0A) { line = line[(newline + 1)...] } else if start > headEnd { throw mismatch(path, snapshot) }
        let record = Array(line).withUnsafeBufferPointer {
            try? ReviewLogFile.parseRecord($0, 0..<$0.count, line: snapshot.logRecords + 1, position: snapshot.logRecords, path: path)
        }
        guard record?.seq == snapshot.logRecords else { throw mismatch(path, snapshot) }
        return (endsInNewline, version)
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

    private static func mismatch(_ path: String, _ snapshot: Snapshot) -> StoreError {
        .damaged(path: path, line: nil,
                 problem: "cards.json says it covers the first \(snapshot.logBytes) bytes (\(snapshot.logRecords) records) of this log, but record \(snapshot.logRecords) does not end there: the log was edited, replaced or cut",
                 fix: "cards.json is a cache of the log: if the log is right, delete cards.json and srs rebuilds it; otherwise restore reviews.jsonl from a backup.")
    }
}
