#if canImport(Glibc)
import Glibc
#endif
import SRSCore
import SRSJSON

/// Reads `cards.json` fed to it a window at a time (`Syscalls.readWindows`), so that opening a
/// million cards (66 MB) holds the card states and a window, not the file as well. The
/// snapshot is one JSON object whose `cards` array has a row a card: it is walked one step at a
/// time (the `{`, a key, a value, a separator, a row), and each row goes into `snapshot.cards`
/// as soon as it is whole in the window. A step whose bytes the window cuts off does nothing and
/// waits for the next window, which starts with them. Each step runs the reader calls that a
/// read of the whole file would, on the same bytes, so what is read, the errors and the lines
/// and columns they name are the same whatever the window's size (`SnapshotWindowTests`).
struct SnapshotParser {
    let path: String
    /// The file's length: room for the rows is reserved from it and the first row's length.
    let fileSize: Int
    private(set) var snapshot = Snapshot()
    private var format: String?
    private var version: Int64?
    private var stage = Stage.open
    /// The line the window starts on (1-based) and the bytes of that line before it, for messages.
    private var line = 1, lineBytesBefore = 0

    /// What comes next in the file.
    private enum Stage {
        case open, key, value(String), afterValue, rows, row, afterRow, end, done
    }

    init(path: String, fileSize: Int) {
        self.path = path
        self.fileSize = fileSize
    }

    /// Reads the steps that are whole in `window` (the file's bytes from offset `base`; `atEnd`:
    /// the file ends after them); returns how many leading bytes it is done with.
    mutating func feed(_ window: UnsafeBufferPointer<UInt8>, base: Int, atEnd: Bool) throws -> Int {
        var offset = 0
        do {
            while let next = try step(window, at: offset, base: base, atEnd: atEnd) { offset = next }
        } catch let error as JSONError {
            let (line, column) = position(of: error.offset, in: window)
            throw StoreError.damaged(path: path, line: line, problem: "\(error.problem) (column \(column))", fix: Self.fix)
        }
        advance(past: offset, in: window)
        return offset
    }

    /// The snapshot read, once the whole file was fed; throws when it is not an srs snapshot.
    func finish() throws -> Snapshot {
        guard format == ProgressFormat.snapshotFormat, let version else {
            throw StoreError.damaged(path: path, line: 1, problem: "not an srs progress snapshot (no \"format\": \"\(ProgressFormat.snapshotFormat)\" and \"version\")",
                                     fix: Self.fix)
        }
        var done = snapshot
        done.version = Int(clamping: version)
        return done
    }

    private static let fix = "It is a cache of the review log: delete it and srs rebuilds it from reviews.jsonl."

    /// Reads the next step at `offset`; returns the offset after it, or nil when the window
    /// ends before it does (never at the end of the file) or the snapshot is done.
    private mutating func step(_ window: UnsafeBufferPointer<UInt8>, at offset: Int, base: Int, atEnd: Bool) throws -> Int? {
        let scan = SnapshotScan(bytes: window)
        var reader = JSONReader(window, offset: offset)
        switch stage {
        case .open:
            guard atEnd || scan.nonBlank(after: offset, count: 2) else { return nil }
            try enter(&reader, UInt8(ascii: "{"), empty: .end, first: .key)
        case .key:
            guard atEnd || scan.valueEnd(from: offset).map({ scan.nonBlank(after: $0, count: 1) }) == true else { return nil }
            let key = try reader.readString()
            try reader.expect(UInt8(ascii: ":"))
            stage = key == "cards" ? .rows : .value(key)
        case let .value(key):
            guard atEnd || scan.valueEnd(from: offset) != nil else { return nil }
            try readMember(key, &reader)
            stage = .afterValue
        case .afterValue:
            guard atEnd || scan.nonBlank(after: offset, count: 1) else { return nil }
            try separate(&reader, UInt8(ascii: "}"), next: .key, closed: .end)
        case .rows:
            guard atEnd || scan.nonBlank(after: offset, count: 2) else { return nil }
            try enter(&reader, UInt8(ascii: "["), empty: .afterValue, first: .row)
        case .row:
            guard try readRow(&reader, scan, base: base, atEnd: atEnd) else { return nil }
            // The `,` that srs writes right after a row, taken with it: half the steps.
            let comma = reader.offset < window.count && window[reader.offset] == UInt8(ascii: ",")
            if comma { reader.offset += 1 }
            stage = comma ? .row : .afterRow
        case .afterRow:
            guard atEnd || scan.nonBlank(after: offset, count: 1) else { return nil }
            try separate(&reader, UInt8(ascii: "]"), next: .row, closed: .afterValue)
        case .end:
            guard reader.peek() == nil else { throw reader.error("unexpected text after the snapshot") }
            guard atEnd else { return reader.offset > offset ? reader.offset : nil } // blanks used up
            stage = .done
            return nil
        case .done:
            return nil
        }
        return reader.offset
    }

    /// The `{` or `[` that opens an object or array, then `empty` if it closes at once, else `first`.
    private mutating func enter(_ reader: inout JSONReader, _ bracket: UInt8, empty: Stage, first: Stage) throws {
        try reader.expect(bracket)
        stage = reader.consume(bracket + 2) ? empty : first // `}` and `]` follow `{` and `[` by two
    }

    /// A `,` (then `next`) or the `close` of the object or array (then `closed`), as
    /// `JSONReader.readObject` and `readArray` read them.
    private mutating func separate(_ reader: inout JSONReader, _ close: UInt8, next: Stage, closed: Stage) throws {
        if reader.consume(UInt8(ascii: ",")) {
            stage = next
        } else {
            guard reader.consume(close) else { throw reader.error("expected ',' or '\(Character(UnicodeScalar(close)))' after a value") }
            stage = closed
        }
    }

    /// One of the header's members (anything else is skipped).
    private mutating func readMember(_ key: String, _ reader: inout JSONReader) throws {
        switch key {
        case "format": format = try reader.readString()
        case "version":
            version = try reader.readInt()
            if let v = version, v > ProgressFormat.version {
                throw StoreError.newerFormat(path: path, found: Int(v), supported: ProgressFormat.version)
            }
        case "log_records": snapshot.logRecords = try Self.count(&reader, key)
        case "log_bytes": snapshot.logBytes = try Self.count(&reader, key)
        default: try reader.skipValue()
        }
    }

    /// A count that cannot be negative.
    private static func count(_ reader: inout JSONReader, _ key: String) throws -> Int {
        let value = try reader.readInt()
        guard value >= 0, let count = Int(exactly: value) else { throw reader.error("\"\(key)\" is \(value); it cannot be negative") }
        return count
    }

    /// Reads the row at the reader into `snapshot.cards`: through the fast path for rows as srs
    /// writes them (whole when it succeeds: it ends at the row's `]`), else the general reader
    /// once the window holds the row's closing bracket. False when the window ends first.
    private mutating func readRow(_ reader: inout JSONReader, _ scan: SnapshotScan, base: Int, atEnd: Bool) throws -> Bool {
        reader.skipWhitespace()
        let start = reader.offset
        guard atEnd || start < reader.bytes.count else { return false }
        if let (id, progress, end) = SnapshotRowScanner(bytes: reader.bytes).row(at: start) {
            // Room for as many rows as the first one's length says (classic SM-2 rows are about
            // 65 bytes, other schedulers' about 240).
            if snapshot.cards.isEmpty { snapshot.cards.reserveCapacity((fileSize - base - start) / (end - start + 2)) }
            snapshot.cards[id] = progress
            reader.offset = end
            return true
        }
        guard atEnd || scan.valueEnd(from: start) != nil else { return false }
        let (id, progress) = try ProgressFormat.readRow(&reader)
        snapshot.cards[id] = progress
        return true
    }

    /// 1-based line and column in the file of an offset into the window.
    private func position(of offset: Int, in window: UnsafeBufferPointer<UInt8>) -> (Int, Int) {
        let end = min(offset, window.count)
        guard let lastNewline = window[..<end].lastIndex(of: 0x0A) else { return (line, lineBytesBefore + offset + 1) }
        return (line + window[..<end].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }, offset - lastNewline)
    }

    /// Moves the line count past the first `count` bytes of the window, which are done with.
    private mutating func advance(past count: Int, in window: UnsafeBufferPointer<UInt8>) {
        guard let base = window.baseAddress else { return }
        var lineStart = 0
        while lineStart < count, let hit = memchr(base + lineStart, 0x0A, count - lineStart) {
            line += 1
            lineStart = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
        }
        lineBytesBefore = lineStart == 0 ? lineBytesBefore + count : count - lineStart
    }
}

/// Where a JSON value or the next non-blank byte ends in a window, judged from the brackets and
/// the quotes alone: enough to tell whether the window holds it whole, for the reader to read.
struct SnapshotScan {
    let bytes: UnsafeBufferPointer<UInt8>

    func skipBlanks(from start: Int) -> Int { JSONReader.whitespaceEnd(bytes, from: start) }

    /// True when `count` non-blank bytes follow `start` (each after the blanks before it).
    func nonBlank(after start: Int, count: Int) -> Bool {
        var i = start
        for _ in 0..<count {
            i = skipBlanks(from: i)
            guard i < bytes.count else { return false }
            i += 1
        }
        return true
    }

    /// The offset just past the value after the blanks at `start`, nil when the window ends
    /// first. A number or a literal ends at the byte after it, which must be in the window.
    func valueEnd(from start: Int) -> Int? {
        let i = skipBlanks(from: start)
        guard i < bytes.count else { return nil }
        switch bytes[i] {
        case UInt8(ascii: "\""): return stringEnd(from: i + 1)
        case UInt8(ascii: "["), UInt8(ascii: "{"): return bracketsEnd(from: i)
        default:
            var j = i
            while j < bytes.count, !Self.endsScalar(bytes[j]) { j += 1 }
            return j < bytes.count ? j : nil
        }
    }

    /// Past the quote that closes the string whose contents start at `start`.
    private func stringEnd(from start: Int) -> Int? {
        var i = start
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "\""): return i + 1
            case UInt8(ascii: "\\"): i += 2
            default: i += 1
            }
        }
        return nil
    }

    /// Past the bracket that closes the one at `start`, strings skipped.
    private func bracketsEnd(from start: Int) -> Int? {
        var depth = 0, i = start
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "\""):
                guard let end = stringEnd(from: i + 1) else { return nil }
                i = end
                continue
            case UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth -= 1
                if depth == 0 { return i + 1 }
            default: break
            }
            i += 1
        }
        return nil
    }

    private static func endsScalar(_ b: UInt8) -> Bool {
        JSONReader.isWhitespace(b) || b == UInt8(ascii: ",") || b == UInt8(ascii: "]") || b == UInt8(ascii: "}") || b == UInt8(ascii: ":")
            || b == UInt8(ascii: "[") || b == UInt8(ascii: "{") || b == UInt8(ascii: "\"")
    }
}
