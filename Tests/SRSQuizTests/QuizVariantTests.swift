import Foundation
import Testing
import SRSCore
@testable import SRSQuiz

/// The shapes of point 1 of issue 11: every natural variant of the format is read.
@Suite struct QuizAnswerLineTests {
    static let item = "Question 1 Multiple Choice\nPick.\nAone\nBtwo\nCthree\n"

    @Test(arguments: ["Answer: b", "Answer: (B)", "Answer: B) two", "Answer: B. two", "Answer: B - two",
                      "Correct answer: B", "answer: b.", "ANSWER: B", "Answer:\u{A0}B", "Answer:\u{202F}B",
                      "Answer:\u{3000}B", "Answer: two", "Answer: \"Two\"", "Answer:\u{FEFF} B\t", "Right answer: B",
                      "Answer: B) tw…", "Answer: Option B", "Answer: option (b)", "Correct answer: Choice B", "Ans: B",
                      "Answer: It is B.", "Answer: Definitely B.", "Answer: two (B)", "Answer: Option B is correct.", "Answer: B!",
                      "Answer: The two.", "**Answer:** B", "**Answer: B**", "__Correct answer:__ (b)", "Answer: **B**", "**Answer: B** — two.",
                      "Answer: 'B'", "Answer: \"B\"",
                      // A full-width colon (tenth review).
                      "Answer：B", "Correct answer：(B)", "**Answer：** B"])
    func answerShapesGiveTheWrittenKey(line: String) {
        let result = parseQuiz(Self.item + line + "\nBecause.\n")
        #expect(result.errors == [])
        #expect(result.items.first?.kind.key == AnswerKey(index: 1, source: .written))
        #expect(result.items.first?.explanation == "Because.")
    }

    /// Answer lines without a colon (`Answer = B`, `Answer - B`, `Answer B`, `Ans. B`), with a
    /// check mark after the letter (`Answer: B ✅`), and the labels `Solution:` and `Key:` when
    /// what follows is only a letter (after the seventh review's list of lost shapes).
    @Test(arguments: ["Answer = B", "Answer=B", "Answer - B", "Answer – (B)", "Answer B", "answer b.", "Ans. B", "Ans B",
                      "Correct answer - B", "Answer: B ✅", "Answer: B ✓", "Answer: (B) ✔", "Answer: B) two ✅",
                      "Solution: B", "Key: B", "Key: (b)", "Solution: B.", "Answer key = B",
                      // More of the eighth review's lost shapes.
                      "Key - B", "Key = B", "Solution - B", "Key B", "Correct: B", "Final answer: B", "Best answer: (B)",
                      "Answer − B", "Answer ‐ B", "Ans.B", "Ans.: B", "Final answer - B"])
    func answerShapesWithoutAColonOrWithAMark(line: String) {
        let result = parseQuiz(Self.item + line + "\nBecause.\n")
        #expect(result.errors == [] && result.warnings == [])
        #expect(result.items.first?.kind.key == AnswerKey(index: 1, source: .written))
        #expect(result.items.first?.explanation == "Because.")
    }

    /// The value on the line after the label (`Answer:` / `B`), as some exporters write it: a bare
    /// letter or truth word there is the answer line's value (first review of 2026-12-02's list).
    @Test(arguments: ["Answer:\nB", "Correct answer:\n(B)", "**Answer:**\nB.", "Answer:\nb)", "ANSWER:\n  B\t",
                      "**Answer:**\n**B**", "Answer:\n__B__", "Answer:\nB) two", "Answer:\nOption B", "Answer:\nB. two"])
    func answerValueOnTheNextLine(lines: String) {
        let result = parseQuiz(Self.item + lines + "\nBecause.\n")
        #expect(result.errors == [] && result.warnings == [])
        #expect(result.items.first?.kind.key == AnswerKey(index: 1, source: .written))
        #expect(result.items.first?.explanation == "Because.")
    }

    @Test func trueFalseValueOnTheNextLine() {
        let result = parseQuiz("Question 1 True/False\nWater is wet.\nTrue\nFalse\nAnswer:\nFalse\nIt is not.\n")
        #expect(result.errors == [])
        #expect(result.items.first?.kind == .trueFalse(answer: false))
        #expect(result.items.first?.explanation == "It is not.")
        let reason = parseQuiz("Question 1 True/False\nWater is wet.\nTrue\nFalse\nAnswer:\nFalse, it is not.\n")
        #expect(reason.errors == [])
        #expect(reason.items.first?.kind == .trueFalse(answer: false))
    }

    /// An option's text alone on the line after `Answer:` is its value, as on one line (seventeenth
    /// review: refused, though `Answer: two` is read).
    @Test(arguments: ["Answer:\ntwo", "Answer:\nTwo"])
    func optionTextOnTheNextLine(lines: String) {
        let result = parseQuiz(Self.item + lines + "\nBecause.\n")
        #expect(result.errors == [])
        #expect(result.items.first?.kind.key == AnswerKey(index: 1, source: .written))
        #expect(result.items.first?.explanation == "Because.")
    }

    /// An empty `Answer:` before a sentence stays an error naming its line: the sentence is no value.
    @Test func anEmptyAnswerLineBeforeProseIsAnError() {
        let result = parseQuiz(Self.item + "Answer:\nBecause two is even.\n")
        #expect(result.errors.map(\.line) == [6])
    }

    /// `Solution:` and `Key:` before anything but a letter are the explanation's own words, and a
    /// line opening `Answer` without a letter is no answer line.
    @Test(arguments: ["Key: two is the only even number here.", "Solution: count the even numbers.", "Answer B and you are right.",
                      "Answer = the even one, two."])
    func labelsBeforeWordsAreExplanation(line: String) {
        let result = parseQuiz(Self.item + line + "\n")
        #expect(result.errors == [])
        #expect(result.items.first?.explanation == line)
    }

    /// A bare answer line stands where exporters write it: right after the options or the
    /// true/false lines (or another answer line). Inside prose it is prose (eighth review).
    @Test(arguments: ["Many students pick the tempting\nanswer B\nbut it ignores the third option.",
                      "A common error is\nAnswer - A\nwhich confuses one with two.",
                      "Why not the others?\nAnswer A\nToo small.",
                      "The printed answer\nkey: B\nwas a misprint.",
                      "Some guides list\nSolution: B\nas a misprint."])
    func bareAnswerLinesInsideProseAreProse(lines: String) {
        let result = parseQuiz(Self.item + lines + "\n")
        #expect(result.errors == [])
        #expect(result.items.first?.kind.key?.source != .written)
        #expect(result.items.first?.explanation == lines)
    }

    @Test func aBareAnswerLineAfterABlankLineAndAnAnswerLine() {
        let result = parseQuiz(Self.item + "\nAnswer = B\nBecause.\n")
        #expect(result.items.first?.kind.key == AnswerKey(index: 1, source: .written))
        #expect(result.items.first?.explanation == "Because.")
    }

    /// True/false: a bare line in the question is the question's; two answers that disagree are an
    /// error naming the second; an answer marked wrong (`❌`) is a graded attempt, no answer.
    @Test func trueFalseBareLinesAndDisagreeingAnswers() {
        let inQuestion = parseQuiz("Question 1 True / False\nIn the key below, the leading tone is E.\nKey: F\nTTrue\nFFalse\nAnswer: True\nIt is.\n")
        #expect(inQuestion.errors == [])
        #expect(inQuestion.items.first?.kind == .trueFalse(answer: true))
        #expect(inQuestion.items.first?.question == "In the key below, the leading tone is E.\nKey: F")
        let prose = parseQuiz("Question 1 True / False\nThe Sun rises in the east.\nTTrue\nFFalse\nAnswer: True\nThe naive\nanswer false\ncomes from maps.\n")
        #expect(prose.errors == [])
        #expect(prose.items.first?.kind == .trueFalse(answer: true))
        #expect(prose.items.first?.explanation == "The naive\nanswer false\ncomes from maps.")
        for second in ["Answer: False", "Answer - F", "Key: F"] {
            let result = parseQuiz("Question 1 True / False\nSky is blue.\nTTrue\nFFalse\nAnswer: True\n\(second)\nRayleigh.\n")
            #expect(result.items.isEmpty, "\(second)")
            #expect(result.errors.map(\.line) == [6], "\(second)")
            #expect(result.errors.first?.message.contains("answers that disagree: line 5 says True but line 6 says False") == true)
        }
        let graded = parseQuiz("Question 1 True / False\nSky is blue.\nTTrue\nFFalse\nAnswer: False ❌\nAnswer: True ✅\nRayleigh.\n")
        #expect(graded.items.first?.kind == .trueFalse(answer: true))
        #expect(graded.items.first?.explanation == "Rayleigh.")
        for mark in ["✗", "×"] {
            let crossed = parseQuiz("Question 1 True / False\nSky is blue.\nTTrue\nFFalse\nAnswer: True \(mark)\nRayleigh.\n")
            #expect(crossed.items.isEmpty && crossed.errors.map(\.line) == [5], "\(mark)")
        }
    }

    /// An explanation saying the other value of the statement (`Answer: False`, then `The
    /// statement is true.`) is an error naming the answer line (eighth review); the same value,
    /// or another statement's, agrees.
    @Test func trueFalseExplanationSayingTheOtherValue() {
        for explanation in ["The statement is true.", "Actually, the statement is true.", "So this statement is true!",
                            // Ninth review: other words for the same.
                            "The correct answer is True.", "True. Ice melts into water.", "The claim is true.",
                            "The statement is correct.", "In fact, the claim is true.", "It's true.", "No, it is true.",
                            "The statement above is true.", "Water is wet. So the statement is true.",
                            // After the tenth review: a reason after the value, `That's`, a correction's label.
                            "The statement is true because water is a liquid.", "That's true.", "That’s true.",
                            "Correction: True.", "Water is dry? Erratum: true.", "It is true, because water is a liquid.",
                            // Twelfth review: Markdown, quotes, a colon, connectives, other subjects, the letter.
                            "**The statement is true.**", "*The statement is true.*", "> The statement is true.", "- The statement is true.",
                            "The correct answer is \"True\".", "The correct answer is: True.", "The statement is \"true\".",
                            "The statement is therefore true.", "The statement is, in fact, true.", "The right answer is true.",
                            "The given statement is true.", "This claim is true.", "The statement is right.", "The answer is T.",
                            "Water is wet, so the statement is true.", "The\u{A0}statement is\u{A0}true.", "True: water is wet.",
                            // A reason after an explicit subject's verdict.
                            "The statement is true: water is a liquid.", "The statement is true, as water is a liquid.",
                            "The statement is correct: water is a liquid.", "The statement is actually true: water is a liquid.",
                            "The statement is true (water is a liquid).", "The statement is true; water is a liquid.",
                            "The statement is true - water is a liquid."] {
            let result = parseQuiz("Question 1 True / False\nWater is wet.\nTTrue\nFFalse\nAnswer: False\n\(explanation)\n")
            #expect(result.items.isEmpty, "\(explanation)")
            #expect(result.errors.map(\.line) == [5], "\(explanation)")
            #expect(result.errors.first?.message.contains("the explanation says the statement is true") == true)
        }
        for explanation in ["The statement is false: water is wet only when liquid.", "The opposite statement is true.",
                            "The statement is true only for ice.",
                            // Ninth review: a belief, a case, a question about the statement.
                            "Many people believe the statement is true, but water is wet.", "For ice the statement is true; water is wet.",
                            "Ask yourself whether the statement is true. It is not.", "A common belief is that the statement is true.",
                            "Water is wet. True believers disagree.", "The answer is true only for ice.",
                            "Water is wet. That is true of most liquids, not of sand.", "It is true that ice floats, but water is wet.",
                            "True, many people think so, but water is wet.", "It is true, of course, that ice floats; water is wet.",
                            "That is true, in a sense, but water is wet.",
                            // Tenth review: a case or concession after the value, a question, an ellipsis.
                            "The statement is true, except for ice, which is solid.", "It is true... almost. Ice is not wet.",
                            "The statement is true... for steam. Water is wet.", "The answer is true? No, water is wet.",
                            "So the statement is correct, right? No: water is wet.", "It is true: water flows. But it is also wet.",
                            "The claim is false: water is wet.", "Water is wet. The statement is true, however, for sand.",
                            "That's true for ice, but water is wet.", "Water is wet. That's true.", "Correction: true for ice only.",
                            "The statement is true because of ice? No: water is wet.",
                            "True: it sounds right, but water is wet.", "Water is wet, so the statement is true only for ice.",
                            "The statement is true: it seems so. But water is wet.", "The statement is true (for ice only).",
                            "The statement is true; however, water is wet.",
                            "The right answer is true of ice only."] {
            let result = parseQuiz("Question 1 True / False\nWater is dry.\nTTrue\nFFalse\nAnswer: False\n\(explanation)\n")
            #expect(result.errors == [], "\(explanation) \(result.errors)")
            #expect(result.items.first?.kind == .trueFalse(answer: false))
        }
        // Tenth review: a statement that itself calls a claim false; `It is false.` is the claim's.
        for (question, explanation) in [("The idea that we lose most heat through our heads is a myth.", "It is false. Heat goes in proportion to area."),
                                        ("Studies show the claim that cracking knuckles causes arthritis is false.", "Actually, the claim is false.")] {
            let result = parseQuiz("Question 1 True / False\n\(question)\nTTrue\nFFalse\nAnswer: True\n\(explanation)\n")
            #expect(result.errors == [], "\(explanation)")
            #expect(result.items.first?.kind == .trueFalse(answer: true))
        }
    }

    /// `Answer: True`, then an opening that calls the statement false in other words: `Not true.`,
    /// `Untrue.`, `This is false: …`, `That's wrong: …` (the twelfth review's accepted
    /// contradictions); a concession or a case after it still agrees.
    @Test func trueFalseOpeningSayingTheStatementIsFalse() {
        for explanation in ["Not true. Ice floats on water.", "Untrue. Ice floats on water.", "This is false: ice floats on water.",
                            "That's wrong: ice floats because it is less dense.", "That is incorrect: ice floats.",
                            "This is not true: ice floats."] {
            let result = parseQuiz("Question 1 True / False\nIce sinks in water.\nTTrue\nFFalse\nAnswer: True\n\(explanation)\n")
            #expect(result.items.isEmpty, "\(explanation)")
            #expect(result.errors.first?.message.contains("the explanation says the statement is false") == true, "\(explanation)")
        }
        // Sixteenth review: a reason after a comma or dash, and statements with a negation of their own.
        for explanation in ["Not true, ice floats on water.", "Untrue - ice floats."] {
            let result = parseQuiz("Question 1 True / False\nIce sinks in water.\nTTrue\nFFalse\nAnswer: True\n\(explanation)\n")
            #expect(result.items.isEmpty, "\(explanation)")
        }
        for (statement, explanation) in [("Penguins cannot fly.", "That's wrong: penguins can fly short distances."),
                                         ("Ice does not sink in water.", "Not true. Ice sinks to the bottom."),
                                         ("Ice never sinks in pure water.", "This is false: ice always sinks.")] {
            let result = parseQuiz("Question 1 True / False\n\(statement)\nTTrue\nFFalse\nAnswer: True\n\(explanation)\n")
            #expect(result.items.isEmpty, "\(explanation)")
        }
        // Feedback on a learner's answer that goes on to agree with the written one.
        for explanation in ["That's wrong: the statement is true, because ice is less dense than water.",
                            "That's wrong: the answer is True, since ice is less dense.",
                            "That is incorrect: it's a common misconception that ice sinks."] {
            let result = parseQuiz("Question 1 True / False\nIce floats on water.\nTTrue\nFFalse\nAnswer: True\n\(explanation)\n")
            #expect(result.errors == [], "\(explanation) \(result.errors)")
            #expect(result.items.first?.kind == .trueFalse(answer: true))
        }
        for explanation in ["Not true? It is: dense ice sinks in this liquid.", "That's wrong: it sounds right, but ice sinks in alcohol.",
                            "Ice floats on water. This is false: of alcohol only.", "This is false for water; in alcohol ice sinks.",
                            "Not true of water, but true of alcohol."] {
            let result = parseQuiz("Question 1 True / False\nIce sinks in alcohol.\nTTrue\nFFalse\nAnswer: True\n\(explanation)\n")
            #expect(result.errors == [], "\(explanation) \(result.errors)")
        }
    }

    /// Errors quote the line as written, not a rewritten `Answer:` (eighth review).
    @Test func errorsQuoteTheLineAsWritten() {
        let result = parseQuiz(Self.item + "Answer – (D)\nBecause.\n")
        #expect(result.errors.first?.message.hasPrefix("`Answer – (D)` names an option this item does not have") == true, "\(result.errors)")
    }

    @Test(arguments: [("Answer = False", false), ("Answer - True", true), ("Solution: False", false), ("Answer: True ✅", true),
                      ("Key: T", true)])
    func trueFalseAnswersWithoutAColon(line: String, answer: Bool) {
        let result = parseQuiz("Question 1 True / False\nSky is blue.\nTTrue\nFFalse\n\(line)\nRayleigh scattering.\n")
        #expect(result.errors == [])
        #expect(result.items.first?.kind == .trueFalse(answer: answer))
        #expect(result.items.first?.explanation == "Rayleigh scattering.")
    }

    @Test(arguments: [("Answer: three (B)", "gives the text of another option than its letter in brackets"),
                      ("Answer: B/C", "names more than one option (B, C)"), ("Answer: Either B or C", "names more than one option (B, C)"),
                      ("Answer: B) three", "names option B but gives the text of option C"),
                      ("Answer: B) four", "names option B but its text is not option B's"),
                      ("Answer: A two", "names option A but gives the text of option B")])
    func letterAndTextThatDisagreeGiveNoKeyAndAWarning(line: String, problem: String) {
        let result = parseQuiz(Self.item + line + "\nThe answer is two, clearly two.\n")
        #expect(result.errors == [])
        #expect(result.items.first?.kind.key == nil)
        #expect(result.warnings.map(\.line) == [6])
        #expect(result.warnings.first?.message.contains(problem) == true)
    }

    /// `Correct answer: B. The second is right because…`: the letter and then the explanation on
    /// the same line (held-out round n7). The letter is the key and the sentences open the
    /// explanation; a text that is no sentence, or another option's text, still disagrees.
    @Test(arguments: [("Correct answer: B. Two is the only even number in the list.", "Two is the only even number in the list."),
                      ("Answer: B) Two is the only even number in the list!", "Two is the only even number in the list!"),
                      ("Answer: (B) It is two: the only even one here.", "It is two: the only even one here."),
                      ("Answer: B. Two, because it is the only even one.", "Two, because it is the only even one.")])
    func aLetterAndThenTheExplanationOnOneLine(line: String, opening: String) {
        let result = parseQuiz(Self.item + line + "\nThe others are odd.\n")
        #expect(result.errors == [] && result.warnings == [])
        #expect(result.items.first?.kind.key == AnswerKey(index: 1, source: .written))
        #expect(result.items.first?.explanation == opening + "\nThe others are odd.")
    }

    /// A remark in brackets after the letter that says nothing of any option keeps the letter and
    /// opens the explanation (an outside review: `Answer: B   (checked 2023)` gave no key); one
    /// with an option's words or another letter still disagrees.
    @Test func aRemarkInBracketsAfterTheLetterKeepsIt() {
        for line in ["Answer: B   (checked 2023)", "Answer: B (see p. 12)"] {
            let result = parseQuiz(Self.item + line + "\nThe others are odd.\n")
            #expect(result.items.first?.kind.key == AnswerKey(index: 1, source: .written), "\(line)")
            #expect(result.items.first?.explanation.hasSuffix(")\nThe others are odd.") == true, "\(line)")
        }
        for line in ["Answer: B (three)", "Answer: B (or A)"] {
            #expect(parseQuiz(Self.item + line + "\nThe others are odd.\n").items.first?.kind.key == nil, "\(line)")
        }
    }

    @Test(arguments: ["Answer: B. four.", "Answer: B. Four is even and so are the others", "Answer: B) three, as it is odd.",
                      "Answer: B. Three is the only odd number here, and one.",
                      // Found by review: more letters, another option named, a correction.
                      "Answer: B and C. Both are accepted by the quiz author here.", "Answer: B, C. Both are accepted by the quiz author.",
                      "Answer: B or C. Either is accepted, since both are small numbers.",
                      "Answer: B (C is also accepted, as the quiz author later admitted).",
                      "Answer: B. The number three is the only odd one among them.",
                      "Answer: B - wait, no: the answer is A, sorry about that.",
                      // Second review: the other letter `A` before a verb, a contradiction.
                      "Answer: B, although A is also accepted by most textbooks.",
                      "Answer: B. No, that would be a mistake made by many students.",
                      "Answer: B (or A in some books)."])
    func aShortOrOptionLikeTextAfterTheLetterStillDisagrees(line: String) {
        let result = parseQuiz(Self.item + line + "\nThe others are odd.\n")
        #expect(result.items.first?.kind.key == nil)
        #expect(result.warnings.map(\.line) == [6])
    }

    /// Sentences after the letter that point to another option disagree with it (found by review).
    @Test(arguments: [("Answer: B. The mitochondrion is the powerhouse of the cell, making its ATP.", 6),
                      ("Answer: B. The capital of Italy is Paris, not Rome, as every atlas shows.", 6),
                      ("Answer: A. Representations are frozen after initialization, and learning is kernel-based.", 6)])
    func sentencesPointingToAnotherOptionDisagree(line: String, warned: Int) {
        let items = ["Answer: B. The mitochondrion": "Question 1 Multiple Choice\nWhich organelle makes ATP?\nANucleus\nBRibosome\nCMitochondrion\n",
                     "Answer: B. The capital": "Question 1 Multiple Choice\nCapital of France?\nAParis\nBRome\nCOslo\n",
                     "Answer: A. Representations": "Question 1 Multiple Choice\nWhat happens in the NTK limit?\n"
                        + "ARepresentations change and adapt to the data\nBRepresentations are frozen after initialization; learning is kernel-based\n"
                        + "CRepresentations collapse to one vector\n"]
        let item = items.first { line.hasPrefix($0.key) }!.value
        let result = parseQuiz(item + line + "\n")
        #expect(result.items.first?.kind.key == nil)
        #expect(result.warnings.map(\.line) == [warned])
    }

    /// The held-out round n7's line: a word or two of another option in passing stands.
    @Test func wordsOfAnotherOptionInPassingStand() {
        let result = parseQuiz("Question 1 Multiple Choice\nIn the VCG mechanism, what does each agent pay?\n"
            + "AIts own reported value for the chosen outcome\nBThe reduction in the other agents' total welfare caused by its presence\n"
            + "CNothing; VCG is payment-free\nDThe average of all agents' reported values\n"
            + "Correct answer: B. Agent i pays the difference between the welfare the others would get if i were absent and the "
            + "welfare they get in the chosen outcome, that is, the externality i imposes on them.\n")
        #expect(result.items.first?.kind.key == AnswerKey(index: 1, source: .written))
        #expect(result.items.first?.explanation.hasPrefix("Agent i pays the difference") == true)
    }

    /// Two answer lines that name different options give no key and a warning (second review).
    @Test(arguments: ["Answer: B\nAnswer: C", "Answer: B\nCorrect answer: C. Three is the odd one here, as it is prime."])
    func answerLinesThatDisagreeGiveNoKey(lines: String) {
        let agreeing = parseQuiz(Self.item + "Answer: B\nCorrect answer: (B)\n")
        #expect(agreeing.items.first?.kind.key == AnswerKey(index: 1, source: .written) && agreeing.warnings.isEmpty)
        let result = parseQuiz(Self.item + lines + "\n")
        #expect(result.items.first?.kind.key == nil)
        #expect(result.warnings.map(\.line) == [6])
        #expect(result.warnings.first?.message.contains("line 7 names C") == true, "\(result.warnings)")
    }

    /// A disagreeing line's sentences stay in the explanation (second review).
    @Test func aDisagreeingLinesSentencesStay() {
        let result = parseQuiz(Self.item + "Answer: B. The number three is the only odd one among them.\n")
        #expect(result.items.first?.kind.key == nil)
        #expect(result.items.first?.explanation == "The number three is the only odd one among them.")
        let negative = parseQuiz("Question 1 Multiple Choice\nWhich of these is NOT a noble gas?\nAArgon\nBNitrogen\nCNeon\n"
            + "Answer: B. Nitrogen is not a noble gas; it sits in group 15.\n")
        // A question asking for the one that is not: the named option's denial is what the
        // sentences say of it (a fourth review found 7 of 7 such lines losing their key otherwise).
        #expect(negative.items.first?.kind.key == AnswerKey(index: 1, source: .written))
        #expect(negative.items.first?.explanation == "Nitrogen is not a noble gas; it sits in group 15.")
    }

    /// Third review: the article `A` opening a sentence, sentences that undercut the letter or
    /// quote another option, and an explanation stating another key.
    @Test(arguments: [("Answer: A muscular organ that pumps blood around the body.", "A muscular organ that pumps blood around the body."),
                      ("Answer: A. Many students pick this, but the liver only filters the blood.",
                       "Many students pick this, but the liver only filters the blood."),
                      ("Answer: A. That is the most common wrong answer; the liver filters blood.",
                       "That is the most common wrong answer; the liver filters blood."),
                      ("Answer: A (The heart is the pump, but the liver filters the blood).",
                       "(The heart is the pump, but the liver filters the blood)."),
                      ("Answer: A. The liver is large, though it does not pump blood around the body.",
                       "The liver is large, though it does not pump blood around the body.")])
    func sentencesThatUndercutTheLetterGiveNoKey(line: String, kept: String) {
        let result = parseQuiz("Question 1 Multiple Choice\nWhich organ pumps blood around the body?\nALiver\nBLungs\nCThe heart\n"
            + line + "\n")
        #expect(result.errors == [])
        #expect(result.items.first?.kind.key == nil)
        #expect(result.items.first?.explanation == kept)
        #expect(result.warnings.map(\.line) == [6])
    }

    /// Sentences after the letter that name another option and never the named one disagree
    /// (seventh review: `Answer: A. The closest planet is Mercury.` kept A).
    @Test func sentencesNamingOnlyAnotherOptionDisagree() {
        let result = parseQuiz("Question 1 Multiple Choice\nWhich planet is closest to the Sun?\nAVenus\nBMercury\nCMars\nDEarth\n"
            + "Answer: A. The closest planet is Mercury.\n")
        #expect(result.items.first?.kind.key == nil)
        #expect(result.items.first?.explanation == "The closest planet is Mercury.")
    }

    @Test func anExplanationStatingAnotherKeyGivesNoKey() {
        let result = parseQuiz(Self.item + "Answer: A\nThe correct answer is B: two is even.\n")
        #expect(result.items.first?.kind.key == nil)
        #expect(result.warnings.first?.message.contains("the answer is written as A but the explanation states B") == true)
        let agreeing = parseQuiz(Self.item + "Answer: B\nThe correct answer is B: two is even.\n")
        #expect(agreeing.items.first?.kind.key == AnswerKey(index: 1, source: .written))
    }

    /// `The answer is A. A. Milne` beside `Answer: A`, where Milne is B: the initials name B, not the
    /// letter A (fourteenth review's last wrong key).
    @Test func initialsOfAnotherOptionDisagreeWithTheWrittenLetter() {
        let text = "Question 1 Multiple Choice\nWho wrote Winnie-the-Pooh?\nA) Roald Dahl\nB) A. A. Milne\nC) Beatrix Potter\n"
        let result = parseQuiz(text + "Answer: A\nThe answer is A. A. Milne, who wrote it for his son.\n")
        #expect(result.items.first?.kind.key == nil)
        #expect(result.warnings.first?.message.contains("the answer is written as A but the explanation states B") == true)
        let agreeing = parseQuiz(text + "Answer: B\nThe answer is A. A. Milne, who wrote it for his son.\n")
        #expect(agreeing.items.first?.kind.key == AnswerKey(index: 1, source: .written))
    }

    /// Initials of no letter A–H (`J. R. R. Tolkien`) beside another written letter (sixteenth review).
    @Test func initialsPastHDisagreeWithTheWrittenLetter() {
        let text = "Question 1 Multiple Choice\nWho wrote The Hobbit?\nA) C. S. Lewis\nB) Tolkien\nC) J. K. Rowling\n"
        let result = parseQuiz(text + "Answer: A\nIt's J. R. R. Tolkien.\n")
        #expect(result.items.first?.kind.key == nil)
        #expect(result.warnings.first?.message.contains("the answer is written as A but the explanation states B") == true)
    }

    /// An explanation denying the written key by its letter (`Answer: B` and `B is wrong: …`)
    /// disagrees with it (eighth review); a denial of another option agrees.
    @Test func anExplanationDenyingTheWrittenKeyGivesNoKey() {
        let result = parseQuiz(Self.item + "Answer: B\nB is wrong: three is larger.\n")
        #expect(result.items.first?.kind.key == nil)
        #expect(result.warnings.map(\.line) == [1])
        #expect(result.warnings.first?.message.contains("the answer is written as B but the explanation says B is wrong") == true)
        let agreeing = parseQuiz(Self.item + "Answer: B\nA is wrong: one is odd.\n")
        #expect(agreeing.items.first?.kind.key == AnswerKey(index: 1, source: .written))
        let negative = parseQuiz("Question 1 Multiple Choice\nWhich number is NOT odd?\nAone\nBtwo\nCthree\nAnswer: B\nB is false as an odd number: two is even.\n")
        #expect(negative.items.first?.kind.key == AnswerKey(index: 1, source: .written))
    }

    /// A correction after the written key that names another letter (`Erratum: should be C.`,
    /// `Update: C.`, `Sorry, typo: C`) leaves the key in doubt: no key and a warning (tenth
    /// review: `Answer: A` then `Erratum: should be B.` kept A). One naming the written letter
    /// agrees; so do `Not A.` and `A - wrong.`, the short denials, of another letter, while of the
    /// written one they disagree.
    @Test(arguments: ["Erratum: should be C.", "Correction: C.", "Update: the key is C.", "Sorry, typo: C.",
                      "Wait, it is C.", "Actually C: three is the odd one.", "Oops, I meant C.", "Edit: C, not B."])
    func aCorrectionNamingAnotherLetterGivesNoKey(explanation: String) {
        let result = parseQuiz(Self.item + "Answer: B\n\(explanation)\n")
        #expect(result.items.first?.kind.key == nil, "\(explanation)")
        #expect(result.warnings.map(\.line) == [1])
        let message = result.warnings.first?.message ?? ""
        #expect(message.contains("the answer is written as B but the explanation corrects it to C")
                || message.contains("the answer is written as B but the explanation states C"), "\(result.warnings)")
    }

    /// `Answer: B` and `C is also correct`: two keys for a card that has one (eleventh review);
    /// after the fourteenth, also `B is correct, and so is C`, `Both B and C are correct`, and
    /// `the correct answer is C` behind a concession or condition (`Although B looks right,…`).
    @Test(arguments: ["C is also correct.", "Note that C is correct as well.", "C is right too, in base three.",
                      "B is correct, and so is C.", "Both B and C are correct.", "Although B looks right, the correct answer is C.",
                      "If you chose B, you were misled: the correct answer is C.", "Tempting as B is, the correct answer is C."])
    func anotherOptionAlsoCorrectGivesNoKey(explanation: String) {
        let result = parseQuiz(Self.item + "Answer: B\n\(explanation)\n")
        #expect(result.items.first?.kind.key == nil, "\(explanation)")
        #expect(result.warnings.first?.message.contains("the answer is written as B but the explanation states C") == true, "\(result.warnings)")
        let same = parseQuiz(Self.item + "Answer: B\nB is also correct in base three.\n")
        #expect(same.items.first?.kind.key == AnswerKey(index: 1, source: .written))
        let negative = parseQuiz("Question 1 Multiple Choice\nWhich number is NOT odd?\nAone\nBtwo\nCthree\nAnswer: B\n"
            + "A is right, and so is C; only B is wrong.\n")
        #expect(negative.items.first?.kind.key == AnswerKey(index: 1, source: .written))
    }

    @Test(arguments: ["Erratum: should be B.", "Correction: B, as printed.", "Actually, two is the even one.", "Not A.",
                      "A - wrong. C - wrong.", "Not C: three is odd.",
                      // Idioms that speak for B (the fourteenth review's dropped written keys).
                      "We cannot eliminate B: it is even.", "We can't rule out B.", "B can't be beaten: two is even.",
                      "B cannot be faulted.", "B is not only even but also prime.", "B is not just even; it is prime."])
    func aCorrectionOrDenialAgreeingKeepsTheKey(explanation: String) {
        let result = parseQuiz(Self.item + "Answer: B\n\(explanation)\n")
        #expect(result.items.first?.kind.key == AnswerKey(index: 1, source: .written), "\(explanation)")
        #expect(result.warnings == [])
    }

    @Test(arguments: ["Not B.", "B - wrong.", "B – incorrect: two is even.", "Not B: two is even.",
                      // Eleventh review: a denial in other words, doubt or no doubt.
                      "The answer cannot be B: two is even.", "B can't be right, since two is even.", "It isn't B.",
                      "We can eliminate B at once.", "B is a distractor: two is even.", "Don't pick B; two is even.",
                      "B) Incorrect – two is even.", "B is not the one: two is even.", "B is not only wrong but odd."])
    func aShortDenialOfTheWrittenKeyGivesNoKey(explanation: String) {
        let result = parseQuiz(Self.item + "Answer: B\n\(explanation)\n")
        #expect(result.items.first?.kind.key == nil, "\(explanation)")
        #expect(result.warnings.first?.message.contains("the answer is written as B but the explanation says B is wrong") == true,
                "\(result.warnings)")
    }

    /// Fifth review: a denied letter or option agrees with the named one.
    @Test(arguments: ["Answer: B, not A.", "Answer: B. Two, not one, is the even number here."])
    func aDeniedOtherOptionAgrees(line: String) {
        let result = parseQuiz(Self.item + line + "\n")
        #expect(result.items.first?.kind.key == AnswerKey(index: 1, source: .written), "\(result.warnings)")
    }

    /// Fourth review: answer lines whose sentences are an ordinary explanation keep their key.
    @Test(arguments: [("Which of these is NOT a programming language?\nAPython\nBJava\nCRust\nDHTML\n"
                       + "Answer: D. HTML is a markup language used to structure web pages.", 3),
                      ("What is the standard error of the mean?\nAThe variance\nBσ/√n\nCThe range\n"
                       + "Answer: B. The standard error is the standard deviation divided by the square root of n.", 1),
                      ("Which animal is a fish?\nADolphin\nBWhale\nCShark\n" + "Answer: C. Sharks are cartilaginous fish.", 2)])
    func anAnswerLineWithAnOrdinaryExplanationKeepsItsKey(item: String, key: Int) {
        let result = parseQuiz("Question 1 Multiple Choice\n" + item + "\n")
        #expect(result.items.first?.kind.key == AnswerKey(index: key, source: .written), "\(result.warnings)")
        #expect(result.items.first?.explanation.isEmpty == false)
    }

    /// A disagreeing line's words beyond a letter and an option's text stay in the explanation,
    /// sentence or not (sixth review: `Answer: C — 404 Not Found.` was lost).
    @Test func aDisagreeingLinesShortTextStays() {
        let result = parseQuiz(Self.item + "Answer: B) four five\n")
        #expect(result.items.first?.kind.key == nil)
        #expect(result.items.first?.explanation == "B) four five")
        let bare = parseQuiz(Self.item + "Answer: B) four\n")
        #expect(bare.items.first?.explanation == "")
    }

    /// A second answer line's sentences are kept too (found by review: the explanation was empty).
    @Test func theSentencesOfASecondAnswerLineStay() {
        let result = parseQuiz(Self.item + "Answer: B\nCorrect answer: B. Two is the only even number in the list.\n")
        #expect(result.items.first?.kind.key == AnswerKey(index: 1, source: .written))
        #expect(result.items.first?.explanation == "Two is the only even number in the list.")
    }

    /// `Answer: False. The heart has four chambers…`: the truth value, then the explanation on the
    /// same line (the item was refused); with lettered options `Answer: B. False: …`.
    @Test(arguments: [("TTrue\nFFalse\nAnswer: False. The heart has four chambers, two atria and two ventricles.",
                       "The heart has four chambers, two atria and two ventricles."),
                      ("TTrue\nFFalse\nAnswer: False: a human heart has four chambers, not three.",
                       "a human heart has four chambers, not three."),
                      ("A) True\nB) False\nAnswer: B. False: the heart has four chambers, two atria and two ventricles.",
                       "the heart has four chambers, two atria and two ventricles."),
                      ("TTrue\nFFalse\nAnswer: F - the heart has four chambers.", "the heart has four chambers."),
                      ("TTrue\nFFalse\nAnswer: FALSE!!! The heart has four chambers.", "The heart has four chambers."),
                      // Fourth review: ordinary sentences holding `no`, `right`, `myth`, `correct`.
                      ("TTrue\nFFalse\nAnswer: False. No human heart has three chambers.", "No human heart has three chambers."),
                      ("TTrue\nFFalse\nAnswer: False. This is a common myth; the heart has four.", "This is a common myth; the heart has four."),
                      ("TTrue\nFFalse\nAnswer: False. The right side pumps to the lungs, the left to the body.",
                       "The right side pumps to the lungs, the left to the body."),
                      ("TTrue\nFFalse\nAnswer: Not true: the heart has four chambers.", "the heart has four chambers."),
                      ("TTrue\nFFalse\nAnswer: Incorrect. The heart has four chambers.", "The heart has four chambers."),
                      // Fifth review: a concession, a bracket, a statement frame, an intensifier.
                      ("TTrue\nFFalse\nAnswer: False. It is true that frogs have three, but humans have four.",
                       "It is true that frogs have three, but humans have four."),
                      ("TTrue\nFFalse\nAnswer: False (it has four chambers).", "it has four chambers)."),
                      ("TTrue\nFFalse\nAnswer: The statement is false. The heart has four chambers.", "The heart has four chambers."),
                      ("TTrue\nFFalse\nAnswer: Definitely false. The heart has four chambers.", "The heart has four chambers."),
                      // Sixth review: lettered options and the value with sentences.
                      ("A) True\nB) False\nAnswer: False. The heart has four chambers.", "The heart has four chambers."),
                      // Seventh review: these stand.
                      ("TTrue\nFFalse\nAnswer: False. The opposite claim is true.", "The opposite claim is true."),
                      ("TTrue\nFFalse\nAnswer: False. Actually, the heart has four chambers.", "Actually, the heart has four chambers.")])
    func aTruthValueAndThenTheExplanationOnOneLine(lines: String, opening: String) {
        let result = parseQuiz("Question 1 True / False\nThe heart has three chambers.\n\(lines)\nSo it pumps twice.\n")
        #expect(result.errors == [])
        #expect(result.items.first?.kind == .trueFalse(answer: false))   // every case answers False
        #expect(result.items.first?.explanation == opening + "\nSo it pumps twice.")
    }

    @Test(arguments: ["Answer: False. True for frogs only.", "Answer: False. Wait, it is true.", "Answer: True. The statement is false.",
                      "Answer: True. No, that is wrong: the heart has four.",
                      "Answer: False; the heart has three chambers in frogs, so it is true.",
                      "Answer: Yes, that is a myth; the heart has four chambers.", "Answer: T - that's wrong, the heart has four.",
                      "Answer: No. This is correct: two atria and two ventricles.",
                      "A) True\nB) False\nAnswer: A. Wrong: the human heart has four chambers."])
    func aTruthValueAndSentencesThatSayTheOppositeAreNoAnswer(line: String) {
        let lines = line.hasPrefix("A)") ? line : "TTrue\nFFalse\n" + line
        let result = parseQuiz("Question 1 True / False\nThe heart has three chambers.\n\(lines)\n")
        #expect(result.items.isEmpty && result.errors.map(\.line) == [5])
    }

    /// Twelfth review: a short reason after the value, negated subjects, `isn't`; hedges stay errors.
    @Test(arguments: [("Answer: True – ice floats.", true), ("Answer: False, obviously.", false), ("Answer: True - density.", true),
                      ("Answer: False. Mammals.", false), ("Answer: True: less dense.", true), ("Answer: True, not false", true),
                      ("Answer: False, not true", false), ("Answer: The statement is not true", false),
                      ("Answer: The statement is not false", true), ("Answer: It isn't true", false), ("Answer: Incorrect statement", false)])
    func trueFalseValuesWithShortReasons(line: String, answer: Bool) {
        let result = parseQuiz("Question 1 True / False\nWater is wet.\nTTrue\nFFalse\n\(line)\n")
        #expect(result.errors == [], "\(line)")
        #expect(result.items.first?.kind == .trueFalse(answer: answer), "\(line)")
        let no = parseQuiz("Question 1 True / False\nIs water dry?\nTTrue\nFFalse\nAnswer: Yes\nNo. Water is wet.\n")
        #expect(no.errors.map(\.line) == [5])
        for hedge in ["Answer: True (mostly)", "Answer: True-ish", "Answer: true (F)", "Answer: True, partly."] {
            #expect(parseQuiz("Question 1 True / False\nWater is wet.\nTTrue\nFFalse\n\(hedge)\n").errors.map(\.line) == [5], "\(hedge)")
        }
    }

    @Test(arguments: [("Answer: Not true.", false), ("Answer: Incorrect.", false), ("Answer: It's true.", true), ("Answer: It is false.", false),
                      ("Answer: Nope.", false), ("Answer: Untrue.", false), ("Answer: False is the correct answer.", false),
                      ("Answer: True is correct.", true), ("Answer: The answer is false.", false),
                      ("Answer: Correct.", true), ("Answer: True.", true), ("answer: false", false), ("Answer: T", true), ("Answer: yes", true),
                      ("ANSWER: TRUE", true), ("Answer: (F)", false), ("Answer: F) False", false),
                      ("Answer:\u{A0}False", false)])
    func trueFalseAnswers(line: String, answer: Bool) {
        let result = parseQuiz("question 1 true/false\nSky is blue.\nTTrue\nFFalse\n\(line)\n")
        #expect(result.items.first?.kind == .trueFalse(answer: answer))
    }

    /// True/false written as lettered options (`A) True`, `B) False`, `ATrue`): the answer letter
    /// names the option, and so its truth value; the option lines are not the explanation.
    @Test(arguments: [("A) True\nB) False\nAnswer: A", true), ("A) True\nB) False\nAnswer: b", false),
                      ("ATrue\nBFalse\nAnswer: B", false), ("A. False\nB. True\nAnswer: B) True", true),
                      ("(A) True\n(B) False\nCorrect answer: (A)", true), ("A) True\nB) False\nAnswer: False", false)])
    func trueFalseAsLetteredOptions(lines: String, answer: Bool) {
        let result = parseQuiz("Question 1 True / False\nThe Sun is a star.\n\(lines)\nIt is a G-type star.\n")
        #expect(result.errors == [])
        #expect(result.items.first?.kind == .trueFalse(answer: answer))
        #expect(result.items.first?.explanation == "It is a G-type star.")
    }

    /// With lettered options, the other value's letter in a verdict disagrees (twelfth review).
    @Test(arguments: ["The correct answer is B.", "B is correct: water is wet.", "The answer is (B).", "Option B is right."])
    func aLetteredOtherValueDisagrees(explanation: String) {
        let result = parseQuiz("Question 1 True / False\nWater is dry.\nA) True\nB) False\nAnswer: A\n\(explanation)\n")
        #expect(result.errors.map(\.line) == [5], "\(explanation)")
        let agreeing = parseQuiz("Question 1 True / False\nWater is dry.\nA) True\nB) False\nAnswer: B\n\(explanation)\n")
        #expect(agreeing.errors == [] && agreeing.items.first?.kind == .trueFalse(answer: false), "\(explanation)")
    }

    /// A true/false line an exporter marked as the answer, with no answer line (twelfth review:
    /// refused as having no answer).
    @Test(arguments: [("TTrue\nFFalse ✅", false), ("TTrue ✅\nFFalse", true), ("TTrue\n*FFalse", false), ("TTrue\nFFalse (correct)", false),
                      ("A) True\nB) False ✅", false), ("A) False ✓\nB) True", false), ("✓ TTrue\nFFalse", true)])
    func aMarkedTrueFalseLineIsTheAnswer(lines: String, answer: Bool) {
        let result = parseQuiz("Question 1 True / False\nWhales are fish.\n\(lines)\n\nWhales are mammals.\n")
        #expect(result.errors == [], "\(lines)")
        #expect(result.items.first?.kind == .trueFalse(answer: answer), "\(lines)")
        #expect(result.items.first?.explanation == "Whales are mammals.", "\(lines)")
    }

    @Test func aLetterNamingNoTruthOptionIsStillAnError() {
        let result = parseQuiz("Question 1 True / False\nThe Sun is a star.\nA) True\nB) False\nAnswer: C\n")
        #expect(result.items.isEmpty)
        #expect(result.errors.map(\.line) == [5])
    }

    /// `Explanation:` opening the explanation is a label, not its text, on every kind of item.
    @Test(arguments: ["Explanation: Four is two twos.", "EXPLANATION:\u{A0}Four is two twos.", "Explanation:\nFour is two twos."])
    func anExplanationLabelIsDropped(line: String) {
        let quiz = "Question 1 Multiple Choice\nWhat is 2+2?\nA) 3\nB) 4\nAnswer: B\n\(line)\n"
            + "Question 2 True / False\nTwo is even.\nTTrue\nFFalse\nAnswer: True\n\(line)\n"
            + "Question 3 Short Answer\nWhat is 2+2?\nModel answer: 4\n\n\(line)\n"
        let result = parseQuiz(quiz)
        #expect(result.errors == [])
        #expect(result.items.map(\.explanation) == Array(repeating: "Four is two twos.", count: 3))
    }

    /// A header that carries the question after a separator (`Question 1 Multiple Choice: What…?`),
    /// and one that counts the items (`Question 3 of 10 (True / False)`).
    @Test func headersWithTheQuestionOrACount() {
        let quiz = "Question 1 Multiple Choice: What is 2+2?\nA) 3\nB) 4\nAnswer: B\nTwo twos.\n"
            + "Question 2 of 10 (True / False)\nThe sky is blue.\nAnswer: True\nRayleigh.\n"
            + "QUESTION 3 OF 10 — SHORT ANSWER — Name a prime.\nModel answer: 2\n"
            + "Question 4 True/False: The Moon is a planet.\nAnswer: False\n"
        let result = parseQuiz(quiz)
        #expect(result.errors == [] && result.warnings == [])
        #expect(result.items.map(\.question) == ["What is 2+2?", "The sky is blue.", "Name a prime.", "The Moon is a planet."])
        #expect(result.items.map(\.kind.typeName) == ["multiple_choice", "true_false", "short_answer", "true_false"])
        #expect(result.items.first?.kind.key == AnswerKey(index: 1, source: .written))
    }

    /// `Question 1` with its type alone on the next line.
    @Test func theTypeOnTheLineAfterTheHeader() {
        let result = parseQuiz("Question 1\nMultiple Choice\nCapital of France?\nA) Rome\nB) Paris\nAnswer: B\n"
            + "Question 2\n(True / False)\nThe sky is blue.\nAnswer: True\nQuestion 3\nShort answer\nName a prime.\nModel answer: 2\n")
        #expect(result.errors == [] && result.warnings == [])
        #expect(result.items.map(\.question) == ["Capital of France?", "The sky is blue.", "Name a prime."])
        #expect(result.items.map(\.kind.typeName) == ["multiple_choice", "true_false", "short_answer"])
    }

    /// A line that starts like a header but is none is read as text, with a warning naming it, so
    /// the item it would have begun is never merged unseen.
    @Test func aLineLikeAHeaderThatIsNoneDrawsAWarning() {
        let quiz = "Question 1 True / False\nThe sky is blue.\nAnswer: True\nQuestion 2 Multiple Choise\nWhat is 2+2?\n"
        let result = parseQuiz(quiz)
        #expect(result.items.count == 1)
        #expect(result.warnings.map(\.line) == [4])
        #expect(result.warnings.first?.message.contains("starts like an item header") == true, "\(result.warnings)")
    }

    /// The warning stays when an item without a header is read after that line, in the same block
    /// (it was lost when the block was split).
    @Test func aLineLikeAHeaderKeepsItsWarningBeforeAnItemWithoutAHeader() {
        let quiz = "Question 1 Multiple Choice\nWhich?\nAOne\nBTwo\nAnswer: A\n\n"
            + "2. Which planet is closest?\nA) Venus\nB) Mercury\nAnswer: B\nProblem 1: The counter starts at 1.\n"
        let result = parseQuiz(quiz)
        #expect(result.items.map(\.question) == ["Which?", "Which planet is closest?"])
        #expect(result.items.last?.explanation == "Problem 1: The counter starts at 1.")
        #expect(result.warnings.map(\.line) == [11])
        #expect(result.warnings.first?.message.contains("part of item 2's text") == true, "\(result.warnings)")
    }

    /// An item whose header is missing would be read into the explanation before it: its option
    /// lines draw a warning naming them, so nothing merges unseen; set apart by a blank line, a
    /// rule or a number, the question before them opens an item of its own, with a warning
    /// (eleventh review: the merged item's `Answer: D` keyed the item before it).
    @Test func optionsInsideAnExplanationDrawAWarning() {
        let quiz = "Question 1 Short Answer\nName a prime.\nModel answer: 2.\nIt is the only even prime.\n"
            + "What colour is the sky?\nA) Red\nB) Blue\nAnswer: B\n"
        let result = parseQuiz(quiz)
        #expect(result.items.count == 1)
        #expect(result.warnings.map(\.line) == [6])
        #expect(result.warnings.first?.message.contains("look like the options of an item without a header") == true)
        let apart = parseQuiz(quiz.replacingOccurrences(of: "prime.\nWhat", with: "prime.\n\nWhat"))
        #expect(apart.items.map(\.kind.typeName) == ["short_answer", "multiple_choice"])
        #expect(apart.items.last?.question == "What colour is the sky?")
        #expect(apart.items.last?.kind.key == AnswerKey(index: 1, source: .written))
        #expect(apart.warnings.map(\.line) == [6])
        #expect(apart.warnings.first?.message.contains("an item without a header is read from this line, as item 2") == true,
                "\(apart.warnings)")
    }

    /// Question lines opening with `A` and `B` words (`Assume…`, `Based on this…`) before the
    /// options are the question's (eleventh review: the file was refused, "item has no question").
    @Test(arguments: [("Assume the central bank raises interest rates.\nBased on this, what happens to existing bond prices?\n"
                       + "AThey rise\nBThey fall\nCThey stay the same\nAnswer: B\n", ["They rise", "They fall", "They stay the same"]),
                      ("Apples cost $2 each.\nBob buys 3 apples. Find the total cost.\nA) $6\nB) $5\nAnswer: A\n", ["$6", "$5"])])
    func questionLinesOpeningWithLetterWords(body: String, options: [String]) throws {
        let result = parseQuiz("Question 1 Multiple Choice\n" + body)
        #expect(result.errors == [])
        let item = try #require(result.items.first)
        #expect(item.kind.options == options)
        #expect(item.question.hasPrefix("A") && item.question.contains("\nB"))
    }

    /// `1.` alone on its line heads the item below it (twelfth review: items merged).
    @Test func aNumberAloneOnItsLineIsAHeader() {
        let result = parseQuiz("1.\nCapital of France?\nALondon\nBParis\nAnswer: B\n\n2.\nWater expands when it freezes.\nTTrue\nFFalse\n"
            + "Answer: True\n\n3)\nWhat is the symbol for gold?\nModel answer: Au.\n")
        #expect(result.errors == [] && result.warnings == [])
        #expect(result.items.map(\.kind.typeName) == ["multiple_choice", "true_false", "short_answer"])
        #expect(result.items.first?.question == "Capital of France?")
    }

    @Test func invisibleMarksAroundAnAnswerAreDropped() {
        let result = parseQuiz(QuizAnswerLineTests.item + "Answer: \u{200E}\u{2066}B\u{2069}\nBecause.\n")
        #expect(result.items.first?.kind.key == AnswerKey(index: 1, source: .written))
    }

    static let planets = "Which planet is the largest?\nA) Mars\nB) Jupiter\nC) Venus\nD) Mercury\n"
    static let closest = "Which planet is closest to the Sun?\nA) Mars\nB) Jupiter\nC) Venus\nD) Mercury\nAnswer: D\n"

    @Test(arguments: ["1. \(planets)Jupiter is the most massive.\n\n2. \(closest)", "1. \(planets)\n2. \(closest)",
                      "1. \(planets)2. \(closest)", "1) \(planets)Jupiter is the most massive.\n2) \(closest)",
                      "\(planets)Jupiter is the most massive.\n\n\(closest)", "\(planets)Jupiter is the most massive.\n---\n\(closest)",
                      "Question 1 Multiple Choice\n\(planets)Jupiter is the most massive.\n\nFrage 2\n\(closest)"])
    func numberedOrSetApartItemsWithoutHeadersAreItems(quiz: String) throws {
        let result = parseQuiz(quiz)
        #expect(result.errors == [])
        try #require(result.items.count == 2, "\(result.items)")
        #expect(result.items.map(\.kind.key) == [nil, AnswerKey(index: 3, source: .written)])
        #expect(result.items[0].question == "Which planet is the largest?")
        #expect(result.items[1].question.hasSuffix("Which planet is closest to the Sun?"))
        #expect(!result.items[0].explanation.contains("closest"))
        // Numbered `2.` after item 1 says where the item starts; set apart without a number, the
        // split is a guess, and a warning names its line.
        let warned = result.warnings.contains { $0.message.contains("an item without a header is read from this line, as item 2") }
        #expect(warned == !(quiz.hasPrefix("1") && quiz.contains("\n2")), "\(result.warnings)")
    }

    /// Thirteenth review: what the splitting must not do. A review of the item's own options
    /// (`Why not the others?` / `A) Mars is smaller…`, `Review each option:`, `A) Incorrect – …`)
    /// is its explanation, and an answer line after it is its own; an item's answer after another
    /// item's options (no header, no blank line) is that item's, not this one's.
    @Test(arguments: ["\nWhy not the others?\nA) Mars is smaller than Earth.\nB) Jupiter is far bigger.\nAnswer: B\n",
                      "\nReview each option:\nA) Mars: small.\nB) Jupiter: a giant.\nAnswer: B\n",
                      "Answer: B\n\nA) Incorrect – Mars is small.\nB) Correct – Jupiter is a giant.\n",
                      "Answer: B\n\nCommon mistakes:\n(a) picking the red one\n(b) picking the nearest\n"])
    func aReviewOfTheOptionsIsNoItem(explanation: String) throws {
        let result = parseQuiz("Question 1 Multiple Choice\nWhich planet is the largest?\nA) Mars\nB) Jupiter\n" + explanation)
        try #require(result.items.count == 1, "\(result.items)")
        #expect(result.items.first?.kind.key == AnswerKey(index: 1, source: .written))
    }

    /// `Which statement is erroneous?` asks for the wrong one: `Statement B is correct` judges a
    /// statement, no key (eleventh review: B was stated).
    @Test func anErroneousOneAsked() {
        let result = parseQuiz("Question 1 Multiple Choice\nWhich statement is erroneous?\nA) Whales are mammals\nB) Bats are mammals\n"
            + "C) Sharks are mammals\nStatement B is correct: bats are flying mammals. Sharks are fish.\n")
        #expect(result.items.first?.kind.key?.source != .stated)
    }

    /// `Answer: E. coli` names the option it abbreviates; one of no option gives no key, no error
    /// (fourteenth review: the whole file was refused).
    @Test func anAbbreviatedNameAsTheAnswer() {
        let item = "Question 1 Multiple Choice\nWhich bacterium is the usual host for cloning?\nA) Staphylococcus aureus\nB) Escherichia coli\n"
            + "C) Bacillus subtilis\n"
        #expect(parseQuiz(item + "Answer: E. coli\n").items.first?.kind.key == AnswerKey(index: 1, source: .written))
        #expect(parseQuiz(item + "Answer: B. subtilis\n").items.first?.kind.key == AnswerKey(index: 2, source: .written))
        let none = parseQuiz(item + "Answer: V. cholerae\n")
        #expect(none.errors == [] && none.items.first?.kind.key == nil)
    }

    @Test func anotherItemsAnswerIsNotThisOnes() {
        let result = parseQuiz("Which planet is the largest?\nA) Mars\nB) Jupiter\nJupiter is wider.\nWhich planet is closest to the Sun?\n"
            + "A) Mercury\nB) Venus\nAnswer: A\n")
        #expect(result.items.map(\.kind.key) == [nil])
        #expect(result.warnings.contains { $0.message.contains("look like the options of an item without a header") })
    }

    /// A line like a header with its question but no item after it (`Problem 1: the counter…`,
    /// `Question 2: The next one is harder.`) stays the text of the item before, with a warning;
    /// `Q1: 2%` is a figure, no header.
    @Test(arguments: ["Problem 1: the counter starts at 1, so every total is one too high.", "Question 2: The next one is harder.",
                      "Q4: Holiday shopping drives most sales."])
    func aHeaderLikeLineWithoutAnItemIsText(line: String) {
        let result = parseQuiz("Question 1 Multiple Choice\nPick.\nAone\nBtwo\nAnswer: B\n\(line)\nQuestion 3 Multiple Choice\nPick.\nAone\nBtwo\nAnswer: A\n")
        #expect(result.errors == [], "\(line)")
        #expect(result.items.count == 2)
        #expect(result.items.first?.explanation.contains(line) == true, "\(result.items)")
        #expect(result.items.map(\.kind.key) == [AnswerKey(index: 1, source: .written), AnswerKey(index: 0, source: .written)])
        let figures = parseQuiz("Question 1 Multiple Choice\nGrowth was:\nQ1: 2%\nQ2: 5%\nWhich quarter grew faster?\nA) Q1\nB) Q2\nAnswer: B\n")
        #expect(figures.items.map(\.kind.key) == [AnswerKey(index: 1, source: .written)])
    }

    /// A numbered item with only an answer line, and a true/false item with only its answer line
    /// before another after a rule, are items (thirteenth review: merged, the answer lost).
    @Test func numberedAndAnswerOnlyItemsAreItems() {
        let numbered = parseQuiz("1. Which planet is the largest?\nA) Mars\nB) Jupiter\nAnswer: B\n\n2. The Sun is a star.\nAnswer: True\n")
        #expect(numbered.items.map(\.kind) == [.multipleChoice(options: ["Mars", "Jupiter"], key: AnswerKey(index: 1, source: .written)),
                                               .trueFalse(answer: true)])
        let ruled = parseQuiz("Ice floats on water.\nAnswer: True\n---\nMetals expand when heated.\nTTrue\nFFalse\nAnswer: True\n")
        #expect(ruled.items.map(\.question) == ["Ice floats on water.", "Metals expand when heated."])
    }

    @Test func aTrueFalseItemWithoutAHeaderAfterAnotherItem() {
        let result = parseQuiz("Question 1 Multiple Choice\n\(Self.planets)Answer: B\n\nThe Sun is a star.\nTTrue\nFFalse\nAnswer: True\n")
        #expect(result.errors == [])
        #expect(result.items.map(\.kind) == [.multipleChoice(options: ["Mars", "Jupiter", "Venus", "Mercury"], key: AnswerKey(index: 1, source: .written)),
                                             .trueFalse(answer: true)])
    }

    /// Lower-case option letters with a separator (`a) 3`, `(b) 4`, `c. 5`); glued lower case
    /// (`aone`) stays prose.
    @Test(arguments: ["a) 3\nb) 4\nc) 5", "(a) 3\n(b) 4\n(c) 5", "a. 3\nb. 4\nc. 5", "a: 3\nb: 4\nc: 5"])
    func lowerCaseLettersWithASeparator(options: String) {
        let result = parseQuiz("Question 1 Multiple Choice\nWhat is 2+2?\n\(options)\nAnswer: b\nTwo twos.\n")
        #expect(result.errors == [])
        #expect(result.items.first?.kind == .multipleChoice(options: ["3", "4", "5"], key: AnswerKey(index: 1, source: .written)))
        #expect(result.items.first?.explanation == "Two twos.")
    }

    @Test func gluedLowerCaseIsNoOption() {
        let result = parseQuiz("Question 1 Multiple Choice\nWhat is 2+2?\nathree\nbfour\n")
        #expect(result.items.isEmpty && result.errors.count == 1)
    }

    /// Options glued to lower-case letters (`ahyperparameters…`) are read in a multiple-choice item
    /// that has no other options, three or more in a row; two such lines stay an error.
    @Test func lowerCaseGluedLettersInAnItemWithoutOtherOptions() {
        let result = parseQuiz("Question 1 Multiple Choice\nWhat motivates it?\nahyperparameters drift with width\n"
            + "bthe loss diverges\ncμP removes tuning\ndμP saves memory\nUnder μP the updates stay of order one.\n")
        #expect(result.errors == [])
        #expect(result.items.first?.kind.options == ["hyperparameters drift with width", "the loss diverges",
                                                     "μP removes tuning", "μP saves memory"])
        #expect(result.items.first?.explanation == "Under μP the updates stay of order one.")
        let two = parseQuiz("Question 1 Multiple Choice\nWhat motivates it?\nall of them\nbut only one\n")
        #expect(two.items.isEmpty && two.errors.count == 1)
    }

    /// The same run with its first letter capitalised, as a line's first letter often is
    /// (`Acapture…`, `brelieve…`, `cland…`: a held-out file of round n9).
    @Test func lowerCaseGluedLettersAfterACapitalA() {
        let result = parseQuiz("Question 1 Multiple Choice\nThe Gallipoli campaign was intended to:\n"
            + "Acapture the Dardanelles\nbrelieve Verdun\ncland in Denmark\ndsecure the oil fields\n"
            + "Championed by Churchill, the plan was to force the straits.\n")
        #expect(result.errors == [])
        #expect(result.warnings.filter { !$0.message.hasPrefix("no answer key") }.map(\.line) == [3])
        #expect(result.warnings.first { $0.line == 3 }?.message.hasPrefix("lines 3–6 are read as options glued to lower-case letters") == true)
        #expect(result.items.first?.kind.options == ["capture the Dardanelles", "relieve Verdun", "land in Denmark",
                                                     "secure the oil fields"])
        #expect(result.items.first?.explanation == "Championed by Churchill, the plan was to force the straits.")
        let two = parseQuiz("Question 1 Multiple Choice\nWhat is 2+2?\nAthree\nbfour\n")
        #expect(two.items.isEmpty && two.errors.count == 1)
    }

    /// Initials in a one-line question stay in it: the options are looked for after its question
    /// mark first (second review).
    @Test(arguments: ["Which book did A. A. Milne write? A. Winnie-the-Pooh B. Peter Pan C. Matilda",
                      "Vitamin A. Which food is rich in it? A. Carrots B. Bread C. Rice"])
    func initialsInAOneLineQuestionStay(line: String) {
        let result = parseQuiz("Question 1 Multiple Choice\n\(line)\nAnswer: A\n")
        #expect(result.items.first?.question == String(line[...line.firstIndex(of: "?")!]))
        #expect(result.items.first?.kind.options?.count == 3)
    }

    /// Options written on the question's line win over lines that open with a, b, c (found by
    /// review: the explanation's lines were read as options).
    @Test func oneLineOptionsWinOverLinesOpeningWithLetters() {
        let result = parseQuiz("Question 1 Multiple Choice\nWhat is 2+2? (A) 3 (B) 4\nAdding two and two gives four.\n"
            + "because each is two,\ncounting up from two twice\ndoes reach four.\nAnswer: B\n")
        #expect(result.items.first?.kind == .multipleChoice(options: ["3", "4"], key: AnswerKey(index: 1, source: .written)))
    }

    /// An option an exporter marked as the answer (`*B) Paris`, `B) Paris (correct)`)
    /// gives the written key, its mark removed; two marks, or a mark and an `Answer:` line that
    /// disagree, give no key and a warning naming the option's line.
    @Test(arguments: ["A. Rome\n*B. Paris\nC. Oslo", "A. Rome\n* B. Paris\nC. Oslo",
                      "ARome\nBParis (correct)\nCOslo", "A) Rome\nB) Paris [Correct]\nC) Oslo\nAnswer: B",
                      // A check mark after the option (eighth review).
                      "A) Rome\nB) Paris ✅\nC) Oslo", "A) Rome\nB) Paris ✓\nC) Oslo", "ARome\nBParis ✔\nCOslo",
                      "A) Rome\nB) Paris ✔️\nC) Oslo\nAnswer: B",
                      // A check mark before the option, as a star stands (tenth review).
                      "A) Rome\n✅ B) Paris\nC) Oslo", "A) Rome\n✓ B) Paris\nC) Oslo", "A) Rome\n✔️ B) Paris\nC) Oslo\nAnswer: B",
                      "ARome\n✅BParis\nCOslo", "A) Rome\n☑ B) Paris\nC) Oslo"])
    func aMarkedOptionIsTheWrittenKey(options: String) {
        let result = parseQuiz("Question 1 Multiple Choice\nCapital of France?\n\(options)\nParis has been the capital since 987.\n")
        #expect(result.errors == [] && result.warnings == [])
        #expect(result.items.first?.kind == .multipleChoice(options: ["Rome", "Paris", "Oslo"], key: AnswerKey(index: 1, source: .written)))
    }

    /// Markdown lists and bold (eleventh review: each refused the file, or read the bullets as marks).
    @Test(arguments: ["- A) Rome\n- B) Paris\n- C) Oslo\nAnswer: B", "* A) Rome\n* B) Paris\n* C) Oslo\nAnswer: B",
                      "• A) Rome\n• B) Paris\n• C) Oslo\nAnswer: B", "**A.** Rome\n**B.** Paris\n**C.** Oslo\nAnswer: B",
                      "**A)** Rome\n**B)** Paris\n**C)** Oslo\nAnswer: B", "A) Rome\n**B) Paris**\nC) Oslo\nAnswer: B",
                      "- A) Rome\n- *B) Paris\n- C) Oslo"])
    func markdownOptions(options: String) {
        let result = parseQuiz("Question 1 Multiple Choice\nCapital of France?\n\(options)\nParis has been the capital since 987.\n")
        #expect(result.errors == [] && result.warnings == [], "\(result.errors) \(result.warnings)")
        #expect(result.items.first?.kind == .multipleChoice(options: ["Rome", "Paris", "Oslo"], key: AnswerKey(index: 1, source: .written)))
    }

    @Test(arguments: [("A. Rome\n*B. Paris\n*C. Oslo", "options B, C are all marked"),
                      ("A. Rome\nB. Paris (correct)\nC. Oslo\nAnswer: C", "option B is marked as the answer but the `Answer:` line names C"),
                      ("A. Rome\nB. Paris ✅\nC. Oslo\nAnswer: C", "option B is marked as the answer but the `Answer:` line names C")])
    func conflictingMarksGiveNoKey(options: String, problem: String) {
        let result = parseQuiz("Question 1 Multiple Choice\nCapital of France?\n\(options)\nThe correct answer is B.\n")
        #expect(result.items.first?.kind.key == nil)
        #expect(result.warnings.map(\.line) == [4])
        #expect(result.warnings.first?.message.contains(problem) == true, "\(result.warnings)")
    }

    /// A star inside or at the end of the text is no mark: `p < 0.05*`, the C type `int *`.
    @Test func aStarInsideTheTextIsNoMark() {
        let result = parseQuiz("Question 1 Multiple Choice\nWhich is significant?\nAp < 0.05*\nBp = 0.3\n"
            + "Question 2 Multiple Choice\nWhich declares a pointer?\nA) int *\nB) int &\nC) int\n")
        #expect(result.items.first?.kind.options == ["p < 0.05*", "p = 0.3"])
        #expect(result.items.map(\.kind.key) == [nil, nil])
        #expect(result.items.last?.kind.options == ["int *", "int &", "int"])
    }

    /// `- 2 points` after the type is no question; combining marks before the number keep the
    /// question whole.
    @Test func aHeaderWithPointsOrMarks() {
        let points = parseQuiz("Question 1 Multiple Choice - 2 points\nWhat is 2+2?\nA) 3\nB) 4\n")
        #expect(points.items.first?.question != "2 points")
        let marks = parseQuiz("Question\u{301}\u{301} 1 Multiple Choice: What is 2+2?\nA) 3\nB) 4\n")
        #expect(marks.items.first?.question == "What is 2+2?", "\(marks)")
    }

    /// Options written on one line (`A) 5  B) 6  C) 7`), also after the question on its line.
    @Test(arguments: ["What is 3+3?\nA) 5  B) 6  C) 7", "What is 3+3? A) 5 B) 6 C) 7", "What is 3+3?\n(A) 5 (B) 6 (C) 7",
                      "What is 3+3?\nA. 5   B. 6   C. 7", "What is 3+3?\nA) 5  B) 6 (correct)  C) 7"])
    func optionsOnOneLine(lines: String) {
        let result = parseQuiz("Question 1 Multiple Choice\n\(lines)\nAnswer: B\nThree and three.\n")
        #expect(result.errors == [])
        #expect(result.items.first?.question == "What is 3+3?")
        #expect(result.items.first?.kind == .multipleChoice(options: ["5", "6", "7"], key: AnswerKey(index: 1, source: .written)))
        #expect(result.items.first?.explanation == "Three and three.")
    }

    /// UTF-16 with its byte-order mark, as Windows editors save text, is read like UTF-8.
    @Test(arguments: [true, false])
    func utf16WithItsByteOrderMarkIsRead(littleEndian: Bool) {
        let text = "Question 1 Multiple Choice\nWhat is 2+2? café\nA3\nB4\nAnswer: B\n"
        var bytes: [UInt8] = littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
        for unit in text.utf16 { bytes += littleEndian ? [UInt8(unit & 0xFF), UInt8(unit >> 8)] : [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        let result = QuizParser.parse(bytes)
        #expect(result.errors == [] && result.warnings == [])
        #expect(result.items.first?.question == "What is 2+2? café")
        #expect(result.items.first?.kind.key == AnswerKey(index: 1, source: .written))
    }

    /// Bytes that are not UTF-8 (a Latin-1 `é`) are shown as U+FFFD, with one warning naming the
    /// first line that has them; the items are still read.
    @Test func bytesThatAreNotUTF8DrawOneWarning() {
        let bytes = Array("Question 1 Multiple Choice\nWhat is 2+2? caf".utf8) + [0xE9] + Array("\nA3\nB4\nAnswer: B\nOlé \u{E9}".utf8) + [0xE8]
        let result = QuizParser.parse(bytes)
        #expect(result.errors == [])
        #expect(result.warnings.map(\.line) == [2])
        #expect(result.warnings.first?.message.contains("save it as UTF-8") == true)
        #expect(result.items.first?.question == "What is 2+2? caf\u{FFFD}")
    }

    /// A short-answer item may give its answer as `Answer:` or `Suggested answer:`, `Sample
    /// answer:`, `Expected answer:`, as well as `Model answer:`.
    @Test(arguments: ["Answer: Paris", "answer: Paris", "Correct answer: Paris", "Suggested answer: Paris",
                      "Sample answer: Paris", "Expected answer:\u{A0}Paris", "Model answer: Paris"])
    func shortAnswersUnderOtherLabels(line: String) {
        let result = parseQuiz("Question 1 Short Answer\nWhat is the capital of France?\n\(line)\n\nIt has been since 987.\n")
        #expect(result.errors == [])
        #expect(result.items.first?.kind == .shortAnswer(modelAnswer: "Paris"))
        #expect(result.items.first?.explanation == "It has been since 987.")
    }

    /// A dash after the letter (`A - Rome`), and a `.` or `:` glued to every letter of the run
    /// (`A.Rome`, `B.Paris`), separate; `.NET` as one option's text stays.
    @Test(arguments: ["A - Rome\nB - Paris\nC - Oslo", "A – Rome\nB – Paris\nC – Oslo", "A.Rome\nB.Paris\nC.Oslo",
                      "A:Rome\nB:Paris\nC:Oslo"])
    func separatorsAfterTheLetter(options: String) {
        let result = parseQuiz("Question 1 Multiple Choice\nCapital of France?\n\(options)\nAnswer: B\n")
        #expect(result.errors == [])
        #expect(result.items.first?.kind == .multipleChoice(options: ["Rome", "Paris", "Oslo"], key: AnswerKey(index: 1, source: .written)))
    }

    @Test func aDotOpeningOneOptionIsItsText() {
        let result = parseQuiz("Question 1 Multiple Choice\nWhich runs C#?\nA.NET\nBJava\nCPython\n")
        #expect(result.items.first?.kind.options == [".NET", "Java", "Python"])
    }

    /// An option wrapped onto a line or two of its own (as a PDF or a narrow editor leaves it) is
    /// one option, when the next letter follows; a line that ends a sentence or opens in capitals
    /// after an option is not taken as its continuation.
    @Test func wrappedOptions() {
        let result = parseQuiz("Question 1 Multiple Choice\nWhat happens in the NTK limit?\n"
            + "A) Representations change and adapt to the data, allowing\n   layers to specialize\n"
            + "B) Representations are frozen after initialization; the network\n   learns through\n   kernel-based prediction\n"
            + "C) Representations collapse to a single vector\nAnswer: B\nThey freeze near initialization.\n")
        #expect(result.errors == [])
        #expect(result.items.first?.kind.options == [
            "Representations change and adapt to the data, allowing layers to specialize",
            "Representations are frozen after initialization; the network learns through kernel-based prediction",
            "Representations collapse to a single vector"])
        #expect(result.items.first?.explanation == "They freeze near initialization.")
        let sentence = parseQuiz("Question 1 Multiple Choice\nPick.\nAOne thing.\nwhich is said here\nBTwo things\n")
        #expect(sentence.items.first?.kind.options == nil || sentence.items.first?.kind.options?.first == "One thing.")
    }

    /// A rule between items (`---`, `***`, `___`, `===`) is a blank line, not explanation text.
    @Test(arguments: ["---", "***", "_____", "==="])
    func aRuleBetweenItemsIsBlank(rule: String) {
        let result = parseQuiz("Question 1 Multiple Choice\nWhat is 2+2?\nA) 3\nB) 4\nAnswer: B\nTwo twos.\n\(rule)\n"
            + "Question 2 Short Answer\nName a prime.\nModel answer: 2\n\(rule)\n")
        #expect(result.errors == [])
        #expect(result.items.map(\.explanation) == ["Two twos.", ""])
        #expect(result.items.last?.kind == .shortAnswer(modelAnswer: "2"))
    }

    /// Found by review of the reader's last changes: texts read right before them stay so.
    @Test func readAsBeforeTheReadersLastChanges() {
        // A `.` after `A) ` is the option's text.
        let files = parseQuiz("Question 1 Multiple Choice\nWhich is plain text?\nA) .txt\nB) .csv\nC) .json\nAnswer: A\n")
        #expect(files.items.first?.kind.options == [".txt", ".csv", ".json"])
        // A question over lines that open with A and B words is no wrapped option.
        let wrapped = parseQuiz("Question 2 (Multiple Choice)\nAssume a function f is continuous on [a, b]\n"
            + "and differentiable on (a, b).\nBy the mean value theorem, which expression equals f'(c)?\n"
            + "A) (f(b) − f(a))/(b − a)\nB) f(b) − f(a)\nC) 0\nAnswer: A\n")
        #expect(wrapped.errors == [])
        #expect(wrapped.items.first?.kind.options == ["(f(b) − f(a))/(b − a)", "f(b) − f(a)", "0"])
        // `A - ` lines of a matching question stay its text when `A)` options follow.
        let matching = parseQuiz("Question 3 Multiple Choice\nMatch each organelle to its job:\nA - mitochondria\nB - ribosome\n"
            + "1 - makes proteins\n2 - releases energy\nChoose the right pairing.\nA) A-2, B-1\nB) A-1, B-2\nAnswer: A\n")
        #expect(matching.items.first?.kind.options == ["A-2, B-1", "A-1, B-2"])
        // `False (F)` as a lettered true/false option.
        let truth = parseQuiz("Question 4 (True/False)\nThe sun is a star.\nA) True (T)\nB) False (F)\nAnswer: B\n")
        #expect(truth.items.first?.kind == .trueFalse(answer: false))
        // `True or false:` opening the question is no type line.
        let intro = parseQuiz("Question 5\nTrue or false:\nA) The sun is a star\nB) The moon is a star\nAnswer: A\n")
        #expect(intro.errors == [] && intro.items.first?.kind.typeName == "multiple_choice")
        // A model answer that is a rule of dashes stays the answer.
        let dashes = parseQuiz("Question 6 Short Answer\nWhat does a Markdown rule look like?\nModel answer:\n---\n\nThree dashes on a line.\n")
        #expect(dashes.items.first?.kind == .shortAnswer(modelAnswer: "---"))
        #expect(dashes.items.first?.explanation == "Three dashes on a line.")
    }

    /// `Answer: B, D` names two options: no key, and a warning that says so.
    @Test(arguments: ["Answer: B, D", "Answer: B and D", "Answer: b, c, d"])
    func anAnswerNamingSeveralOptionsGivesNoKey(line: String) {
        let result = parseQuiz("Question 1 Multiple Choice\nPick.\nAone\nBtwo\nCthree\nDfour\n\(line)\nBecause.\n")
        #expect(result.items.first?.kind.key == nil)
        #expect(result.warnings.first?.message.contains("names more than one option (B,") == true)
    }

    @Test func byteOrderMarksAndUnicodeSpacesWhereSpacesMayStand() {
        let text = "\u{FEFF}Question\u{A0}1\u{A0}Multiple Choice\t\nPick.\t\nAone\t\nBtwo\u{3000}\nAnswer: A\n"
            + "\u{FEFF}Question 2 True / False\nOk?\nAnswer: True\n"
        let result = parseQuiz(text)
        #expect(result.errors == [])
        #expect(result.items.map(\.kind) == [.multipleChoice(options: ["one", "two"], key: AnswerKey(index: 0, source: .written)),
                                              .trueFalse(answer: true)])
    }
}

@Suite struct QuizStructureTests {
    /// 40 characters of explanation after lower-case options: a sentence, longer than them.
    @Test func aShortExplanationAfterLowercaseOptionsIsNoOption() {
        let text = "Question 1 Multiple Choice\nPick.\nAawait\nBasync\nCdefer\nDlazy\nEvery async function may suspend here.\n"
        let item = parseQuiz(text).items.first
        #expect(item?.kind.options == ["await", "async", "defer", "lazy"])
        #expect(item?.explanation == "Every async function may suspend here.")
    }

    @Test(arguments: ["A) one\nB) two", "(A) one\n(B) two", "A. one\nB. two", "A: one\nB: two", "Aone\n\nBtwo"])
    func optionLetterShapes(options: String) {
        let item = parseQuiz("Question 1 Multiple Choice\nPick.\n\(options)\nAnswer: B\n").items.first
        #expect(item?.kind == .multipleChoice(options: ["one", "two"], key: AnswerKey(index: 1, source: .written)))
    }

    @Test func aSingleWordOptionStaysAnOption() {
        let item = parseQuiz("Question 1 Multiple Choice\nPick.\nAParis\nBLondon\nCRome\nAnswer: C\n").items.first
        #expect(item?.kind.options == ["Paris", "London", "Rome"])
    }

    /// One cue only (a sentence where no option is one): read as an option, with a warning.
    @Test func anUndecidedLineIsAWarningNamingIt() {
        let result = parseQuiz("Question 1 Multiple Choice\nPick.\nAone\nBtwo\nCthree.\n")
        #expect(result.items.first?.kind.options == ["one", "two", "three."])
        #expect(result.warnings.first { $0.line == 5 }?.message.hasPrefix("this line is read as an option") == true)
    }

    /// A long last option glued to a word of its own (`DThe inductive and capacitive reactances
    /// cancel, so…`, `Dthe regularity hypothesis…`: no word of the explanation starts `DThe` or
    /// `Dthe`) is an option, without a warning (held-out rounds n8–n10); one that could be a word
    /// (`DNA polymerase…`) is still weighed by the cues.
    @Test(arguments: ["DThe inductive and capacitive reactances cancel, so the impedance equals R and the current peaks",
                      "Dthe regularity hypothesis of the Neogrammarians, which holds for every word",
                      "DPublic-key operations are far slower than symmetric ciphers, so they protect only a session key"])
    func aLongLastOptionGluedToAWordOfItsOwnIsAnOption(last: String) {
        let result = parseQuiz("Question 1 Multiple Choice\nPick.\nAIts impedance peaks\nBNo current flows\nCA short circuit\n"
            + last + "\nResonance occurs at one frequency.\n")
        #expect(result.items.first?.kind.options?.count == 4)
        #expect(result.items.first?.explanation == "Resonance occurs at one frequency.")
        #expect(!result.warnings.contains { $0.message.hasPrefix("this line is read") })
    }

    @Test func aLongLineThatCouldBeAWordIsStillWeighed() {
        let result = parseQuiz("Question 1 Multiple Choice\nPick.\nAIts impedance peaks\nBNo current flows\nCA short circuit\n"
            + "DNA polymerase adds nucleotides only to the free end of a growing strand\n")
        #expect(result.warnings.contains { $0.line == 6 && $0.message.hasPrefix("this line is read as an option") })
    }

    /// A last option glued in lower case after capitalised ones (`Dresting the index finger along
    /// the spine`), ending no sentence as its siblings end none: the cues do not decide, so it is
    /// read as an option with a warning naming it (held-out round n16a: it went to the explanation
    /// silently). One that ends a sentence (`During the 1990s this changed.`) is the explanation.
    @Test func aLowerCaseGluedLastOptionWithoutAStopIsAnOptionWithAWarning() {
        let item = "Question 1 Multiple Choice\nWhich grip gives most control?\nAWrapping every finger around the handle\n"
            + "BThe pinch grip on the blade\nCHolding the very end of the handle\n"
        let result = parseQuiz(item + "Dresting the index finger along the spine\nThe pinch grip brings the hand to the balance point.\n")
        #expect(result.items.first?.kind.options?.count == 4)
        #expect(result.items.first?.explanation == "The pinch grip brings the hand to the balance point.")
        #expect(result.warnings.contains { $0.line == 6 && $0.message.hasPrefix("this line is read as an option") })
        let prose = parseQuiz(item + "During the 1990s chefs taught the pinch grip first.\n")
        #expect(prose.items.first?.kind.options?.count == 3)
        #expect(prose.items.first?.explanation == "During the 1990s chefs taught the pinch grip first.")
    }

    @Test func aQuestionOverSeveralLinesMayHoldLetterLines() {
        let text = "Question 1 Multiple Choice\nAlice leaves at noon.\nBob leaves at one.\nWho leaves first?\nAAlice\nBBob\nAnswer: A\n"
        let item = parseQuiz(text).items.first
        #expect(item?.question == "Alice leaves at noon.\nBob leaves at one.\nWho leaves first?")
        #expect(item?.kind.options == ["Alice", "Bob"])
    }

    @Test(arguments: [
        ("Model answer: First part of it,\nand the rest.\nWhy it matters.", "First part of it,\nand the rest.", "Why it matters."),
        ("Model answer: Steps:\n1. One.\n2. Two.\nNote.", "Steps:\n1. One.\n2. Two.", "Note."),
        ("Model answer: It is so.\nBecause of this.", "It is so.", "Because of this."),
        ("Model answer: It is so.\nExplanation: more.", "It is so.", "more."),
        // The lines up to an `Explanation:` label are the answer's: the label says where it ends
        // (an outside review: the second line went to the explanation, the label kept in its text).
        ("Model answer: Input is run as SQL.\nIt is prevented with parameterised queries.\nExplanation: Escaping is error-prone.",
         "Input is run as SQL.\nIt is prevented with parameterised queries.", "Escaping is error-prone."),
        ("Model answer:\n\nLine one.\nLine two.\n\nWhy.", "Line one.\nLine two.", "Why."),
    ])
    func modelAnswersOverSeveralLines(body: String, model: String, explanation: String) {
        let item = parseQuiz("Question 1 Short Answer\nWhy?\n\(body)\n").items.first
        #expect(item?.kind == .shortAnswer(modelAnswer: model))
        #expect(item?.explanation == explanation)
    }

    @Test func aModelAnswerWhoseEndTheCuesDoNotDecideIsAWarning() {
        // The blank line sets the explanation apart (held-out round n16b: a two-line model answer,
        // a blank line, then the explanation).
        let result = parseQuiz("Question 1 Short Answer\nWhy?\nModel answer: Demand-pull inflation happens when demand grows faster than supply.\n"
            + "Cost-push inflation happens when firms' costs rise.\n\nOn a diagram AD shifts right.\n")
        #expect(result.items.first?.kind == .shortAnswer(modelAnswer: "Demand-pull inflation happens when demand grows faster than supply.\n"
            + "Cost-push inflation happens when firms' costs rise."))
        #expect(result.items.first?.explanation == "On a diagram AD shifts right.")
        #expect(result.warnings.map(\.line) == [4])
        #expect(result.warnings.first?.message.hasPrefix("this line is read as part of the model answer") == true)
    }

    /// Seventeenth review: a short complete answer (`Paris.`) keeps the lines after it in the
    /// explanation, and an `Explanation:` label always opens the explanation.
    @Test func aShortAnswerOrAnExplanationLabelBeforeABlankLine() {
        let short = parseQuiz("Question 1 Short Answer\nCapital of France?\nModel answer: Paris.\nParis has been the capital since 987.\n\nSee also Lyon.\n")
        #expect(short.items.first?.kind == .shortAnswer(modelAnswer: "Paris."))
        #expect(short.warnings.map(\.line) == [4])
        let labelled = parseQuiz("Question 1 Short Answer\nWhy does inflation rise?\nModel answer: Demand grows faster than the economy can supply goods.\n"
            + "Explanation: Paris has nothing to do with it.\n\nSee also stagflation.\n")
        #expect(labelled.items.first?.kind == .shortAnswer(modelAnswer: "Demand grows faster than the economy can supply goods."))
    }

    /// Several short lines shown after a colon (`The formulas are:` / `KE = ½mv²` / `PE = mgh`), then a
    /// sentence of its own: the sentence starts the explanation, with a warning (seventeenth review).
    @Test func severalShownLinesAfterAColonThenASentence() {
        let result = parseQuiz("Question 1 Short Answer\nName the energies.\nModel answer: The formulas are:\nKE = ½mv²\nPE = mgh\nBoth are measured in joules.\n")
        #expect(result.items.first?.kind == .shortAnswer(modelAnswer: "The formulas are:\nKE = ½mv²\nPE = mgh"))
        #expect(result.items.first?.explanation == "Both are measured in joules.")
        #expect(result.warnings.map(\.line) == [6])
    }

    @Test func repeatedItemsDrawOneWarning() {
        let item = "Question 1 True / False\nSky is blue.\nAnswer: True\n"
        let result = parseQuiz(String(repeating: item, count: 4))
        #expect(result.items.count == 4)
        #expect(result.warnings.count == 1)
        #expect(result.warnings.first?.line == 4)
        #expect(result.warnings.first?.message.hasPrefix("item 2 repeats item 1 (line 1) word for word (and 2 more copies after it)") == true)
    }
}

/// Each kind of evidence of point 2, in its smallest form.
/// Short answers as others write them (twelfth review): a Markdown label, an answer in italics,
/// a list answer, and a short answer without a final stop before its explanation.
@Suite struct QuizShortAnswerShapeTests {
    static func read(_ body: String) -> QuizParseResult { parseQuiz("Question 1 Short Answer\nWhat is it?\n" + body) }

    @Test(arguments: [("**Model answer:** Paris.\nParis has been the capital since 987.\n", "Paris."),
                      ("*Model answer:* Paris.\nParis has been the capital since 987.\n", "Paris."),
                      ("**Answer:** Paris.\nParis has been the capital since 987.\n", "Paris."),
                      ("Model answer: *Mitochondria produce ATP.*\nThey are called the powerhouse of the cell.\n", "*Mitochondria produce ATP.*"),
                      ("Model answer: The steps are:\n1. Mix the flour\n2. Bake the dough\nBaking sets the crumb structure.\n",
                       "The steps are:\n1. Mix the flour\n2. Bake the dough")])
    func theAnswerAndTheExplanationApart(body: String, answer: String) throws {
        let result = Self.read(body)
        #expect(result.errors == [] && result.warnings == [], "\(result.errors) \(result.warnings)")
        let item = try #require(result.items.first)
        #expect(item.kind == .shortAnswer(modelAnswer: answer))
        #expect(!item.explanation.isEmpty && !answer.contains(item.explanation))
    }

    @Test func aShortAnswerWithoutAStopBeforeASentence() throws {
        let result = Self.read("Model answer: Au\nGold's symbol comes from the Latin aurum.\n")
        let item = try #require(result.items.first)
        #expect(item.kind == .shortAnswer(modelAnswer: "Au"))
        #expect(item.explanation == "Gold's symbol comes from the Latin aurum.")
        #expect(result.warnings.map(\.line) == [4])
        let continued = try #require(Self.read("Model answer: The population is the whole group\nof people you study.\nWhy.\n").items.first)
        #expect(continued.kind == .shortAnswer(modelAnswer: "The population is the whole group\nof people you study."))
    }
}

/// A formula shown after a colon (`The formula is:` / `E = mc²`), then a sentence of its own: the
/// formula ends the answer, a guess the warning names (the fourteenth review's misread).
@Suite struct ModelAnswerDisplayLineTests {
    @Test func aDisplayedLineAfterAColonThenASentence() throws {
        let result = QuizShortAnswerShapeTests.read("Model answer: The formula is:\nE = mc²\nEinstein derived it in 1905.\n")
        let item = try #require(result.items.first)
        #expect(item.kind == .shortAnswer(modelAnswer: "The formula is:\nE = mc²"))
        #expect(item.explanation == "Einstein derived it in 1905.")
        #expect(result.warnings.map(\.line) == [5])
    }

    @Test func aDisplayedLineThenLowerCaseContinues() throws {
        let result = QuizShortAnswerShapeTests.read("Model answer: The formula is:\nE = mc²\nwhere c is the speed of light.\nWhy.\n")
        let item = try #require(result.items.first)
        #expect(item.kind == .shortAnswer(modelAnswer: "The formula is:\nE = mc²\nwhere c is the speed of light."))
    }
}

@Suite struct QuizEvidenceKindTests {
    static func key(_ question: String, _ options: [String], _ explanation: String) -> AnswerKey? {
        KeyInference.infer(question: question, options: options, explanation: explanation).key
    }

    @Test(arguments: ["The correct answer is C.", "Option C is right.", "(C) is correct, unlike the others.",
                      "So the answer: C.", "C is the correct answer.", "The answer is Rome."])
    func statedKeys(explanation: String) {
        #expect(Self.key("Capital of Italy?", ["Paris", "London", "Rome"], explanation)?.source == .stated)
        #expect(Self.key("Capital of Italy?", ["Paris", "London", "Rome"], explanation)?.index == 2)
    }

    @Test func twoStatedKeysGiveNone() {
        #expect(Self.key("Q?", ["x", "y", "z"], "Option A is correct. Option B is correct.") == nil)
    }

    @Test(arguments: ["A common mistake is Paris; Rome is the capital.", "Not Paris: Rome is the capital of Italy.",
                      "Unlike Paris, Rome is the Italian capital.", "Rome rather than Paris is the capital."])
    func negationAndContrastPointAway(explanation: String) {
        #expect(Self.key("Which city is the capital of Italy?", ["Paris", "London", "Rome"], explanation)?.index == 2)
    }

    @Test func aNegatedMentionAloneGivesNoKey() {
        #expect(Self.key("Capital of Italy?", ["Paris", "London", "Rome"], "It is not Paris.") == nil)
        #expect(Self.key("Capital of Italy?", ["Paris", "London", "Rome"], "A common mistake is Paris.") == nil)
    }

    @Test func numbersAndSymbolsAreWholeTokens() {
        #expect(Self.key("Share within three sigma?", ["68%", "95%", "99.7%", "7%"], "It is 99.7%.")?.index == 2)
        #expect(Self.key("Speed of light?", ["3×10⁶ m/s", "3×10⁸ m/s"], "About 3×10⁸ m/s.")?.index == 1)
        #expect(Self.key("Year?", ["1987", "1989"], "In 1989.")?.index == 1)
        #expect(Self.key("Angle symbol?", ["θ", "λ"], "Angles are written θ.")?.index == 0)
        #expect(Self.key("Share?", ["99.7%", "7%", "99%"], "Roughly 7 in 100.")?.index == nil)
    }

    @Test func allOptionsNamedAreWeighedByWhatIsSaidOfEach() {
        let options = ["Sodium", "Argon", "Iron", "Chlorine"]
        let explanation = "Sodium is an alkali metal, iron is a transition metal, chlorine is a halogen and argon is a noble gas."
        #expect(Self.key("Which element is a noble gas?", options, explanation)?.index == 1)
    }

    @Test func noEvidenceGivesNoKey() {
        #expect(Self.key("Largest ocean?", ["Atlantic", "Pacific"], "Oceans are large.") == nil)
        #expect(Self.key("Largest ocean?", ["Atlantic", "Pacific"], "") == nil)
    }
}

/// An answer key at the end of the file (`Answer key` / `1. B` / `2. False`), as printed quizzes
/// and some exporters write it (eighth review): each line is the item's answer line, by the
/// item's number; without its title the lines stay the last item's explanation.
@Suite struct QuizAnswerKeySectionTests {
    static let items = "Question 1 Multiple Choice\nPick two.\nAone\nBtwo\nCthree\nTwo is even.\n"
        + "Question 2 True / False\nThe Sun is a star.\nTTrue\nFFalse\nIt is a G-type star.\n"
        + "Question 3 Multiple Choice\nPick three.\nAone\nBtwo\nCthree\nThree is odd.\n"

    @Test(arguments: ["Answer key\n1. B\n2. True\n3. (C)\n", "\nANSWER KEY:\n\n1) b\n2) T\n3) C\n", "Answers\n1 - B\n2 - true\n3 - C) three\n",
                      "## Answer Key\n1. B  2. True  3. C\n", "Answers: 1-B, 2-True, 3-C\n", "Answer Key\nQ1: B\nQ2: True\nQ3: C\n", "Answer Key\nQ1: B) two\nQ2. Yes\nQ3: C) three\n", "Answer\u{A0}key\n1. B\n2. True\n3. C\n",
                      "Answer key —\n1. B\n2. True\n3. C\n", "Answer key\n1. B ✅\n2. True ✓\n3. C\n", "Answers\n1. B – two is the even one.\n2. True – it is a star.\n3. C\n",
                      // Markdown lists and tables, and yes for true (tenth review).
                      "## Answer key\n1. **B**\n2. **True**\n3. **C**\n", "**Answers**\n- 1. B\n- 2. True\n- 3. C\n",
                      "Answer key\n* **1.** B\n* **2.** Yes\n* **3.** C\n",
                      "## Answer key\n\n| Question | Answer |\n|---|---|\n| 1 | B |\n| 2 | True |\n| 3 | C |\n",
                      "Answers\n|#|Key|\n|:-:|:-:|\n|1|B|\n|2|T|\n|3|C|\n", "Answer key\n1. B\n2. yes\n3. C\n"])
    func anAnswerKeyAtTheEndGivesTheKeys(section: String) throws {
        let result = parseQuiz(Self.items + section)
        #expect(result.errors == [] && result.warnings == [], "\(result.errors) \(result.warnings)")
        try #require(result.items.count == 3)
        #expect(result.items.map(\.kind.key) == [AnswerKey(index: 1, source: .written), nil, AnswerKey(index: 2, source: .written)])
        #expect(result.items[1].kind == .trueFalse(answer: true))
        #expect(result.items[2].explanation == "Three is odd.")
    }

    @Test func aKeyThatDisagreesWithAnAnswerLineOrNamesNoItem() {
        let text = Self.items.replacingOccurrences(of: "Pick two.\nAone\nBtwo\nCthree\n", with: "Pick two.\nAone\nBtwo\nCthree\nAnswer: B\n")
            + "Answer key\n1. C\n2. True\n3. C\n4. A\n"
        let result = parseQuiz(text)
        #expect(result.items.map(\.kind.key) == [nil, nil, AnswerKey(index: 2, source: .written)])
        #expect(result.warnings.map(\.line) == [6, 23], "\(result.warnings)")
        #expect(result.warnings.last?.message.contains("item 4") == true)
    }

    @Test(arguments: ["1. B\n2. True\n3. C\n", "Answers\nSee the notes for why.\n"])
    func withoutItsTitleOrAnyAnswerTheLinesStayText(section: String) throws {
        let result = parseQuiz(Self.items + section)
        #expect(result.errors.map(\.line) == [7])   // the true/false item has no answer then
        let last = try #require(result.items.last)
        #expect(last.kind.key?.source != .written)
        #expect(last.explanation.hasSuffix(section.trimmingCharacters(in: .newlines)))
    }

    /// Ninth review: question numbers that repeat (two worksheets pasted together, or an example
    /// item without a header before `Question 1`) leave the key unused, with a warning; a line
    /// of the section that is no numbered answer is left out with a warning naming it (its
    /// answers never count as the last item's); a key for a short-answer item is not its answer.
    @Test func repeatedNumbersLeaveTheKeyUnused() {
        let sheet = "Question 1 Multiple Choice\nPick two.\nAone\nBtwo\nTwo is even.\nQuestion 2 Multiple Choice\nPick one.\nAone\nBtwo\nOne.\n"
        let result = parseQuiz(sheet + sheet + "Answer key\n1. A\n2. A\n")
        #expect(result.items.map(\.kind.key) == [nil, nil, nil, nil])
        let keyWarnings = result.warnings.filter { $0.message.contains("the answer key") }
        #expect(keyWarnings.map(\.line) == [21], "\(result.warnings)")
        #expect(keyWarnings.first?.message.contains("question numbers repeat") == true)
        #expect(result.items.last?.explanation == "One.")
        let example = parseQuiz("Sky colour?\nAGreen\nBBlue\nBlue.\nQuestion 1 Multiple Choice\nPick two.\nAone\nBtwo\nTwo.\nAnswer key\n1. B\n")
        #expect(example.items.allSatisfy { $0.kind.key?.source != .written })
        #expect(example.warnings.filter { $0.message.contains("the answer key") }.map(\.line) == [10])
    }

    @Test func unreadableKeyLinesAreLeftOutWithAWarning() throws {
        let result = parseQuiz(Self.items + "Answer key\n1. B\n2. Answer: C\n3. Correct answer: C\nGood luck!\n")
        #expect(result.errors.map(\.line) == [7])   // the true/false item gets no answer from `2. Answer: C`
        let keyWarnings = result.warnings.filter { $0.message.contains("the answer key") }
        #expect(keyWarnings.map(\.line) == [20, 21, 22], "\(result.warnings)")
        #expect(keyWarnings.first?.message.contains("is not a numbered answer") == true)
        let last = try #require(result.items.last)
        #expect(last.kind.key == nil && last.explanation == "Three is odd.")
        #expect(result.items.first?.kind.key == AnswerKey(index: 1, source: .written))
        let short = parseQuiz("Question 1 Short Answer\nName a prime.\nModel answer: Two, the only even prime.\nTwo is prime.\nAnswer key\n1. A\n")
        #expect(short.items.first?.explanation == "Two is prime.")
        #expect(short.warnings.filter { $0.message.contains("the answer key") }.map(\.line) == [6])
    }

    /// A title before the first header (`Biology Quiz - Chapter 3`) is no item: left out with a
    /// warning, the answer key's numbers still the headers' (twelfth review: the whole file was refused).
    @Test func aTitleBeforeTheFirstHeaderIsLeftOut() {
        let result = parseQuiz("Biology Quiz - Chapter 3\nRevision sheet\n\n" + Self.items + "Answer key\n1. B\n2. True\n3. C\n")
        #expect(result.errors == [])
        #expect(result.items.map(\.position) == [1, 2, 3])
        #expect(result.items.map(\.kind.key) == [AnswerKey(index: 1, source: .written), nil, AnswerKey(index: 2, source: .written)])
        #expect(result.warnings.map(\.line) == [1])
        #expect(result.warnings.first?.message.contains("read as a title and left out") == true, "\(result.warnings)")
        let alone = parseQuiz("Biology Quiz - Chapter 3\n")
        #expect(alone.errors.map(\.line) == [1])
    }

    /// A title before numbered items in a file without headers (`Biology Quiz - Chapter 3` /
    /// `1. Which gas…?`): left out with a warning, the question without its title or number
    /// (the thirteenth review: the title stayed in the first question). Instructions after the
    /// title, set apart from the question by a blank line, go with it.
    @Test(arguments: ["Biology Quiz - Chapter 3\n\n", "Biology Quiz - Chapter 3\n", "# Biology Quiz\nChapter 3\n\n",
                      "Chemistry Revision Quiz\nChoose the best answer for each question.\n\n",
                      "Unit 4 test\nAnswer all questions: each is worth one mark.\nTime allowed: 20 minutes\n\n"])
    func aTitleBeforeNumberedItemsIsLeftOut(title: String) {
        let result = parseQuiz(title + "1. Which gas do plants release?\nA) Carbon dioxide\nB) Oxygen\nAnswer: B\n\n"
            + "2. Which organ pumps blood?\nA) Liver\nB) Heart\nAnswer: B\n")
        #expect(result.errors == [])
        #expect(result.items.map(\.question) == ["Which gas do plants release?", "Which organ pumps blood?"])
        #expect(result.warnings.first?.line == 1)
        #expect(result.warnings.first?.message.contains("read as a title and left out") == true, "\(result.warnings)")
    }

    /// An unnumbered question after a blank line with a model answer of its own is another item
    /// (seventeenth review: it went into the explanation of the item before).
    @Test func anUnnumberedQuestionWithItsOwnModelAnswerIsAnotherItem() {
        let result = parseQuiz("1. What is the capital of France?\nModel answer: Paris.\nIt lies on the Seine.\n\n"
            + "What is the capital of Spain?\nModel answer: Madrid.\n")
        #expect(result.items.map(\.question) == ["What is the capital of France?", "What is the capital of Spain?"])
        #expect(result.items.first?.explanation == "It lies on the Seine.")
    }

    /// An item without a header whose `Answer:` line gives a text, with no options or true/false
    /// lines, is a short answer (the seventeenth review: the file was refused); a letter there, or
    /// unlettered lines that may be options, stay an error.
    @Test func anAnswerTextWithoutOptionsIsAShortAnswer() {
        let result = parseQuiz("1. What is the capital of France?\nAnswer: Paris\nIt has been the capital since 987.\n\n"
            + "2. Name the largest planet.\nAnswer: Jupiter\n\n3. Which is larger?\nAOne\nBTwo\nAnswer: B\n")
        #expect(result.errors == [])
        #expect(result.items.map(\.kind) == [.shortAnswer(modelAnswer: "Paris"), .shortAnswer(modelAnswer: "Jupiter"),
                                             .multipleChoice(options: ["One", "Two"], key: AnswerKey(index: 1, source: .written))])
        #expect(result.items.map(\.question) == ["What is the capital of France?", "Name the largest planet.", "Which is larger?"])
        #expect(result.items.first?.explanation == "It has been the capital since 987.")
        #expect(parseQuiz("What is the capital of France?\nAnswer: B\n").errors.map(\.line) == [1])
        #expect(parseQuiz("What is the capital of France?\nParis\nLondon\nAnswer: Paris\n").errors.map(\.line) == [1])
    }

    /// Options on one line (`A) Venus  B) Mercury`) or with a dash (`A - Jupiter`) show an item
    /// without a header to be multiple choice, as under a typed header (an outside review: `Q1.`,
    /// `1.` and unnumbered items so written were refused).
    @Test(arguments: ["Q1. Which planet is closest to the Sun?\nA) Venus  B) Mercury  C) Mars\nAnswer: B\n",
                      "1. Which planet is closest to the Sun?\nA - Venus\nB - Mercury\nC - Mars\nAns. B\n",
                      "Which planet is closest to the Sun? A) Venus  B) Mercury  C) Mars\nAnswer: B\n",
                      "Question 1: Which planet is closest to the Sun?\nA) Venus  B) Mercury  C) Mars\nAnswer: Mercury\n"])
    func optionsOnOneLineOrAfterDashesWithoutAHeader(text: String) {
        let result = parseQuiz(text)
        #expect(result.errors == [])
        #expect(result.items.first?.kind == .multipleChoice(options: ["Venus", "Mercury", "Mars"], key: AnswerKey(index: 1, source: .written)))
        #expect(result.items.first?.question == "Which planet is closest to the Sun?")
        // After another item, a numbered paragraph with such options and `Ans. B` is an item of its
        // own, not that item's explanation.
        let two = parseQuiz(text + "\n2. Which planet has the most moons?\nA - Jupiter\nB - Saturn\nAns. B\n")
        #expect(two.items.map(\.question) == ["Which planet is closest to the Sun?", "Which planet has the most moons?"])
        #expect(two.items.last?.kind == .multipleChoice(options: ["Jupiter", "Saturn"], key: AnswerKey(index: 1, source: .written)))
    }

    /// A lead-in sentence set apart from the first numbered question by a blank line, with no title
    /// before it, is still the question's.
    @Test func aLeadInSetApartWithoutATitleIsTheQuestions() {
        let lead = parseQuiz("Consider a triangle with sides 3, 4 and 5.\n\n1. Which side is longest?\nA) The first\nB) The last\nAnswer: B\n")
        #expect(lead.items.first?.question == "Consider a triangle with sides 3, 4 and 5.\n\nWhich side is longest?", "\(lead.items)")
    }

    /// A lead-in sentence (`Consider a triangle with sides 3, 4 and 5.`) is the question's, no title
    /// (seventeenth review: it was dropped as one).
    @Test(arguments: ["Consider a triangle with sides 3, 4 and 5.", "Read the passage below.", "x = 3"])
    func aLeadInSentenceBeforeTheFirstNumberedItemIsNoTitle(lead: String) {
        let result = parseQuiz(lead + "\n1. Which side is longest?\nA) The first\nB) The last\nAnswer: B\n")
        #expect(result.items.first?.question == lead + "\nWhich side is longest?", "\(result.items)")
        #expect(!result.warnings.contains { $0.message.contains("read as a title") })
    }

    /// A question whose lead-in ends in `?` or `:` before a numbered list keeps it: no title.
    @Test func aLeadInBeforeANumberedListIsNoTitle() {
        let result = parseQuiz("Which steps come first?\n1. Mix the flour\n2. Bake the dough\nA) 1 only\nB) Both\nAnswer: B\n")
        #expect(result.items.first?.question == "Which steps come first?\n1. Mix the flour\n2. Bake the dough")
    }

    /// The first item may have no header (as in the quiz site's sample): it is item 1.
    @Test func aFirstItemWithoutAHeaderIsItemOne() {
        let result = parseQuiz("Pick two.\nAone\nBtwo\nCthree\nTwo is even.\nQuestion 2 Multiple Choice\nPick one.\nAone\nBtwo\nOne is one.\nAnswer key\n1. B\n2. A\n")
        #expect(result.items.map(\.kind.key) == [AnswerKey(index: 1, source: .written), AnswerKey(index: 0, source: .written)])
    }
}
