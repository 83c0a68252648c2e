import Foundation
import Testing
import SRSCore
@testable import SRSQuiz

/// The split of items without headers as it was first written: at each item it reads the rest
/// of the block again (quadratic in the items of a file without headers). It is kept here as the
/// specification the one-pass split (`LineScan`) must give exactly.
enum PlainSplit {
    static func splitHeaderless(_ block: QuizBlock) -> [QuizBlock] {
        var result: [QuizBlock] = []
        var current = block
        // `1. Which planet…?` opening the text before the first header: the item's number.
        if current.header == nil, let first = current.body.firstIndex(where: { !$0.isBlank }),
           let (number, question) = QuizLine.numberedQuestion(current.body[first].text) {
            current.body[first] = QuizLine(number: current.body[first].number, text: question)
            current.header = QuizHeader(number: number, type: nil)
            current.headerLine = current.body[first].number
        } else if current.header == nil, let numbered = numberedAfterLeadIn(current.body),
                  let (number, question) = QuizLine.numberedQuestion(current.body[numbered].text) {
            // `Consider a triangle with sides 3, 4 and 5.` / `1. Which kind is it?`: the lead-in is the
            // question's, the number the item's.
            current.body[numbered] = QuizLine(number: current.body[numbered].number, text: question)
            current.header = QuizHeader(number: number, type: nil)
        }
        while let cut = foreignStart(current.body, type: current.header?.type) {
            result.append(QuizBlock(header: current.header, headerLine: current.headerLine, body: Array(current.body[..<cut]),
                                    split: current.split))
            var rest = Array(current.body[cut...])
            var next = QuizBlock(header: nil, headerLine: nil, body: rest, split: true)
            if let (number, question) = QuizLine.numberedQuestion(rest[0].text) {
                rest[0] = QuizLine(number: rest[0].number, text: question)
                next = QuizBlock(header: QuizHeader(number: number, type: nil), headerLine: rest[0].number, body: rest, split: true)
            }
            current = next
        }
        result.append(current)
        return result
    }

    /// The one numbered line (`1. Which…?`) among the lines before the first item's options,
    /// true/false lines or answer, when it is the last of them and lines stand before it: a
    /// question after its lead-in (not a list, `1. Mix` / `2. Bake`, inside a question).
    static func numberedAfterLeadIn(_ body: [QuizLine]) -> Int? {
        let marker = body.firstIndex(where: { $0.trueFalseMarker != nil || $0.answerValue != nil
            || $0.modelAnswerValue != nil || $0.shortAnswerValue != nil })
        guard let end = [OptionRun.find(in: body)?.start, marker].compactMap({ $0 }).min() else { return nil }
        let question = body[..<end].indices.filter { !body[$0].isBlank }
        let numbered = question.filter { QuizLine.numberedQuestion(body[$0].text) != nil }
        guard numbered.count == 1, let line = numbered.first, line == question.last, question.count > 1 else { return nil }
        return line
    }

    /// Where another item's question starts in `body` (see `splitHeaderless`), if anywhere.
    static func foreignStart(_ body: [QuizLine], type: QuizItemType?) -> Int? {
        guard let (own, run) = ownStructure(body, type: type), own < body.count else { return nil }
        let foreignRun = OptionRun.another(in: body, from: own)
        let pair = trueFalsePair(in: body, from: own)
        // `2. The Sun is a star.` / `Answer: True`: a numbered paragraph after a blank line holding
        // an answer line or a model answer.
        // Also `What is the capital of Spain?` / `Model answer: Madrid.`: a question set apart, with a
        // model answer of its own (no explanation holds one).
        let numberedAnswer = body.indices.dropFirst(own).first { index in
            guard index > own, body[index - 1].isBlank || body[index - 1].isRule else { return false }
            let rest = body[index...].prefix { !$0.isBlank }.dropFirst()
            if QuizLine.numberedQuestion(body[index].text) != nil {
                return rest.contains { $0.answerValue != nil || $0.bareAnswerValue != nil || $0.modelAnswerValue != nil }   // `Ans. B`
            }
            return body[index].text.hasSuffix("?") && body[index].modelAnswerValue == nil && rest.first?.modelAnswerValue != nil
        }
        guard let structure = [foreignRun?.start, pair, numberedAnswer].compactMap({ $0 }).min() else { return nil }
        if structure == numberedAnswer { return structure }
        // `Why not the others?` / `A) Mars is cold…`: options that open with this item's own
        // options review them; a lead-in ending in `:` (`Review each option:`) introduces them.
        if structure == foreignRun?.start, let foreignRun, let ownRun = run ?? OptionRun.find(in: body), ownRun.end <= own,
           foreignRun.reviews(ownRun) { return nil }
        var start = structure
        while start > own, !body[start - 1].isBlank, !body[start - 1].isRule { start -= 1 }
        if body[structure - 1].text.hasSuffix(":") { return nil }
        // A numbered line opens the question: the one right before the options (`Reasons:` / `1) …`
        // / `2. Which is odd?`), or else the paragraph's only one (`…as Earth.` / `2. Which…?`; not
        // `1. Water boils…` / `2. Ice sinks…` / `Which are true?`, a list in the question).
        if structure - 1 >= own, QuizLine.numberedQuestion(body[structure - 1].text) != nil { return structure - 1 }
        let numbered = body[start..<structure].indices.filter { QuizLine.numberedQuestion(body[$0].text) != nil }
        if numbered.count == 1, let line = numbered.first { return line }
        guard start < structure, start > own, body[start - 1].isBlank || body[start - 1].isRule else { return nil }
        return start
    }

    /// One past the block's own options, true/false lines or model answer line (those of its
    /// header's type, or else the first of them), and its options when they were looked for.
    static func ownStructure(_ body: [QuizLine], type: QuizItemType?) -> (end: Int, run: OptionRun?)? {
        let run = type == nil || type == .multipleChoice ? OptionRun.find(in: body) : nil
        let pair = type == nil || type == .trueFalse ? trueFalsePair(in: body, from: 0) : nil
        // A short-answer item's `Answer:` line too; in an item of no known type only `Model answer:`,
        // `Suggested answer:`… (an `Answer:` line may be any type's).
        let model = type == .shortAnswer ? body.firstIndex(where: { $0.shortAnswerValue != nil })
            : type == nil ? body.firstIndex(where: { $0.shortAnswerValue != nil && $0.answerValue == nil }) : nil
        // A true/false item may have only its answer line (`Answer: True`).
        // (`Ans. B` too, after options this reads in no run: `A - Venus` / `B - Mercury`.)
        let answer = type == nil || type == .trueFalse ? body.firstIndex(where: { $0.answerValue != nil || $0.bareAnswerValue != nil }) : nil
        let starts = [run?.start, pair, model, answer].compactMap { $0 }
        guard let first = starts.min() else { return nil }
        if first == run?.start, let run { return (run.end, run) }
        if first == pair, let pair { return ((body[(pair + 1)...].firstIndex { !$0.isBlank } ?? pair) + 1, run) }
        return (first + 1, run)
    }

    /// The first `TTrue` line at or after `start` with an `FFalse` line next (blank lines between).
    static func trueFalsePair(in body: [QuizLine], from start: Int) -> Int? {
        var index = start
        while index < body.count {
            if body[index].trueFalseMarker == true, let next = body[(index + 1)...].firstIndex(where: { !$0.isBlank }),
               body[next].trueFalseMarker == false { return index }
            index += 1
        }
        return nil
    }
}

@Suite struct HeaderlessSplitTests {
    static func lines(_ text: String) -> [QuizLine] {
        QuizParser.joiningAnswerValues(QuizText.lines(Array(text.utf8)).lines.filter { !$0.isInterfaceText })
    }

    /// Both splits of one block of `lines`, which must be equal.
    static func expectSameSplit(_ lines: [QuizLine], _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let block = QuizBlock(header: nil, headerLine: nil, body: lines)
        let plain = PlainSplit.splitHeaderless(block)
        // With the tables of `LineScan` and without them, whatever the block's length.
        for tablesAbove in [0, Int.max] {
            let split = QuizParser.splitHeaderless(block, tablesAbove: tablesAbove)
            // Compared as a Bool: two printed splits of a long block would bury the case's name.
            #expect(Bool(split == plain), "\(name), tables above \(tablesAbove) lines: \(split.count) items, the plain split \(plain.count)",
                    sourceLocation: sourceLocation)
        }
    }

    static var fixtureTexts: [(name: String, text: String)] {
        let root = quizRepositoryRoot
        let folders = ["Tests/SRSQuizTests/Fixtures/quiz-corpus", "Tests/SRSQuizTests/Fixtures/quiz-heldout-natural",
                       "Tests/SRSQuizTests/Fixtures/quiz-heldout-final", "decks/sources"]
        return folders.flatMap { folder -> [(name: String, text: String)] in
            let url = root.appendingPathComponent(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            return names.filter { $0.hasSuffix(".txt") }.sorted().compactMap { name in
                (try? String(contentsOf: url.appendingPathComponent(name), encoding: .utf8)).map { (name, $0) }
            }
        }
    }

    /// Every fixture file, read as one block (headers and all) and with its header lines taken
    /// out (a file of items without headers): the same items as the plain split.
    @Test func fixtureFilesSplitAsThePlainSplitDoes() {
        let texts = Self.fixtureTexts
        #expect(texts.count > 100)
        var headerless = 0
        for (name, text) in texts {
            let lines = Self.lines(text)
            Self.expectSameSplit(lines, name)
            let withoutHeaders = lines.filter { $0.header == nil }
            Self.expectSameSplit(withoutHeaders, name + " without headers")
            headerless += QuizParser.splitHeaderless(QuizBlock(header: nil, headerLine: nil, body: withoutHeaders)).count
            for block in QuizParser.blocks(lines) { Self.expectSameSplit(block.body, name + " block \(block.startLine)") }
        }
        #expect(headerless > 500)   // the files without headers do split into many items
    }

    static let pieces: [String] = [
        "Which planet is closest to the Sun?", "1. Which planet is closest to the Sun?", "2) Water expands when it freezes.",
        "12. Pick one:", "Consider a triangle with sides 3, 4 and 5.", "The Sun is a star.", "Why not the others?",
        "Review each option:", "Reasons:", "A) Venus", "B) Mercury", "C) Mars", "D) Jupiter", "A) Mars is cold and far.",
        "B) Incorrect – Mercury is first.", "A) Venus  B) Mercury  C) Mars", "A - Jupiter", "B - Saturn", "AOne", "BTwo",
        "CThree", "aone", "btwo", "Assume the bank raises rates.", "AThey rise", "BThey fall", "TTrue", "FFalse",
        "Answer: B", "Answer: True", "Ans. B", "Answer = B", "Because.", "Model answer: Madrid.", "Suggested answer: yes",
        "Explanation: the nearest is Mercury.", "Mercury orbits closest.", "---", "***", "", "", "", "Alice is older than Bob.",
        "Who is oldest?", "What is the capital of Spain?",
        // Numbered lines that read as another kind once their number is taken off.
        "3. A) Venus", "4. AOne", "5. TTrue", "6. Answer: B", "7. Model answer: Madrid.", "8. Ans. B", "9. A - Jupiter",
        "10. Which is odd?", "11. Are whales fish?",
    ]

    /// Blocks made of item-like lines in any order and number: the same items as the plain split.
    @Test func generatedBlocksSplitAsThePlainSplitDoes() {
        var rng = SeededGenerator(seed: 20_261_202)
        for case_ in 0..<3_000 {
            let count = Int(rng.next() % 60)
            let text = (0..<count).map { _ in Self.pieces[Int(rng.next() % UInt64(Self.pieces.count))] }.joined(separator: "\n")
            Self.expectSameSplit(Self.lines(text), "case \(case_): \(text.debugDescription)")
        }
    }

    /// One item without a header, in pieces drawn at random: a question (numbered or not, asking
    /// or not), options in several styles, true/false lines, answer lines, an explanation, a second
    /// question and run after it, and what sets it apart from the next.
    static func item(_ rng: inout SeededGenerator, _ number: Int) -> [String] {
        func pick(_ choices: [String]) -> String { choices[Int(rng.next() % UInt64(choices.count))] }
        func chance(_ percent: UInt64) -> Bool { rng.next() % 100 < percent }
        var lines: [String] = []
        if chance(20) { lines.append(pick(["Consider a triangle with sides 3, 4 and 5.", "Alice is older than Bob.", "Read this:"])) }
        let question = pick(["Which planet is closest to the Sun?", "Pick one:", "The Sun is a star.", "A bird can fly?",
                             "Assume the bank raises rates.", "What is the capital of Spain?", "Which is odd"])
        lines.append(chance(60) ? "\(number)\(pick([".", ")"])) " + question : question)
        if chance(20) { lines.append("") }
        switch rng.next() % 6 {
        case 0: lines += ["A) Venus", "B) Mercury", "C) Mars"].prefix(2 + Int(rng.next() % 2))
        case 1: lines += ["AOne", "BTwo", "CThree", "Dfour"].prefix(2 + Int(rng.next() % 3))
        case 2: lines += ["TTrue", "FFalse"]
        case 3: lines.append(pick(["A) Venus  B) Mercury  C) Mars", "A - Jupiter\nB - Saturn", "athey rise.\nbthey fall."]))
        case 4: lines.append(pick(["Model answer: Madrid.", "Suggested answer: yes"]))
        default: break
        }
        if chance(60) { lines.append(pick(["Answer: B", "Answer: True", "Ans. B", "Answer = B", "answer: c"])) }
        if chance(40) { lines.append(pick(["Mercury orbits closest.", "Because.", "B) Incorrect – Mercury is first.", "Why not the others?"])) }
        if chance(15) { lines += ["", "Why?", "A) Mars is cold and far.", "B) Mercury"] }
        lines.append(pick(["", "", "---", "***"]))
        if chance(20) { lines.append("") }
        return lines
    }

    @Test func generatedItemsSplitAsThePlainSplitDoes() {
        var rng = SeededGenerator(seed: 20_261_203)
        var items = 0
        for case_ in 0..<2_000 {
            let count = 1 + Int(rng.next() % 12)
            let text = (1...count).flatMap { Self.item(&rng, $0) }.joined(separator: "\n")
            let lines = Self.lines(text)
            Self.expectSameSplit(lines, "case \(case_): \(text.debugDescription)")
            items += QuizParser.splitHeaderless(QuizBlock(header: nil, headerLine: nil, body: lines)).count
        }
        #expect(items > 6_000)   // most items are read as items of their own
    }

    /// Items without headers, one after another, in each shape: as many items as written.
    @Test(arguments: [
        "Which planet is closest to the Sun, %d?\nA) Venus  B) Mercury  C) Mars\nAnswer: B\n\n",
        "Which planet is closest to the Sun, %d?\nA) Venus\nB) Mercury\nC) Mars\nAnswer: B\n\n",
        "What is the capital of country %d?\nAnswer: Paris\n\n",
        "The number %d is even.\nTTrue\nFFalse\nAnswer: True\n\n",
    ])
    func numberedItemsWithoutHeadersAreEachAnItem(shape: String) {
        let text = (1...300).map { "\($0). " + String(format: shape, $0) }.joined()
        let result = QuizParser.parse(text: text)
        #expect(result.items.count == 300)
        #expect(result.errors.isEmpty)
        #expect(result.items.map(\.question) == (1...300).map { String(String(format: shape, $0).prefix { $0 != "\n" }) })
    }
}
