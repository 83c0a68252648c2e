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
    public var guid: String
    public var notetype: Int64
    public var fields: [String]
    public var tags: [String]
}

/// A card: which template of which note, where it lives, and its scheduling state as Anki holds it.
public struct AnkiCard: Equatable, Sendable {
    public var id: Int64
    public var note: Int64
    /// The template index, or the cloze number minus one.
    public var ord: Int
    public var deck: Int64
    /// 0 new, 1 learning, 2 review, 3 relearning.
    public var type: Int
    /// 0 new, 1 learning, 2 review, 3 day-learning, 4 preview, -1 suspended, -2 buried by the
    /// scheduler, -3 buried by the user.
    public var queue: Int
    /// New: position; learning (queue 1): epoch seconds; review and day-learning: day number from `creation`.
    public var due: Int64
    /// Days (review cards).
    public var interval: Int
    /// Ease in permille (2500 = 250%).
    public var factor: Int
    public var reps: Int
    public var lapses: Int
    /// Learning steps left (today's count × 1000 + remaining, as Anki encodes it).
    public var left: Int
    /// The original due and deck of a card in a filtered deck (0 when not filtered).
    public var originalDue: Int64
    public var originalDeck: Int64
    public var data: AnkiCardData
}

/// The JSON of `cards.data`: FSRS memory state and a few bookkeeping values.
public struct AnkiCardData: Equatable, Sendable {
    /// FSRS stability (days) and difficulty (1–10), when FSRS has seen the card.
    public var stability: Double?
    public var difficulty: Double?
    /// Desired retention and decay recorded with the memory state.
    public var desiredRetention: Double?
    public var decay: Double?
    /// The last review time, epoch seconds.
    public var lastReview: Int64?
    /// The original new-card position.
    public var position: Int64?
    public init() {}
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
