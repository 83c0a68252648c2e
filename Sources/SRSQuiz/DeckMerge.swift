import SRSCore
/// Builds the deck an import produces from quiz items and the deck it replaces, if any.
///
/// Each item keeps the id of the existing card it matches (`CardIdentity.match`); others get
/// new ids that no other deck uses. Cards of the old deck that no item matches are dropped
/// (their progress stays stored by id). A key set by the learner (explicit) survives a
/// re-import whose item has only an inferred key or none, when the options are unchanged.
public enum DeckMerge {
    /// What a merge did, for the import report.
    public struct Report: Equatable, Sendable {
        public var added = 0
        public var updated = 0
        public var unchanged = 0
        public var removed = 0
        /// Items matched by a similar (not identical) question.
        public var similar: [SimilarMatch] = []
        public init() {}
    }

    /// Item `position` kept card `id`, whose question was `similarity` alike (Dice, 0...1).
    public struct SimilarMatch: Equatable, Sendable {
        public var position: Int
        public var id: CardID
        public var similarity: Double
    }

    /// Merges `items` into a deck named `name`. `existing` is the deck being replaced (nil on a
    /// first import); `taken` holds the ids of every other deck and gains the new ones.
    public static func merge(_ items: [QuizItem], name: String, existing: Deck?,
                             taken: inout Set<CardID>) -> (Deck, Report) {
        let old = existing?.cards ?? []
        let keys = items.map { (typeName: $0.kind.typeName, question: $0.question) }
        let matches = CardIdentity.match(keys, to: old)
        let ids = CardIdentity.assign(keys, matches: matches, deck: name, taken: &taken)
        let oldByID = Dictionary(old.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var report = Report()
        var cards: [Card] = []
        cards.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            var card = Card(id: ids[index], question: item.question, kind: item.kind, explanation: item.explanation)
            if let previous = oldByID[card.id] {
                card.kind = keepingLearnerKey(card.kind, previous: previous.kind)
                if card == previous { report.unchanged += 1 } else { report.updated += 1 }
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

    static func keepingLearnerKey(_ kind: CardKind, previous: CardKind) -> CardKind {
        guard case .multipleChoice(let options, let key) = kind, key?.source != .explicit,
              case .multipleChoice(let oldOptions, let oldKey?) = previous, oldKey.source == .explicit,
              oldOptions == options else { return kind }
        return .multipleChoice(options: options, key: oldKey)
    }
}
