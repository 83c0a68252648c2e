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
            out += "{\"path\": \(quoted(file.path)), \"deck\": \(quoted(file.deck)), \"items\": ["
            for (position, entry) in file.entries.enumerated() {
                out += position == 0 ? "\n    " : ",\n    "
                out += item(entry.item, id: entry.id)
            }
            out += file.entries.isEmpty ? "]}" : "\n  ]}"
        }
        return out + (files.isEmpty ? "]}\n" : "\n]}\n")
    }

    static func item(_ item: QuizItem, id: CardID) -> String {
        var fields = ["\"id\": \(quoted(id.rawValue))", "\"type\": \(quoted(item.kind.typeName))",
                      "\"line\": \(item.line)", "\"question\": \(quoted(item.question))"]
        switch item.kind {
        case .multipleChoice(let options, let key):
            fields.append("\"options\": [\(options.map(quoted).joined(separator: ", "))]")
            fields.append("\"key\": \(key.map { quoted(String($0.letter)) } ?? "null")")
            switch key?.source {
            case nil: fields.append("\"key_source\": \"none\"")
            case .explicit?: fields.append("\"key_source\": \"explicit\"")
            case .inferred(let confidence)?:
                fields.append("\"key_source\": \"inferred\"")
                fields.append("\"key_confidence\": \(confidence)")
            }
        case .trueFalse(let answer): fields.append("\"answer\": \(answer)")
        case .shortAnswer(let model): fields.append("\"model_answer\": \(quoted(model))")
        }
        fields.append("\"explanation\": \(quoted(item.explanation))")
        return "{" + fields.joined(separator: ", ") + "}"
    }

    /// A JSON string literal: quotes, backslashes and all controls escaped, the rest as UTF-8.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
