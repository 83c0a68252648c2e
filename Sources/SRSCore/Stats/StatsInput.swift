/// A deck's name and its cards, in deck order.
public struct DeckCards: Equatable, Sendable {
    public var name: String
    public var cards: [CardID]

    public init(name: String, cards: [CardID]) {
        self.name = name
        self.cards = cards
    }
}

/// Everything `StatsReport.compute` reads. Time is an argument: nothing reads the clock.
public struct StatsInput: Sendable {
    /// The decks the user can study; cards with progress but in no deck are counted too.
    public var decks: [DeckCards]
    public var progress: [CardID: CardProgress]
    public var history: ReviewHistory
    public var clock: DayClock
    public var now: EpochSeconds
    /// Days of the per-day history (`--days`).
    public var historyDays: Int
    /// Limit every figure to the deck at this index of `decks` (`--deck`).
    public var onlyDeck: Int?

    public static let defaultHistoryDays = 30
    /// `--days` accepts 1 through this (ten years).
    public static let maximumHistoryDays = 3650

    public init(decks: [DeckCards], progress: [CardID: CardProgress], history: ReviewHistory,
                clock: DayClock, now: EpochSeconds, historyDays: Int = StatsInput.defaultHistoryDays,
                onlyDeck: Int? = nil) {
        self.decks = decks
        self.progress = progress
        self.history = history
        self.clock = clock
        self.now = now
        self.historyDays = min(max(historyDays, 1), Self.maximumHistoryDays)
        self.onlyDeck = onlyDeck
    }
}

/// Which deck each card belongs to: deck numbers index `decks`; `other` is the cards in no deck.
/// A card listed in several decks belongs to the first.
///
/// Built for a collection's worth of lookups (some 300,000 for 100,000 cards): `String` hashing
/// and `Dictionary`'s separate arrays cost several cache misses a lookup. Here each id's 64-bit
/// hash picks a slot in one array of 8-byte words, each holding 40 bits of the hash and the
/// deck, so a lookup reads one cache line. Inserting compares the ids themselves when two share
/// those 40 bits, and if two different ids ever do, every lookup compares ids from then on.
/// Otherwise a lookup of an id in no deck could only match by chance (under 1 in 10^11).
struct DeckMembership {
    private var slots: [UInt64]
    /// The id in each used slot, for the comparisons above.
    private var slotIDs: [CardID]
    private let mask: Int
    private var tagsCollide = false
    /// Distinct cards per deck number (the last, `other`, is 0).
    private(set) var cardCounts: [Int] = []
    var other: Int32 { Int32(cardCounts.count - 1) }

    private static let payloadBits: UInt64 = 24
    private static let payloadMask: UInt64 = (1 << payloadBits) - 1

    init(_ decks: [DeckCards]) {
        let total = decks.reduce(0) { $0 + $1.cards.count }
        var capacity = 16
        while capacity * 3 < total * 4 { capacity *= 2 }  // load at most 3/4
        slots = Array(repeating: 0, count: capacity)
        slotIDs = Array(repeating: CardID(""), count: capacity)
        mask = capacity - 1
        cardCounts = Array(repeating: 0, count: decks.count + 1)
        for (number, deck) in decks.enumerated() where UInt64(number) < Self.payloadMask - 1 {
            for id in deck.cards where insert(id, deck: number) { cardCounts[number] += 1 }
        }
    }

    /// Adds `id` to `deck`; false when it is already in a deck.
    private mutating func insert(_ id: CardID, deck: Int) -> Bool {
        let (tag, start) = Self.tagAndSlot(id, mask: mask)
        var i = start
        while slots[i] != 0 {
            if slots[i] >> Self.payloadBits == tag {
                if slotIDs[i] == id { return false }
                tagsCollide = true
            }
            i = (i + 1) & mask
        }
        slots[i] = tag << Self.payloadBits | UInt64(deck + 1)
        slotIDs[i] = id
        return true
    }

    func deck(of id: CardID) -> Int32 {
        let (tag, start) = Self.tagAndSlot(id, mask: mask)
        var i = start
        while slots[i] != 0 {
            if slots[i] >> Self.payloadBits == tag, !tagsCollide || slotIDs[i] == id {
                return Int32(slots[i] & Self.payloadMask) - 1
            }
            i = (i + 1) & mask
        }
        return other
    }

    /// 40 bits of the id's hash (never 0) and its first slot.
    private static func tagAndSlot(_ id: CardID, mask: Int) -> (UInt64, Int) {
        let hash = Self.hash(id)
        return ((hash >> payloadBits) | 1, Int(truncatingIfNeeded: hash) & mask)
    }

    /// FNV-1a over the id's UTF-8 bytes, then a final mix (MurmurHash3's) to spread the bits.
    static func hash(_ id: CardID) -> UInt64 {
        var id = id.rawValue
        var h: UInt64 = id.withUTF8 { bytes in
            var h: UInt64 = 0xCBF2_9CE4_8422_2325
            for byte in bytes { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            return h
        }
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        return h ^ (h >> 33)
    }
}
