import CSQLite
import Foundation

/// A new SQLite database built in memory and handed out as the bytes of its file
/// (`sqlite3_serialize`): nothing touches the disk.
final class SQLiteBuilder {
    /// A value bound to a statement's parameter.
    enum Value {
        case int(Int64)
        case text(String)
        case real(Double)
    }

    private let handle: OpaquePointer

    init() throws {
        var db: OpaquePointer?
        guard sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil) == SQLITE_OK, let db else {
            throw AnkiWriteError.library("SQLite could not start")
        }
        handle = db
        // An empty database on SQLite's memdb, whose file `withFile` can lend without a copy.
        let flags = UInt32(SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE)
        guard sqlite3_deserialize(db, "main", nil, 0, 0, flags) == SQLITE_OK else {
            throw AnkiWriteError.library("SQLite: \(message)")
        }
    }

    deinit { sqlite3_close(handle) }

    private var message: String { String(cString: sqlite3_errmsg(handle)) }

    /// Runs statements without parameters (the schema, `BEGIN`, `COMMIT`).
    func execute(_ sql: String) throws {
        guard sqlite3_exec(handle, sql, nil, nil, nil) == SQLITE_OK else {
            throw AnkiWriteError.library("SQLite: \(message)")
        }
    }

    /// Inserts each row of `rows` with the one statement `sql` (`INSERT … VALUES (?, ?, …)`).
    func insert<Rows: Sequence>(_ sql: String, _ rows: Rows) throws where Rows.Element == [Value] {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw AnkiWriteError.library("SQLite: \(message), in: \(sql)")
        }
        defer { sqlite3_finalize(statement) }
        for row in rows {
            sqlite3_reset(statement)
            for (index, value) in row.enumerated() { bind(value, at: Int32(index + 1), statement) }
            guard sqlite3_step(statement) == SQLITE_DONE else { throw AnkiWriteError.library("SQLite: \(message), in: \(sql)") }
        }
    }

    private func bind(_ value: Value, at index: Int32, _ statement: OpaquePointer) {
        switch value {
        case .int(let number): sqlite3_bind_int64(statement, index, number)
        case .real(let number): sqlite3_bind_double(statement, index, number)
        case .text(let text):
            // SQLITE_TRANSIENT: SQLite copies the text before the call returns.
            sqlite3_bind_text(statement, index, text, -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self))
        }
    }

    /// Lends the database file's bytes to `body` without copying them (they are SQLite's own
    /// memory, valid until `body` returns).
    func withFile<T>(_ body: (Data) throws -> T) throws -> T {
        var size: sqlite3_int64 = 0
        guard let bytes = sqlite3_serialize(handle, "main", &size, UInt32(SQLITE_SERIALIZE_NOCOPY)) else {
            throw AnkiWriteError.library("SQLite could not serialise the collection")
        }
        return try body(Data(bytesNoCopy: bytes, count: Int(size), deallocator: .none))
    }
}
