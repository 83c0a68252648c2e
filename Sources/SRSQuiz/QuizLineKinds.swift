import SRSCore
/// The three item types a header can name.
enum QuizItemType: Equatable, Sendable {
    case multipleChoice, trueFalse, shortAnswer
}

/// `Question N [type]`: the number is kept only for messages; numbering may have gaps.
struct QuizHeader: Equatable, Sendable {
    let number: Int
    let type: QuizItemType?
    /// The question written on the header line after the type and a separator
    /// (`Question 1 Multiple Choice: What is 2+2?`), if any.
    var question: String? = nil
}

/// A glued option line such as `BRepresentations are frozen…`: `index` 0 is A.
struct QuizOptionLine: Equatable, Sendable {
    let index: Int
    let text: String
    /// Marked as the answer by an exporter: `*B) Paris`, `B) Paris (correct)`.
    var marked = false
    /// The letter is glued to the text (`ARome`, `A.Rome`), with no `)`, `. `, `: ` or ` - ` between.
    var glued = false

    /// The option with the text of the lines at `wrapped` (its continuation) after its own.
    func continued(by wrapped: [Int], in lines: [QuizLine]) -> QuizOptionLine {
        guard !wrapped.isEmpty else { return self }
        return QuizOptionLine(index: index, text: ([text] + wrapped.map { lines[$0].text }).joined(separator: " "), marked: marked,
                              glued: glued)
    }
}

/// The most options an item may have (A to H).
let maximumOptionCount = 8

/// What a single line means in the quiz grammar (see `docs/quiz-format.md`). Structural lines
/// are short, so every test first rejects long lines cheaply: a 10 MB line is just text.
extension QuizLine {
    /// Lines longer than this are never structural.
    static let structuralLimit = 120

    /// `text` lower-cased with all whitespace removed, or nil for a long line or one that does
    /// not start with `prefix` (lower-case ASCII, compared ignoring case): a cheap test first.
    private func compact(startingWith prefix: String) -> String? {
        guard text.utf8.count <= Self.structuralLimit, text.utf8.count >= prefix.utf8.count,
              zip(text.utf8, prefix.utf8).allSatisfy({ $0 | 0x20 == $1 }) else { return nil }
        return String(String.UnicodeScalarView(text.lowercased().unicodeScalars.filter { !$0.isSpaceLike }))
    }

    /// `Question 3 Multiple Choice`, `question 3: true/false`, `Question 3 of 10 (Short Answer)`, and
    /// a typed header followed by a separator and the question (`Question 1 Multiple Choice: What…?`).
    /// Also with Markdown around it (`### Question 3`, `**Question 3:** Multiple Choice`), `#` or
    /// `/10` about the number (`Question #3`, `Question 3/10`), points after it (`(2 points)`, `- 1
    /// pt`), and the words `Q` and `Problem` (`Q3.`, `Problem 3 (True/False)`).
    var header: QuizHeader? {
        // `1.` or `2)` alone on its line: a number heading the item below it.
        if let first = text.utf8.first, (0x30...0x39).contains(first), text.utf8.count <= 4,
           let mark = text.utf8.last, mark == UInt8(ascii: ".") || mark == UInt8(ascii: ")"),
           let number = Int(String(decoding: text.utf8.dropLast(), as: UTF8.self)) {
            return QuizHeader(number: number, type: nil)
        }
        guard let opening = text.utf8.first, "qQpP#*_".utf8.contains(opening), text.utf8.count >= 2, opensLikeAHeader else { return nil }
        // The line's first characters without spaces and Markdown emphasis, lower-cased, each with
        // its place in `text`.
        var compact: [Unicode.Scalar] = [], places: [String.UnicodeScalarView.Index] = []
        compact.reserveCapacity(64)
        places.reserveCapacity(64)
        var index = text.unicodeScalars.startIndex
        while index < text.unicodeScalars.endIndex, compact.count < 64 {
            let scalar = text.unicodeScalars[index]
            // Combining marks (`Questioń́`) are no part of a word to match.
            if !scalar.isSpaceLike, scalar != "*", scalar != "_", scalar.value < 0x300 || scalar.properties.generalCategory != .nonspacingMark {
                compact.append((65...90).contains(scalar.value) ? Unicode.Scalar(UInt8(scalar.value) | 0x20) : scalar)
                places.append(index)
            }
            index = text.unicodeScalars.index(after: index)
        }
        let word = String(String.UnicodeScalarView(compact))
        var rest = Substring(word).drop { $0 == "#" }
        guard let label = ["question", "problem", "q"].first(where: { rest.hasPrefix($0) }) else { return nil }
        rest = rest.dropFirst(label.count)
        if rest.first == "#" { rest = rest.dropFirst() }   // `Question #3`
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 9, let number = Int(digits) else { return nil }
        rest = rest.dropFirst(digits.count)
        if rest.hasPrefix("of"), let count = rest.dropFirst(2).first, count.isASCII, count.isNumber {
            rest = rest.dropFirst(2).drop { $0.isASCII && $0.isNumber }   // `Question 3 of 10`
        } else if rest.first == "/", let count = rest.dropFirst().first, count.isASCII, count.isNumber {
            rest = rest.dropFirst().drop { $0.isASCII && $0.isNumber }   // `Question 3/10`
        }
        rest = Self.withoutLeadingPoints(rest)   // `Question 2 [1 pt] True/False`, `Question 1 (2 points): What…`
        var separator: Substring.Index?
        if let first = rest.first, ":.)-–—".contains(first) { separator = rest.startIndex; rest = rest.dropFirst() }
        let afterSeparator = rest
        rest = rest.drop { "([".contains($0) }
        let fits = text.utf8.count <= Self.structuralLimit && compact.count < 64
        guard let (spelling, type) = Self.itemTypes.first(where: { rest.hasPrefix($0.0) }) else {
            rest = Self.withoutPoints(rest)
            while let last = rest.last, ")]:.".contains(last) { rest = rest.dropLast() }
            if rest.isEmpty { return fits ? QuizHeader(number: number, type: nil) : nil }
            // `Question 3: What is 2+2?`, `Q3. Water expands…`: a separator and a space after the
            // number, then the question; its type is read from the item's content.
            guard let separator, !afterSeparator.isEmpty else { return nil }
            let place = places[word.unicodeScalars.distance(from: word.unicodeScalars.startIndex, to: separator)]
            var next = text.unicodeScalars.index(after: place)
            while next < text.unicodeScalars.endIndex, "*_".unicodeScalars.contains(text.unicodeScalars[next]) {
                next = text.unicodeScalars.index(after: next)   // `**Question 1:** What…`
            }
            guard next < text.unicodeScalars.endIndex, text.unicodeScalars[next].isSpaceLike else { return nil }
            let question = String(text.unicodeScalars[next...]).trimmingSpaces
            // Not an answer key's line (`Q1: B`, `Q2: True`), nor a sentence about a question
            // (`Problem 1: the counter starts at 1…`) or a figure (`Q1: 2%`): a question opens with a
            // capital or a quote.
            guard let opening = question.unicodeScalars.first,
                  opening.properties.isUppercase || "\"'“‘¿".unicodeScalars.contains(opening),
                  AnswerKeySection.pairs(text) == nil else { return nil }
            return QuizHeader(number: number, type: nil, question: question)
        }
        var after = rest.dropFirst(spelling.count)
        if after.hasPrefix("question") { after = after.dropFirst("question".count) }   // `Multiple choice question`
        after = after.drop { ")]".contains($0) }
        if after.isEmpty || (fits && Self.withoutPoints(after).allSatisfy({ ":.)]".contains($0) })) {
            return fits ? QuizHeader(number: number, type: type) : nil
        }
        // `…Multiple Choice: What is 2+2?`: a colon or an em dash, then the question (not `- 2 points`).
        guard let separator = after.first, ":—".contains(separator), after.count > 1 else { return nil }
        let start = places[word.unicodeScalars.distance(from: word.unicodeScalars.startIndex, to: after.startIndex) + 1]
        let question = String(text.unicodeScalars[start...]).trimmingSpaces
        return question.isEmpty ? nil : QuizHeader(number: number, type: type, question: question)
    }

    /// `2. Which planet…?`, `2) Water expands…`: a number of one to three digits, `.` or `)`, a
    /// space and text opening with a letter or a quote: the number and the text. A question so
    /// numbered may open an item without a header (`QuizParser.splitHeaderless`).
    static func numberedQuestion(_ text: String) -> (number: Int, text: String)? {
        let utf8 = text.utf8
        let digits = utf8.prefix { (0x30...0x39).contains($0) }
        guard (1...3).contains(digits.count), let number = Int(String(decoding: digits, as: UTF8.self)) else { return nil }
        let rest = utf8.dropFirst(digits.count)
        guard let mark = rest.first, mark == UInt8(ascii: ".") || mark == UInt8(ascii: ")"),
              let space = rest.dropFirst().first, space == 0x20 || space == 0x09 else { return nil }
        let question = String(decoding: rest.dropFirst(2), as: UTF8.self).trimmingSpaces
        guard let opening = question.unicodeScalars.first,
              opening.properties.isAlphabetic || opening.properties.numericType != nil || "\"'“‘(¿".unicodeScalars.contains(opening)
        else { return nil }
        return (number, question)
    }

    /// A cheap first test on bytes: after Markdown marks and spaces, `question`, `problem`, or `q`
    /// before a digit, a space or `#` (any case).
    private var opensLikeAHeader: Bool {
        let bytes = text.utf8.drop { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "_") || $0 == 0x20 }
        guard let first = bytes.first.map({ $0 | 0x20 }) else { return false }
        if first == UInt8(ascii: "q") {
            guard let second = bytes.dropFirst().first else { return false }
            if (0x30...0x39).contains(second) || second == 0x20 || second == UInt8(ascii: "#") { return true }
        }
        return ["question", "problem"].contains { word in
            bytes.count > word.utf8.count && zip(bytes, word.utf8).allSatisfy { $0 | 0x20 == $1 }
        }
    }

    /// The units of points after a header, longest first where one holds another.
    private static let pointUnits = ["points", "point", "pts", "pt", "marks", "mark"]

    /// `rest` without points in brackets opening it (`(2points)`, `[1pt]`, as compacted).
    private static func withoutLeadingPoints(_ rest: Substring) -> Substring {
        guard let open = rest.first, "([".contains(open) else { return rest }
        let body = rest.dropFirst()
        let digits = body.prefix { ($0.isASCII && $0.isNumber) || $0 == "." }
        guard !digits.isEmpty else { return rest }
        let after = body.dropFirst(digits.count)
        guard let unit = pointUnits.first(where: { after.hasPrefix($0) }) else { return rest }
        let close = after.dropFirst(unit.count)
        guard let closing = close.first, ")]".contains(closing) else { return rest }
        return close.dropFirst()
    }

    /// `rest` without the points after a header (`(2points)`, `[1pt]`, `-1point`, `–10marks` as
    /// compacted), where they end it; else `rest` as it is.
    private static func withoutPoints(_ rest: Substring) -> Substring {
        var end = rest.endIndex
        while end > rest.startIndex, ").]:".contains(rest[rest.index(before: end)]) { end = rest.index(before: end) }
        let body = rest[..<end]
        guard let unit = pointUnits.first(where: { body.hasSuffix($0) }) else { return rest }
        var head = body.dropLast(unit.count)
        let digits = head.reversed().prefix { ($0.isASCII && $0.isNumber) || $0 == "." }
        guard !digits.isEmpty else { return rest }
        head = head.dropLast(digits.count)
        if let last = head.last, "([-–—,".contains(last) { head = head.dropLast() }
        return head
    }

    /// `Multiple Choice`, `(True / False)`, `Short answer` alone on a line: the type of an item
    /// whose header, the line before, gives only its number.
    var bareItemType: QuizItemType? {
        // Not with a colon: `True or false:` may open the question (`…: A) the Sun is a star`).
        guard text.utf8.count <= 24, var compact = compact(startingWith: ""), !compact.hasSuffix(":") else { return nil }
        compact = String(compact.drop { "([".contains($0) })
        while let last = compact.last, ")].".contains(last) { compact.removeLast() }
        return Self.itemTypes.first { $0.spelling == compact }?.type
    }

    /// The item types as headers write them, lower-cased without spaces.
    static let itemTypes: [(spelling: String, type: QuizItemType)] = [
        ("multiplechoice", .multipleChoice), ("multiple-choice", .multipleChoice), ("singlechoice", .multipleChoice),
        ("mcq", .multipleChoice), ("shortanswer", .shortAnswer), ("short-answer", .shortAnswer),
        ("true/false", .trueFalse), ("trueorfalse", .trueFalse), ("true-false", .trueFalse), ("truefalse", .trueFalse),
        ("t/f", .trueFalse),
    ]

    /// `Question 2 Multiple Choise`, `Question 3 asks…`, `## Question 4 …`: the word `Question` or
    /// `Problem` and a number opening a line (after Markdown marks) that is no header.
    var looksLikeHeader: Bool {
        guard let first = text.utf8.first, "qQpP#*_".utf8.contains(first) else { return false }
        let line = text.drop { "#*_".contains($0) || $0.unicodeScalars.first!.isSpaceLike }
        guard let label = ["question", "problem"].first(where: { word in
            line.utf8.count > word.utf8.count && zip(line.utf8, word.utf8).allSatisfy { $0 | 0x20 == $1 }
        }) else { return false }
        guard header == nil else { return false }
        return line.dropFirst(label.count).drop { $0.unicodeScalars.first!.isSpaceLike || $0 == "#" }.first?.isNumber == true
    }

    /// `Think about your answer, then reveal below.`: the quiz site's interface, not content.
    var isInterfaceText: Bool {
        let compact = compact(startingWith: "think")
        return compact == "thinkaboutyouranswer,thenrevealbelow." || compact == "thinkaboutyouranswer,thenrevealbelow"
    }

    /// The value of an `Answer:` line (not `Model answer:`), trimmed, without a check mark after
    /// it (`Answer: B ✅`). Also `Correct answer:`, `Right answer:`, `Correct option:` and `Answer
    /// key:`, in any case and spacing.
    var answerValue: String? {
        // `**Answer:** B`, `__Answer:__ B`: Markdown emphasis around the label.
        guard let first = text.utf8.first(where: { $0 != UInt8(ascii: "*") && $0 != UInt8(ascii: "_") }).map({ $0 | 0x20 }),
              "acrfb".utf8.contains(first), let label, Self.answerLabels.contains(label) else { return nil }
        return valueAfterColon.map(Self.withoutCheckMark)
    }

    /// A bare answer line: `Solution:` or `Key:` before only a letter or a truth word (`Key: the
    /// even one…` is the explanation's), and without a colon `Answer = B`, `Answer - B`, `Answer
    /// B`, `Ans. B`. Prose may hold such a line too (`Many pick the tempting` / `answer B` / `but…`),
    /// so an item reads it only where exporters write it: right after the options or the true/false
    /// lines, or after another answer line.
    var bareAnswerValue: String? {
        guard let first = text.utf8.first.map({ $0 | 0x20 }), "acrskfb".utf8.contains(first) else { return nil }
        if let label, Self.letterOnlyLabels.contains(label) { return valueAfterColon.map(Self.withoutCheckMark).flatMap(Self.bareChoice) }
        return unlabelledAnswer
    }

    static let answerLabels: Set<String> = ["answer", "ans", "ans.", "correctanswer", "rightanswer", "correctoption", "answerkey",
                                            "finalanswer", "bestanswer"]
    /// Labels that name an answer only before a bare letter or truth word: `Solution: B`, `Key: B`,
    /// `Correct: B`.
    static let letterOnlyLabels: Set<String> = ["solution", "key", "correct"]
    /// The answer labels an answer line may open with when no colon follows them, longest first.
    static let unlabelledForms = ["correct answer", "right answer", "answer key", "final answer", "best answer", "solution",
                                  "answer", "ans.", "ans", "key"]
    /// What may stand between such a label and the choice: `Answer = B`, `Answer - B`, `Answer − B`.
    static let answerSeparators = Set("=-–—−‐".unicodeScalars)

    /// `Answer = B`, `Answer - B`, `Answer – (B)`, `Answer B`, `Ans. B`: a label of
    /// `unlabelledForms`, spaces or one `=` or dash between spaces, then only a bare choice.
    private var unlabelledAnswer: String? {
        guard text.utf8.count <= 48 else { return nil }
        let bytes = Array(text.utf8)
        for form in Self.unlabelledForms {
            let label = Array(form.utf8)
            guard bytes.count > label.count,
                  zip(bytes, label).allSatisfy({ ((65...90).contains($0) ? $0 | 0x20 : $0) == $1 }) else { continue }
            var rest = Substring(String(decoding: bytes[label.count...], as: UTF8.self)).unicodeScalars[...]
            // `Answers`, `Ansible`: the label ends at a space or a separator (or its own `.`: `Ans.B`).
            guard let next = rest.first, next.isSpaceLike || Self.answerSeparators.contains(next) || form.hasSuffix(".") else { continue }
            rest = rest.drop { $0.isSpaceLike }
            if let separator = rest.first, Self.answerSeparators.contains(separator) { rest = rest.dropFirst().drop { $0.isSpaceLike } }
            return Self.bareChoice(Self.withoutCheckMark(String(String.UnicodeScalarView(rest))))
        }
        return nil
    }

    /// `B`, `b.`, `(B)`, `B)`, `True`, `false`, `T`: a value that is only a choice, or nil.
    static func bareChoice(_ value: String) -> String? {
        var core = value.trimmingSpaces
        if core.hasSuffix(".") { core.removeLast() }
        if core.hasPrefix("("), core.hasSuffix(")") { core = String(core.dropFirst().dropLast()) }
        else if core.hasSuffix(")") { core.removeLast() }
        let lower = core.lowercased()
        if lower.utf8.count == 1, let byte = lower.utf8.first, (97...104).contains(byte) || byte == UInt8(ascii: "t") || byte == UInt8(ascii: "f") {
            return value.trimmingSpaces
        }
        return ["true", "false"].contains(lower) ? value.trimmingSpaces : nil
    }

    /// The value without a check mark after it (`B ✅`, `B) Paris ✓`), nor the spaces before it.
    static func withoutCheckMark(_ value: String) -> String {
        let marks = checkMarks
        var scalars = value.unicodeScalars[...]
        guard let last = scalars.last, marks.contains(last) else { return value }
        while let last = scalars.last, marks.contains(last) || last.isSpaceLike { scalars = scalars.dropLast() }
        return scalars.isEmpty ? value : String(String.UnicodeScalarView(scalars))
    }

    /// The text after an `Explanation:` label (any case and spacing), trimmed; may be empty.
    var explanationValue: String? {
        guard firstLetterByte == UInt8(ascii: "e"), label == "explanation" else { return nil }
        return valueAfterColon
    }

    /// The first byte past Markdown emphasis (`**Model answer:**`), lower-cased.
    private var firstLetterByte: UInt8? {
        text.utf8.first(where: { $0 != UInt8(ascii: "*") && $0 != UInt8(ascii: "_") }).map { $0 | 0x20 }
    }

    /// The value of a `Model answer:` line, trimmed (may be empty: the answer follows).
    var modelAnswerValue: String? {
        guard firstLetterByte == UInt8(ascii: "m") else { return nil }
        return label == "modelanswer" ? valueAfterColon : nil
    }

    /// In a short-answer item, also `Suggested answer:`, `Sample answer:`, `Expected answer:` and
    /// the answer lines (`Answer:`, `Correct answer:`…): the model answer, trimmed.
    var shortAnswerValue: String? {
        if let model = modelAnswerValue { return model }
        guard let first = firstLetterByte, "acrse".utf8.contains(first), let label else { return nil }
        return Self.answerLabels.contains(label) || ["suggestedanswer", "sampleanswer", "expectedanswer"].contains(label)
            ? valueAfterColon : nil
    }

    /// `TTrue ✅`, `*FFalse`, `FFalse (correct)`, `✓ TTrue`: a true/false line an exporter
    /// marked as the answer, and its value.
    var markedTrueFalse: Bool? {
        guard let first = text.utf8.first, "TtFf*".utf8.contains(first) || first == 0xE2, text.utf8.count <= 40 else { return nil }
        let line = unstarred
        let (body, endMark) = Self.withoutEndMark(String(line))
        guard line.startIndex != text.startIndex || endMark, body.utf8.count < text.utf8.count else { return nil }
        return QuizLine(number: number, text: body).trueFalseMarker
    }

    /// `TTrue` → true, `FFalse` → false (also `T True`, `T) True`, `True`, `False`, and marked:
    /// `TTrue ✅`, `*FFalse`).
    var trueFalseMarker: Bool? {
        if let first = text.utf8.first, first == UInt8(ascii: "*") || first == 0xE2 || text.utf8.count > 12 { return markedTrueFalse }
        guard let first = text.utf8.first, first | 0x20 == UInt8(ascii: "t") || first | 0x20 == UInt8(ascii: "f"),
              text.utf8.count <= 12 else { return nil }
        switch compact(startingWith: "") {
        case "ttrue", "t)true", "t.true", "true": return true
        case "ffalse", "f)false", "f.false", "false": return false
        default: return markedTrueFalse
        }
    }

    /// The option letter's index (0 is A) when the line may be an option: a cheap test on the
    /// first two bytes that `option` confirms.
    var optionIndex: Int? {
        if let plain = plainOptionLine { return QuizLine(number: number, text: plain).optionIndex }
        if let first = text.utf8.first, first == UInt8(ascii: "*") || first == 0xE2 {
            // `*B) Paris`, `✅ B) Paris`: the letter after the mark (one mark: `**B)` is no option).
            let rest = unstarred
            guard rest.startIndex != text.startIndex else { return nil }
            return rest.utf8.first == UInt8(ascii: "*") || rest.isEmpty ? nil : QuizLine(number: number, text: String(rest)).optionIndex
        }
        var bytes = text.utf8.makeIterator()
        guard var first = bytes.next(), var second = bytes.next() else { return nil }
        var third = bytes.next()
        if first == UInt8(ascii: "("), third == UInt8(ascii: ")") { (first, second, third) = (second, third!, nil) }
        if (65...72).contains(first) { return second != 0x20 && second != 0x09 ? Int(first) - 65 : nil }
        // A lower-case letter only with a separator: `a) text`, `(b) text`, `c. text`, `d: text`.
        guard (97...104).contains(first) else { return nil }
        if second == UInt8(ascii: ")") || ((second == UInt8(ascii: ".") || second == UInt8(ascii: ":")) && third == 0x20) {
            return Int(first) - 97
        }
        return nil
    }

    /// An option written as its letter glued to its text (`A4`, `Basync`, `Cθ`), or with a
    /// separator and a space: `A) text`, `(A) text`, `A. text`, `A: text`; a lower-case letter
    /// only with a separator (`a) text`, `b. text`).
    var option: QuizOptionLine? {
        if let plain = plainOptionLine { return QuizLine(number: number, text: plain).option }
        guard optionIndex != nil else { return nil }
        let line = unstarred
        var rest = line.unicodeScalars.dropFirst(line.utf8.first == UInt8(ascii: "(") ? 1 : 0)
        guard let first = rest.first, (65...72).contains(first.value) || (97...104).contains(first.value) else { return nil }
        let index = Int(first.value) - (first.value >= 97 ? 97 : 65)
        rest = rest.dropFirst()
        var glued = false
        if rest.first == ")" {
            rest = rest.dropFirst().drop { $0.isSpaceLike }
        } else if let separator = rest.first, ".:".unicodeScalars.contains(separator),
                  rest.dropFirst().first?.isSpaceLike == true {
            rest = rest.dropFirst().drop { $0.isSpaceLike }
        } else {
            glued = true
        }
        guard let next = rest.first, !next.isSpaceLike else { return nil }
        let (body, endMark) = Self.withoutEndMark(String(Substring(rest)))
        guard !body.isEmpty else { return nil }
        return QuizOptionLine(index: index, text: body, marked: endMark || line.startIndex != text.startIndex,
                              glued: glued && line.utf8.first != UInt8(ascii: "("))
    }

    /// The line as an option is read from it when Markdown dresses it: without a list's bullet
    /// (`- A) Berlin`, `+ A) Berlin`, `• A) Berlin`) and without bold around its letter or all of
    /// it (`**A.** Sydney`, `**B) Canberra**`); nil for any other line (a cheap test first).
    private var plainOptionLine: String? {
        guard let first = text.utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == 0xE2
                || first == UInt8(ascii: "*") || first == UInt8(ascii: "_"), text.utf8.count <= 4096 else { return nil }
        var line = Substring(text)
        if line.hasPrefix("- ") || line.hasPrefix("+ ") || line.hasPrefix("• ") {
            line = line.dropFirst(2).drop { $0.unicodeScalars.first?.isSpaceLike == true }
        } else if !(line.hasPrefix("**") || line.hasPrefix("__")) {
            return nil
        }
        guard line.hasPrefix("**") || line.hasPrefix("__") else { return String(line) }
        return line.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "__", with: "").trimmingSpaces
    }

    /// `---`, `***`, `___`, `===`: a rule, three or more of one of these alone on the line.
    var isRule: Bool {
        guard text.utf8.count >= 3, let first = text.utf8.first, "-*_=".utf8.contains(first) else { return false }
        return text.utf8.allSatisfy { $0 == first }
    }

    /// `A - text`, `B – text`, `C — text`: a capital letter, a space, a dash and a space.
    static func dashAfterLetter(_ text: String) -> Bool {
        let scalars = text.unicodeScalars.prefix(4).map { $0 }
        guard scalars.count == 4, scalars[1] == " " else { return false }
        return ["-", "–", "—"].contains(scalars[2]) && scalars[3] == " "
    }

    /// The line without a leading mark of the answer, `*` or a check mark (`*B) Paris`, `✅ B)
    /// Paris`, `✓B) Paris`), and the spaces after it.
    private var unstarred: Substring {
        if text.utf8.first == 0xE2, let first = text.unicodeScalars.first, Self.checkMarks.contains(first) {
            let rest = text.unicodeScalars.drop { Self.checkMarks.contains($0) }.drop { $0.isSpaceLike }
            return Substring(rest)
        }
        guard text.utf8.first == UInt8(ascii: "*"), text.utf8.count > 1 else { return Substring(text) }
        return text.dropFirst().drop { $0.unicodeScalars.first?.isSpaceLike == true }
    }

    /// The check marks an exporter sets beside the answer: ✅ ✓ ✔ ☑, and the emoji selector after one.
    static let checkMarks: Set<Unicode.Scalar> = ["\u{2705}", "\u{2713}", "\u{2714}", "\u{2611}", "\u{FE0F}"]

    /// `Paris (correct)`, `Paris [correct]`, `Paris ✅`: the text and whether it ended in a mark of
    /// the answer (a space before it). Not a final ` *`: `int *` is a C type.
    static func withoutEndMark(_ text: String) -> (String, Bool) {
        // A cheap test on the last byte first: `)`, `]`, or the last byte of ✅ ✓ ✔ ☑ or U+FE0F.
        guard let last = text.utf8.last else { return (text, false) }
        if [0x85, 0x93, 0x94, 0x91, 0x8F].contains(last) {
            let stripped = withoutCheckMark(text)
            let spaced = stripped.utf8.count < text.utf8.count
                && text.unicodeScalars.dropFirst(stripped.unicodeScalars.count).first?.isSpaceLike == true
            return spaced && !stripped.isEmpty ? (stripped, true) : (text, false)
        }
        guard last == UInt8(ascii: ")") || last == UInt8(ascii: "]") else { return (text, false) }
        for mark in [" (correct)", " [correct]"] where text.utf8.count > mark.utf8.count
            && zip(text.utf8.suffix(mark.utf8.count), mark.utf8).allSatisfy({ ((65...90).contains($0) ? $0 | 0x20 : $0) == $1 }) {
            return (String(decoding: text.utf8.dropLast(mark.utf8.count), as: UTF8.self).trimmingSpaces, true)
        }
        return (text, false)
    }

    /// The text before the first colon (within 40 bytes), lower-cased without spaces: the
    /// label of `Answer:`, `Correct answer:`, `Model answer:`; nil without a colon. ASCII labels
    /// are read from bytes.
    private var label: String? {
        guard let colon = colon(within: 40)?.start else { return nil }
        let bytes = text.utf8[..<colon]
        if bytes.allSatisfy({ $0 < 0x80 }) {
            let kept = bytes.filter { $0 != 0x20 && !(0x09...0x0D).contains($0) && $0 != UInt8(ascii: "*") && $0 != UInt8(ascii: "_") }
                .map { (65...90).contains($0) ? $0 | 0x20 : $0 }
            return String(decoding: kept, as: UTF8.self)
        }
        let before = text[..<colon].lowercased().unicodeScalars.filter { !$0.isSpaceLike }
        return String(String.UnicodeScalarView(before))
    }

    /// The first colon of the line within `limit` bytes, `:` or the full-width `：` (U+FF1A) of
    /// East Asian text: where it starts and where what follows it starts.
    private func colon(within limit: Int = .max) -> (start: String.Index, end: String.Index)? {
        let utf8 = text.utf8
        var index = utf8.startIndex, offset = 0
        while index < utf8.endIndex, offset < limit {
            let byte = utf8[index]
            if byte == UInt8(ascii: ":") { return (index, utf8.index(after: index)) }
            if byte == 0xEF, let end = utf8.index(index, offsetBy: 3, limitedBy: utf8.endIndex),
               utf8[utf8.index(after: index)] == 0xBC, utf8[utf8.index(index, offsetBy: 2)] == 0x9A { return (index, end) }
            index = utf8.index(after: index)
            offset += 1
        }
        return nil
    }

    private var valueAfterColon: String? {
        guard let colon = colon()?.end else { return nil }
        var value = String(text[colon...]).trimmingSpaces
        // Invisible marks around the value (bidirectional controls, shown as U+FFFD) are no part of it.
        if value.unicodeScalars.first == "\u{FFFD}" || value.unicodeScalars.last == "\u{FFFD}" {
            var scalars = value.unicodeScalars[...]
            while scalars.first == "\u{FFFD}" { scalars = scalars.dropFirst() }
            while scalars.last == "\u{FFFD}" { scalars = scalars.dropLast() }
            value = String(String.UnicodeScalarView(scalars)).trimmingSpaces
        }
        // `**Answer:** B`, `**Answer: B** — 404 Not Found`, `Answer: **B** Jupiter…`: Markdown
        // emphasis in the value is no part of it.
        // `*Model answer:* Paris`: the label's closing emphasis.
        if let first = value.first, first == "*" || first == "_", value.dropFirst().first?.unicodeScalars.first?.isSpaceLike != false,
           !value.dropFirst().contains(first) {
            return String(value.dropFirst()).trimmingSpaces
        }
        // A cheap test on bytes first (`**`, `__`).
        guard zip(value.utf8, value.utf8.dropFirst()).contains(where: { $0 == $1 && ($0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "_")) })
        else { return value }
        return value.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "__", with: "").trimmingSpaces
    }
}

extension String {
    /// The text without leading and trailing spaces of any kind (`isSpaceLike`: also U+00A0,
    /// U+202F, U+3000 and the byte-order mark).
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isSpaceLike }),
              let last = scalars.lastIndex(where: { !$0.isSpaceLike }) else { return "" }
        return String(scalars[first...last])
    }
}
