import CSQLite
import Foundation

/// A read-only SQLite database opened from bytes in memory (`sqlite3_deserialize`): nothing is
/// written to disk. Anki's `unicase` collation is registered, since its tables declare it.
final class SQLiteDatabase {
    private let handle: OpaquePointer

    /// Opens `image` (taking its buffer over); throws `.badDatabase` when it is not an SQLite
    /// database (encrypted, damaged, cut short) or cannot be read.
    init(image: SQLiteImage) throws {
        let header = Array("SQLite format 3\0".utf8)
        guard image.count >= 512, image.prefix(header.count) == header else {
            throw AnkiError.badDatabase("it does not start with the SQLite header: it is encrypted, damaged or not a database")
        }
        var db: OpaquePointer?
        guard sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE, nil) == SQLITE_OK, let db else {
            throw AnkiError.badDatabase("SQLite could not start")
        }
        handle = db
        try load(image)
        sqlite3_create_collation_v2(db, "unicase", SQLITE_UTF8, nil, unicaseCompare, nil)
        try check()
    }

    deinit { sqlite3_close(handle) }

    private func load(_ image: SQLiteImage) throws {
        let size = Int64(image.count)
        guard let buffer = image.take() else { throw AnkiError.badDatabase("it is empty") }
        // A database saved in WAL mode reads as a rollback-journal one once its two version bytes say so.
        buffer[18] = 1
        buffer[19] = 1
        let flags = UInt32(SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_READONLY)
        guard sqlite3_deserialize(handle, "main", buffer, size, size, flags) == SQLITE_OK else {
            throw AnkiError.badDatabase(message)
        }
    }

    /// Reads the schema, which fails early on a damaged first page.
    private func check() throws {
        try each("SELECT count(*) FROM sqlite_master") { _ in }
    }

    private var message: String { String(cString: sqlite3_errmsg(handle)) }

    /// Whether the database has a table of that name.
    func hasTable(_ name: String) throws -> Bool {
        var found = false
        try each("SELECT name FROM sqlite_master WHERE type = 'table'") { row in
            if row.text(0) == name { found = true }
        }
        return found
    }

    /// Runs `sql` and hands each row to `body`; SQLite's errors become `.badDatabase`.
    func each(_ sql: String, _ body: (SQLiteRow) throws -> Void) throws {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw AnkiError.badDatabase("\(message), in: \(sql)")
        }
        defer { sqlite3_finalize(statement) }
        while true {
            let rc = sqlite3_step(statement)
            if rc == SQLITE_DONE { return }
            guard rc == SQLITE_ROW else { throw AnkiError.badDatabase("\(message), in: \(sql)") }
            try body(SQLiteRow(statement: statement))
        }
    }
}

/// One result row; columns by index.
struct SQLiteRow {
    let statement: OpaquePointer

    func int(_ column: Int32) -> Int64 { sqlite3_column_int64(statement, column) }
    func double(_ column: Int32) -> Double { sqlite3_column_double(statement, column) }

    func text(_ column: Int32) -> String {
        guard let text = sqlite3_column_text(statement, column) else { return "" }
        let count = Int(sqlite3_column_bytes(statement, column))
        return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }

    /// The column's text as UTF-8 bytes, appended to `bytes` (no `String` made).
    func appendText(_ column: Int32, to bytes: inout [UInt8]) {
        guard let text = sqlite3_column_text(statement, column) else { return }
        bytes.append(contentsOf: UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(statement, column))))
    }

    func blob(_ column: Int32) -> Data {
        let count = Int(sqlite3_column_bytes(statement, column))
        guard count > 0, let bytes = sqlite3_column_blob(statement, column) else { return Data() }
        return Data(bytes: bytes, count: count)
    }
}

/// Anki's `unicase` collation: case-insensitive comparison of UTF-8 text.
private let unicaseCompare: @convention(c) (UnsafeMutableRawPointer?, Int32, UnsafeRawPointer?, Int32, UnsafeRawPointer?) -> Int32 = { _, count1, text1, count2, text2 in
    let a = String(decoding: UnsafeRawBufferPointer(start: text1, count: Int(count1)), as: UTF8.self).lowercased()
    let b = String(decoding: UnsafeRawBufferPointer(start: text2, count: Int(count2)), as: UTF8.self).lowercased()
    return a == b ? 0 : (a < b ? -1 : 1)
}
