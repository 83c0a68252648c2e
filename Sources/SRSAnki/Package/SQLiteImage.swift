import CSQLite
import Foundation

/// The bytes of an SQLite file, in memory that SQLite allocated (`sqlite3_malloc64`), so that
/// `sqlite3_deserialize` takes them over without a copy: a collection is unpacked straight into it.
final class SQLiteImage {
    private var base: UnsafeMutablePointer<UInt8>?
    private(set) var count = 0
    private var capacity = 0

    init() {}

    /// Appends bytes, growing the buffer (doubling) as needed.
    func append(_ bytes: UnsafeRawBufferPointer) throws {
        guard bytes.count > 0, let source = bytes.baseAddress else { return }
        if count + bytes.count > capacity { try grow(to: count + bytes.count) }
        guard let base else { return }
        (base + count).update(from: source.assumingMemoryBound(to: UInt8.self), count: bytes.count)
        count += bytes.count
    }

    private func grow(to needed: Int) throws {
        let size = max(needed, capacity * 2, 1 << 16)
        guard let grown = sqlite3_realloc64(base, UInt64(size)) else {
            throw AnkiError.badDatabase("out of memory for \(size) bytes")
        }
        base = grown.assumingMemoryBound(to: UInt8.self)
        capacity = size
    }

    /// The first bytes, for header checks.
    func prefix(_ length: Int) -> [UInt8] {
        guard let base else { return [] }
        return Array(UnsafeBufferPointer(start: base, count: min(length, count)))
    }

    /// Hands the buffer to the caller (who must free it with `sqlite3_free`, or give it to SQLite).
    func take() -> UnsafeMutablePointer<UInt8>? {
        defer { base = nil; count = 0; capacity = 0 }
        return base
    }

    deinit { sqlite3_free(base) }
}
