import SRSCore
/// Which deck each card belongs to: deck numbers index `decks`; `other` is the cards in no deck.
/// A card listed in several decks belongs to the first.
///
/// Built for a collection's worth of lookups (some 300,000 for 100,000 cards): `String` hashing
/// and `Dictionary`'s separate arrays cost several cache misses a lookup. Here each id's 64-bit
/// hash picks a slot in one array of 8-byte words, each holding 40 bits of the hash and where
/// the id is in the deck lists, so a lookup reads one cache line. Inserting compares the ids
/// themselves when two share those 40 bits, and if two different ids ever do, every lookup
/// compares ids from then on. Otherwise a lookup of an id in no deck could only match by
/// chance (under 1 in 10^11).
struct DeckMembership {
    private let decks: [DeckCards]
    /// Where each deck's cards start in the concatenated deck lists (one more: the end).
    private let deckStarts: [Int]
    private var slots: [UInt64]
    private let mask: Int
    private var tagsCollide = false
    private let hash: @Sendable (CardID) -> UInt64
    /// Distinct cards per deck number (the last, `other`, is 0).
    private(set) var cardCounts: [Int] = []
    var other: Int32 { Int32(cardCounts.count - 1) }

    private static let payloadBits: UInt64 = 24
    private static let payloadMask: UInt64 = (1 << payloadBits) - 1

    /// `hash` is replaceable so that tests can make every id collide.
    init(_ decks: [DeckCards], hash: @escaping @Sendable (CardID) -> UInt64 = DeckMembership.hash) {
        self.hash = hash
        var starts = [0]
        for deck in decks { starts.append((starts.last ?? 0) + deck.cards.count) }
        let total = min(starts.last ?? 0, Int(Self.payloadMask) - 1)
        var capacity = 16
        while capacity * 3 < total * 4 { capacity *= 2 }  // load at most 3/4
        self.decks = decks
        deckStarts = starts
        slots = Array(repeating: 0, count: capacity)
        mask = capacity - 1
        cardCounts = Array(repeating: 0, count: decks.count + 1)
        for (number, deck) in decks.enumerated() {
            for (offset, id) in deck.cards.enumerated() where starts[number] + offset < total {
                if insert(id, position: starts[number] + offset) { cardCounts[number] += 1 }
            }
        }
    }

    /// Adds `id`, found at `position` of the deck lists; false when it is already in a deck.
    private mutating func insert(_ id: CardID, position: Int) -> Bool {
        let (tag, start) = tagAndSlot(id)
        var i = start
        while slots[i] != 0 {
            if slots[i] >> Self.payloadBits == tag {
                if self.id(at: slots[i]) == id { return false }
                tagsCollide = true
            }
            i = (i + 1) & mask
        }
        slots[i] = tag << Self.payloadBits | UInt64(position + 1)
        return true
    }

    func deck(of id: CardID) -> Int32 {
        let (tag, start) = tagAndSlot(id)
        var i = start
        while slots[i] != 0 {
            if slots[i] >> Self.payloadBits == tag, !tagsCollide || self.id(at: slots[i]) == id {
                return Int32(deck(atPosition: Int(slots[i] & Self.payloadMask) - 1))
            }
            i = (i + 1) & mask
        }
        return other
    }

    private func id(at slot: UInt64) -> CardID {
        let position = Int(slot & Self.payloadMask) - 1
        let deck = deck(atPosition: position)
        return decks[deck].cards[position - deckStarts[deck]]
    }

    /// The deck whose cards hold `position` of the concatenated lists.
    private func deck(atPosition position: Int) -> Int {
        var low = 0, high = decks.count  // deckStarts[low] <= position < deckStarts[high]
        while high - low > 1 {
            let mid = (low + high) / 2
            if deckStarts[mid] <= position { low = mid } else { high = mid }
        }
        return low
    }

    /// 40 bits of the id's hash (never 0) and its first slot.
    private func tagAndSlot(_ id: CardID) -> (UInt64, Int) {
        let hash = hash(id)
        return ((hash >> Self.payloadBits) | 1, Int(truncatingIfNeeded: hash) & mask)
    }

    /// FNV-1a over the id's UTF-8 bytes (`CardIdentity`'s), then MurmurHash3's final mix so
    /// that the low bits, which pick the slot, depend on every byte.
    static func hash(_ id: CardID) -> UInt64 {
        var h = StableHash.fnv1a64(id.rawValue)
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        return h ^ (h >> 33)
    }
}
