/// The three item types a header can name.
enum QuizItemType: Equatable, Sendable {
    case multipleChoice, trueFalse, shortAnswer
}

/// `Question N [type]`: the number is kept only for messages; numbering may have gaps.
struct QuizHeader: Equatable, Sendable {
    let number: Int
    let type: QuizItemType?
}

/// A glued option line such as `BRepresentations are frozen…`: `index` 0 is A.
struct QuizOptionLine: Equatable, Sendable {
    let index: Int
    let text: String
}

/// The most options an item may have (A to H).
let maximumOptionCount = 8

/// What a single line means in the quiz grammar (see `docs/quiz-format.md`). Structural lines
/// are short, so every test first rejects long lines cheaply: a 10 MB line is just text.
extension QuizLine {
    /// Lines longer than this are never structural.
    static let structuralLimit = 120

    /// `text` lower-cased with all whitespace removed, or nil for a long line.
    private var compact: String? {
        guard text.utf8.count <= Self.structuralLimit else { return nil }
        return String(text.lowercased().unicodeScalars.filter { !$0.properties.isWhitespace })
    }

    var header: QuizHeader? {
        guard let compact, compact.hasPrefix("question") else { return nil }
        let afterWord = compact.dropFirst("question".count)
        let digits = afterWord.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 9, let number = Int(digits) else { return nil }
        var rest = afterWord.dropFirst(digits.count)
        if let first = rest.first, ":.)-–—".contains(first) { rest = rest.dropFirst() }
        switch rest {
        case "": return QuizHeader(number: number, type: nil)
        case "multiplechoice": return QuizHeader(number: number, type: .multipleChoice)
        case "shortanswer": return QuizHeader(number: number, type: .shortAnswer)
        case "true/false", "trueorfalse", "true-false": return QuizHeader(number: number, type: .trueFalse)
        default: return nil
        }
    }

    /// `Think about your answer, then reveal below.`: the quiz site's interface, not content.
    var isInterfaceText: Bool {
        compact == "thinkaboutyouranswer,thenrevealbelow."
            || compact == "thinkaboutyouranswer,thenrevealbelow"
    }

    /// The value of an `Answer:` line (not `Model answer:`), trimmed.
    var answerValue: String? { value(afterLabel: "answer") ?? value(afterLabel: "correctanswer") }

    /// The value of a `Model answer:` line, trimmed (may be empty: the answer follows).
    var modelAnswerValue: String? { value(afterLabel: "modelanswer") }

    /// `TTrue` → true, `FFalse` → false (also `T True`, `T) True`, `True`, `False`).
    var trueFalseMarker: Bool? {
        switch compact {
        case "ttrue", "t)true", "t.true", "true": return true
        case "ffalse", "f)false", "f.false", "false": return false
        default: return nil
        }
    }

    /// An option written as its letter glued to its text (`A4`, `Basync`, `Cθ`), or `A) text`.
    var option: QuizOptionLine? {
        guard let first = text.unicodeScalars.first, (65...72).contains(first.value) else { return nil }
        let index = Int(first.value) - 65
        var rest = text.unicodeScalars.dropFirst()
        if rest.first == ")" { rest = rest.dropFirst().drop { $0.properties.isWhitespace } }
        guard let next = rest.first, !next.properties.isWhitespace else { return nil }
        return QuizOptionLine(index: index, text: String(String.UnicodeScalarView(rest)))
    }

    private func value(afterLabel label: String) -> String? {
        guard startsWithLabel(label), let colon = text.firstIndex(of: ":") else { return nil }
        return String(text[text.index(after: colon)...]).trimmingSpaces
    }

    /// True when the text before the first colon is `label` (ignoring case and spaces).
    private func startsWithLabel(_ label: String) -> Bool {
        guard let colon = text.utf8.prefix(40).firstIndex(of: UInt8(ascii: ":")) else { return false }
        let before = text[..<colon].lowercased().unicodeScalars.filter { !$0.properties.isWhitespace }
        return String(String.UnicodeScalarView(before)) == label
    }
}

extension StringProtocol {
    /// The text without leading and trailing whitespace.
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
