import Foundation
import SRSJSON

/// Reads an Anki collection (SQLite bytes) of schema 11 (note types and decks as JSON in `col`)
/// or schema 15–18 (their own tables) into an `AnkiCollection`.
enum CollectionReader {
    /// The newest schema srs knows; a larger `col.ver` is a newer Anki.
    static let newestSchema = 18

    static func read(_ image: SQLiteImage) throws -> AnkiCollection {
        let db = try SQLiteDatabase(image: image)
        guard try db.hasTable("col"), try db.hasTable("cards"), try db.hasTable("notes") else {
            throw AnkiError.badCollection("it lacks Anki's col, notes and cards tables")
        }
        var creation: Int64 = 0
        var schema = 0
        try db.each("SELECT crt, ver FROM col LIMIT 1") { row in
            creation = row.int(0)
            schema = Int(row.int(1))
        }
        guard schema <= newestSchema else { throw AnkiError.newerAnki("collection schema \(schema); srs reads up to \(newestSchema)") }
        guard schema == 11 || schema >= 15 else { throw AnkiError.badCollection("unknown collection schema \(schema)") }
        var collection = schema == 11 ? try Schema11.read(db) : try Schema18.read(db)
        collection.schema = schema
        collection.creation = creation
        collection.notes = try notes(db)
        collection.cards = try cards(db)
        collection.revlog = try revlog(db)
        return collection
    }

    /// The notes, their guids and field texts in one buffer they share (`NoteTexts`), sized up
    /// front: growing 45 MB of text by doubling would hold it one and a half times at once.
    static func notes(_ db: SQLiteDatabase) throws -> [AnkiNote] {
        var bytes: [UInt8] = []
        var rows: [(id: Int64, notetype: Int64, tags: [String], start: Int, fieldsStart: Int, end: Int)] = []
        try db.each("SELECT count(*), sum(length(CAST(guid AS BLOB)) + length(CAST(flds AS BLOB))) FROM notes") { row in
            rows.reserveCapacity(Int(clamping: row.int(0)))
            bytes.reserveCapacity(Int(clamping: row.int(1)))
        }
        try db.each("SELECT id, guid, mid, flds, tags FROM notes ORDER BY id") { row in
            let start = bytes.count
            row.appendText(1, to: &bytes)
            let fieldsStart = bytes.count
            row.appendText(3, to: &bytes)
            rows.append((row.int(0), row.int(2), row.text(4).split(separator: " ").map(String.init), start, fieldsStart, bytes.count))
        }
        let texts = NoteTexts(bytes)
        return rows.map { AnkiNote(id: $0.id, notetype: $0.notetype, tags: $0.tags, texts: texts, start: $0.start, fieldsStart: $0.fieldsStart, end: $0.end) }
    }

    static func cards(_ db: SQLiteDatabase) throws -> [AnkiCard] {
        var cards: [AnkiCard] = []
        try db.each("SELECT count(*) FROM cards") { cards.reserveCapacity(Int(clamping: $0.int(0))) }
        let sql = "SELECT id, nid, ord, did, type, queue, due, ivl, factor, reps, lapses, left, odue, odid, data FROM cards ORDER BY id"
        try db.each(sql) { row in
            cards.append(AnkiCard(id: row.int(0), note: row.int(1), ord: Int(row.int(2)), deck: row.int(3),
                                  type: Int(row.int(4)), queue: Int(row.int(5)), due: row.int(6),
                                  interval: Int(row.int(7)), factor: Int(row.int(8)), reps: Int(row.int(9)),
                                  lapses: Int(row.int(10)), left: Int(row.int(11)), originalDue: row.int(12),
                                  originalDeck: row.int(13), data: try AnkiCardData(json: row.text(14))))
        }
        return cards
    }

    static func revlog(_ db: SQLiteDatabase) throws -> [AnkiReview] {
        var rows: [AnkiReview] = []
        // The exact size up front: growing a million rows by doubling holds 1.5 times them at once.
        try db.each("SELECT count(*) FROM revlog") { rows.reserveCapacity(Int(clamping: $0.int(0))) }
        try db.each("SELECT id, cid, ease, ivl, lastIvl, factor, time, type FROM revlog ORDER BY id") { row in
            rows.append(AnkiReview(id: row.int(0), card: row.int(1), ease: Int(row.int(2)), interval: row.int(3),
                                   lastInterval: row.int(4), factor: Int(row.int(5)), time: Int(row.int(6)),
                                   type: Int(row.int(7))))
        }
        return rows
    }
}

extension AnkiCardData {
    /// Parses `cards.data` ("" or a JSON object: `s`, `d`, `dr`, `decay`, `lrt`, `pos`).
    init(json: String) throws {
        self.init()
        guard !json.isEmpty else { return }
        let value = try parseJSON(json, "a card's data")
        stability = value["s"]?.double
        difficulty = value["d"]?.double
        desiredRetention = value["dr"]?.double
        decay = value["decay"]?.double
        lastReview = value["lrt"]?.int
        position = value["pos"]?.int
    }
}
