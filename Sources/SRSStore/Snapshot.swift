#if canImport(Glibc)
import Glibc
#endif
import SRSCore
import SRSJSON

/// `cards.json`: every card's state as of the first `logBytes` bytes (`logRecords` records) of
/// the review log. A cache: the log alone can rebuild it, so deleting it loses nothing; it spares
/// each start from reading the whole history.
struct Snapshot {
    var logRecords: Int = 0
    var logBytes: Int = 0
    /// The format version it was written in: a version-1 snapshot covers a version-1 log.
    var version = ProgressFormat.version
    var cards: CardTable = [:]

    /// Reads `cards.json` at `path` through a window of `windowBytes` (`SnapshotParser`): memory
    /// holds the card states and the window, not the file. Nil when there is no file; a link or
    /// anything but a plain file is refused (`StoreError.notAFile`), damage is
    /// `StoreError.damaged` naming the line, a newer format `StoreError.newerFormat`.
    static func read(_ path: String, io: Syscalls, windowBytes: Int = 1 << 20) throws -> Snapshot? {
        guard let fd = try io.openDataFile(path, O_RDONLY) else { return nil }
        defer { _ = io.close(fd) }
        var parser = SnapshotParser(path: path, fileSize: try io.size(of: fd, path: path))
        try io.readWindows(fd, path: path, from: 0, windowBytes: windowBytes) { window, base, atEnd in
            try parser.feed(window, base: base, atEnd: atEnd)
        }
        return try parser.finish()
    }

    /// The file's bytes: one card a line, so that a diff or an editor shows it plainly.
    func encoded(user: String) -> [UInt8] {
        var all: [UInt8] = []
        encode(user: user) { all += $0 }
        return all
    }

    /// The same bytes handed to `sink` a megabyte or so at a time, so that writing the snapshot
    /// of a million cards does not hold a second copy of it in memory.
    func encode(user: String, _ sink: ([UInt8]) throws -> Void) rethrows {
        let header: [(String, JSONText)] = [
            ("format", .string(ProgressFormat.snapshotFormat)), ("version", .int(ProgressFormat.version)),
            ("user", .string(user)), ("log_records", .int(logRecords)), ("log_bytes", .int(logBytes)),
        ]
        // One object: the header's members on the first line (its closing brace dropped), then
        // the columns and each card's row on lines of their own.
        var out = String(JSONText.object(header).compact.dropLast()) + ",\n\"columns\":"
        JSONText.array(ProgressFormat.snapshotColumns.map(JSONText.string)).write(into: &out)
        out += ",\n\"cards\":["
        out.reserveCapacity(1 << 20 + 256)
        var first = true
        for (id, progress) in cards.sortedByID() {
            out += first ? "\n" : ",\n"
            first = false
            ProgressFormat.row(id, progress, into: &out)
            if out.utf8.count >= 1 << 20 {
                try sink(Array(out.utf8))
                out.removeAll(keepingCapacity: true)
            }
        }
        out += "\n]}\n"
        try sink(Array(out.utf8))
    }

    /// 1-based line and column of a byte offset.
    static func position(of offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        var line = 1, lineStart = 0
        for i in 0..<min(offset, bytes.count) where bytes[i] == 0x0A {
            line += 1
            lineStart = i + 1
        }
        return (line, offset - lineStart + 1)
    }
}
