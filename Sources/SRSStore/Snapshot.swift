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

    /// Parses a snapshot file; errors name the file (`StoreError.damaged` or `.newerFormat`).
    static func parse(_ bytes: [UInt8], path: String) throws -> Snapshot {
        var snapshot = Snapshot()
        var version: Int64?
        var format: String?
        do {
            try bytes.withUnsafeBufferPointer { buffer in
                var reader = JSONReader(buffer)
                try reader.readObject { r, key in
                    switch key {
                    case "format": format = try r.readString()
                    case "version":
                        version = try r.readInt()
                        if let v = version, v > ProgressFormat.version {
                            throw StoreError.newerFormat(path: path, found: Int(v), supported: ProgressFormat.version)
                        }
                    case "log_records": snapshot.logRecords = try count(&r, "log_records")
                    case "log_bytes": snapshot.logBytes = try count(&r, "log_bytes")
                    case "cards":
                        let fast = SnapshotRowScanner(bytes: r.bytes)
                        try r.readArray { row in
                            row.skipWhitespace()
                            if let (id, progress, end) = fast.row(at: row.offset) {
                                // Room for as many rows as the first one's length says (classic SM-2
                                // rows are about 65 bytes, other schedulers' about 240).
                                if snapshot.cards.isEmpty { snapshot.cards.reserveCapacity((bytes.count - row.offset) / (end - row.offset + 2)) }
                                snapshot.cards[id] = progress
                                row.offset = end
                            } else {
                                let (id, progress) = try ProgressFormat.readRow(&row)
                                snapshot.cards[id] = progress
                            }
                        }
                    default: try r.skipValue()
                    }
                }
                guard reader.peek() == nil else { throw reader.error("unexpected text after the snapshot") }
            }
        } catch let error as JSONError {
            let (line, column) = position(of: error.offset, in: bytes)
            throw StoreError.damaged(path: path, line: line, problem: "\(error.problem) (column \(column))",
                                     fix: "It is a cache of the review log: delete it and srs rebuilds it from reviews.jsonl.")
        }
        guard format == ProgressFormat.snapshotFormat, version != nil else {
            throw StoreError.damaged(path: path, line: 1, problem: "not an srs progress snapshot (no \"format\": \"\(ProgressFormat.snapshotFormat)\" and \"version\")",
                                     fix: "It is a cache of the review log: delete it and srs rebuilds it from reviews.jsonl.")
        }
        snapshot.version = Int(clamping: version ?? 1)
        return snapshot
    }

    /// A count that cannot be negative.
    private static func count(_ reader: inout JSONReader, _ key: String) throws -> Int {
        let value = try reader.readInt()
        guard value >= 0, let count = Int(exactly: value) else { throw reader.error("\"\(key)\" is \(value); it cannot be negative") }
        return count
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
