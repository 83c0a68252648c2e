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

    /// The whole `--json` document for `files`, ending with a newline.
    public static func text(_ files: [File]) -> String {
        var out = "{\"version\": \(version), \"files\": ["
        for (index, file) in files.enumerated() {
            out += index == 0 ? "\n  " : ",\n  "
            out += "{\"path\": \(JSONText.quoted(file.path)), \"deck\": \(JSONText.quoted(file.deck)), \"items\": ["
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
        var fields: [(String, JSONText)] = [("id", .string(id.rawValue)), ("type", .string(item.kind.typeName)),
                                            ("line", .int(item.line)), ("question", .string(item.question))]
        switch item.kind {
        case .multipleChoice(let options, let key):
            fields.append(("options", .array(options.map(JSONText.string))))
            fields.append(("key", key.map { .string(String($0.letter)) } ?? .null))
            switch kept == nil ? key?.source : nil {
            case nil where kept != nil:
                fields.append(("key_source", .string("kept")))
                fields.append(("key_kept_from", .object([("deck", .string(kept?.deck ?? "")), ("shipped", .bool(kept?.shipped ?? false))])))
            case nil: fields.append(("key_source", .string("none")))
            case .written?: fields.append(("key_source", .string("written")))
            case .stated?: fields.append(("key_source", .string("stated")))
            case .corrected?: fields.append(("key_source", .string("corrected")))
            case .inferred(let confidence)?:
                fields.append(("key_source", .string("inferred")))
                fields.append(("key_confidence", .double(confidence)))
            }
        case .trueFalse(let answer): fields.append(("answer", .bool(answer)))
        case .shortAnswer(let model): fields.append(("model_answer", .string(model)))
        case .basic(let back), .reverse(let back), .typeIn(let back): fields.append(("answer", .string(back)))
        case .cloze(let number): fields.append(("cloze", .int(number)))
        }
        fields.append(("explanation", .string(item.explanation)))
        if let elsewhere {
            fields.append(("also_in", .object([("deck", .string(elsewhere.deck)), ("card", .string(elsewhere.card.rawValue))])))
        }
        return JSONText.object(fields).rendered(indent: nil)
    }

    /// A JSON string literal: `JSONText.quoted`, under the name `srs schedule` uses.
    public static func quoted(_ text: String) -> String { JSONText.quoted(text) }
}
