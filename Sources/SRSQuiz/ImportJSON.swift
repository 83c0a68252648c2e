import SRSCore
import SRSJSON

/// The `--json` output of `srs import`, schema in `docs/quiz-format.md`:
/// `{"version": 2, "files": [{"path", "deck", "items": [...]}]}`. Version 2 says where each
/// key came from (`key_source`: written, stated, inferred, corrected, kept, none; `key_kept_from`)
/// and names another deck that has the same question (`also_in`). Written by hand so the key
/// order is fixed and 20,000 items take milliseconds.
public enum ImportJSON {
    public static let version = 2

    /// One converted file: its path, deck name, cards in file order with their items, the keys
    /// kept from the deck it replaced, and the questions other decks hold.
    public struct File: Sendable {
        public var path: String
        public var deck: String
        public var entries: [(item: QuizItem, id: CardID)]
        public var kept: [DeckMerge.KeptKey]
        public var elsewhere: [ImportSummary.Elsewhere]
        public init(path: String, deck: String, entries: [(item: QuizItem, id: CardID)],
                    kept: [DeckMerge.KeptKey] = [], elsewhere: [ImportSummary.Elsewhere] = []) {
            self.path = path
            self.deck = deck
            self.entries = entries
            self.kept = kept
            self.elsewhere = elsewhere
        }
    }

    public static func text(_ files: [File]) -> String {
        var out = "{\"version\": \(version), \"files\": ["
        for (index, file) in files.enumerated() {
            out += index == 0 ? "\n  " : ",\n  "
            out += "{\"path\": \(quoted(file.path)), \"deck\": \(quoted(file.deck)), \"items\": ["
            let kept = Dictionary(file.kept.map { ($0.position, $0) }, uniquingKeysWith: { first, _ in first })
            let elsewhere = Dictionary(file.elsewhere.map { ($0.position, $0) }, uniquingKeysWith: { first, _ in first })
            for (position, entry) in file.entries.enumerated() {
                out += position == 0 ? "\n    " : ",\n    "
                out += item(entry.item, id: entry.id, kept: kept[entry.item.position],
                            elsewhere: elsewhere[entry.item.position])
            }
            out += file.entries.isEmpty ? "]}" : "\n  ]}"
        }
        return out + (files.isEmpty ? "]}\n" : "\n]}\n")
    }

    static func item(_ item: QuizItem, id: CardID, kept: DeckMerge.KeptKey? = nil,
                     elsewhere: ImportSummary.Elsewhere? = nil) -> String {
        var fields = ["\"id\": \(quoted(id.rawValue))", "\"type\": \(quoted(item.kind.typeName))",
                      "\"line\": \(item.line)", "\"question\": \(quoted(item.question))"]
        switch item.kind {
        case .multipleChoice(let options, let key):
            fields.append("\"options\": [\(options.map(quoted).joined(separator: ", "))]")
            fields.append("\"key\": \(key.map { quoted(String($0.letter)) } ?? "null")")
            switch kept == nil ? key?.source : nil {
            case nil where kept != nil:
                fields.append("\"key_source\": \"kept\"")
                fields.append("\"key_kept_from\": {\"deck\": \(quoted(kept?.deck ?? "")), \"shipped\": \(kept?.shipped ?? false)}")
            case nil: fields.append("\"key_source\": \"none\"")
            case .written?: fields.append("\"key_source\": \"written\"")
            case .stated?: fields.append("\"key_source\": \"stated\"")
            case .corrected?: fields.append("\"key_source\": \"corrected\"")
            case .inferred(let confidence)?:
                fields.append("\"key_source\": \"inferred\"")
                fields.append("\"key_confidence\": \(confidence)")
            }
        case .trueFalse(let answer): fields.append("\"answer\": \(answer)")
        case .shortAnswer(let model): fields.append("\"model_answer\": \(quoted(model))")
        }
        fields.append("\"explanation\": \(quoted(item.explanation))")
        if let elsewhere {
            fields.append("\"also_in\": {\"deck\": \(quoted(elsewhere.deck)), \"card\": \(quoted(elsewhere.card.rawValue))}")
        }
        return "{" + fields.joined(separator: ", ") + "}"
    }

    /// A JSON string literal (`JSONText.quoted`), kept under this name for the callers that
    /// write import and schedule lines.
    public static func quoted(_ text: String) -> String { JSONText.quoted(text) }
}
