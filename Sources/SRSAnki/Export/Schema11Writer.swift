import Foundation
import SRSJSON

/// Writes an `AnkiCollection` as a schema-11 SQLite file (the legacy `collection.anki21`): the
/// five tables of Anki's `schema11.sql`, with note types, decks and deck options as JSON in the
/// `col` row. `CollectionReader` reads back what it writes.
enum Schema11Writer {
    /// Hands the collection's bytes to `body` (lent, not copied: a heavy user's collection is
    /// 150 MB). `modified` (seconds) stamps the rows; every deck uses options 1.
    static func write(_ collection: AnkiCollection, modified: Int64, into body: (Data) throws -> Void) throws {
        let db = try SQLiteBuilder()
        try db.execute(tables)
        try db.execute("BEGIN")
        try db.insert("INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, '{}')", [[
            .int(collection.creation), .int(modified * 1000), .int(modified * 1000),
            .text(settings(collection).compact),
            .text(JSONText.object(collection.notetypes.map { (String($0.id), notetype($0, modified)) }).compact),
            .text(JSONText.object(collection.decks.map { (String($0.id), deck($0, modified)) }).compact),
            .text(JSONText.object(collection.deckConfigs.map { (String($0.id), preset($0, modified)) }).compact),
        ]])
        try db.insert("INSERT INTO notes VALUES (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, '')", collection.notes.lazy.map { note in
            let sortField = HTMLText.plain(note.fields.first ?? "")
            return [.int(note.id), .text(note.guid), .int(note.notetype), .int(modified),
                    .text(note.tags.isEmpty ? "" : " " + note.tags.joined(separator: " ") + " "),
                    .text(note.fields.joined(separator: "\u{1F}")), .text(sortField), .int(Int64(FieldChecksum.of(sortField)))]
        })
        try db.insert("INSERT INTO cards VALUES (?, ?, ?, ?, ?, -1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)", collection.cards.lazy.map { card in
            [.int(card.id), .int(card.note), .int(card.deck), .int(Int64(card.ord)), .int(modified),
             .int(Int64(card.type)), .int(Int64(card.queue)), .int(card.due), .int(Int64(card.interval)),
             .int(Int64(card.factor)), .int(Int64(card.reps)), .int(Int64(card.lapses)), .int(Int64(card.left)),
             .int(card.originalDue), .int(card.originalDeck), .text(data(card.data))]
        })
        try db.insert("INSERT INTO revlog VALUES (?, ?, -1, ?, ?, ?, ?, ?, ?)", collection.revlog.lazy.map { review in
            [.int(review.id), .int(review.card), .int(Int64(review.ease)), .int(review.interval),
             .int(review.lastInterval), .int(Int64(review.factor)), .int(Int64(review.time)), .int(Int64(review.type))]
        })
        // Indexes built once from the rows, not kept up to date row by row: a third of the time.
        try db.execute(indexes)
        try db.execute("COMMIT")
        try db.withFile(body)
    }

    static let tables = """
        CREATE TABLE col (id integer PRIMARY KEY, crt integer NOT NULL, mod integer NOT NULL, scm integer NOT NULL,
          ver integer NOT NULL, dty integer NOT NULL, usn integer NOT NULL, ls integer NOT NULL, conf text NOT NULL,
          models text NOT NULL, decks text NOT NULL, dconf text NOT NULL, tags text NOT NULL);
        CREATE TABLE notes (id integer PRIMARY KEY, guid text NOT NULL, mid integer NOT NULL, mod integer NOT NULL,
          usn integer NOT NULL, tags text NOT NULL, flds text NOT NULL, sfld integer NOT NULL, csum integer NOT NULL,
          flags integer NOT NULL, data text NOT NULL);
        CREATE TABLE cards (id integer PRIMARY KEY, nid integer NOT NULL, did integer NOT NULL, ord integer NOT NULL,
          mod integer NOT NULL, usn integer NOT NULL, type integer NOT NULL, queue integer NOT NULL, due integer NOT NULL,
          ivl integer NOT NULL, factor integer NOT NULL, reps integer NOT NULL, lapses integer NOT NULL,
          left integer NOT NULL, odue integer NOT NULL, odid integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
        CREATE TABLE revlog (id integer PRIMARY KEY, cid integer NOT NULL, usn integer NOT NULL, ease integer NOT NULL,
          ivl integer NOT NULL, lastIvl integer NOT NULL, factor integer NOT NULL, time integer NOT NULL,
          type integer NOT NULL);
        CREATE TABLE graves (usn integer NOT NULL, oid integer NOT NULL, type integer NOT NULL);
        """

    static let indexes = """
        CREATE INDEX ix_notes_usn ON notes (usn);
        CREATE INDEX ix_cards_usn ON cards (usn);
        CREATE INDEX ix_revlog_usn ON revlog (usn);
        CREATE INDEX ix_cards_nid ON cards (nid);
        CREATE INDEX ix_cards_sched ON cards (did, queue, due);
        CREATE INDEX ix_revlog_cid ON revlog (cid);
        CREATE INDEX ix_notes_csum ON notes (csum);
        """

    /// `col.conf`: the v3 scheduler, and the day rollover and creation zone that make the
    /// collection's day numbers (`due` of review cards) mean the days srs meant.
    static func settings(_ collection: AnkiCollection) -> JSONText {
        var members: [(String, JSONText)] = [
            ("activeDecks", .array([.int(1)])), ("curDeck", .int(1)), ("newSpread", .int(0)),
            ("collapseTime", .int(1200)), ("timeLim", .int(0)), ("estTimes", .bool(true)), ("dueCounts", .bool(true)),
            ("curModel", collection.notetypes.first.map { .int(Int($0.id)) } ?? .null),
            ("nextPos", .int(collection.cards.filter { $0.type == 0 }.count + 1)), ("sortType", .string("noteFld")),
            ("sortBackwards", .bool(false)), ("addToCur", .bool(true)), ("schedVer", .int(2)), ("sched2021", .bool(true)),
        ]
        if let offset = collection.creationOffset { members.append(("creationOffset", .int(offset))) }
        if let hour = collection.rollover { members.append(("rollover", .int(hour))) }
        return .object(members)
    }

    static func notetype(_ type: AnkiNotetype, _ modified: Int64) -> JSONText {
        .object([
            ("id", .int(Int(type.id))), ("name", .string(type.name)), ("type", .int(type.kind.rawValue)),
            ("mod", .int(Int(modified))), ("usn", .int(-1)), ("sortf", .int(0)), ("did", .null),
            ("tmpls", .array(type.templates.enumerated().map { ord, template in
                .object([("name", .string(template.name)), ("ord", .int(ord)), ("qfmt", .string(template.question)),
                         ("afmt", .string(template.answer)), ("bqfmt", .string("")), ("bafmt", .string("")),
                         ("did", .null), ("bfont", .string("")), ("bsize", .int(0))])
            })),
            ("flds", .array(type.fields.enumerated().map { ord, name in
                .object([("name", .string(name)), ("ord", .int(ord)), ("sticky", .bool(false)), ("rtl", .bool(false)),
                         ("font", .string("Arial")), ("size", .int(20)), ("description", .string(""))])
            })),
            ("css", .string(type.css)), ("latexPre", .string(latexPre)), ("latexPost", .string("\\end{document}")),
            ("latexsvg", .bool(false)), ("tags", .array([])), ("vers", .array([])),
        ])
    }

    static func deck(_ deck: AnkiDeck, _ modified: Int64) -> JSONText {
        let today = JSONText.array([.int(0), .int(0)])
        return .object([
            ("id", .int(Int(deck.id))), ("mod", .int(Int(modified))), ("name", .string(deck.name)), ("usn", .int(-1)),
            ("lrnToday", today), ("revToday", today), ("newToday", today), ("timeToday", today),
            ("collapsed", .bool(false)), ("browserCollapsed", .bool(false)), ("desc", .string("")), ("dyn", .int(0)),
            ("conf", .int(Int(deck.config))), ("extendNew", .int(0)), ("extendRev", .int(0)),
        ])
    }

    /// `cards.data`: the FSRS memory and the last review, as Anki writes them.
    static func data(_ data: AnkiCardData) -> String {
        var members: [(String, JSONText)] = []
        if let position = data.position { members.append(("pos", .int(Int(position)))) }
        if let stability = data.stability { members.append(("s", .number(stability, places: 4))) }
        if let difficulty = data.difficulty { members.append(("d", .number(difficulty, places: 3))) }
        if let retention = data.desiredRetention { members.append(("dr", .number(retention, places: 2))) }
        if let last = data.lastReview { members.append(("lrt", .int(Int(last)))) }
        return members.isEmpty ? "" : JSONText.object(members).compact
    }

    /// A deck preset as schema 11's `dconf` holds it (`Schema11.config` reads it back).
    static func preset(_ c: AnkiDeckConfig, _ modified: Int64) -> JSONText {
        let minutes = { (steps: [Double]) in JSONText.array(steps.map { .double($0) }) }
        return .object([
            ("id", .int(Int(c.id))), ("mod", .int(Int(modified))), ("name", .string(c.name)), ("usn", .int(-1)),
            ("maxTaken", .int(60)), ("autoplay", .bool(true)), ("timer", .int(0)), ("replayq", .bool(true)),
            ("new", .object([("bury", .bool(false)), ("delays", minutes(c.learnSteps)), ("initialFactor", .int(c.initialEase)),
                             ("ints", .array([.int(c.graduatingInterval), .int(c.easyInterval), .int(0)])), ("order", .int(1)),
                             ("perDay", .int(c.newPerDay))])),
            ("rev", .object([("bury", .bool(false)), ("ease4", .double(c.easyBonus)), ("ivlFct", .double(c.intervalModifier)),
                             ("maxIvl", .int(c.maximumInterval)), ("perDay", .int(c.reviewsPerDay)), ("hardFactor", .double(c.hardMultiplier))])),
            ("lapse", .object([("delays", minutes(c.relearnSteps)), ("leechAction", .int(c.leechAction)), ("leechFails", .int(c.leechThreshold)),
                               ("minInt", .int(c.minimumLapseInterval)), ("mult", .double(c.lapseMultiplier))])),
            ("dyn", .bool(false)), ("newMix", .int(0)), ("newPerDayMinimum", .int(0)), ("interdayLearningMix", .int(0)),
            ("reviewOrder", .int(0)), ("newSortOrder", .int(0)), ("newGatherPriority", .int(0)),
            ("buryInterdayLearning", .bool(false)), ("desiredRetention", .double(c.desiredRetention)),
            ("fsrsParams6", .array(c.fsrsParameters.map { .double($0) })),
        ])
    }

    static let latexPre = "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n"
}
