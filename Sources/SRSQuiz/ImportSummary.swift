import SRSCore
import SRSText

/// The human-readable report `srs import` prints for one file: the items by type, each key by
/// where it came from (written, stated, inferred with confidence, corrected, kept, none), the
/// questions other decks already hold, and what was written. Pure; text is made terminal-safe.
public enum ImportSummary {
    /// Item `position`'s question is already card `card` of deck `deck`.
    public struct Elsewhere: Equatable, Sendable {
        public var position: Int
        public var deck: String
        public var card: CardID
        public init(position: Int, deck: String, card: CardID) {
            self.position = position
            self.deck = deck
            self.card = card
        }
    }

    /// The report of one imported file: its line, the `keys:` line, kept keys this file
    /// contradicts, questions other decks hold, similar-question matches, and what was written
    /// (`written` nil: a dry run). Every line ends with a newline.
    public static func text(path: String, deck: String, items: [QuizItem], merge: DeckMerge.Report,
                            elsewhere: [Elsewhere] = [], written: String?) -> String {
        var lines = ["\(path) → deck \"\(deck)\": \(typeCounts(items))"]
        if let keys = keyCounts(items, kept: merge.kept) { lines.append("  keys: \(keys)") }
        lines += merge.kept.compactMap(disagreement)
        if !elsewhere.isEmpty { lines.append("  " + elsewhereText(elsewhere)) }
        for match in merge.similar {
            let percent = Int((match.similarity * 100).rounded())
            lines.append("  item \(match.position) kept card \(match.id) (question \(percent)% alike)")
        }
        let changes = "\(merge.added) new, \(merge.updated) updated, \(merge.unchanged) unchanged, \(merge.removed) removed"
        lines.append(written.map { "  wrote \($0): \(changes)" } ?? "  dry run, nothing written: \(changes)")
        return lines.map { TerminalSafe.sanitize($0) + "\n" }.joined()
    }

    static func typeCounts(_ items: [QuizItem]) -> String {
        var counts: [String: Int] = [:]
        for item in items { counts[item.kind.typeName, default: 0] += 1 }
        let names = [("multiple_choice", "multiple choice"), ("true_false", "true/false"), ("short_answer", "short answer")]
        let parts = names.compactMap { type, label in counts[type].map { "\($0) \(label)" } }
        let total = items.count == 1 ? "1 item" : "\(items.count) items"
        return parts.isEmpty ? total : "\(total) (\(parts.joined(separator: ", ")))"
    }

    /// `2 written (1, 3), 1 stated (4: C), 1 inferred (5: B 0.71), 0 corrected, 1 kept (6: A
    /// from shipped deck "x"), 1 none, self-graded (7)`; nil without multiple choice.
    static func keyCounts(_ items: [QuizItem], kept: [DeckMerge.KeptKey]) -> String? {
        let keptAt = Dictionary(kept.map { ($0.position, $0) }, uniquingKeysWith: { first, _ in first })
        var groups: [String: [String]] = [:]
        var any = false
        for item in items {
            guard case .multipleChoice(_, let key) = item.kind else { continue }
            any = true
            let (group, entry) = describe(item.position, key, keptAt[item.position])
            groups[group, default: []].append(entry)
        }
        guard any else { return nil }
        return ["written", "stated", "inferred", "corrected", "kept", "none, self-graded"].map { group in
            let entries = groups[group] ?? []
            let count = group == "none, self-graded" && entries.isEmpty ? "0 none" : "\(entries.count) \(group)"
            return entries.isEmpty ? count : "\(count) (\(listed(entries)))"
        }.joined(separator: ", ")
    }

    private static func describe(_ position: Int, _ key: AnswerKey?, _ kept: DeckMerge.KeptKey?) -> (String, String) {
        guard let key else { return ("none, self-graded", "\(position)") }
        if let kept {
            return ("kept", "\(position): \(key.letter) from \(kept.shipped ? "shipped" : "imported") deck \"\(kept.deck)\"")
        }
        switch key.source {
        case .written: return ("written", "\(position)")
        case .stated: return ("stated", "\(position): \(key.letter)")
        case .inferred(let confidence): return ("inferred", "\(position): \(key.letter) \(confidence)")
        case .corrected: return ("corrected", "\(position): \(key.letter)")
        }
    }

    /// A kept key that this import's text contradicts: the learner should look.
    static func disagreement(_ kept: DeckMerge.KeptKey) -> String? {
        guard let found = kept.found, found.index != kept.key.index else { return nil }
        return "  item \(kept.position): kept key \(kept.key.letter); this file suggests \(found.letter) "
            + "(check it, then set it with --key \(kept.position)=X or `k` in review)"
    }

    static func elsewhereText(_ entries: [Elsewhere]) -> String {
        let listedEntries = entries.map { "item \($0.position) in deck \"\($0.deck)\" as card \($0.card)" }
        let count = entries.count == 1 ? "1 question is" : "\(entries.count) questions are"
        return "\(count) already in other decks: \(listed(listedEntries))"
    }

    /// At most 10 entries, then "…".
    private static func listed(_ entries: [String]) -> String {
        entries.count <= 10 ? entries.joined(separator: ", ") : entries.prefix(10).joined(separator: ", ") + ", …"
    }
}
