/// An Anki collection as read from a package: everything srs needs to rebuild the cards, their
/// scheduling state and their history. Ids are Anki's own (milliseconds since the epoch at creation).
public struct AnkiCollection: Equatable, Sendable {
    /// SQLite schema version (`col.ver`): 11 for legacy packages, 18 for current ones.
    public var schema: Int
    /// Creation time (`col.crt`), seconds since the epoch: review due days count from its day.
    public var creation: Int64
    /// The collection's rollover hour (`rollover`), when it was set.
    public var rollover: Int?
    /// Minutes west of UTC of the zone the collection was created in (`creationOffset`), when set.
    public var creationOffset: Int?
    /// Whether FSRS schedules the collection (`fsrs`).
    public var fsrs: Bool
    public var notetypes: [AnkiNotetype]
    public var notes: [AnkiNote]
    public var cards: [AnkiCard]
    public var decks: [AnkiDeck]
    public var deckConfigs: [AnkiDeckConfig]
    /// The review log, oldest first.
    public var revlog: [AnkiReview]
}

/// A note type: its fields and card templates.
public struct AnkiNotetype: Equatable, Sendable {
    /// Normal (one card per template) or cloze (one card per cloze number).
    public enum Kind: Int, Sendable { case normal = 0, cloze = 1 }
    public var id: Int64
    public var name: String
    public var kind: Kind
    public var fields: [String]
    public var templates: [AnkiTemplate]
    public var css: String
}

/// A card template: question and answer formats (`qfmt`, `afmt`).
public struct AnkiTemplate: Equatable, Sendable {
    public var name: String
    public var question: String
    public var answer: String
    public init(name: String, question: String, answer: String) {
        self.name = name
        self.question = question
        self.answer = answer
    }
}

/// A note: its identity across collections (`guid`), field values and tags.
public struct AnkiNote: Equatable, Sendable {
    public var id: Int64
    public var notetype: Int64
    public var tags: [String]
    /// The notes of a collection read from a package keep their guid and fields as Anki stores
    /// them in one buffer they share (`NoteTexts`), made into strings on each read: one
    /// allocation for 100,000 notes instead of one per field, given back whole once the cards
    /// are converted (`AnkiPackage.releaseNoteTexts`).
    private var text: NoteText

    public var guid: String {
        get { text.guid }
        set { text = .own(guid: newValue, fields: text.fields) }
    }

    public var fields: [String] {
        get { text.fields }
        set { text = .own(guid: text.guid, fields: newValue) }
    }

    public init(id: Int64, guid: String, notetype: Int64, fields: [String], tags: [String]) {
        (self.id, self.notetype, self.tags) = (id, notetype, tags)
        text = .own(guid: guid, fields: fields)
    }

    /// A note whose guid is `texts` bytes `start..<fieldsStart`, its fields (joined by U+001F)
    /// those up to `end`.
    init(id: Int64, notetype: Int64, tags: [String], texts: NoteTexts, start: Int, fieldsStart: Int, end: Int) {
        (self.id, self.notetype, self.tags) = (id, notetype, tags)
        text = .shared(texts, start: start, fieldsStart: fieldsStart, end: end)
    }

    /// Empties the guid and fields (the id, note type and tags stay).
    mutating func releaseTexts() { text = .own(guid: "", fields: []) }

    public static func == (a: AnkiNote, b: AnkiNote) -> Bool {
        a.id == b.id && a.notetype == b.notetype && a.tags == b.tags && a.guid == b.guid && a.fields == b.fields
    }

    private enum NoteText: Sendable {
        case own(guid: String, fields: [String])
        case shared(NoteTexts, start: Int, fieldsStart: Int, end: Int)

        var guid: String {
            switch self {
            case .own(let guid, _): return guid
            case let .shared(texts, start, fieldsStart, _): return texts.string(start..<fieldsStart)
            }
        }

        var fields: [String] {
            switch self {
            case .own(_, let fields): return fields
            case let .shared(texts, _, fieldsStart, end): return texts.fields(fieldsStart..<end)
            }
        }
    }
}

/// The guids and field texts of a collection's notes, one after the other in one buffer.
final class NoteTexts: Sendable {
    let bytes: [UInt8]

    init(_ bytes: consuming [UInt8]) { self.bytes = bytes }

    func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

    /// The fields of bytes `range`, split at U+001F byte by byte (Anki's separator; a
    /// grapheme-wise split costs seconds on a large collection and would miss a separator a
    /// combining mark follows).
    func fields(_ range: Range<Int>) -> [String] {
        bytes[range].split(separator: 0x1F, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    }
}

/// A card: which template of which note, where it lives, and its scheduling state as Anki holds it.
/// The small numbers are kept in 32 bits (Anki's own column widths are 32 bits or less), so that
/// 100,000 cards take 13 MB rather than 21.
public struct AnkiCard: Equatable, Sendable {
    public var id: Int64
    public var note: Int64
    public var deck: Int64
    /// New: position; learning (queue 1): epoch seconds; review and day-learning: day number from `creation`.
    public var due: Int64
    /// The original due and deck of a card in a filtered deck (0 when not filtered).
    public var originalDue: Int64
    public var originalDeck: Int64
    public var data: AnkiCardData
    private var stored: (ord: Int32, type: Int32, queue: Int32, interval: Int32, factor: Int32, reps: Int32, lapses: Int32, left: Int32)

    public init(id: Int64, note: Int64, ord: Int, deck: Int64, type: Int, queue: Int, due: Int64, interval: Int, factor: Int,
                reps: Int, lapses: Int, left: Int, originalDue: Int64, originalDeck: Int64, data: AnkiCardData) {
        (self.id, self.note, self.deck, self.due, self.originalDue, self.originalDeck, self.data) = (id, note, deck, due, originalDue, originalDeck, data)
        stored = (Int32(clamping: ord), Int32(clamping: type), Int32(clamping: queue), Int32(clamping: interval),
                  Int32(clamping: factor), Int32(clamping: reps), Int32(clamping: lapses), Int32(clamping: left))
    }

    /// The deck the card belongs to: the deck it came from when it is in a filtered deck (and
    /// `decks` still has that deck), else the deck it is in.
    public func homeDeck<Value>(among decks: [Int64: Value]) -> Int64 {
        originalDeck != 0 && decks[originalDeck] != nil ? originalDeck : deck
    }

    public static func == (a: AnkiCard, b: AnkiCard) -> Bool {
        (a.id, a.note, a.deck, a.due, a.originalDue, a.originalDeck) == (b.id, b.note, b.deck, b.due, b.originalDue, b.originalDeck)
            && a.data == b.data && (a.ord, a.type, a.queue, a.interval) == (b.ord, b.type, b.queue, b.interval)
            && (a.factor, a.reps, a.lapses, a.left) == (b.factor, b.reps, b.lapses, b.left)
    }

    /// The template index, or the cloze number minus one.
    public var ord: Int { get { Int(stored.ord) } set { stored.ord = Int32(clamping: newValue) } }
    /// 0 new, 1 learning, 2 review, 3 relearning.
    public var type: Int { get { Int(stored.type) } set { stored.type = Int32(clamping: newValue) } }
    /// 0 new, 1 learning, 2 review, 3 day-learning, 4 preview, -1 suspended, -2 buried by the
    /// scheduler, -3 buried by the user.
    public var queue: Int { get { Int(stored.queue) } set { stored.queue = Int32(clamping: newValue) } }
    /// Days (review cards).
    public var interval: Int { get { Int(stored.interval) } set { stored.interval = Int32(clamping: newValue) } }
    /// Ease in permille (2500 = 250%).
    public var factor: Int { get { Int(stored.factor) } set { stored.factor = Int32(clamping: newValue) } }
    public var reps: Int { get { Int(stored.reps) } set { stored.reps = Int32(clamping: newValue) } }
    public var lapses: Int { get { Int(stored.lapses) } set { stored.lapses = Int32(clamping: newValue) } }
    /// Learning steps left (today's count × 1000 + remaining, as Anki encodes it).
    public var left: Int { get { Int(stored.left) } set { stored.left = Int32(clamping: newValue) } }
}

/// The JSON of `cards.data`: FSRS memory state and a few bookkeeping values. Kept in 49 bytes
/// rather than 96 (six optionals): the values, and which of them are set.
public struct AnkiCardData: Equatable, Sendable {
    private var doubles: (Double, Double, Double, Double) = (0, 0, 0, 0)
    private var ints: (Int64, Int64) = (0, 0)
    private var present: UInt8 = 0

    public init() {}

    /// FSRS stability (days) and difficulty (1–10), when FSRS has seen the card.
    public var stability: Double? { get { double(0) } set { setDouble(0, newValue) } }
    public var difficulty: Double? { get { double(1) } set { setDouble(1, newValue) } }
    /// Desired retention and decay recorded with the memory state.
    public var desiredRetention: Double? { get { double(2) } set { setDouble(2, newValue) } }
    public var decay: Double? { get { double(3) } set { setDouble(3, newValue) } }
    /// The last review time, epoch seconds.
    public var lastReview: Int64? { get { int(0) } set { setInt(0, newValue) } }
    /// The original new-card position.
    public var position: Int64? { get { int(1) } set { setInt(1, newValue) } }

    public static func == (a: AnkiCardData, b: AnkiCardData) -> Bool {
        (a.stability, a.difficulty, a.desiredRetention, a.decay) == (b.stability, b.difficulty, b.desiredRetention, b.decay)
            && (a.lastReview, a.position) == (b.lastReview, b.position)
    }

    private func isSet(_ bit: Int) -> Bool { present & (1 << bit) != 0 }
    private mutating func mark(_ bit: Int, _ set: Bool) { present = set ? present | (1 << bit) : present & ~(1 << bit) }

    private func double(_ index: Int) -> Double? {
        guard isSet(index) else { return nil }
        switch index {
        case 0: return doubles.0
        case 1: return doubles.1
        case 2: return doubles.2
        default: return doubles.3
        }
    }

    private mutating func setDouble(_ index: Int, _ value: Double?) {
        mark(index, value != nil)
        let v = value ?? 0
        switch index {
        case 0: doubles.0 = v
        case 1: doubles.1 = v
        case 2: doubles.2 = v
        default: doubles.3 = v
        }
    }

    private func int(_ index: Int) -> Int64? {
        guard isSet(4 + index) else { return nil }
        return index == 0 ? ints.0 : ints.1
    }

    private mutating func setInt(_ index: Int, _ value: Int64?) {
        mark(4 + index, value != nil)
        if index == 0 { ints.0 = value ?? 0 } else { ints.1 = value ?? 0 }
    }
}

/// A deck with its full name (`Parent::Child`).
public struct AnkiDeck: Equatable, Sendable {
    public var id: Int64
    /// The path from the top deck down, e.g. `["Languages", "French"]`.
    public var path: [String]
    /// The deck options it uses (0 for a filtered deck).
    public var config: Int64
    public var filtered: Bool
    /// `Parent::Child`, as Anki shows it.
    public var name: String { path.joined(separator: "::") }
}

/// Deck options: the SM-2 and FSRS parameters of the decks that use them.
public struct AnkiDeckConfig: Equatable, Sendable {
    public var id: Int64
    public var name: String
    /// Minutes.
    public var learnSteps: [Double]
    public var relearnSteps: [Double]
    public var newPerDay: Int
    public var reviewsPerDay: Int
    /// Permille (2500).
    public var initialEase: Int
    public var easyBonus: Double
    public var hardMultiplier: Double
    /// The factor a lapse multiplies the interval by (`lapse.mult`; 0 = restart at the minimum).
    public var lapseMultiplier: Double
    public var intervalModifier: Double
    public var maximumInterval: Int
    public var minimumLapseInterval: Int
    public var graduatingInterval: Int
    public var easyInterval: Int
    public var leechThreshold: Int
    /// 0 suspend, 1 tag only.
    public var leechAction: Int
    public var desiredRetention: Double
    /// The newest FSRS parameters present (FSRS-6, else -5, else -4); empty for the defaults.
    public var fsrsParameters: [Double]
}

/// One row of the review log. Stored in 40 bytes (Anki's own column widths: `ivl`, `lastIvl`,
/// `factor` and `time` are 32-bit, `ease` and `type` 8-bit), since a heavy collection holds a
/// million of them.
public struct AnkiReview: Equatable, Sendable {
    /// The answer time in milliseconds since the epoch (also the row's identity).
    public var id: Int64
    public var card: Int64
    private var storedInterval: Int32, storedLastInterval: Int32, storedFactor: Int32, storedTime: Int32
    private var storedEase: Int8, storedType: Int8

    public init(id: Int64, card: Int64, ease: Int, interval: Int64, lastInterval: Int64, factor: Int, time: Int, type: Int) {
        self.id = id
        self.card = card
        storedInterval = Int32(clamping: interval)
        storedLastInterval = Int32(clamping: lastInterval)
        storedFactor = Int32(clamping: factor)
        storedTime = Int32(clamping: time)
        storedEase = Int8(clamping: ease)
        storedType = Int8(clamping: type)
    }

    /// The button 1–4, or 0 for a manual reschedule.
    public var ease: Int { Int(storedEase) }
    /// Positive: days; negative: seconds.
    public var interval: Int64 { Int64(storedInterval) }
    public var lastInterval: Int64 { Int64(storedLastInterval) }
    /// Permille (FSRS writes the difficulty here, at most 1100).
    public var factor: Int { Int(storedFactor) }
    /// Milliseconds spent.
    public var time: Int { Int(storedTime) }
    /// 0 learn, 1 review, 2 relearn, 3 filtered, 4 manual, 5 rescheduled.
    public var type: Int { Int(storedType) }
}
