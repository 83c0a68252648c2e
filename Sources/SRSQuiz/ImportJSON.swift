import SRSCore
import SRSJSON

/// The `--json` output of `srs import`, schema in `docs/quiz-format.md`:
/// `{"version": 1, "files": [{"path", "deck", "items": [...]}]}`. Written by hand so the key
/// order is fixed and 20,000 items take milliseconds.
public enum ImportJSON {
    public static let version = 1

    /// One converted file: its path, deck name, and cards in file order with their items.
    public struct File: Sendable {
        public var path: String
        public var deck: String
        public var entries: [(item: QuizItem, id: CardID)]
        public init(path: String, deck: String, entries: [(item: QuizItem, id: CardID)]) {
            self.path = path
            self.deck = deck
            self.entries = entries
        }
    }

    public static func text(_ files: [File]) -> String {
        var out = "{\"version\": \(version), \"files\": ["
        for (index, file) in files.enumerated() {
            out += index == 0 ? "\n  " : ",\n  "
            out += "{\"path\": \(JSONText.quoted(file.path)), \"deck\": \(JSONText.quoted(file.deck)), \"items\": ["
            for (position, entry) in file.entries.enumerated() {
                out += position == 0 ? "\n    " : ",\n    "
                out += item(entry.item, id: entry.id)
            }
            out += file.entries.isEmpty ? "]}" : "\n  ]}"
        }
        return out + (files.isEmpty ? "]}\n" : "\n]}\n")
    }

    static func item(_ item: QuizItem, id: CardID) -> String {
        var fields: [(String, JSONText)] = [("id", .string(id.rawValue)), ("type", .string(item.kind.typeName)),
                                            ("line", .int(item.line)), ("question", .string(item.question))]
        switch item.kind {
        case .multipleChoice(let options, let key):
            fields.append(("options", .array(options.map(JSONText.string))))
            fields.append(("key", key.map { .string(String($0.letter)) } ?? .null))
            switch key?.source {
            case nil: fields.append(("key_source", .string("none")))
            case .explicit?: fields.append(("key_source", .string("explicit")))
            case .inferred(let confidence)?:
                fields.append(("key_source", .string("inferred")))
                fields.append(("key_confidence", .double(confidence)))
            }
        case .trueFalse(let answer): fields.append(("answer", .bool(answer)))
        case .shortAnswer(let model): fields.append(("model_answer", .string(model)))
        }
        fields.append(("explanation", .string(item.explanation)))
        return JSONText.object(fields).rendered(indent: nil)
    }

    /// A JSON string literal: `JSONText.quoted`, under the name `srs schedule` uses.
    public static func quoted(_ text: String) -> String { JSONText.quoted(text) }
}
