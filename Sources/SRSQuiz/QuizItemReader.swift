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

    mutating func read(inferences: inout KeyInference.Cache) -> Result<QuizItem, QuizDiagnostic> {
        for line in body where line.looksLikeHeader {
            warn(line.number, "this line starts like an item header but is not one, so it is read as part of "
                + "item \(position)'s text; write the header as `Question N Multiple Choice`, `Question N True / False` "
                + "or `Question N Short Answer`")
        }
        switch type {
        case .multipleChoice: return readMultipleChoice(&inferences)
        case .trueFalse: return readTrueFalse()
        case .shortAnswer: return readShortAnswer()
        case nil:
            return .failure(error(block.startLine, "cannot tell what kind of item this is; start it with a "
                + "header such as `Question \(position) Multiple Choice`, `Question \(position) True / False` "
                + "or `Question \(position) Short Answer`"))
        }
    }

    /// The item's type: its header's, else the one its content shows.
    var type: QuizItemType? { block.header?.type ?? detectedType() }

    /// The type of an item without a header, from its content.
    private func detectedType() -> QuizItemType? {
        if body.contains(where: { $0.modelAnswerValue != nil }) { return .shortAnswer }
        if body.contains(where: { $0.trueFalseMarker != nil }) { return .trueFalse }
        if OptionRun.find(in: body) != nil { return .multipleChoice }
        if body.contains(where: { $0.answerValue.flatMap(Self.truthValue) != nil }) { return .trueFalse }
        // `A) Venus  B) Mercury` on one line, `A - Jupiter` / `B - Saturn`: the options a typed item
        // reads when it has no others (`readMultipleChoice`) show the type too.
        if Self.inlineOptions(in: body).flatMap(OptionRun.find(in:)) != nil || Self.dashRun(in: body) != nil { return .multipleChoice }
        if answersInText() { return .shortAnswer }
        return nil
    }

    /// `What is the capital of France?` / `Answer: Paris`: an `Answer:` line giving a text (no
    /// letter or truth word) after a question that ends its sentence, with no options: a short
    /// answer. Unlettered lines before it (`Paris` / `London`) may be options: no type.
    private func answersInText() -> Bool {
        guard let line = body.firstIndex(where: { $0.answerValue != nil }), let value = body[line].answerValue,
              !value.isEmpty, QuizLine.bareChoice(value) == nil else { return false }
        return body[..<line].last(where: { !$0.isBlank }).map { ModelAnswerExtent.endsSentence($0.text) } ?? false
    }

    // MARK: Multiple choice

    private mutating func readMultipleChoice(_ inferences: inout KeyInference.Cache) -> Result<QuizItem, QuizDiagnostic> {
        var body = self.body
        var found = OptionRun.find(in: body)
        if found == nil, let split = Self.inlineOptions(in: body) {
            body = split
            found = OptionRun.find(in: body)
        }
        if found == nil, let run = Self.lowerCaseRun(in: body) {
            // A list of words (`Apples`, `bananas`, `cherries`) would read the same: say so.
            let first = body[run.start].number, last = body[run.end - 1].number
            warn(first, "lines \(first)–\(last) are read as options glued to lower-case letters (`\(body[run.start].text.prefix(12))…` "
                + "as option A); if they are not options, write the options on lines of their own as `A) text`")
            found = run
        }
        if found == nil { found = Self.dashRun(in: body) }
        guard let run = found else {
            return .failure(error(block.startLine, "multiple-choice item has no options; write at least two "
                + "options on their own lines, each as its letter glued to its text: `AFirst option`, "
                + "`BSecond option`"))
        }
        if let line = run.undecidedLine {
            let reading = run.end > body.firstIndex(where: { $0.number == line }) ?? body.endIndex ? "an option" : "the explanation"
            warn(line, "this line is read as \(reading), though it could be \(reading == "an option" ? "the explanation" : "an option"); "
                + "put a blank line or an `Answer:` line between the options and the explanation to make it clear")
        }
        let question = paragraphs(body[..<run.start])
        guard !question.isEmpty else { return .failure(missingQuestion()) }
        let rest = body[run.end...]
        let options = run.options.map(\.text)
        // Each answer line, its value and what it names, read once; not past options of an item
        // whose header is missing (`explanation` warns of them): its answer is that item's.
        let foreign = OptionRun.another(in: body, from: run.end).flatMap { $0.reviews(run) ? nil : $0.start } ?? rest.endIndex
        let answers = Self.answerValues(rest[..<foreign]).map { line, value in
            AnswerLine(line: line, value: value, reading: AnswerValue.read(value, options: options, question: question))
        }
        let explanation = explanation(Self.withoutAnswerLines(rest, answers))
        // What keys are read from: the explanation up to such options (their item's `Answer: A` is
        // no statement about this one).
        let evidence = foreign == rest.endIndex ? explanation
            : paragraphs(Self.withoutAnswerLines(rest[..<foreign], answers).drop { $0.isBlank || $0.isRule })
        var answer = explicitKey(answers, options: options)
        if case .success(let explicit) = answer, let marked = markedKey(run, in: body, explicit) { answer = .success(marked) }
        if case .success(let written?) = answer, let conflict = statedElsewhere(question, options, evidence, than: written) {
            // `Answer: A`, and the explanation says `The correct answer is B` or `A is wrong`: the
            // file disagrees with itself.
            let letter = KeyInference.letterOf(written.index)
            let other = KeyInference.letterOf(conflict.option)
            let says = switch conflict.kind {
            case .denied: "says \(letter) is wrong"
            case .stated: "states \(other)"
            case .corrected: "corrects it to \(other)"
            }
            warn(block.startLine, "no answer key: the answer is written as \(letter) but the explanation \(says); the card "
                + "will be self-graded. Make them agree, or import with `--key \(position)=X`")
            answer = .success(nil)
        }
        switch answer {
        case .failure(let failure): return .failure(failure)
        case .success(let explicit?):
            return .success(item(question, .multipleChoice(options: options, key: explicit), explanation))
        case .success(nil) where !answers.isEmpty || run.options.contains(where: \.marked):
            return .success(item(question, .multipleChoice(options: options, key: nil), explanation))
        case .success(nil):
            let key = inferredKey(question: question, options: options, explanation: evidence, &inferences)
            return .success(item(question, .multipleChoice(options: options, key: key), explanation))
        }
    }

    /// The answer lines of `lines` and their values: every `Answer:` line, and a bare one
    /// (`Answer B`, `Key: B`, `QuizLine.bareAnswerValue`) where exporters write it, when only
    /// blank lines and answer lines stand between it and the start of `lines`.
    /// `passing` lines (the true/false lines) do not end that start either.
    static func answerValues(_ lines: ArraySlice<QuizLine>, passing: (QuizLine) -> Bool = { _ in false }) -> [(QuizLine, String)] {
        var found: [(QuizLine, String)] = []
        var leading = true
        for line in lines {
            if let value = line.answerValue ?? (leading ? line.bareAnswerValue : nil) {
                found.append((line, value))
            } else if !line.isBlank && !passing(line) {
                leading = false
            }
        }
        return found
    }

    /// The key an exporter marked on an option (`*B) Paris`, `B) Paris *`): `.some(key)` when one
    /// option is marked and no `Answer:` line says otherwise, `.some(nil)` (with a warning) when
    /// several are marked or the `Answer:` line names another; nil when none is marked.
    private mutating func markedKey(_ run: OptionRun, in lines: [QuizLine], _ explicit: AnswerKey?) -> AnswerKey?? {
        let marked = run.options.filter(\.marked).map(\.index)
        // `* A) Berlin` / `* B) Paris` / `* C) Rome`: every option so marked is a list's bullets.
        guard let first = marked.first, marked.count < run.options.count else { return nil }
        let line = lines[run.start..<run.end].first(where: { $0.option?.marked == true })?.number ?? block.startLine
        let letters = marked.map { String(KeyInference.letterOf($0)) }.joined(separator: ", ")
        if marked.count > 1 {
            warn(line, "no answer key: options \(letters) are all marked as the answer, and a multiple-choice card has "
                + "one key; the card will be self-graded. Keep one mark, or import with `--key \(position)=X`")
            return .some(nil)
        }
        if let explicit, explicit.index != first {
            warn(line, "no answer key: option \(letters) is marked as the answer but the `Answer:` line names "
                + "\(KeyInference.letterOf(explicit.index)); the card will be self-graded. Make them agree, or import with "
                + "`--key \(position)=X`")
            return .some(nil)
        }
        return .some(AnswerKey(index: first, source: .written))
    }

    /// An `Answer:` line of a multiple-choice item: the line, its value, what the value names.
    private struct AnswerLine {
        let line: QuizLine
        let value: String
        let reading: AnswerReading
    }

    /// The key from the first `Answer:` line, nil when there is none or when its letter and
    /// text disagree (then with a warning naming the line).
    private mutating func explicitKey(_ answers: [AnswerLine], options: [String]) -> Result<AnswerKey?, QuizDiagnostic> {
        guard let first = answers.first else { return .success(nil) }
        let line = first.line
        let last = Character(UnicodeScalar(UInt8(64 + options.count)))
        switch first.reading {
        case .option(let index), .optionThenExplanation(let index, _):
            // A later answer line naming another option: the file disagrees with itself.
            if let other = answers.dropFirst().first(where: { $0.reading.option.map { $0 != index } ?? false }),
               let named = other.reading.option {
                warn(line.number, "no answer key: line \(line.number) names \(KeyInference.letterOf(index)) but line "
                    + "\(other.line.number) names \(KeyInference.letterOf(named)); the card will be self-graded. Keep one "
                    + "answer line, or import with `--key \(position)=X`")
                return .success(nil)
            }
            return .success(AnswerKey(index: index, source: .written))
        case .missingOption:
            return .failure(error(line.number, "`\(line.text)` names an option this item does not "
                + "have (it has A to \(last)); fix the letter or add the missing option"))
        case .unreadable:
            return .failure(error(line.number, "`\(line.text)` does not name an option; write the "
                + "option's letter, A to \(last), as in `Answer: A`"))
        case .disagreement(let problem):
            warn(line.number, "no answer key: `\(line.text.prefix(60))` \(problem); the card will be "
                + "self-graded. Make the letter and the text agree, or import with `--key \(position)=X`")
            return .success(nil)
        }
    }

    /// The key the explanation states when it is another than the written one, or the written
    /// one when the explanation denies it by its letter (`B is wrong: …`).
    private func statedElsewhere(_ question: String, _ options: [String], _ explanation: String,
                                 than written: AnswerKey) -> (option: Int, kind: Disagreement)? {
        guard !explanation.isEmpty, explanation.utf8.count <= KeyInference.longestExplanation,
              Self.mayStateAKey(explanation) else { return nil }
        let keys = OptionEvidence.statedKeys(question: question, options: options, explanation: explanation)
        if keys.deniedByLetter.contains(written.index), !keys.stated.contains(written.index) { return (written.index, .denied) }
        let stated = keys.stated.subtracting(keys.denied)
        if stated.count == 1, let other = stated.first, other != written.index, !keys.claimsSeveral { return (other, .stated) }
        // `Answer: B` and `C is also correct`: two keys, where a card has one.
        if keys.claimsSeveral, let other = stated.union(keys.alsoRight).subtracting([written.index]).min() { return (other, .stated) }
        // `Both B and C are correct`: two stated, one of them another.
        if stated.count > 1, !keys.judgesStatements, let other = stated.subtracting([written.index]).min() { return (other, .stated) }
        if let other = keys.correctedTo.subtracting([written.index]).min() { return (other, .corrected) }
        if keys.spokenAgainst.contains(written.index), !keys.stated.contains(written.index) { return (written.index, .denied) }
        if let other = keys.plainlyStated.subtracting([written.index]).min() { return (other, .stated) }
        return nil
    }

    /// How an explanation disagrees with the written key: it denies it, states another, or
    /// corrects it to another (`Erratum: should be C.`).
    enum Disagreement { case denied, stated, corrected }

    /// A cheap first look: every stated phrasing holds one of these words (`StatedKeys`), so an
    /// explanation without any states no key and is not weighed for one.
    static func mayStateAKey(_ text: String) -> Bool {
        // A capital letter A–H standing alone (`So C.`, `It is B`, `(D)`), or a word of a verdict.
        var previous: UInt8 = 0x20
        var bytes = text.utf8.makeIterator()
        var current = bytes.next()
        while let byte = current {
            let next = bytes.next()
            if (0x41...0x48).contains(byte), !isLetterOrDigit(previous), !(next.map(isLetterOrDigit) ?? false) { return true }
            // An initial (`J. R. R. Tolkien`): it may name an option's name.
            if (0x41...0x5A).contains(byte), !isLetterOrDigit(previous), next == UInt8(ascii: ".") { return true }
            previous = byte
            current = next
        }
        return TextTokens.words(text).contains(where: statingWords.contains)
    }

    private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte >= 0x80
    }

    static let statingWords: Set<String> = ["correct", "right", "answer", "option", "choice", "true", "accurate", "best",
                                            "pick", "choose", "select", "go", "wrong", "incorrect", "false", "one", "makes",
                                            "made", "statement"]

    /// The lines after the options but the answer lines; the sentences after an answer line's
    /// letter (`Correct answer: B. Agent i pays…`) stay where the line stood, also when they
    /// disagree with it (the card is then self-graded, its text kept).
    private static func withoutAnswerLines(_ lines: ArraySlice<QuizLine>, _ answers: [AnswerLine]) -> [QuizLine] {
        var readings: [Int: AnswerLine] = [:]
        for answer in answers { readings[answer.line.number] = answer }
        return lines.compactMap { line in
            guard let answer = readings[line.number] else { return line }
            let value = answer.value
            switch answer.reading {
            case .optionThenExplanation(_, let text): return QuizLine(number: line.number, text: text)
            case .disagreement:
                // The line as written, when it holds more than a letter and an option's words
                // (`B. Canberra, not Sydney.`, `C — 404 Not Found.`): the card is self-graded, its text kept.
                if let sentences = AnswerValue.sentencesAfterLetter(value) { return QuizLine(number: line.number, text: sentences) }
                return TextTokens.words(value).count >= 3 ? QuizLine(number: line.number, text: value) : nil
            default: return nil
            }
        }
    }

    private mutating func inferredKey(question: String, options: [String], explanation: String,
                                      _ inferences: inout KeyInference.Cache) -> AnswerKey? {
        let inference = inferences.infer(question: question, options: options, explanation: explanation)
        if let key = inference.key, case let .inferred(confidence) = key.source, inferences.reading == .stated {
            let letter = KeyInference.letterOf(key.index)
            warn(block.startLine, "no answer key: the explanation does not state one (its words point to \(letter), "
                + "confidence \(confidence), but srs does not guess keys unless asked); the card will "
                + "be self-graded. Add `Answer: X` after the options, import with `--key \(position)=\(letter)` if "
                + "\(letter) is right, or with `--infer-keys` to take every such guess")
            return nil
        }
        if inference.key == nil {
            warn(block.startLine, "no answer key: \(inference.reason); the card will be self-graded. Add "
                + "`Answer: X` after the options, or import with `--key \(position)=X`")
        }
        return inference.key
    }

    /// `A) 5  B) 6  C) 7`, `What is 3+3? (A) 5 (B) 6`: options written on one line, each letter
    /// with `)` or `.` after a space, in order from A; the lines of the item with that line split
    /// at its letters (the text before `A` stays on its line), or nil when no line has two. After
    /// a question mark first, when the options are found there: `Which book did A. A. Milne
    /// write? A. Winnie-the-Pooh B. …` keeps its initials in the question.
    static func inlineOptions(in lines: [QuizLine]) -> [QuizLine]? {
        // A marker needs `)` or `.` after its letter: other lines (most of a long item) are passed
        // over without decoding them.
        for (position, line) in lines.enumerated() where line.text.utf8.count <= 2_000
            && line.text.utf8.contains(where: { $0 == UInt8(ascii: ")") || $0 == UInt8(ascii: ".") }) {
            let scalars = Array(line.text.unicodeScalars)
            let asked = scalars.firstIndex(of: "?").map { $0 + 1 }
            var starts = asked.map { markers(in: scalars, from: $0) } ?? []
            if starts.count < 2 { starts = markers(in: scalars, from: 0) }
            guard starts.count >= 2 else { continue }
            let pieces = starts.indices.map { piece -> String in
                let end = piece + 1 < starts.count ? starts[piece + 1] : scalars.count
                return String(String.UnicodeScalarView(scalars[starts[piece]..<end])).trimmingSpaces
            }
            let before = String(String.UnicodeScalarView(scalars[..<starts[0]])).trimmingSpaces
            let split = (before.isEmpty ? [] : [before]) + pieces
            var result = Array(lines[..<position])
            result += split.map { QuizLine(number: line.number, text: $0) }
            result += lines[(position + 1)...]
            return result
        }
        return nil
    }

    /// Where each letter's marker (`A)`, `(B)`, `C.` after a space) begins, from `start`, in order from A.
    private static func markers(in scalars: [Unicode.Scalar], from start: Int) -> [Int] {
        var starts: [Int] = []
        var index = start
        while index + 2 < scalars.count {
            let open = scalars[index] == "(" ? 1 : 0
            let letter = scalars[min(index + open, scalars.count - 1)].value
            if index == 0 || scalars[index - 1].isSpaceLike, index + open + 2 < scalars.count,
               letter == 65 + UInt32(starts.count),
               open == 1 ? scalars[index + 2] == ")" : (scalars[index + 1] == ")" || scalars[index + 1] == "."),
               scalars[index + open + 2].isSpaceLike {
                starts.append(index)
            }
            index += 1
        }
        return starts
    }

    /// `A - Rome`, `B – Paris`: options with a dash after the letter, read only in an item that has
    /// no other options (`A - mitochondria` / `B - ribosome` in a matching question stay its text
    /// when `A) …` options follow).
    private static func dashRun(in lines: [QuizLine]) -> OptionRun? {
        rewrittenRun(in: lines, rewriting: { QuizLine.dashAfterLetter($0) }, as: { text in
            String(text.prefix(1)) + ") " + String(String.UnicodeScalarView(text.unicodeScalars.dropFirst(3).drop { $0.isSpaceLike }))
        }, accept: { run in lines[run.start..<run.end].contains { QuizLine.dashAfterLetter($0.text) } })
    }

    /// `ahyperparameters…`, `bstandard…`, `cμP removes…`: options glued to lower-case letters,
    /// read only in an item that has no other options, and only three or more in a row (`all
    /// of…` / `but…` opening two lines of prose is no run). The first may be a capital `A`
    /// before a lower-case letter (`Acapture…`, `brelieve…`, `cland…`), capitalised as a line's
    /// first letter often is.
    private static func lowerCaseRun(in lines: [QuizLine]) -> OptionRun? {
        rewrittenRun(in: lines, rewriting: { text in
            text.unicodeScalars.first.map { (97...104).contains($0.value) } == true && text.unicodeScalars.count > 1
        }, as: { text in
            String(UnicodeScalar(text.unicodeScalars.first!.value - 32)!) + String(text.unicodeScalars.dropFirst())
        }, accept: { run in
            run.options.count >= 3 && lines[run.start..<run.end].enumerated().allSatisfy { offset, line in
                let scalars = line.text.unicodeScalars
                return line.isBlank || scalars.first!.properties.isLowercase
                    || (offset == 0 && scalars.first == "A" && scalars.dropFirst().first?.properties.isLowercase == true)
            }
        })
    }

    /// The options found once the lines `rewriting` picks are written as `as` makes them (the
    /// other lines as they are), when `accept` takes the run: a second look in an item that has
    /// no options as written.
    private static func rewrittenRun(in lines: [QuizLine], rewriting: (String) -> Bool, as rewrite: (String) -> String,
                                     accept: (OptionRun) -> Bool) -> OptionRun? {
        let rewritten = lines.map { rewriting($0.text) ? QuizLine(number: $0.number, text: rewrite($0.text)) : $0 }
        guard let run = OptionRun.find(in: rewritten), accept(run) else { return nil }
        return run
    }

    // MARK: True / false

    private mutating func readTrueFalse() -> Result<QuizItem, QuizDiagnostic> {
        // `A) True`, `B) False`: true/false written as lettered options, the answer as a letter.
        let lettered = body.compactMap { line -> (index: Int, text: String, truth: Bool)? in
            guard line.optionIndex != nil, let option = line.option, option.text.utf8.count <= 16,
                  let truth = Self.truthValue(option.text) else { return nil }
            return (option.index, option.text, truth)
        }
        let letteredTexts = lettered.map(\.index) == Array(lettered.indices) ? lettered.map(\.text) : []
        let isLetteredTruth: (QuizLine) -> Bool = { line in
            !letteredTexts.isEmpty && line.optionIndex != nil && line.option.map { $0.text.utf8.count <= 16 && Self.truthValue($0.text) != nil } == true
        }
        let isMarker: (QuizLine) -> Bool = { $0.trueFalseMarker != nil || $0.answerValue != nil || isLetteredTruth($0) }
        let markerStart = body.firstIndex(where: isMarker) ?? body.endIndex
        let question = paragraphs(body[..<markerStart])
        guard !question.isEmpty else { return .failure(missingQuestion()) }
        let rest = body[markerStart...]
        let answerLines = Self.answerValues(rest, passing: { $0.trueFalseMarker != nil || isLetteredTruth($0) })
        let answerNumbers = Set(answerLines.map(\.0.number))
        // `Answer: True ❌` then `Answer: False ✅`: a graded attempt's wrong answer is no answer.
        guard let (line, value) = answerLines.first(where: { !Self.endsInCrossMark($0.1) }) else {
            // No answer line, but one line marked as the answer (`FFalse ✅`, `*TTrue`, `B) False ✅`).
            let marks = rest.compactMap { line -> Bool? in
                if let value = line.markedTrueFalse { return value }
                guard isLetteredTruth(line), let option = line.option, option.marked else { return nil }
                return Self.truthValue(option.text)
            }
            if answerLines.isEmpty, marks.count == 1, let truth = marks.first {
                return .success(item(question, .trueFalse(answer: truth), explanation(rest.filter { !isMarker($0) })))
            }
            if let (crossed, value) = answerLines.first {
                return .failure(error(crossed.number, "`\(value)` is marked wrong, and no other line gives the answer; "
                    + "write `Answer: True` or `Answer: False`"))
            }
            return .failure(error(block.startLine, "true/false item has no answer; add a line `Answer: True` "
                + "or `Answer: False` after the true/false lines"))
        }
        // The sentences written after the answer on its line (`Answer: False. The heart has…`).
        var opening: String?
        let byLetter: Bool? = letteredTexts.isEmpty ? nil : {
            switch AnswerValue.read(value, options: letteredTexts, weighing: false) {
            case .option(let index): return lettered[index].truth
            case .optionThenExplanation(let index, let text):
                let truth = lettered[index].truth
                if let split = Self.truthThenExplanation(text) {
                    opening = split.explanation
                    return split.truth == truth ? truth : nil
                }
                // `Answer: A. Wrong: the heart has four chambers.` where A is True.
                if let verdict = Self.openingVerdict(text), verdict != truth { return nil }
                opening = text
                return truth
            default: return nil
            }
        }()
        let answer: Bool? = byLetter ?? Self.truthValue(value) ?? {
            guard let split = Self.truthThenExplanation(value) else { return nil }   // also with lettered options
            opening = split.explanation
            return split.truth
        }()
        guard let answer else {
            return .failure(error(line.number, "`\(line.text)` is neither True nor False; write "
                + "`Answer: True` or `Answer: False`"))
        }
        // A later answer line with the other truth value: the file disagrees with itself.
        if let (other, _) = answerLines.first(where: { other, value in
            other.number != line.number && !Self.endsInCrossMark(value)
                && (Self.truthValue(value) ?? Self.truthThenExplanation(value)?.truth).map { $0 != answer } == true
        }) {
            return .failure(error(other.number, "true/false item has answers that disagree: line \(line.number) says "
                + "\(answer ? "True" : "False") but line \(other.number) says \(answer ? "False" : "True"); keep the right one"))
        }
        let explanation = explanation(rest.compactMap { other in
            if other.number == line.number, let opening { return QuizLine(number: other.number, text: opening) }
            return isMarker(other) || answerNumbers.contains(other.number) ? nil : other
        })
        // `Answer: False`, then `The statement is true.`: the file disagrees with itself.
        // Not when the statement itself says something is false (`It is a myth that…`, `…the claim
        // that X is false`): there `the claim is false`, `It is false.` may mean the claim inside it.
        let otherValue = answer ? "false" : "true"
        let questionWords = TextTokens.words(question)
        let statesAFalsehood = questionWords.contains(where: Self.falsehoodWords.contains)
        // `Penguins cannot fly.`: a plain negation, no claim called false (`…is a myth`, `It is not true
        // that…`); there only an opening that calls the statement false (`Not true.`, `This is false:
        // …`) says the other value (`It is false.` may deny the negation).
        let onlyNegated = statesAFalsehood && !questionWords.contains(where: Self.claimWords.contains)
        // `A) True` / `B) False`: the other value's letter (`The correct answer is B.`) says it too.
        let otherLetter = letteredTexts.isEmpty ? nil : lettered.first { $0.truth != answer }.map { Character(UnicodeScalar(UInt8(97 + $0.index))) }
        if !statesAFalsehood ? Self.opensASentenceSaying(otherValue, in: explanation, letter: otherLetter)
            : onlyNegated && answer && Self.opensCallingTheStatementFalse(explanation) {
            return .failure(error(line.number, "true/false item disagrees with itself: `\(line.text)` but the explanation says "
                + "the statement is \(otherValue); fix one of them"))
        }
        return .success(item(question, .trueFalse(answer: answer), explanation))
    }

    /// A whole sentence of `text` that is `The statement|claim|correct answer|answer is <value>`
    /// (or `correct`, `incorrect`, `wrong`; after `So`, `Actually`, `Thus`, `In fact`…), ending
    /// with `.`, `!` or the text; or a first sentence that is only the value (`True.`) or `[No,]
    /// it is|it's|that is|this is <value>`. A refusal fails the whole import, so anything less
    /// than that is no disagreement: a concession or a case after the value (`The statement is
    /// true, except for…`, `It is true: water expands. But…`, `The claim is false: …`), a
    /// question (`The answer is true? No…`), an ellipsis (`It is true... almost.`), or the
    /// value inside a sentence (`Many believe the statement is true`). Reviews eight to ten.
    static func opensASentenceSaying(_ value: String, in text: String, letter: Character? = nil) -> Bool {
        guard let lower = normalizedForVerdicts(text) else { return false }
        // Sentences with what ends them: `.`, `!`, `?`, `;`, `:`, a line end, `...`, or the text's end.
        var sentences: [(text: Substring, end: String)] = []
        var start = lower.startIndex, index = lower.startIndex
        while index < lower.endIndex {
            let character = lower[index]
            if ".!?;:\n…".contains(character) {
                var end = lower.index(after: index)
                while end < lower.endIndex, ".!?".contains(lower[end]) { end = lower.index(after: end) }
                sentences.append((lower[start..<index], String(lower[index..<end])))
                start = end
                index = end
            } else {
                index = lower.index(after: index)
            }
        }
        sentences.append((lower[start...], ""))
        var isFirst = true, afterCorrection = false
        let subjects = ["the statement is ", "this statement is ", "the statement above is ", "the above statement is ",
                        "the given statement is ", "the claim is ", "this claim is ", "the correct answer is ",
                        "the right answer is ", "the answer is "]
        let words = value == "true" ? [value, "correct", "right", "accurate"]
            : [value, "incorrect", "wrong", "untrue", "not true", "inaccurate", "not correct"]
        for (offset, (part, end)) in sentences.enumerated() {
            var sentence = Substring(String(part).trimmingSpaces)
            guard !sentence.isEmpty else { continue }
            let first = isFirst
            isFirst = false
            // `Correction: True.`, `Erratum: true.`, `The correct answer is: False.`: the value alone
            // after a correction's label or an answer's subject.
            let corrected = afterCorrection
            afterCorrection = end == ":" && (["correction", "erratum", "update", "edit"].contains(where: { sentence.hasSuffix($0) })
                || subjects.contains { $0.hasSuffix("answer is ") && sentence + " " == $0 })
            // `False: the heart has four chambers.`: the bare value opening the explanation before a
            // colon, unless a concession follows (`True: it sounds right, but…`).
            if first, end == ":", sentence == value {
                let after = sentences[(offset + 1)...].map { String($0.text) }.joined(separator: " ")
                if !["but", "however", "although", "though", "yet"].contains(where: { after.contains(" \($0) ") || after.hasPrefix($0 + " ") }) {
                    return true
                }
            }
            // What follows the sentence, for a concession after its value (`…is true: X. But…`).
            // `The statement is true: ice is less dense.`, `…is false; the heart has four chambers.`: an
            // explicit subject, then its reason after a colon or semicolon (read only there).
            let explicitReason = (end == ":" || end == ";") && !sentences[(offset + 1)...].prefix(2)
                .contains { TextTokens.words(String($0.text)).contains(where: Self.concessionWords.contains) }
            guard ["", ".", "!", "\n"].contains(end) || explicitReason else { continue }
            if corrected, sentence == value || (value.count > 1 && sentence == value.prefix(1)) { return true }
            if first, ["", ".", "!", "\n"].contains(end), sentence == (value == "true" ? "yes" : "no") { return true }   // `No. The heart…`
            var stripped = true
            while stripped {
                stripped = false
                for opening in ["so", "actually", "thus", "therefore", "hence", "indeed", "clearly", "in fact"]
                where sentence.hasPrefix(opening + " ") || sentence.hasPrefix(opening + ",") {
                    sentence = sentence.dropFirst(opening.count).drop { $0 == " " || $0 == "," }
                    stripped = true
                }
            }
            let whole = ["", ".", "!", "\n"].contains(end)
            if first, whole, sentence == value { return true }   // `True.` opening the explanation
            if first, value == "false", Self.callsTheStatementFalse(sentence, end: end, after: sentences[(offset + 1)...].map { String($0.text) }) {
                return true
            }
            // `This is true: ice floats.` against False.
            if first, value == "true", explicitReason, ["this is true", "that is true", "that's true"].contains(String(sentence)),
               !Self.saysTheValue("false", sentences[(offset + 1)...].map { String($0.text) }) { return true }
            if first, sentence.hasPrefix("no ") || sentence.hasPrefix("no,") { sentence = sentence.dropFirst(2).drop { $0 == " " || $0 == "," } }
            // A reason after a colon or semicolon counts only after an explicit subject (`It is true:
            // water flows. But…` may concede).
            for subject in subjects + (first && whole ? ["it is ", "it's ", "that is ", "that's ", "this is "] : []) where sentence.hasPrefix(subject) {
                var rest = sentence.dropFirst(subject.count)
                for intensifier in ["indeed ", "clearly ", "actually ", "definitely ", "therefore ", "thus ", "hence ", "in fact ",
                                    "obviously ", "simply "] where rest.hasPrefix(intensifier) {
                    rest = rest.dropFirst(intensifier.count)
                }
                // The value alone, or before its reason (`…is false because the Sun is a star`); the
                // answer's letter (`The answer is F.`).
                if words.contains(where: { rest == $0 || rest.hasPrefix($0 + " because ") || rest.hasPrefix($0 + ", because ") }) { return true }
                // `…is false (the heart has four chambers).`, `…is false - the heart…`, `…is true, as ice…`.
                if whole, words.contains(where: { word in
                    [" (", " - ", " – ", " — ", ", as ", ", since "].contains { rest.hasPrefix(word + $0) }
                }), !TextTokens.words(String(rest)).contains(where: Self.concessionWords.contains) { return true }
                if subject.hasSuffix("answer is "), rest == value.prefix(1) { return true }
                if subject.hasSuffix("answer is "), let letter, rest == String(letter) || rest == "(\(letter))" { return true }
            }
            // `B is correct: the heart has four chambers.`, `Option B is right.` with lettered options.
            if let letter {
                for opening in ["\(letter) is ", "(\(letter)) is ", "option \(letter) is ", "\(letter)) is "] where sentence.hasPrefix(opening) {
                    let rest = sentence.dropFirst(opening.count)
                    if ["correct", "right", "the correct answer", "the right answer", "the answer"].contains(where: { rest == $0 }) { return true }
                }
            }
        }
        return false
    }

    /// The explanation's first sentence calls the statement false (`opensASentenceSaying`): for a
    /// statement with a negation of its own, read before Answer: True.
    static func opensCallingTheStatementFalse(_ text: String) -> Bool {
        guard let lower = normalizedForVerdicts(text) else { return false }
        var parts: [(text: String, end: String)] = []
        var current = ""
        var scalars = lower.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            if ".!?;:\n…".unicodeScalars.contains(scalar) {
                parts.append((current.trimmingSpaces, String(scalar)))
                current = ""
            } else {
                current.unicodeScalars.append(scalar)
            }
        }
        parts.append((current.trimmingSpaces, ""))
        guard let first = parts.firstIndex(where: { !$0.text.isEmpty }) else { return false }
        return callsTheStatementFalse(Substring(parts[first].text), end: parts[first].end, after: parts[(first + 1)...].map(\.text))
    }

    /// `Not true.`, `Untrue.`, `Not true, ice floats.`, `Untrue - ice floats.`, `This is false: …`,
    /// `That's wrong: …`, `That is incorrect: …` as a first sentence (lower case) ending in `end`,
    /// the sentences `after` it. Not when a concession or a case follows (`…, but…`, `only`), nor
    /// when what follows says the statement is true after all (`That's wrong: the statement is
    /// true, because…`, `…a common misconception that…`: feedback on a learner's answer).
    static func callsTheStatementFalse(_ sentence: Substring, end: String, after: [String]) -> Bool {
        let whole = ["", ".", "!", "\n"].contains(end)
        let reason = end == ":" || end == ";"
        let following = Array(after.prefix(2))
        let conceded = following.contains { TextTokens.words($0).contains(where: concessionWords.contains) }
            || saysTheValue("true", following)
        if whole, ["not true", "untrue", "not correct"].contains(String(sentence)) { return true }
        for opening in ["not true, ", "untrue, ", "not true - ", "untrue - ", "not true – ", "untrue – ", "not true — ", "untrue — "]
        where sentence.hasPrefix(opening) {
            let rest = String(sentence.dropFirst(opening.count))
            return !TextTokens.words(rest).contains(where: concessionWords.contains) && !saysTheValue("true", [rest] + following)
        }
        guard reason, !conceded else { return false }
        for subject in ["this is ", "that is ", "that's "] where sentence.hasPrefix(subject) {
            if ["false", "wrong", "incorrect", "not true", "untrue", "not correct", "inaccurate"].contains(String(sentence.dropFirst(subject.count))) {
                return true
            }
        }
        return false
    }

    /// Words that the statement is `value` after all, or of a belief held about it (`true`,
    /// `misconception`), in any of `texts`.
    static func saysTheValue(_ value: String, _ texts: [String]) -> Bool {
        let words = value == "true" ? sayingTrue : sayingFalse
        return texts.contains { TextTokens.words($0).contains(where: words.contains) }
    }

    static let sayingTrue: Set<String> = ["true", "correct", "right", "misconception", "myth", "believe", "think"]
    static let sayingFalse: Set<String> = ["false", "wrong", "incorrect", "misconception", "myth", "believe", "think"]

    /// The text as `opensASentenceSaying` reads it: lower case, `’` as `'`, without Markdown
    /// emphasis, quotes, a quote's `>` or a list's bullet opening a line, every space a plain one,
    /// `, so` opening a sentence of its own (`…four chambers, so the statement is false`) and a
    /// connective between commas joined (`is, in fact, true` → `is in fact true`); nil when no
    /// verdict word is in it.
    static func normalizedForVerdicts(_ text: String) -> String? {
        let words = Set(TextTokens.words(text))
        guard !words.isDisjoint(with: ["true", "false", "correct", "wrong", "right", "accurate", "answer", "no", "yes", "t", "f",
                                       "incorrect", "untrue", "inaccurate"]) else { return nil }
        // One pass over the scalars: lower case, `’` as `'`, no emphasis or quotes, every space a
        // plain one and runs of them one; then per line a quote's `>` or a list's bullet dropped.
        var scalars = String.UnicodeScalarView()
        var lastWasSpace = false
        for scalar in text.lowercased().unicodeScalars {
            if scalar.isSpaceLike, scalar != "\n" {
                if !lastWasSpace { scalars.append(" ") }
                lastWasSpace = true
                continue
            }
            lastWasSpace = false
            if "*_\"“”`".unicodeScalars.contains(scalar) { continue }
            scalars.append(scalar == "’" ? "'" : scalar)
        }
        var lower = String(scalars).split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var line = Substring(line).drop { $0 == " " }
            for bullet in ["> ", "- ", "• "] where line.hasPrefix(bullet) { line = line.dropFirst(bullet.count) }
            return String(line)
        }.joined(separator: "\n")
        // `, so` and a connective between commas, only where a comma is (`is, in fact, true`).
        guard lower.utf8.contains(UInt8(ascii: ",")) else { return lower }
        for connective in ["in fact", "therefore", "indeed", "actually", "thus", "hence"] where words.contains(connective.split(separator: " ").last.map(String.init) ?? "") {
            lower = lower.replacingOccurrences(of: ", \(connective), ", with: " \(connective) ")
        }
        return words.contains("so") ? lower.replacingOccurrences(of: ", so ", with: ". so ") : lower
    }

    /// Words by which a true/false statement says that something is false or not so.
    /// Words of a statement that calls a claim false or true itself (`…is a myth`, `It is not true that…`).
    static let claimWords: Set<String> = ["false", "myth", "myths", "misconception", "untrue", "wrong", "incorrect",
                                          "mistaken", "fallacy", "true", "claim", "idea", "belief", "that"]

    static let falsehoodWords: Set<String> = ["false", "myth", "myths", "misconception", "untrue", "wrong", "incorrect",
                                              "mistaken", "not", "never", "no", "isn", "doesn", "don", "cannot", "fallacy"]

    /// A value ending in a cross mark (`True ❌`, `B ✗`, `True ×`): an attempt marked wrong.
    static func endsInCrossMark(_ value: String) -> Bool {
        var scalars = value.unicodeScalars[...]
        while let last = scalars.last, last.isSpaceLike || last == "\u{FE0F}" { scalars = scalars.dropLast() }
        return scalars.last.map { ["\u{274C}", "\u{2717}", "\u{2718}", "\u{2716}", "\u{274E}", "\u{00D7}"].contains($0) } == true
    }

    static let truthSeparators = Set(".:,;!-–—(".unicodeScalars)
    /// The verdict the sentences open with: a bare `Wrong`, `Correct`, `Not so`, or `that|this|it
    /// is [a] [common] myth|wrong|right|correct|true|false|…`; nil for anything else.
    static func openingJudgement(_ words: [String]) -> Bool? {
        var rest = ArraySlice(words)
        if rest.starts(with: ["not", "so"]) { return false }
        // `No, that is wrong: …`: the leading `no` and then the verdict.
        if rest.first == "no", rest.dropFirst().first.map({ ["that", "this", "it", "thats", "its"].contains($0) }) == true {
            return openingJudgement(Array(rest.dropFirst())) ?? false
        }
        // `It is true that the Amazon carries the most water, but…`: a concession, not a verdict.
        if rest.count > 3, ["it", "its"].contains(rest.first), rest.dropFirst(2).first.map({ ["true", "false"].contains($0) }) == true,
           rest.dropFirst(3).first == "that" { return nil }
        if let first = rest.first, ["that", "this", "it", "thats", "its"].contains(first) {
            rest = rest.dropFirst()
            if rest.first == "statement" || rest.first == "claim" { rest = rest.dropFirst() }
            if rest.first == "s" || rest.first == "is" { rest = rest.dropFirst() }
            rest = rest.drop { ["a", "an", "the", "common", "popular", "old", "widespread", "just", "simply"].contains($0) }
        }
        switch rest.first {
        case "wrong", "incorrect", "false", "myth", "untrue", "misconception": return false
        case "right", "correct", "true": return true
        default: return nil
        }
    }

    /// `Wrong: the heart has…` → false, `Correct, since…` → true: a verdict word opening the text
    /// before punctuation; nil for anything else.
    static func openingVerdict(_ text: String) -> Bool? {
        let scalars = text.unicodeScalars.drop { $0.isSpaceLike }
        let word = String(String.UnicodeScalarView(scalars.prefix { $0.isWordCharacter })).lowercased()
        guard let after = scalars.dropFirst(word.unicodeScalars.count).first, truthSeparators.contains(after) else { return nil }
        switch word {
        case "right", "correct": return true
        case "wrong", "incorrect": return false
        default: return nil
        }
    }

    /// `False. The heart has four chambers…`, `True: frogs have…`: a truth word, then `.`, `:`,
    /// `,`, `;`, `!` or a dash, then three words or more: the truth value and those words. Nil
    /// when they hold the other truth word (`No, it is true that…`).
    static func truthThenExplanation(_ value: String) -> (truth: Bool, explanation: String)? {
        var scalars = value.unicodeScalars.drop { $0.isSpaceLike }
        guard let (truth, length) = Self.truthPhrase(scalars) else { return nil }
        scalars = scalars.dropFirst(length)
        var rest = scalars.drop { $0.isSpaceLike }
        guard let separator = rest.first, Self.truthSeparators.contains(separator) else { return nil }
        rest = rest.drop { Self.truthSeparators.contains($0) || $0.isSpaceLike }   // `FALSE!!! The heart…`
        let text = String(String.UnicodeScalarView(rest)).trimmingSpaces
        let words = TextTokens.words(text)
        // `True – ice floats.`, `False, obviously.`: a short reason too, but not a hedge (`True
        // (mostly)`, `True, partly`), a glued suffix (`True-ish`) or another truth word (`true (F)`).
        guard !words.isEmpty else { return nil }
        if words.count < 3 {
            let spacedBefore = scalars.first?.isSpaceLike == true || !"-–—".unicodeScalars.contains(separator)
            guard separator != "(", spacedBefore,
                  !words.indices.contains(where: { index in
                      Self.hedges.contains(words[index]) || (plainTruthWords[words[index]] != nil && (index == 0 || words[index - 1] != "not"))
                  }) else { return nil }
        }
        // `Yes, that is a myth…`, `T - that's wrong…`, `No. This is correct: …`: a verdict opening
        // the sentences that says the other value; the line is not read. (`True. No other planet…`
        // and `False. This is a common myth…` agree.)
        if let verdict = Self.openingJudgement(words), verdict != truth { return nil }
        // `False. Wait, it is true.`, `True. The statement is false.`, `…, so it is true`: a
        // correction, or the other value said of the statement, later in the sentences.
        if words.contains(where: ["wait", "sorry", "kidding", "scratch", "meant"].contains) { return nil }
        // `the statement|it|this|that is false` closing a clause (not `…is true only in the old
        // model`, `It is true that…`, `The opposite claim is false`).
        if Self.says(truth ? "false" : "true", of: ["statement", "it", "this", "that"], in: text) { return nil }
        return (truth, text)
    }

    /// Words after a verdict that concede or restrict it: `…is true: X. But…`, `…, except for ice`.
    static let concessionWords: Set<String> = ["but", "however", "except", "although", "though", "yet", "only", "unless",
                                               "apart", "partly", "mostly", "sometimes", "usually", "if", "when", "for"]

    /// Words that make a truth value a hedge: `True, mostly.`
    static let hedges: Set<String> = ["mostly", "partly", "partially", "sometimes", "usually", "probably", "arguably", "roughly",
                                      "maybe", "perhaps", "kind", "sort", "ish", "somewhat", "often", "generally", "technically"]

    /// `<subject> is <value>` closing a clause in `text` (` the statement is false.`), after a space
    /// or at the start; not `…is true only in the old model`, `It is true that…`.
    static func says(_ value: String, of subjects: [String], in text: String) -> Bool {
        // On bytes, ASCII lower-cased: the phrases are ASCII (one pass per subject, no Foundation search).
        guard !text.isEmpty else { return false }
        let bytes = [0x20] + text.utf8.map { (65...90).contains($0) ? $0 | 0x20 : $0 }
        let closing: Set<UInt8> = [UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "!"), UInt8(ascii: ":")]
        return subjects.contains { subject in
            let phrase = Array((" " + subject + " is " + value).utf8)
            guard bytes.count >= phrase.count else { return false }
            for start in 0...(bytes.count - phrase.count) where bytes[start] == 0x20 && bytes[start + 1] == phrase[1] {
                guard bytes[start..<(start + phrase.count)].elementsEqual(phrase) else { continue }
                let end = start + phrase.count
                if end == bytes.count || closing.contains(bytes[end]) { return true }
            }
            return false
        }
    }

    /// A truth value at the start of `scalars` and its length in scalars: `True`, `F`, `yes`,
    /// `Correct`, `Wrong`, `Not true`, `It is false`, `It's true`.
    static func truthPhrase(_ scalars: Substring.UnicodeScalarView.SubSequence) -> (Bool, Int)? {
        var position = scalars.startIndex, words: [String] = []
        var ends: [Int] = []
        var consumed = 0
        while words.count < 6, position < scalars.endIndex {
            let spaces = scalars[position...].prefix { !$0.isWordCharacter && $0 != "'" && $0 != "’" && !Self.truthSeparators.contains($0) }
            guard spaces.allSatisfy({ $0.isSpaceLike }) else { break }
            position = scalars.index(position, offsetBy: spaces.count)
            let word = scalars[position...].prefix { $0.isWordCharacter || $0 == "'" || $0 == "’" }
            guard !word.isEmpty else { break }
            let text = String(String.UnicodeScalarView(word)).lowercased().replacingOccurrences(of: "’", with: "'")
            consumed += spaces.count + word.count
            // `It isn't true`: the verb and its negation, as two words ending where the word does.
            if text.hasSuffix("n't"), text.count > 3 {
                words += [text == "isn't" ? "is" : String(text.dropLast(3)), "not"]
                ends += [consumed, consumed]
            } else {
                words.append(text)
                ends.append(consumed)
            }
            position = scalars.index(position, offsetBy: word.count)
        }
        var index = 0
        // `It is false`, `The statement is true`, `The answer is false`.
        for frame in [["the", "correct", "answer", "is"], ["the", "answer", "is"], ["the", "statement", "is"], ["this", "statement", "is"],
                      ["the", "claim", "is"], ["that", "claim", "is"], ["this", "claim", "is"],
                      ["it", "is"], ["that", "is"], ["this", "is"], ["it's"], ["that's"]] where words.starts(with: frame) {
            index = frame.count
            break
        }
        if index < words.count, ["definitely", "absolutely", "certainly", "clearly", "completely", "entirely"].contains(words[index]) {
            index += 1
        }
        var negated = false
        if index < words.count, words[index] == "not" { negated = true; index += 1 }
        guard index < words.count else { return nil }
        guard let truth = plainTruthWords[words[index]] ?? verdictTruthWords[words[index]] else { return nil }
        if negated, plainTruthWords[words[index]] != nil, !["true", "false"].contains(words[index]) { return nil }   // `not yes` is no English
        return (negated ? !truth : truth, ends[index])
    }

    /// `True`, `t`, `yes`, `T) True`, `(T)` → true; `False`, `f`, `no` → false: every word
    /// says the same (case and punctuation ignored).
    static func truthValue(_ value: String) -> Bool? {
        // `Not true.`, `Incorrect.`, `It's true.`: the whole value one truth phrase.
        let scalars = Substring(value).unicodeScalars.drop { $0.isSpaceLike }
        if let (truth, length) = truthPhrase(scalars) {
            let rest = TextTokens.words(String(String.UnicodeScalarView(scalars.dropFirst(length)))).joined(separator: " ")
            // `True.`, `False is the correct answer.`, `True is correct.`
            if rest.isEmpty || rest == "statement" || AnswerValue.bareVerdicts.contains(rest) { return truth }   // `Incorrect statement`
        }
        let values = TextTokens.words(value).map { plainTruthWords[$0] }
        guard let first = values.first, let truth = first, values.allSatisfy({ $0 == truth }) else { return nil }
        return truth
    }

    /// The words a true/false answer is written with; and, in a truth phrase, the verdicts too.
    static let plainTruthWords: [String: Bool] = ["true": true, "t": true, "yes": true, "false": false, "f": false, "no": false]
    static let verdictTruthWords: [String: Bool] = ["correct": true, "right": true, "yep": true, "yeah": true, "yup": true,
                                                    "incorrect": false, "wrong": false, "untrue": false, "nope": false]

    // MARK: Short answer

    private mutating func readShortAnswer() -> Result<QuizItem, QuizDiagnostic> {
        // `Model answer:` first; else `Answer:`, `Suggested answer:`… (`QuizLine.shortAnswerValue`).
        guard let marker = body.firstIndex(where: { $0.modelAnswerValue != nil }) ?? body.firstIndex(where: { $0.shortAnswerValue != nil }) else {
            return .failure(error(block.startLine, "short-answer item has no model answer; add a line "
                + "`Model answer: …` after the question"))
        }
        let question = paragraphs(body[..<marker])
        guard !question.isEmpty else { return .failure(missingQuestion()) }
        var rest = body[(marker + 1)...]
        var modelAnswer = body[marker].shortAnswerValue ?? ""
        if modelAnswer.isEmpty {
            let paragraph = rest.drop { $0.isBlank }.prefix { !$0.isBlank }
            modelAnswer = paragraphs(paragraph)
            rest = rest[paragraph.endIndex...]
        } else {
            // A rule (`---`) ends a model answer written after its label.
            let extent = ModelAnswerExtent.extent(first: modelAnswer, following: rest.prefix { !$0.isRule })
            modelAnswer = ([modelAnswer] + rest.prefix(extent.count).map(\.text)).joined(separator: "\n")
            rest = rest.dropFirst(extent.count)
            if let line = extent.undecidedLine, extent.joinedUpToBlank {
                warn(line, "this line is read as part of the model answer, since a blank line sets the explanation "
                    + "apart after it; to make it the explanation put a blank line before it")
            } else if let line = extent.undecidedLine {
                warn(line, "this line is read as the start of the explanation, though it may continue the model "
                    + "answer; to keep it in the explanation put a blank line before it, to make it part of the "
                    + "answer write `Model answer:` alone on its line with the whole answer in the lines after it")
            }
        }
        guard !modelAnswer.isEmpty else {
            return .failure(error(body[marker].number, "`Model answer:` is empty; write the answer after "
                + "the colon or on the next line"))
        }
        return .success(item(question, .shortAnswer(modelAnswer: modelAnswer), explanation(Array(rest))))
    }

    // MARK: Helpers

    /// The explanation from its lines: an `Explanation:` label opening it is dropped, and option
    /// lines inside it (an item whose header is missing) draw a warning.
    private mutating func explanation(_ lines: [QuizLine]) -> String {
        // A rule (`---`) before or after the explanation separates items; one inside stays.
        var lines = Array(lines.drop { $0.isBlank || $0.isRule })
        while let last = lines.last, last.isBlank || last.isRule { lines.removeLast() }
        if let first = lines.firstIndex(where: { !$0.isBlank }), let value = lines[first].explanationValue {
            if value.isEmpty { lines.remove(at: first) } else { lines[first] = QuizLine(number: lines[first].number, text: value) }
        }
        if let run = OptionRun.find(in: lines) {
            let first = lines[run.start].number, last = lines[run.end - 1].number
            warn(first, "lines \(first)–\(last) look like the options of an item without a header; they are read as "
                + "part of this item's explanation. If they belong to another item, put a header such as "
                + "`Question \(position + 1) Multiple Choice` before its question")
        }
        return paragraphs(lines)
    }

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
