import SRSCore

/// Builds the deck an import produces from quiz items and the deck it replaces, if any.
///
/// Each item keeps the id of the existing card it matches (`CardIdentity.match`); others get
/// new ids that no other deck uses. Cards of the old deck that no item matches are dropped
/// (their progress stays stored by id). A key a person set (`.corrected`: the learner's `k`,
/// an earlier `--key`, a bare `key: B` in a deck file, and the keys of the shipped decks)
/// survives a re-import whose item has no written or stated key, when the options are
/// unchanged; the report names each such key and where it was kept from.
public enum DeckMerge {
    /// What a merge did, for the import report.
    public struct Report: Equatable, Sendable {
        public var added = 0
        public var updated = 0
        public var unchanged = 0
        public var removed = 0
        /// Items matched by a similar (not identical) question.
        public var similar: [SimilarMatch] = []
        /// Items whose key was kept from the deck they replace.
        public var kept: [KeptKey] = []
        public init() {}
    }

    /// Item `position` kept card `id`, whose question was `similarity` alike (Dice, 0...1).
    public struct SimilarMatch: Equatable, Sendable {
        public var position: Int
        public var id: CardID
        public var similarity: Double
    }

    /// Item `position` kept the key `key` of the deck `deck` it replaces (`shipped`: a deck
    /// built into srs); `found` is the key this import's text gave (nil: none).
    public struct KeptKey: Equatable, Sendable {
        public var position: Int
        public var key: AnswerKey
        public var deck: String
        public var shipped: Bool
        public var found: AnswerKey?
    }

    /// The deck replaced by an import: its cards, and whether it is one of the shipped decks.
    public struct Previous: Sendable {
        public var deck: Deck
        public var shipped: Bool
        public init(deck: Deck, shipped: Bool) { self.deck = deck; self.shipped = shipped }
    }

    /// Merges `items` into a deck named `name`. `previous` is the deck being replaced (nil on a
    /// first import); `taken` holds the ids of every other deck and gains the new ones.
    /// `normalized`: the items' questions as `CardIdentity.normalized` gives them, when the
    /// caller has them already (an import normalises each question once).
    public static func merge(_ items: [QuizItem], name: String, previous: Previous?,
                             taken: inout Set<CardID>, normalized: [String]? = nil) -> (Deck, Report) {
        let old = previous?.deck.cards ?? []
        let keys = items.map { (typeName: $0.kind.typeName, question: $0.question) }
        let normalized = normalized ?? items.map { CardIdentity.normalized($0.question) }
        let matches = CardIdentity.match(keys, normalized: normalized, to: old)
        let ids = CardIdentity.assign(normalized: zip(keys, normalized).map { (typeName: $0.typeName, normalizedQuestion: $1) },
                                      matches: matches, deck: name, taken: &taken)
        let oldByID = Dictionary(old.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var report = Report()
        var cards: [Card] = []
        cards.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            var card = Card(id: ids[index], question: item.question, kind: item.kind, explanation: item.explanation)
            if let earlier = oldByID[card.id] {
                if let kept = keptKey(item, previous: earlier.kind, from: previous) {
                    card.kind = .multipleChoice(options: card.kind.optionTexts, key: kept.key)
                    report.kept.append(kept)
                }
                if card == earlier { report.unchanged += 1 } else { report.updated += 1 }
            } else {
                report.added += 1
            }
            if case .similar(let id, let similarity) = matches[index] {
                report.similar.append(SimilarMatch(position: item.position, id: id, similarity: similarity))
            }
            cards.append(card)
        }
        report.removed = old.count - (report.updated + report.unchanged)
        return (Deck(name: name, cards: cards), report)
    }

    /// The earlier card's key when a person set it, the options are the same, and this
    /// import's item has no key written or stated in its text (or given with `--key`).
    static func keptKey(_ item: QuizItem, previous: CardKind, from deck: Previous?) -> KeptKey? {
        guard case .multipleChoice(let options, let key) = item.kind, !(key?.source.isExplicit ?? false),
              case .multipleChoice(let oldOptions, let oldKey?) = previous, oldKey.source == .corrected,
              oldOptions == options, let deck else { return nil }
        return KeptKey(position: item.position, key: oldKey, deck: deck.deck.name, shipped: deck.shipped, found: key)
    }
}

extension CardKind {
    /// The options of a multiple-choice card, else none.
    var optionTexts: [String] {
        if case .multipleChoice(let options, _) = self { return options }
        return []
    }
}
