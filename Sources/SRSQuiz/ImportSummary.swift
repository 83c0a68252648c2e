import SRSCore
import SRSText

/// The human-readable report `srs import` prints for one file: the items by type, the keys
/// by source (with confidence), and what was written. Pure; text is made terminal-safe.
public enum ImportSummary {
    public static func text(path: String, deck: String, items: [QuizItem], merge: DeckMerge.Report,
                            written: String?) -> String {
        var lines = ["\(path) → deck \"\(deck)\": \(typeCounts(items))"]
        if let keys = keyCounts(items) { lines.append("  keys: \(keys)") }
        for match in merge.similar {
            let percent = Int((match.similarity * 100).rounded())
            lines.append("  item \(match.position) kept card \(match.id) (question \(percent)% alike)")
        }
        let changes = "\(merge.added) new, \(merge.updated) updated, \(merge.unchanged) unchanged, \(merge.removed) removed"
        lines.append(written.map { "  wrote \($0): \(changes)" } ?? "  dry run, nothing written: \(changes)")
        return lines.map { TerminalSafe.sanitize($0) + "\n" }.joined()
    }

    static func typeCounts(_ items: [QuizItem]) -> String {
        let names = [("multiple_choice", "multiple choice"), ("true_false", "true/false"), ("short_answer", "short answer")]
        let parts = names.compactMap { type, label -> String? in
            let count = items.filter { $0.kind.typeName == type }.count
            return count == 0 ? nil : "\(count) \(label)"
        }
        let total = items.count == 1 ? "1 item" : "\(items.count) items"
        return parts.isEmpty ? total : "\(total) (\(parts.joined(separator: ", ")))"
    }

    /// `1 explicit, 2 inferred (1: B 0.71, 4: D 0.64), 1 none (5)`; nil without multiple choice.
    static func keyCounts(_ items: [QuizItem]) -> String? {
        var explicit = 0
        var inferred: [String] = []
        var none: [String] = []
        for item in items {
            guard case .multipleChoice(_, let key) = item.kind else { continue }
            switch key?.source {
            case .explicit?: explicit += 1
            case .inferred(let confidence)?:
                inferred.append("\(item.position): \(key.map { String($0.letter) } ?? "") \(confidence)")
            case nil: none.append("\(item.position)")
            }
        }
        guard explicit + inferred.count + none.count > 0 else { return nil }
        let inferredText = inferred.isEmpty ? "0 inferred" : "\(inferred.count) inferred (\(listed(inferred)))"
        let noneText = none.isEmpty ? "0 none" : "\(none.count) none, self-graded (\(listed(none)))"
        return "\(explicit) explicit, \(inferredText), \(noneText)"
    }

    /// At most 10 entries, then "…".
    private static func listed(_ entries: [String]) -> String {
        entries.count <= 10 ? entries.joined(separator: ", ") : entries.prefix(10).joined(separator: ", ") + ", …"
    }
}
