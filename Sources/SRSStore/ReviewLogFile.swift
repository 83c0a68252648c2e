#if canImport(Glibc)
import Glibc
#endif
import SRSCore
import SRSJSON

/// Where reading part of a review log ended.
struct LogChunk {
    /// Offset just past the last complete line read.
    var endOffset: Int
    /// Bytes after the last line feed that do not parse: an append cut short by a crash or a
    /// kill (never acknowledged).
    var tornBytes: Int = 0
    /// The format version in the header, when this chunk held it.
    var version: Int?
    /// The last record is complete but lacks its line feed: kept; the next append adds one first.
    var missingNewline = false
}

/// Parses a review log fed to it in pieces: checks the header on line 1 and that records are
/// numbered consecutively, and hands each record over as it is read.
struct LogParser {
    let path: String
    var chunk: LogChunk
    /// The number of the next line, and the `seq` of the last record.
    private var line: Int
    private var seq: Int

    init(path: String, base: Int, firstLine: Int, previousSeq: Int) {
        self.path = path
        chunk = LogChunk(endOffset: base)
        line = firstLine
        seq = previousSeq
    }

    /// Parses the complete lines of `buffer`, which starts at file offset `base`; at the end of
    /// the file (`atEnd`) also the final line without a line feed. Returns the bytes consumed.
    mutating func feed(_ buffer: UnsafeBufferPointer<UInt8>, base: Int, atEnd: Bool,
                       _ body: (LogRecord) throws -> Void) throws -> Int {
        var lineStart = 0
        while lineStart < buffer.count {
            guard let newline = ReviewLogFile.firstNewline(buffer, from: lineStart) else {
                if atEnd { try finish(buffer, lineStart..<buffer.count, base: base, body) }
                break
            }
            if line == 1 {
                chunk.version = try ReviewLogFile.checkHeader(buffer, lineStart..<newline, path: path)
            } else if !ReviewLogFile.isBlank(buffer, lineStart..<newline) {
                try take(ReviewLogFile.parseRecord(buffer, lineStart..<newline, line: line, position: seq + 1, path: path), body)
            }
            lineStart = newline + 1
            line += 1
            chunk.endOffset = base + lineStart
        }
        return lineStart
    }

    /// The final line without a line feed: only one that does not parse is torn; a whole record is kept.
    private mutating func finish(_ buffer: UnsafeBufferPointer<UInt8>, _ rest: Range<Int>, base: Int,
                                 _ body: (LogRecord) throws -> Void) throws {
        if line > 1, let record = try? ReviewLogFile.parseRecord(buffer, rest, line: line, position: seq + 1, path: path) {
            try take(record, body)
            chunk.endOffset = base + rest.upperBound
            chunk.missingNewline = true
        } else if !ReviewLogFile.isBlank(buffer, rest) {
            chunk.tornBytes = rest.count
        }
    }

    private mutating func take(_ record: LogRecord, _ body: (LogRecord) throws -> Void) throws {
        try ReviewLogFile.checkNumber(record, after: seq, line: line, path: path)
        seq = record.seq
        try body(record)
    }
}

/// Reading the append-only review log (`reviews.jsonl`): a header line, then one record a line.
enum ReviewLogFile {
    /// Reads the open log `fd` from `offset` to its end a megabyte at a time, handing each record
    /// to `body` as it is parsed: memory stays the same however long the log. Records must be
    /// numbered consecutively after `previousSeq`; line numbers in messages start at `firstLine`.
    static func stream(_ fd: Int32, io: Syscalls, path: String, from offset: Int, firstLine: Int, previousSeq: Int,
                       _ body: (LogRecord) throws -> Void) throws -> LogChunk {
        var parser = LogParser(path: path, base: offset, firstLine: firstLine, previousSeq: previousSeq)
        try io.readWindows(fd, path: path, from: offset) { window, base, atEnd in
            try parser.feed(window, base: base, atEnd: atEnd, body)
        }
        return parser.chunk
    }

    static func checkNumber(_ record: LogRecord, after seq: Int, line: Int, path: String) throws {
        guard record.seq == seq + 1 else {
            throw StoreError.damaged(path: path, line: line,
                problem: "record number \(record.seq) where \(seq + 1) was expected (records are numbered 1, 2, 3, …)",
                fix: "The log was edited or spliced; restore it from a backup.")
        }
    }

    /// Checks the header line; returns its version.
    @discardableResult
    static func checkHeader(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, path: String) throws -> Int {
        var reader = JSONReader(UnsafeBufferPointer(rebasing: buffer[..<range.upperBound]), offset: range.lowerBound)
        var format: String?, version: Int64?
        do {
            try reader.readObject { r, key in
                switch key {
                case "format": format = try r.readString()
                case "version": version = try r.readInt()
                default: try r.skipValue()
                }
            }
        } catch {
            throw notALog(path)
        }
        // Versions start at 1: a version of 0 or below is no log srs wrote (not one to upgrade).
        guard format == ProgressFormat.logFormat, let version, version >= 1 else { throw notALog(path) }
        if version > ProgressFormat.version {
            throw StoreError.newerFormat(path: path, found: Int(version), supported: ProgressFormat.version)
        }
        return Int(version)
    }

    static func notALog(_ path: String) -> StoreError {
        .damaged(path: path, line: 1, problem: "not an srs review log (the first line must be {\"format\":\"\(ProgressFormat.logFormat)\",\"version\":\(ProgressFormat.version)})",
                 fix: "Move the file away if it is not yours; srs starts a new log when there is none.")
    }

    static func parseRecord(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, line: Int, position: Int,
                            path: String) throws -> LogRecord {
        var reader = JSONReader(UnsafeBufferPointer(rebasing: buffer[..<range.upperBound]), offset: range.lowerBound)
        do {
            let record = try ProgressFormat.readRecord(&reader, position: position)
            guard reader.peek() == nil else { throw reader.error("unexpected text after the record") }
            return record
        } catch let error as ProgressFormat.RecordNumberError {
            throw StoreError.damaged(path: path, line: line,
                problem: "record number \(error.found) where \(error.expected) was expected (records are numbered 1, 2, 3, …)",
                fix: "The log was edited or spliced; restore it from a backup.")
        } catch let error as JSONError {
            let column = error.offset - range.lowerBound + 1
            throw StoreError.damaged(path: path, line: line, problem: "\(error.problem) (column \(column))",
                                     fix: "Fix or remove that line by hand (each line is one JSON record), or restore the file from a backup.")
        }
    }

    static func firstNewline(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = buffer.baseAddress, start < buffer.count else { return nil }
        guard let hit = memchr(base + start, 0x0A, buffer.count - start) else { return nil }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    static func isBlank(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        buffer[range].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }
}
