import Foundation
import SRSCore

/// Renders an Anki card's question and answer from its own template, as HTML (turn it into
/// terminal text with `HTMLText`).
public struct RenderedCard: Equatable, Sendable {
    public var question: String
    public var answer: String
    /// The expected answer when the template asks for one to be typed (`{{type:Field}}`), as plain text.
    public var typedAnswer: String?
}

public enum CardRenderer {
    /// The card of template (or cloze number − 1) `ord` of `note`, of note type `notetype`.
    /// `deck` fills `{{Deck}}` and `{{Subdeck}}`.
    public static func render(_ note: AnkiNote, of notetype: AnkiNotetype, ord: Int, deck: [String] = []) -> RenderedCard {
        render(note, of: ParsedNotetype(notetype), ord: ord, deck: deck)
    }

    /// The same, with the note type's templates parsed once for all its cards.
    public static func render(_ note: AnkiNote, of parsed: ParsedNotetype, ord: Int, deck: [String] = []) -> RenderedCard {
        let notetype = parsed.notetype
        let index = notetype.kind == .cloze ? 0 : ord
        guard parsed.templates.indices.contains(index) else { return RenderedCard(question: "", answer: "", typedAnswer: nil) }
        let template = parsed.templates[index]
        var context = Context(note: note, notetype: notetype, template: notetype.templates[index], ord: ord, deck: deck)
        let question = context.render(template.question, answerSide: false)
        context.frontSide = question
        let answer = context.render(template.answer, answerSide: true)
        return RenderedCard(question: question, answer: answer, typedAnswer: context.typed)
    }

    /// A note type with its templates' question and answer formats parsed.
    public struct ParsedNotetype {
        public let notetype: AnkiNotetype
        let templates: [(question: [TemplateNode], answer: [TemplateNode])]

        public init(_ notetype: AnkiNotetype) {
            self.notetype = notetype
            templates = notetype.templates.map { (TemplateParser.parse($0.question), TemplateParser.parse($0.answer)) }
        }
    }

    struct Context {
        var fields: [String: String] = [:]
        let clozeNumber: Int
        var frontSide = ""
        var typed: String?

        init(note: AnkiNote, notetype: AnkiNotetype, template: AnkiTemplate, ord: Int, deck: [String]) {
            let values = note.fields
            for (index, name) in notetype.fields.enumerated() {
                fields[name] = index < values.count ? values[index] : ""
            }
            let special = ["Tags": note.tags.joined(separator: " "), "Type": notetype.name, "Card": template.name,
                           "Deck": deck.joined(separator: "::"), "Subdeck": deck.last ?? "", "CardFlag": ""]
            for (name, value) in special where fields[name] == nil { fields[name] = value }
            clozeNumber = ord + 1
        }

        mutating func render(_ nodes: [TemplateNode], answerSide: Bool) -> String {
            nodes.map { node in
                switch node {
                case .text(let text): return text
                case let .field(name, filters): return field(name, filters, answerSide: answerSide)
                case let .section(name, inverted, body):
                    let shown = isNonEmpty(name, answerSide: answerSide) != inverted
                    return shown ? render(body, answerSide: answerSide) : ""
                }
            }.joined()
        }

        private func isNonEmpty(_ name: String, answerSide: Bool) -> Bool {
            !CardRenderer.isEmptyField(name == "FrontSide" ? frontSide : fields[name] ?? "")
        }

        private mutating func field(_ name: String, _ filters: [String], answerSide: Bool) -> String {
            if name == "FrontSide" { return answerSide ? frontSide : "" }
            var value = fields[name] ?? ""
            if filters.contains("type") { return typeAnswer(value, cloze: filters.contains("cloze"), answerSide: answerSide) }
            for filter in filters {
                value = apply(filter.split(separator: " ").first.map(String.init) ?? filter, to: value, answerSide: answerSide)
            }
            return value
        }

        /// `{{type:Field}}` (or `{{type:cloze:Text}}`): records the expected answer; the question
        /// shows nothing in its place (srs asks for the typing), the answer shows the expected text.
        private mutating func typeAnswer(_ value: String, cloze: Bool, answerSide: Bool) -> String {
            let expected = cloze ? Cloze.answers(in: value, number: clozeNumber).joined(separator: ", ") : value
            typed = HTMLText.plain(expected)
            return answerSide ? expected : ""
        }

        /// One filter; display-only ones (`hint`, `tts`, unknown ones) pass the text through.
        private func apply(_ filter: String, to value: String, answerSide: Bool) -> String {
            switch filter {
            case "cloze": return Cloze.render(value, asking: clozeNumber, answerSide: answerSide)
            case "cloze-only": return Cloze.answers(in: value, number: clozeNumber).joined(separator: ", ")
            case "text": return HTMLText.stripTags(value)
            case "furigana", "kana", "kanji": return Ruby.apply(filter, value)
            default: return value
            }
        }
    }
}

extension CardRenderer {
    /// Anki's rule for sections: a field is empty when it holds only ASCII whitespace and
    /// `<br>`/`<div>` tags (so `&nbsp;`, `<b></b>` or an image make it non-empty).
    static func isEmptyField(_ value: String) -> Bool {
        // Any ASCII character the pattern cannot match makes the field non-empty: most fields
        // are answered here without the regular expression.
        for byte in value.utf8 where byte < 0x80 && !emptyFieldBytes.contains(byte) { return false }
        return value.range(of: #"^(?:[ \t\n\r\f\u000B]|</?(?:br|div)[ \t\n]*/?>)*$"#, options: [.regularExpression, .caseInsensitive]) != nil
    }
}

/// The ASCII bytes an empty field may hold: whitespace and the letters of `<br>`, `</div>`, any case.
private let emptyFieldBytes: Set<UInt8> = Set(" \t\n\r\u{0C}\u{0B}</>brdivBRDIV".utf8)

/// Japanese readings written `漢字[かんじ]`: `furigana` shows `漢字(かんじ)`, `kana` the reading,
/// `kanji` the base text.
enum Ruby {
    static func apply(_ filter: String, _ text: String) -> String {
        var out = ""
        var base = ""
        var rest = text[...]
        while let open = rest.firstIndex(of: "["), let close = rest[open...].firstIndex(of: "]") {
            let before = rest[..<open]
            let split = before.lastIndex(of: " ").map { before.index(after: $0) } ?? before.startIndex
            out += before[..<split].replacingOccurrences(of: " ", with: "")
            base = String(before[split...])
            let reading = String(rest[rest.index(after: open)..<close])
            out += filter == "kana" ? reading : filter == "kanji" ? base : "\(base)(\(reading))"
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }
}
