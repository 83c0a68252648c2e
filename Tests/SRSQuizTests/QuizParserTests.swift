import Foundation
import Testing
import SRSCore
@testable import SRSQuiz

@Suite struct QuizParserSampleTests {
    @Test func originalSampleGivesFourItemsWithInferredKeys() throws {
        let result = QuizParser.parse(try quizSample("000_84106cf2ef55100a.txt"), keys: .weighed)
        #expect(result.errors == [])
        #expect(result.itemCount == 4)
        #expect(result.items.map(\.kind.typeName) == ["multiple_choice", "short_answer", "true_false", "multiple_choice"])
        #expect(result.items.map(\.line) == [1, 7, 12, 18])
        #expect(result.items[0].kind.key?.index == 1)
        #expect(result.items[3].kind.key?.index == 3)
        #expect(result.items[0].kind.options?.count == 4)
        #expect(result.items[0].explanation.hasPrefix("A surprising insight of NTK theory"))
        #expect(result.items[2].kind == .trueFalse(answer: false))
        #expect(result.warnings == [])
    }

    @Test func inferredKeysCarryTheirConfidence() throws {
        let result = QuizParser.parse(try quizSample("000_84106cf2ef55100a.txt"), keys: .weighed)
        for item in [result.items[0], result.items[3]] {
            guard case .inferred(let confidence)? = item.kind.key?.source else {
                Issue.record("item \(item.position) key is not inferred"); continue
            }
            #expect(confidence >= KeyInference.minimumConfidence && confidence <= 1)
        }
    }

    @Test func shortAnswerSplitsModelAnswerAndExplanation() throws {
        let item = QuizParser.parse(try quizSample("000_84106cf2ef55100a.txt"), keys: .weighed).items[1]
        #expect(item.question == "Why is the Neural Tangent Kernel relevant for understanding finite-width neural networks?")
        guard case .shortAnswer(let model) = item.kind else { Issue.record("not short answer"); return }
        #expect(model.hasPrefix("Finite-width networks deviate"))
        #expect(item.explanation.hasPrefix("NTK serves as an important theoretical limit"))
        #expect(!item.explanation.contains("Think about your answer"))
    }

    @Test func linearAlgebraSampleUsesExplicitKeys() throws {
        let result = QuizParser.parse(try quizSample("linear-algebra.txt"), keys: .weighed)
        #expect(result.errors == [])
        #expect(result.items.count == 4)
        #expect(result.items[0].kind == .multipleChoice(options: ["0", "1", "2"], key: AnswerKey(index: 1, source: .written)))
        #expect(result.items[0].question == "What is the determinant of the 2×2 identity matrix?")
        #expect(result.items[3].kind.key == AnswerKey(index: 0, source: .inferred(confidence: 0.81)))
        #expect(result.items[1].kind == .trueFalse(answer: false))
    }

    /// `1·1 − 0·0 = 1`: the calculation's result points to the option `1` (`ComputedValue`), also
    /// when its terms `1` and `0` stand alone side by side; without the `=` no key is guessed from them.
    @Test func numbersAreWholeTokens() throws {
        let item = QuizParser.parse(try quizSample("linear-algebra.txt"), keys: .weighed).items[0]
        let options = item.kind.options ?? []
        #expect(KeyInference.infer(question: item.question, options: options, explanation: item.explanation).key
            == AnswerKey(index: 1, source: .inferred(confidence: 1)))
        let spaced = KeyInference.infer(question: item.question, options: options,
                                        explanation: "Its determinant is 1 × 1 − 0 × 0 = 1.")
        #expect(spaced.key == AnswerKey(index: 1, source: .inferred(confidence: 1)))
        let words = KeyInference.infer(question: item.question, options: options,
                                       explanation: "Its determinant is 1 × 1 − 0 × 0, which gives 1.")
        #expect(words.key == nil)
    }
}

@Suite struct QuizParserVariationTests {
    @Test(arguments: [
        "Question 1 Multiple Choice", "question 1 multiple choice", "QUESTION 1   MULTIPLE   CHOICE",
        "Question 7 MultipleChoice", "  Question 12 Multiple Choice  ", "Question 1: Multiple Choice",
        "Question 1 (Multiple Choice)", "Question 1 [Multiple Choice]", "Question 1 - Multiple Choice:",
        // Markdown, points and other spellings (eleventh review: each merged two items).
        "### Question 1", "## Question 1 Multiple Choice", "**Question 1**", "**Question 1:** Multiple Choice", "__Question 1__",
        "Question #1", "Question 1/10", "Question 1 (1 point)", "Question 1 Multiple Choice (2 points)",
        "Question 1 Multiple Choice - 2 points", "Question 1 [1 pt]", "Question 1: Multiple-choice", "Question 1 Single Choice",
        "Question 1 MCQ", "Q1", "Q1.", "Q1 Multiple Choice", "Q 1:", "Problem 1", "Problem 1 (Multiple Choice)", "**Q1.**",
        "Question 1 [2 pts] Multiple Choice", "Question 1 (1 point) - Multiple Choice",
    ])
    func multipleChoiceHeaders(header: String) {
        let result = parseQuiz("\(header)\nQ?\nAyes\nBno\nAnswer: A\n")
        #expect(result.items.map(\.kind.typeName) == ["multiple_choice"])
        #expect(result.items.first?.question == "Q?")
    }

    /// `Question 1: What is 2+2?`, `Q1. …`: a header without a type before the question, read
    /// by its content (twelfth review: such items merged); `Question 1.5 shows…` is text.
    @Test(arguments: ["Question 1: Q?", "Q1. Q?", "Problem 1) Q?", "**Question 1:** Q?", "Question 1 - Q?", "Q1: Q?",
                      "Question 1 (2 points): Q?"])
    func headersBeforeTheQuestion(header: String) {
        let result = parseQuiz("Question 9 Short Answer\nName one.\nModel answer: One.\n\n\(header)\nAyes\nBno\nAnswer: A\n"
            + "Q2. Water is wet.\nTTrue\nFFalse\nAnswer: True\n")
        #expect(result.errors == [] && result.warnings == [], "\(result.errors) \(result.warnings)")
        #expect(result.items.map(\.kind.typeName) == ["short_answer", "multiple_choice", "true_false"])
        #expect(result.items.dropFirst().map(\.question) == ["Q?", "Water is wet."])
        let text = parseQuiz("Question 1 Short Answer\nName one.\nModel answer: One.\nQuestion 1.5 shows it.\nQuestion 2 asks more.\n")
        #expect(text.items.count == 1)
    }

    @Test(arguments: ["Question 3 True / False", "Question 3 True/False", "question 3 true  /  false",
                      "Question 3 TRUE/FALSE", "### Question 3 True/False", "Question 3 T/F", "Q3 True or False (1 pt)",
                      "Question 3 True-False", "Question 3 (True/False) - 1 point", "Question 3 [1 pt] True/False"])
    func trueFalseHeaders(header: String) {
        let result = parseQuiz("\(header)\nSky is blue.\nTTrue\nFFalse\nAnswer: True\n")
        #expect(result.items.first?.kind == .trueFalse(answer: true))
    }

    @Test func gapsInNumberingAndCRLFAndTrailingSpaces() {
        let text = "Question 1 True / False  \r\nA?\r\nTTrue\r\nFFalse\r\nAnswer: False   \r\n\r\n"
            + "Question 9 Short Answer\r\nWhy?\r\nModel answer: Because.  \r\n"
        let result = parseQuiz(text)
        #expect(result.errors == [])
        #expect(result.items.map(\.line) == [1, 7])
        #expect(result.items.map(\.position) == [1, 2])
        #expect(result.items[1].kind == .shortAnswer(modelAnswer: "Because."))
    }

    @Test func multiLineQuestionAndBlankLinesAnywhere() {
        let text = "\n\nQuestion 1 Multiple Choice\n\nFirst line,\nsecond line.\n\nAone\n\nBtwo\n\nCthree\n\nAnswer: C\n\nWhy.\n\n"
        let item = parseQuiz(text).items.first
        #expect(item?.question == "First line,\nsecond line.")
        #expect(item?.kind == .multipleChoice(options: ["one", "two", "three"], key: AnswerKey(index: 2, source: .written)))
        #expect(item?.explanation == "Why.")
        #expect(item?.line == 3)
    }

    @Test(arguments: [
        ("A4\nB5\nC6", ["4", "5", "6"]),
        ("Basync", nil),
        ("Aawait\nBasync\nCthreads", ["await", "async", "threads"]),
        ("Aθ\nBλ\nC∑ of all", ["θ", "λ", "∑ of all"]),
        ("A日本\nB中国\nC😀 emoji", ["日本", "中国", "😀 emoji"]),
        ("A$5\nB#tag\nC(x)", ["$5", "#tag", "(x)"]),
    ] as [(String, [String]?)])
    func optionTextMayStartWithAnything(options: String, expected: [String]?) {
        let result = parseQuiz("Question 1 Multiple Choice\nPick.\n\(options)\nAnswer: A\n")
        #expect(result.items.first?.kind.options == expected)
    }

    @Test func eightOptionsAtMostAndTheNinthLetterIsExplanation() {
        let options = "AOne\nBTwo\nCThree\nDFour\nEFive\nFSix\nGSeven\nHEight\nIt is Eight.\n"
        let item = parseQuiz("Question 1 Multiple Choice\nPick.\n\(options)").items.first
        #expect(item?.kind.options?.count == 8)
        #expect(item?.explanation == "It is Eight.")
    }

    @Test(arguments: [
        "Every option but D is wrong, because D says so.",
        "Explanation: D is right.",
    ])
    func explanationStartingWithTheNextLetterIsNotAnOption(explanation: String) {
        let text = "Question 1 Multiple Choice\nPick.\nAOne thing\nBTwo things\nCThree things\nDFour things\n\(explanation)\n"
        let item = parseQuiz(text).items.first
        #expect(item?.kind.options == ["One thing", "Two things", "Three things", "Four things"])
        // An `Explanation:` label is not part of the explanation.
        #expect(item?.explanation == explanation.replacingOccurrences(of: "Explanation: ", with: ""))
    }

    @Test func proseAfterLowercaseOptionsIsToldByItsLength() {
        let explanation = "Callbacks came first; async and await are sugar over promises, which is why await needs an async function."
        let text = "Question 1 Multiple Choice\nPick.\nAawait\nBasync\n\(explanation)\n"
        let item = parseQuiz(text).items.first
        #expect(item?.kind.options == ["await", "async"])
        #expect(item?.explanation == explanation)
    }

    @Test func explanationBeginningWithCapitalWordsStaysExplanation() {
        let text = "Question 1 Multiple Choice\nPick.\nAOne\nBTwo\nBecause two is more.\nA second paragraph.\nAnswer: B\n"
        let item = parseQuiz(text).items.first
        #expect(item?.kind.options == ["One", "Two"])
        #expect(item?.explanation == "Because two is more.\nA second paragraph.")
        #expect(item?.kind.key == AnswerKey(index: 1, source: .written))
    }

    @Test func interfaceLineIsDropped() {
        let text = "Question 1 Short Answer\nWhy?\nThink about your answer, then reveal below.\nModel answer: Since.\nMore.\n"
        let item = parseQuiz(text).items.first
        #expect(item?.question == "Why?")
        #expect(item?.kind == .shortAnswer(modelAnswer: "Since."))
        #expect(item?.explanation == "More.")
    }

    @Test func modelAnswerOnTheNextLine() {
        let item = parseQuiz("Question 1 Short Answer\nWhy?\nModel answer:\nBecause.\n\nDetail.\n").items.first
        #expect(item?.kind == .shortAnswer(modelAnswer: "Because."))
        #expect(item?.explanation == "Detail.")
    }

    @Test func headerlessItemsAreTypedByContent() {
        #expect(parseQuiz("Is it?\nTTrue\nFFalse\nAnswer: True\n").items.first?.kind == .trueFalse(answer: true))
        #expect(parseQuiz("Why?\nModel answer: So.\n").items.first?.kind == .shortAnswer(modelAnswer: "So."))
        #expect(parseQuiz("Pick\nAx\nBy\nAnswer: B").items.first?.kind.key?.index == 1)
    }

    @Test func questionStartingWithCapitalAIsNotAnOption() {
        let item = parseQuiz("Question 1 Multiple Choice\nA train leaves at noon. When?\nA1 pm\nB2 pm\nAnswer: B\n").items.first
        #expect(item?.question == "A train leaves at noon. When?")
        #expect(item?.kind.options == ["1 pm", "2 pm"])
    }

    @Test func controlCharactersAreNeutralised() {
        let item = parseQuiz("Question 1 Short Answer\nWhy\u{1B}[31m?\u{07}\nModel answer: x\u{9B}y\n").items.first
        #expect(item?.question == "Why\u{241B}[31m?\u{2407}")
        #expect(item?.kind == .shortAnswer(modelAnswer: "x\u{FFFD}y"))
    }
}

@Suite struct QuizParserErrorTests {
    @Test(arguments: [
        ("Question 1 Multiple Choice\nPick one.\nThere are no options here.\n", 1,
         "multiple-choice item has no options; write at least two options on their own lines, each as its letter glued to its text: `AFirst option`, `BSecond option`"),
        ("Question 1 True / False\nIs it?\nTTrue\nFFalse\n", 1,
         "true/false item has no answer; add a line `Answer: True` or `Answer: False` after the true/false lines"),
        ("Question 1 Multiple Choice\nPick.\nAx\nBy\nAnswer: E\n", 5,
         "`Answer: E` names an option this item does not have (it has A to B); fix the letter or add the missing option"),
        ("Question 1 Short Answer\nWhy?\nThink about your answer, then reveal below.\n", 1,
         "short-answer item has no model answer; add a line `Model answer: …` after the question"),
        ("Question 1 True / False\nIs it?\nAnswer: Maybe\n", 3,
         "`Answer: Maybe` is neither True nor False; write `Answer: True` or `Answer: False`"),
        ("Question 1 Multiple Choice\n\nAx\nBy\n", 1,
         "item has no question; write the question on the line after the header"),
    ] as [(String, Int, String)])
    func malformedItemsAreErrorsWithLineAndFix(text: String, line: Int, message: String) {
        let result = parseQuiz(text)
        #expect(result.items == [])
        #expect(result.errors == [QuizDiagnostic(.error, line: line, position: 1, message)])
    }

    @Test func validItemsSurviveAnInvalidNeighbour() {
        let result = parseQuiz("Question 1 True / False\nIs it?\nTTrue\n\nQuestion 2 True / False\nOk?\nAnswer: True\n")
        #expect(result.itemCount == 2)
        #expect(result.items.map(\.position) == [2])
        #expect(result.errors.map(\.line) == [1])
    }

    @Test func weakEvidenceGivesNoKeyAndAWarning() {
        let result = parseQuiz("Question 1 Multiple Choice\nPick.\nAred apples\nBgreen pears\n")
        #expect(result.items.first?.kind.key == nil)
        #expect(result.warnings == [QuizDiagnostic(.warning, line: 1, position: 1,
            "no answer key: there is no explanation to infer it from; the card will be self-graded. Add `Answer: X` after the options, or import with `--key 1=X`")])
    }

    @Test func equallySupportedOptionsGiveNoKey() {
        let result = parseQuiz("Question 1 Multiple Choice\nPick.\nAred apples\nBgreen pears\nBoth red apples and green pears are fruit.\n")
        #expect(result.items.first?.kind.key == nil)
        #expect(result.warnings.first?.message.contains("supports A and B about equally") == true)
    }
}

@Suite struct QuizKeyInferenceTests {
    @Test func oneSharedWordIsTooWeakToNameAKey() {
        let result = KeyInference.infer(options: ["It helps consolidate new memories", "It only affects physical skills"],
                                        explanation: "Retention is better after sleep, for facts as well as skills.")
        #expect(result.key == nil)
        #expect(result.reason == "the explanation shares too few words with any option")
    }

    @Test func wordsEveryOptionSharesCountForNothingButAQuoteDoes() {
        let options = ["Kernels are fixed", "Kernels are learned"]
        #expect(KeyInference.infer(options: options, explanation: "Kernels matter: kernels are everywhere.").key == nil)
        #expect(KeyInference.infer(options: options, explanation: "Kernels are fixed at initialization.").key
            == AnswerKey(index: 0, source: .inferred(confidence: 1)))
    }
}
