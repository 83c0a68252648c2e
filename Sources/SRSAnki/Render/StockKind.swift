import Foundation

/// Anki's stock note types, recognised by the shape of their templates (field names replaced by
/// their position, whitespace ignored), not by their names, which Anki localises and users rename.
public enum StockKind: String, Sendable {
    case basic, basicAndReversed, basicOptionalReversed, basicTypeIn, cloze

    /// The stock kind `notetype` has the shape of, or nil for a custom note type.
    public static func recognise(_ notetype: AnkiNotetype) -> StockKind? {
        let shape = notetype.templates.map { [normalise($0.question, notetype.fields), normalise($0.answer, notetype.fields)] }
        if notetype.kind == .cloze {
            return shape == [["{{cloze:F0}}", "{{cloze:F0}}<br>{{F1}}"]] ? .cloze : nil
        }
        return shapes.first { $0.value == shape }?.key
    }

    private static let front = ["{{F0}}", "{{FrontSide}}<hrid=answer>{{F1}}"]
    private static let shapes: [StockKind: [[String]]] = [
        .basic: [front],
        .basicAndReversed: [front, ["{{F1}}", "{{FrontSide}}<hrid=answer>{{F0}}"]],
        .basicOptionalReversed: [front, ["{{#F2}}{{F1}}{{/F2}}", "{{FrontSide}}<hrid=answer>{{F0}}"]],
        .basicTypeIn: [["{{F0}}{{type:F1}}", "{{F0}}<hrid=answer>{{type:F1}}"]],
    ]

    /// The template with whitespace removed and each `{{…Name}}` written `{{…F<index>}}`.
    static func normalise(_ template: String, _ fields: [String]) -> String {
        var text = template.filter { !$0.isWhitespace }
        for (index, name) in fields.enumerated().sorted(by: { $0.element.count > $1.element.count }) {
            let bare = name.filter { !$0.isWhitespace }
            for prefix in ["{{", "{{#", "{{^", "{{/", "{{type:", "{{cloze:"] {
                text = text.replacingOccurrences(of: prefix + bare + "}}", with: prefix + "F\(index)}}")
            }
        }
        return text
    }
}

/// How srs should ask one Anki card, from its own template.
public enum CardShape: Equatable, Sendable {
    /// Question, then the answer on reveal; self-graded.
    case basic
    /// The answer is typed and checked against `expected`.
    case typeIn(expected: String)
    /// One cloze deletion asked; the others shown.
    case cloze(number: Int)

    /// The shape of card `ord` of `note`.
    public static func of(_ note: AnkiNote, _ notetype: AnkiNotetype, ord: Int) -> CardShape {
        if notetype.kind == .cloze { return .cloze(number: ord + 1) }
        let rendered = CardRenderer.render(note, of: notetype, ord: ord)
        if let typed = rendered.typedAnswer { return .typeIn(expected: typed) }
        return .basic
    }
}
