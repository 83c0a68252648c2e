import SRSCore

/// Builds the notes, cards, decks and revlog of an export, one srs card after another.
struct ExportBuilder {
    let days: AnkiDays
    /// The collection's creation day (an `AnkiDays` day number): Anki's day 0.
    let firstDay: Int
    let now: EpochSeconds
    /// The first id of notes, cards and decks (milliseconds, as Anki's ids are).
    let base: Int64

    var notes: [AnkiNote] = []
    var cards: [AnkiCard] = []
    var decks: [AnkiDeck] = [AnkiDeck(id: 1, path: ["Default"], config: 1, filtered: false)]
    var revlog: [AnkiReview] = []
    var usedNotetypes: Set<Int64> = []
    /// The deck presets: Anki's Default (1, which every collection has), then srs's own.
    var presets = [AnkiExport.preset(AnkiExport.Options(), id: 1, name: "Default")]
    /// The preset of each srs deck (by lower-cased name), and of every other deck.
    private var presetOfDeck: [String: Int64] = [:]
    private var commonPreset: Int64 = 1
    /// The Anki card id of each srs card.
    var cardIDs: [CardID: Int64] = [:]
    /// Notes a second card can join (a basic card's reverse, a cloze note's other numbers), by
    /// their key and deck, with the templates their cards already use.
    private var openNotes: [String: (note: Int, ords: Set<Int>)] = [:]
    /// The guids the notes so far have: a guid is given to one note only.
    private var guids: Set<String> = []
    /// Deck ids by the lower-cased path.
    private var deckIDs: [[String]: Int64] = [["default"]: 1]

    init(days: AnkiDays, firstDay: Int, now: EpochSeconds, base: Int64) {
        self.days = days
        self.firstDay = firstDay
        self.now = now
        self.base = base
    }

    mutating func add(_ items: [AnkiExport.Item]) {
        for item in items {
            let deck = deckID(AnkiDeckName.path(of: item.deck))
            let (type, fields, ord, joinKey) = Self.note(for: item.card)
            // A card imported from Anki joins the other cards of its Anki note (in any deck, as in Anki).
            let noteKey = item.card.ankiGuid.map { "g\u{1F}" + $0 } ?? joinKey.map { $0 + "\u{1F}\(deck)" }
            let noteIndex: Int
            if let noteKey, let open = openNotes[noteKey], !open.ords.contains(ord), notes[open.note].notetype == type.id {
                noteIndex = open.note
                openNotes[noteKey]?.ords.insert(ord)
            } else {
                noteIndex = notes.count
                // The Anki note's own guid, so that Anki updates that note; a second note made from
                // the same Anki note (a custom note type's other template) gets a guid of its own.
                var guid = item.card.ankiGuid ?? ""
                if guid.isEmpty || !guids.insert(guid).inserted { guid = "srs:" + item.card.id.rawValue }
                notes.append(AnkiNote(id: base + Int64(notes.count), guid: guid,
                                      notetype: type.id, fields: fields, tags: item.card.tags))
                if let noteKey { openNotes[noteKey] = (noteIndex, [ord]) }
            }
            let id = base + Int64(cards.count)
            cardIDs[item.card.id] = id
            cards.append(card(id: id, note: notes[noteIndex].id, ord: ord, deck: deck, progress: item.progress))
        }
    }

    /// The presets `options` and `deckOptions` make for the srs decks `decks`.
    mutating func presets(_ options: AnkiExport.Options?, _ deckOptions: [String: AnkiExport.Options], decks: [String]) {
        guard let options else { return }
        commonPreset = base
        presets.append(AnkiExport.preset(options, id: base, name: "srs"))
        var seen: Set<String> = []
        for deck in decks where seen.insert(deck.lowercased()).inserted {
            guard let own = deckOptions.first(where: { $0.key.lowercased() == deck.lowercased() })?.value, own != options else { continue }
            let id = base + Int64(presets.count)
            presets.append(AnkiExport.preset(own, id: id, name: "srs: " + AnkiDeckName.path(of: deck).joined(separator: "::")))
            presetOfDeck[deck.lowercased()] = id
        }
    }

    /// A basic card without its reverse is a note of Anki's plain Basic type.
    mutating func useBasicForLoneFronts() {
        let ords = Dictionary(grouping: cards, by: \.note).mapValues { $0.map(\.ord) }
        for index in notes.indices where notes[index].notetype == ExportNotetypes.basicAndReversed.id && ords[notes[index].id] == [0] {
            notes[index].notetype = ExportNotetypes.basic.id
        }
        usedNotetypes = Set(notes.map(\.notetype))
    }

    /// The note type, the fields, the card's template (or cloze) index and, for cards that share
    /// a note in Anki, the key of that note.
    static func note(for card: Card) -> (AnkiNotetype, [String], Int, String?) {
        let question = AnkiExport.field(card.question)
        let explanation = AnkiExport.field(card.explanation)
        func withExplanation(_ back: String) -> String {
            explanation.isEmpty ? AnkiExport.field(back) : AnkiExport.field(back) + "<br><br>" + explanation
        }
        switch card.kind {
        case .basic(let back):
            return (ExportNotetypes.basicAndReversed, [question, withExplanation(back)], 0, "b\u{1F}" + card.question + "\u{1F}" + back)
        case .reverse(let back):
            return (ExportNotetypes.basicAndReversed, [question, withExplanation(back)], 1, "b\u{1F}" + card.question + "\u{1F}" + back)
        case .cloze(let number):
            return (ExportNotetypes.cloze, [question, explanation], max(number - 1, 0), "c\u{1F}" + card.question)
        case .typeIn(let answer):
            return (ExportNotetypes.typeIn, [question, withExplanation(answer)], 0, nil)
        case let .multipleChoice(options, key):
            let letters = options.indices.map { Character(UnicodeScalar(UInt8(65 + min($0, 25)))) }
            let listed = zip(letters, options).map { "\($0). " + AnkiExport.field($1) }.joined(separator: "<br>")
            let answer = key.map { options.indices.contains($0.index) ? "\($0.letter). " + AnkiExport.field(options[$0.index]) : "\($0.letter)" }
                ?? "No key recorded: grade yourself."
            return (ExportNotetypes.multipleChoice, [question, listed, answer, explanation], 0, nil)
        case .trueFalse(let answer):
            return (ExportNotetypes.trueFalse, [question, answer ? "True" : "False", explanation], 0, nil)
        case .shortAnswer(let model):
            return (ExportNotetypes.shortAnswer, [question, AnkiExport.field(model), explanation], 0, nil)
        }
    }

    /// The Anki deck id of `path`, adding it and its parents.
    mutating func deckID(_ path: [String]) -> Int64 {
        let key = path.map { $0.lowercased() }
        if let found = deckIDs[key] { return found }
        if path.count > 1 { _ = deckID(Array(path.dropLast())) }
        let id = base + Int64(decks.count)
        let preset = presetOfDeck[AnkiDeckName.name(of: path).lowercased()] ?? commonPreset
        decks.append(AnkiDeck(id: id, path: path, config: preset, filtered: false))
        deckIDs[key] = id
        return id
    }
}
