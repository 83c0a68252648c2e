#if canImport(Glibc)
import Glibc
#endif
import SRSCore
import SRSJSON

/// The records found in part of a review log, and where complete lines end.
struct LogChunk {
    var records: [LogRecord] = []
    /// Offset just past the last complete line read.
    var endOffset: Int
    /// Bytes after the last line feed: an append cut short by a crash or a kill (never acknowledged).
    var tornBytes: Int = 0
    /// The format version in the header, when this chunk held it.
    var version: Int?
}

/// Reading the append-only review log (`reviews.jsonl`): a header line, then one record a line.
enum ReviewLogFile {
    /// Parses the complete lines of `bytes`, which start at file offset `base` and line number
    /// `firstLine`. Checks that records are numbered consecutively after `previousSeq`.
    static func parse(_ bytes: [UInt8], base: Int, firstLine: Int, previousSeq: Int, path: String) throws -> LogChunk {
        try bytes.withUnsafeBufferPointer { buffer in
            var chunk = LogChunk(endOffset: base)
            var lineStart = 0
            var line = firstLine
            var seq = previousSeq
            while lineStart < buffer.count {
                guard let newline = firstNewline(buffer, from: lineStart) else {
                    chunk.tornBytes = buffer.count - lineStart
                    break
                }
                if line == 1 {
                    chunk.version = try checkHeader(buffer, lineStart..<newline, path: path)
                } else if !isBlank(buffer, lineStart..<newline) {
                    let record = try parseRecord(buffer, lineStart..<newline, line: line, position: seq + 1, path: path)
                    seq = record.seq
                    chunk.records.append(record)
                }
                lineStart = newline + 1
                line += 1
                chunk.endOffset = base + lineStart
            }
            return chunk
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
        guard format == ProgressFormat.logFormat, let version else { throw notALog(path) }
        if version > ProgressFormat.version {
            throw StoreError.newerFormat(path: path, found: Int(version), supported: ProgressFormat.version)
        }
        return Int(version)
    }

    private static func notALog(_ path: String) -> StoreError {
        .damaged(path: path, line: 1, problem: "not an srs review log (the first line must be {\"format\":\"\(ProgressFormat.logFormat)\",\"version\":1})",
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

    private static func firstNewline(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = buffer.baseAddress, start < buffer.count else { return nil }
        guard let hit = memchr(base + start, 0x0A, buffer.count - start) else { return nil }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    private static func isBlank(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        buffer[range].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }
}
