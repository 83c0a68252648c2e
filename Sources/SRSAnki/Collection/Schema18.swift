import Foundation
import SRSJSON

/// Schema 15–18: note types, fields, templates, decks and deck options in their own tables, with
/// protobuf blobs for their settings; collection settings as JSON rows of `config`.
enum Schema18 {
    static func read(_ db: SQLiteDatabase) throws -> AnkiCollection {
        let settings = try config(db)
        return AnkiCollection(
            schema: 18, creation: 0, rollover: settings["rollover"]?.int.map(Int.init),
            creationOffset: settings["creationOffset"]?.int.map(Int.init), fsrs: settings["fsrs"]?.bool ?? false,
            notetypes: try notetypes(db), notes: [], cards: [], decks: try decks(db),
            deckConfigs: try deckConfigs(db), revlog: [])
    }

    static func config(_ db: SQLiteDatabase) throws -> [String: JSONValue] {
        var settings: [String: JSONValue] = [:]
        try db.each("SELECT key, val FROM config") { row in
            settings[row.text(0)] = try? JSONValue.parse(row.blob(1))
        }
        return settings
    }

    /// Note types joined with their fields and templates (the tables also hold rows of note types
    /// that are gone, so everything goes through `notetypes`).
    static func notetypes(_ db: SQLiteDatabase) throws -> [AnkiNotetype] {
        var fields: [Int64: [String]] = [:]
        try db.each("SELECT f.ntid, f.name FROM fields f JOIN notetypes n ON n.id = f.ntid ORDER BY f.ntid, f.ord") { row in
            fields[row.int(0), default: []].append(row.text(1))
        }
        var templates: [Int64: [AnkiTemplate]] = [:]
        try db.each("SELECT t.ntid, t.name, t.config FROM templates t JOIN notetypes n ON n.id = t.ntid ORDER BY t.ntid, t.ord") { row in
            let config = try message(row.blob(2), "a template's config")
            templates[row.int(0), default: []].append(AnkiTemplate(name: row.text(1), question: config.string(1), answer: config.string(2)))
        }
        var out: [AnkiNotetype] = []
        try db.each("SELECT id, name, config FROM notetypes ORDER BY id") { row in
            let config = try message(row.blob(2), "a note type's config")
            let id = row.int(0)
            out.append(AnkiNotetype(id: id, name: row.text(1), kind: config.uint(1) == 1 ? .cloze : .normal,
                                    fields: fields[id] ?? [], templates: templates[id] ?? [], css: config.string(3)))
        }
        return out
    }

    static func decks(_ db: SQLiteDatabase) throws -> [AnkiDeck] {
        var out: [AnkiDeck] = []
        try db.each("SELECT id, name, kind FROM decks ORDER BY id") { row in
            let kind = try message(row.blob(2), "a deck's kind")
            let normal = try kind.bytes(1).last.map { try message($0, "a deck's kind") }
            out.append(AnkiDeck(id: row.int(0), path: row.text(1).components(separatedBy: "\u{1F}"),
                                config: Int64(normal?.uint(1) ?? 0), filtered: normal == nil))
        }
        return out
    }

    static func deckConfigs(_ db: SQLiteDatabase) throws -> [AnkiDeckConfig] {
        var out: [AnkiDeckConfig] = []
        try db.each("SELECT id, name, config FROM deck_config ORDER BY id") { row in
            out.append(deckConfig(id: row.int(0), name: row.text(1), try message(row.blob(2), "a deck option group")))
        }
        return out
    }

    /// `DeckConfig.Config` (anki/deck_config.proto); floats are single precision there.
    static func deckConfig(id: Int64, name: String, _ c: ProtoMessage) -> AnkiDeckConfig {
        func real(_ number: Int) -> Double { Double(c.float(number) ?? 0) }
        func whole(_ number: Int) -> Int { Int(clamping: c.uint(number)) }
        let fsrs = [6, 5, 3].lazy.map { c.floats($0).map(Double.init) }
        return AnkiDeckConfig(
            id: id, name: name, learnSteps: c.floats(1).map(Double.init), relearnSteps: c.floats(2).map(Double.init),
            newPerDay: whole(9), reviewsPerDay: whole(10), initialEase: Int((real(11) * 1000).rounded()),
            easyBonus: real(12), hardMultiplier: real(13), lapseMultiplier: real(14), intervalModifier: real(15),
            maximumInterval: whole(16), minimumLapseInterval: whole(17), graduatingInterval: whole(18),
            easyInterval: whole(19), leechThreshold: whole(22), leechAction: whole(21),
            desiredRetention: real(37), fsrsParameters: fsrs.first { !$0.isEmpty } ?? [])
    }

    static func message(_ data: Data, _ what: String) throws -> ProtoMessage {
        do {
            return try ProtoMessage(data)
        } catch {
            throw AnkiError.badCollection("\(what) is not valid protobuf")
        }
    }
}
