import SRSJSON

/// Schema 11: note types, decks, deck options and settings are JSON objects in the `col` row.
enum Schema11 {
    static func read(_ db: SQLiteDatabase) throws -> AnkiCollection {
        var json: [String] = []
        try db.each("SELECT models, decks, dconf, conf FROM col LIMIT 1") { row in
            json = (0..<4).map { row.text(Int32($0)) }
        }
        guard json.count == 4 else { throw AnkiError.badCollection("its col table is empty") }
        let settings = try parseJSON(json[3], "col.conf")
        return AnkiCollection(
            schema: 11, creation: 0, rollover: settings["rollover"]?.int.map(Int.init),
            creationOffset: settings["creationOffset"]?.int.map(Int.init), fsrs: settings["fsrs"]?.bool ?? false,
            notetypes: try parseJSON(json[0], "col.models").members.map { notetype($0.1) }.sorted { $0.id < $1.id },
            notes: [], cards: [],
            decks: try parseJSON(json[1], "col.decks").members.map { deck($0.1) }.sorted { $0.id < $1.id },
            deckConfigs: try parseJSON(json[2], "col.dconf").members.map { config($0.1) }.sorted { $0.id < $1.id },
            revlog: [])
    }

    static func notetype(_ m: JSONValue) -> AnkiNotetype {
        let fields = m["flds"]?.items.sorted { ($0["ord"]?.int ?? 0) < ($1["ord"]?.int ?? 0) } ?? []
        let templates = m["tmpls"]?.items.sorted { ($0["ord"]?.int ?? 0) < ($1["ord"]?.int ?? 0) } ?? []
        return AnkiNotetype(
            id: m["id"]?.int ?? 0, name: m["name"]?.text ?? "", kind: m["type"]?.int == 1 ? .cloze : .normal,
            fields: fields.map { $0["name"]?.text ?? "" },
            templates: templates.map {
                AnkiTemplate(name: $0["name"]?.text ?? "", question: $0["qfmt"]?.text ?? "", answer: $0["afmt"]?.text ?? "")
            },
            css: m["css"]?.text ?? "")
    }

    static func deck(_ d: JSONValue) -> AnkiDeck {
        let filtered = d["dyn"]?.bool ?? false
        return AnkiDeck(id: d["id"]?.int ?? 0, path: (d["name"]?.text ?? "").components(separatedBy: "::"),
                        config: filtered ? 0 : d["conf"]?.int ?? 1, filtered: filtered)
    }

    static func config(_ c: JSONValue) -> AnkiDeckConfig {
        let ints = c[path: "new", "ints"]?.items ?? []
        func number(_ group: String, _ key: String) -> Double { c[path: group, key]?.double ?? 0 }
        func whole(_ group: String, _ key: String) -> Int { Int(c[path: group, key]?.int ?? 0) }
        let fsrs = ["fsrsParams6", "fsrsParams5", "fsrsWeights"].lazy.map { c[$0]?.items.compactMap(\.double) ?? [] }
        return AnkiDeckConfig(
            id: c["id"]?.int ?? 0, name: c["name"]?.text ?? "",
            learnSteps: c[path: "new", "delays"]?.items.compactMap(\.double) ?? [],
            relearnSteps: c[path: "lapse", "delays"]?.items.compactMap(\.double) ?? [],
            newPerDay: whole("new", "perDay"), reviewsPerDay: whole("rev", "perDay"),
            initialEase: whole("new", "initialFactor"), easyBonus: number("rev", "ease4"),
            hardMultiplier: c[path: "rev", "hardFactor"]?.double ?? 1.2, lapseMultiplier: number("lapse", "mult"),
            intervalModifier: number("rev", "ivlFct"), maximumInterval: whole("rev", "maxIvl"),
            minimumLapseInterval: whole("lapse", "minInt"),
            graduatingInterval: Int(ints.first?.int ?? 1), easyInterval: Int(ints.dropFirst().first?.int ?? 4),
            leechThreshold: whole("lapse", "leechFails"), leechAction: whole("lapse", "leechAction"),
            desiredRetention: c["desiredRetention"]?.double ?? 0.9,
            fsrsParameters: fsrs.first { !$0.isEmpty } ?? [])
    }
}
