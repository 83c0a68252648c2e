import SRSCore
/// The re-import matching behind `CardIdentity.match`. Similar-question matching looks only at
/// existing cards that share a word with the item, through an index that skips words found in
/// more than `commonWordLimit` questions, so a 20,000-item re-import stays near linear.
struct CardMatcher {
    static let commonWordLimit = 64

    private let existing: [Card]
    private var available: [Bool]

    init(existing: [Card]) {
        self.existing = existing
        available = Array(repeating: true, count: existing.count)
    }

    /// Exact matches by the question as written first (cheap: most items of a re-import are
    /// unchanged), then by normalised question, then similar questions.
    mutating func match(_ items: [(typeName: String, question: String)], normalized: [String]) -> [CardIdentity.Match] {
        var matches = Array(repeating: CardIdentity.Match.new, count: items.count)
        guard !existing.isEmpty else { return matches }
        matchExactly(items, &matches, existingKey: { $0 + "\u{1F}" + $1 }) { $0 + "\u{1F}" + $1 }
        let normalizedItems = zip(items, normalized).map { (typeName: $0.typeName, question: $1) }
        matchExactly(normalizedItems, &matches, existingKey: { $0 + "\u{1F}" + CardIdentity.normalized($1) }) {
            $0 + "\u{1F}" + $1
        }
        for pair in similarPairs(items, unmatched: matches.indices.filter { matches[$0] == .new })
        where matches[pair.item] == .new && available[pair.card] {
            available[pair.card] = false
            matches[pair.item] = .similar(existing[pair.card].id, similarity: pair.similarity)
        }
        return matches
    }

    /// Matches still-new items to still-available cards with the same key: `key(type, question)`
    /// for an item, `existingKey` for a card.
    private mutating func matchExactly(_ items: [(typeName: String, question: String)],
                                       _ matches: inout [CardIdentity.Match],
                                       existingKey: (String, String) -> String,
                                       key: (String, String) -> String) {
        let unmatched = matches.indices.filter { matches[$0] == .new }
        guard !unmatched.isEmpty, available.contains(true) else { return }
        var cards: [String: [Int]] = [:]
        for index in existing.indices where available[index] {
            cards[existingKey(existing[index].kind.typeName, existing[index].question), default: []].append(index)
        }
        // Cards of one key are taken in order: a cursor per key keeps repeated questions linear.
        var next: [String: Int] = [:]
        for position in unmatched {
            let itemKey = key(items[position].typeName, items[position].question)
            guard let candidates = cards[itemKey], let cursor = Optional(next[itemKey, default: 0]),
                  cursor < candidates.count else { continue }
            let found = candidates[cursor]
            next[itemKey] = cursor + 1
            available[found] = false
            matches[position] = .same(existing[found].id)
        }
    }

    private struct Pair { let item: Int; let card: Int; let similarity: Double }

    /// Candidate pairs above the threshold, most similar first (ties by file order).
    private func similarPairs(_ items: [(typeName: String, question: String)], unmatched: [Int]) -> [Pair] {
        guard !unmatched.isEmpty, available.contains(true) else { return [] }
        var existingWords: [Int: Set<String>] = [:]
        for card in existing.indices where available[card] { existingWords[card] = Set(TextTokens.words(existing[card].question)) }
        let index = wordIndex(existingWords)
        var pairs: [Pair] = []
        for item in unmatched {
            let words = Set(TextTokens.words(items[item].question))
            var candidates = Set<Int>()
            for word in words { candidates.formUnion(index[word] ?? []) }
            for card in candidates where existing[card].kind.typeName == items[item].typeName {
                let similarity = Self.dice(words, existingWords[card] ?? [])
                if similarity >= CardIdentity.minimumSimilarity {
                    pairs.append(Pair(item: item, card: card, similarity: similarity))
                }
            }
        }
        return pairs.sorted {
            ($0.similarity, -$0.item, -$0.card) > ($1.similarity, -$1.item, -$1.card)
        }
    }

    /// Word → still-unmatched existing cards whose question has it; common words left out.
    private func wordIndex(_ existingWords: [Int: Set<String>]) -> [String: [Int]] {
        var index: [String: [Int]] = [:]
        for (card, words) in existingWords {
            for word in words { index[word, default: []].append(card) }
        }
        return index.filter { $0.value.count <= Self.commonWordLimit }
    }

    static func dice(_ a: Set<String>, _ b: Set<String>) -> Double {
        guard !a.isEmpty || !b.isEmpty else { return 1 }
        return 2 * Double(a.intersection(b).count) / Double(a.count + b.count)
    }
}
