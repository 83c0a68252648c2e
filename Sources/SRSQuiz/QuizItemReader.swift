import SRSCore
/// Reads one `QuizBlock` into a `QuizItem`, or the error that makes it invalid.
/// Warnings about a valid item collect in `warnings`.
struct QuizItemReader {
    let block: QuizBlock
    let position: Int
    private(set) var warnings: [QuizDiagnostic] = []

    init(block: QuizBlock, position: Int) {
        self.block = block
        self.position = position
    }

    private var body: [QuizLine] { block.body }

    mutating func read() -> Result<QuizItem, QuizDiagnostic> {
        switch block.header?.type ?? detectedType() {
        case .multipleChoice: return readMultipleChoice()
        case .trueFalse: return readTrueFalse()
        case .shortAnswer: return readShortAnswer()
        case nil:
            return .failure(error(block.startLine, "cannot tell what kind of item this is; start it with a "
                + "header such as `Question \(position) Multiple Choice`, `Question \(position) True / False` "
                + "or `Question \(position) Short Answer`"))
        }
    }

    /// The type of an item without a header, from its content.
    private func detectedType() -> QuizItemType? {
        if body.contains(where: { $0.modelAnswerValue != nil }) { return .shortAnswer }
        if body.contains(where: { $0.trueFalseMarker != nil }) { return .trueFalse }
        if OptionRun.find(in: body) != nil { return .multipleChoice }
        if body.contains(where: { $0.answerValue.flatMap(Self.truthValue) != nil }) { return .trueFalse }
        return nil
    }

    // MARK: Multiple choice

    private mutating func readMultipleChoice() -> Result<QuizItem, QuizDiagnostic> {
        guard let run = OptionRun.find(in: body) else {
            return .failure(error(block.startLine, "multiple-choice item has no options; write at least two "
                + "options on their own lines, each as its letter glued to its text: `AFirst option`, "
                + "`BSecond option`"))
        }
        let question = paragraphs(body[..<run.start])
        guard !question.isEmpty else { return .failure(missingQuestion()) }
        let rest = body[run.end...]
        let explanation = paragraphs(rest.filter { $0.answerValue == nil })
        let options = run.options.map(\.text)
        switch explicitKey(in: rest, options: options) {
        case .failure(let failure): return .failure(failure)
        case .success(let explicit?):
            return .success(item(question, .multipleChoice(options: options, key: explicit), explanation))
        case .success(nil):
            let key = inferredKey(options: options, explanation: explanation)
            return .success(item(question, .multipleChoice(options: options, key: key), explanation))
        }
    }

    /// The key from the first `Answer:` line, nil when there is none.
    private func explicitKey(in lines: ArraySlice<QuizLine>, options: [String])
        -> Result<AnswerKey?, QuizDiagnostic> {
        guard let line = lines.first(where: { $0.answerValue != nil }), let value = line.answerValue else {
            return .success(nil)
        }
        let last = Character(UnicodeScalar(UInt8(64 + options.count)))
        guard let index = Self.optionIndex(value, options: options) else {
            return .failure(error(line.number, "`Answer: \(value)` does not name an option; write the "
                + "option's letter, A to \(last), as in `Answer: A`"))
        }
        guard index < options.count else {
            return .failure(error(line.number, "`Answer: \(value)` names an option this item does not "
                + "have (it has A to \(last)); fix the letter or add the missing option"))
        }
        return .success(AnswerKey(index: index, source: .explicit))
    }

    /// `B`, `B.`, `B)`, `(B)`, `B - text` → 1; otherwise an option's exact text.
    static func optionIndex(_ value: String, options: [String]) -> Int? {
        let scalars = Array(value.unicodeScalars.drop { $0 == "(" })
        if let first = scalars.first, ("A"..."Z").contains(first),
           scalars.count == 1 || !scalars[1].properties.isAlphabetic {
            return Int(first.value) - 65
        }
        let lowered = value.lowercased()
        return options.firstIndex { $0.lowercased() == lowered }
    }

    private mutating func inferredKey(options: [String], explanation: String) -> AnswerKey? {
        let inference = KeyInference.infer(options: options, explanation: explanation)
        if inference.key == nil {
            warn(block.startLine, "no answer key: \(inference.reason); the card will be self-graded. Add "
                + "`Answer: X` after the options, or import with `--key \(position)=X`")
        }
        return inference.key
    }

    // MARK: True / false

    private mutating func readTrueFalse() -> Result<QuizItem, QuizDiagnostic> {
        let isMarker: (QuizLine) -> Bool = { $0.trueFalseMarker != nil || $0.answerValue != nil }
        let markerStart = body.firstIndex(where: isMarker) ?? body.endIndex
        let question = paragraphs(body[..<markerStart])
        guard !question.isEmpty else { return .failure(missingQuestion()) }
        let rest = body[markerStart...]
        guard let line = rest.first(where: { $0.answerValue != nil }), let value = line.answerValue else {
            return .failure(error(block.startLine, "true/false item has no answer; add a line `Answer: True` "
                + "or `Answer: False` after the `TTrue` and `FFalse` lines"))
        }
        guard let answer = Self.truthValue(value) else {
            return .failure(error(line.number, "`Answer: \(value)` is neither True nor False; write "
                + "`Answer: True` or `Answer: False`"))
        }
        let explanation = paragraphs(rest.filter { !isMarker($0) })
        return .success(item(question, .trueFalse(answer: answer), explanation))
    }

    /// `True`, `t`, `yes` → true; `False`, `f`, `no` → false (case and a final `.` ignored).
    static func truthValue(_ value: String) -> Bool? {
        var word = value.lowercased()
        while let last = word.last, ".!".contains(last) { word.removeLast() }
        switch word {
        case "true", "t", "yes": return true
        case "false", "f", "no": return false
        default: return nil
        }
    }

    // MARK: Short answer

    private func readShortAnswer() -> Result<QuizItem, QuizDiagnostic> {
        guard let marker = body.firstIndex(where: { $0.modelAnswerValue != nil }) else {
            return .failure(error(block.startLine, "short-answer item has no model answer; add a line "
                + "`Model answer: …` after the question"))
        }
        let question = paragraphs(body[..<marker])
        guard !question.isEmpty else { return .failure(missingQuestion()) }
        var rest = body[(marker + 1)...]
        var modelAnswer = body[marker].modelAnswerValue ?? ""
        if modelAnswer.isEmpty {
            let paragraph = rest.drop { $0.isBlank }.prefix { !$0.isBlank }
            modelAnswer = paragraphs(paragraph)
            rest = rest[paragraph.endIndex...]
        }
        guard !modelAnswer.isEmpty else {
            return .failure(error(body[marker].number, "`Model answer:` is empty; write the answer after "
                + "the colon or on the next line"))
        }
        return .success(item(question, .shortAnswer(modelAnswer: modelAnswer), paragraphs(rest)))
    }

    // MARK: Helpers

    private func item(_ question: String, _ kind: CardKind, _ explanation: String) -> QuizItem {
        QuizItem(position: position, line: block.startLine, question: question, kind: kind,
                 explanation: explanation)
    }

    private func missingQuestion() -> QuizDiagnostic {
        error(block.startLine, "item has no question; write the question on the line after the header")
    }

    private func error(_ line: Int, _ message: String) -> QuizDiagnostic {
        QuizDiagnostic(.error, line: line, position: position, message)
    }

    private mutating func warn(_ line: Int, _ message: String) {
        warnings.append(QuizDiagnostic(.warning, line: line, position: position, message))
    }
}
