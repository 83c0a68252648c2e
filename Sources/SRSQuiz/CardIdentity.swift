import SRSCore
/// How cards get their ids, and how a re-import finds the card an item was before.
///
/// A new card's id is 12 hex digits of a 64-bit FNV-1a hash of the deck name (lower-cased), the
/// type and the normalised question, so importing the same text into the same deck name gives
/// the same ids on any machine. The id is then stored in the deck file and never recomputed: a
/// re-import matches each item to an existing card of the same type by normalised question
/// (exact), then by similar question (word overlap, Dice ≥ `minimumSimilarity`), and keeps
/// that card's id. Options, keys and explanations play no part, so fixing them keeps the id.
public enum CardIdentity {
    /// Two questions this similar (Dice coefficient of their word sets) are the same card.
    public static let minimumSimilarity = 0.6

    /// How one item found its id.
    public enum Match: Equatable, Sendable {
        case new
        case same(CardID)
        case similar(CardID, similarity: Double)
    }

    /// The question as compared: lower-case words separated by single spaces.
    public static func normalized(_ question: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(question.utf8.count)
        TextTokens.forEachWord(question) { word in
            if !bytes.isEmpty { bytes.append(0x20) }
            bytes.append(contentsOf: word)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The id for a new card; `attempt` > 0 gives the alternatives used when an id is taken.
    public static func newID(deck: String, typeName: String, question: String, attempt: Int = 0) -> CardID {
        newID(deck: deck, typeName: typeName, normalizedQuestion: normalized(question), attempt: attempt)
    }

    static func newID(deck: String, typeName: String, normalizedQuestion: String, attempt: Int) -> CardID {
        var text = deck.lowercased() + "\u{1F}" + typeName + "\u{1F}" + normalizedQuestion
        if attempt > 0 { text += "\u{1F}\(attempt)" }
        let hash = StableHash.fnv1a64(text)
        let hex = String(hash >> 16, radix: 16)
        return CardID(String(repeating: "0", count: 12 - hex.count) + hex)
    }

    /// Finds for each of `items` the existing card it continues, if any. Each existing card is
    /// matched at most once; exact matches first, then the most similar pairs first.
    public static func match(_ items: [(typeName: String, question: String)], to existing: [Card]) -> [Match] {
        match(items, normalized: items.map { normalized($0.question) }, to: existing)
    }

    /// `match` with each item's question also given normalised.
    static func match(_ items: [(typeName: String, question: String)], normalized: [String],
                      to existing: [Card]) -> [Match] {
        var matcher = CardMatcher(existing: existing)
        return matcher.match(items, normalized: normalized)
    }

    /// Ids for `items`, reusing matched ones and making new ones that avoid `taken` (ids of
    /// other decks and of this import). `taken` gains every id handed out.
    public static func assign(_ items: [(typeName: String, question: String)], matches: [Match],
                              deck: String, taken: inout Set<CardID>) -> [CardID] {
        assign(normalized: items.map { ($0.typeName, normalized($0.question)) }, matches: matches, deck: deck,
               taken: &taken)
    }

    /// `assign` for questions already normalised (an import normalises each question once).
    static func assign(normalized items: [(typeName: String, normalizedQuestion: String)], matches: [Match],
                       deck: String, taken: inout Set<CardID>) -> [CardID] {
        var ids: [CardID] = []
        // The next attempt to try per question: all lower ones are taken, since `taken` only
        // grows; so 16,000 identical items cost 16,000 hashes, not 128 million.
        var nextAttempt: [String: Int] = [:]
        for (item, match) in zip(items, matches) {
            switch match {
            case .same(let id), .similar(let id, _):
                ids.append(id)
                taken.insert(id)
            case .new:
                let question = item.normalizedQuestion
                let memo = item.typeName + "\u{1F}" + question
                var attempt = nextAttempt[memo] ?? 0
                var id = newID(deck: deck, typeName: item.typeName, normalizedQuestion: question, attempt: attempt)
                while taken.contains(id) {
                    attempt += 1
                    id = newID(deck: deck, typeName: item.typeName, normalizedQuestion: question, attempt: attempt)
                }
                nextAttempt[memo] = attempt + 1
                taken.insert(id)
                ids.append(id)
            }
        }
        return ids
    }
}
