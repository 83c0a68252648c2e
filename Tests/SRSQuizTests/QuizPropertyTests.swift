import Foundation
import Testing
import SRSCore
@testable import SRSQuiz
import SRSText

/// Inputs built from the samples' own pieces, so mutations stay near the grammar.
enum QuizInputs {
    static let fragments: [[UInt8]] = [
        "Question 1 Multiple Choice\n", "Question 2 True / False\n", "Question 3 Short Answer\n", "Question\n",
        "AOption\n", "BOther\n", "Cθ\n", "D4\n", "Every word\n", "TTrue\n", "FFalse\n", "Answer: B\n",
        "Answer: True\n", "Answer: Z\n", "Model answer: yes\n", "Model answer:\n",
        "Think about your answer, then reveal below.\n", "\n", "\r\n", "\r", "\u{0}", "\u{1B}[31m", "日本😀",
        "Why?\n", "A surprising insight.\n",
        // The shapes read since the natural held-out rounds: marks, inline options, headers with
        // the question, lower-case letters, lettered true/false, stated phrasings cut short.
        "*B) Marked\n", "B) Paris *\n", "C) Oslo (correct)\n", "A) 5  B) 6  C) 7\n", "What? (A) x (B) y\n",
        "Question 4 Multiple Choice: Inline?\n", "Question 5 of 9 (True / False)\n", "Question 6 asks\n",
        "a) low\n", "b) lower\n", "ahyper\n", "bstd\n", "cmu\n", "Explanation: why\n", "Explanation:\n",
        "Answer: B, D\n", "A) True\n", "B) False\n", "Answer: A\n", "The correct answer is\n", "C is", "makes C the",
        "x = 1/0.2 = 5\n", "= 50%", "A, B and D are incorrect.\n", "C is the one that\n", "Only C is\n", "*",
        "A - Rome\n", "B – Paris\n", "A.Rome\n", "B.Paris\n", "Question 7\n", "Multiple Choice\n", "(True / False)\n",
        "Suggested answer: x\n", "So C.\n", "Answer C.\n",
        // The shapes of the eighth review: bare answer lines, check marks, an answer key at the end.
        "Answer B\n", "Key: F\n", "Solution - C\n", "Answer: B ✅\n", "Answer: True ❌\n", "B) Paris ✅\n",
        "Answer key\n", "1. B\n", "2) True  3. C\n", "Answers: 1-B, 2-C\n", "Q4: D\n",
    ].map { Array($0.utf8) } + [[0xFF], [0xC3], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF]]

    static func random(_ rng: inout SeededGenerator, samples: [[UInt8]]) -> [UInt8] {
        switch rng.next() % 3 {
        case 0: return (0..<Int(rng.next() % 2000)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
        case 1: return (0..<Int(rng.next() % 60)).flatMap { _ in fragments[Int(rng.next() % UInt64(fragments.count))] }
        default: return mutate(samples[Int(rng.next() % UInt64(samples.count))], &rng)
        }
    }

    static func mutate(_ input: [UInt8], _ rng: inout SeededGenerator) -> [UInt8] {
        var bytes = input
        for _ in 0..<(1 + rng.next() % 8) {
            let at = bytes.isEmpty ? 0 : Int(rng.next() % UInt64(bytes.count))
            switch rng.next() % 4 {
            case 0 where !bytes.isEmpty: bytes.remove(at: at)
            case 1: bytes.insert(contentsOf: fragments[Int(rng.next() % UInt64(fragments.count))], at: at)
            case 2 where !bytes.isEmpty: bytes[at] = UInt8(truncatingIfNeeded: rng.next())
            default:
                let end = min(bytes.count, at + Int(rng.next() % 200))
                bytes.insert(contentsOf: bytes[at..<end], at: at)
            }
        }
        return bytes
    }
}

@Suite struct QuizPropertyTests {
    static func checkInvariants(_ bytes: [UInt8]) {
        let result = QuizParser.parse(bytes)
        let lineCount = bytes.count + 1
        #expect(result.items.count + result.errors.count == result.itemCount)
        let positions = (result.items.map(\.position) + result.errors.compactMap(\.position)).sorted()
        #expect(positions == Array(stride(from: 1, through: result.itemCount, by: 1)))
        for item in result.items {
            #expect((1...lineCount).contains(item.line))
            #expect(!item.question.isEmpty)
            for text in [item.question, item.explanation] + texts(of: item.kind) {
                #expect(!text.unicodeScalars.contains { $0 != "\n" && TerminalSafe.isUnsafe($0) })
            }
            if case .multipleChoice(let options, let key) = item.kind {
                #expect((2...maximumOptionCount).contains(options.count))
                #expect(key.map { options.indices.contains($0.index) } ?? true)
            }
        }
    }

    static func texts(of kind: CardKind) -> [String] {
        switch kind {
        case .multipleChoice(let options, _): return options
        case .trueFalse: return []
        case .shortAnswer(let model): return [model]
        case .basic, .reverse, .cloze, .typeIn: Issue.record("the quiz reader made a \(kind.typeName) card"); return []
        }
    }

    @Test func anyBytesParseWithinTheInvariants() throws {
        let natural = quizRepositoryRoot.appendingPathComponent("Tests/SRSQuizTests/Fixtures/quiz-heldout-natural")
        let samples = [try quizSample("000_84106cf2ef55100a.txt"), try quizSample("linear-algebra.txt"),
                       try Data(contentsOf: natural.appendingPathComponent("n5-neural-scaling-laws.txt")),
                       try Data(contentsOf: natural.appendingPathComponent("n6-probability-statistics.txt"))].map { Array($0) }
        var rng = SeededGenerator(seed: 20_261_129)
        for _ in 0..<1_500 { Self.checkInvariants(QuizInputs.random(&rng, samples: samples)) }
    }

    /// Shapes that would be quadratic in a naive parser, at a size a debug build checks in well
    /// under a second each. `Fuzz/large-inputs.sh` runs 50 MB and 10 MB-line inputs in release.
    @Test(arguments: LargeQuizInput.allCases)
    func largeInputsParseInLinearTime(input: LargeQuizInput) {
        let bytes = input.bytes
        let elapsed = ContinuousClock().measure { _ = QuizParser.parse(bytes, keys: .weighed) }
        #expect(elapsed < .seconds(5))
    }
}

/// The large inputs by name, so that a test run prints the name and not a megabyte of bytes.
enum LargeQuizInput: String, CaseIterable, CustomTestStringConvertible {
    /// A word of letters only (`qbadc`…), different for each item, option and number.
    static func word(_ item: Int, _ option: Int, _ number: Int) -> String {
        var letters = "q" + String(UnicodeScalar(UInt8(97 + item % 26))) + String(UnicodeScalar(UInt8(97 + option)))
        var rest = number
        repeat { letters.append(Character(UnicodeScalar(UInt8(97 + rest % 26)))); rest /= 26 } while rest > 0
        return letters
    }

    case oneLongLine, manyALines, optionsWithoutEnd, nulBytes, blankLines, repeatedEquations, repeatedLetterReferences,
         longQuestion, repeatedBareLetters, repeatedNumberWords, longDistinctOptions, numberedItemsWithoutHeaders

    var testDescription: String { rawValue }

    var bytes: [UInt8] {
        switch self {
        case .oneLongLine: return Array(repeating: UInt8(ascii: "x"), count: 1_000_000)                 // one 1 MB line
        case .manyALines: return Array(repeating: Array("A\n".utf8), count: 50_000).flatMap { $0 }
        case .optionsWithoutEnd: return Array(repeating: Array("AOne\nBTwo\n".utf8), count: 10_000).flatMap { $0 }
        case .nulBytes: return Array(repeating: UInt8(0), count: 300_000)
        case .blankLines: return Array(repeating: UInt8(ascii: "\n"), count: 300_000)
        // One item with numeric options and a 20 KB explanation of equations (each `=` once
        // scanned back to its sentence's start: 11.6 s in release), and one of letter references.
        case .repeatedEquations:
            return Array(("Question 1 Multiple Choice\nWhich?\nA1\nB2\nC3\nD4\n" + String(repeating: "a=3 ", count: 4_990) + "\n").utf8)
        // A question of 1 MB before two options (random bytes make such items): weighed in full
        // it took 26 s in release for 10 MB.
        case .longQuestion:
            return Array(("Question 1 Multiple Choice\n" + String(repeating: "w ", count: 500_000)
                + "\nAone\nBtwo\nThe first is one.\n").utf8)
        // A 20 KB explanation of bare letters and commas, one part each: every part that names no
        // option looked back over all the parts before it (18 s in release for 8 MB of such items).
        case .repeatedBareLetters:
            return Array(("Question 1 Multiple Choice\nWhich?\nAone\nBtwo\n" + String(repeating: "A,", count: 9_990) + "\n").utf8)
        // A 20 KB explanation of number words with no word after them: each looked ahead to the
        // explanation's end for the words that say what it counts.
        case .repeatedNumberWords:
            return Array(("Question 1 Multiple Choice\nWhich one is largest?\nAone\nBtwo\n" + String(repeating: "one; ", count: 3_990) + "\n").utf8)
        // Forty items of four options of 700 distinct words each (19.6 KB, under the weighing
        // limit): each word's option was once found by scanning the options' words again.
        case .longDistinctOptions:
            return Array((0..<40).map { item in
                "Question \(item + 1) Multiple Choice\nWhich?\n" + (0..<4).map { option in
                    String(UnicodeScalar(UInt8(65 + option))) + (0..<700).map { Self.word(item, option, $0) }.joined(separator: " ")
                }.joined(separator: "\n") + "\nThe first is \(Self.word(item, 0, 5)).\n"
            }.joined().utf8)
        case .repeatedLetterReferences:
            return Array(("Question 1 Multiple Choice\nWhich?\nAone\nBtwo\n" + String(repeating: "(A) ", count: 4_990) + "\n").utf8)
        // 3,000 numbered items and no header: each split off by reading the rest of the block
        // again, 100,000 took minutes in release.
        case .numberedItemsWithoutHeaders:
            return Array((0..<3_000).map { item in
                "\(item % 999 + 1). Which planet is closest to the Sun, \(item)?\n"
                    + (item % 2 == 0 ? "A) Venus\nB) Mercury\nC) Mars\nAnswer: B\n\n" : "TTrue\nFFalse\nAnswer: False\n\n")
            }.joined().utf8)
        }
    }
}

/// Repetitive inputs (issue 11, point 5): repeated items must parse within the invariants, draw
/// one duplicate warning per repeated item, and get the ids the import always gave them.
@Suite struct QuizRepetitionPropertyTests {
    static let items = [
        "Question 1 Multiple Choice\nWhich?\nAone\nBtwo\nAnswer: A\n",
        "Question 2 True / False\nSky is blue.\nAnswer: True\n",
        "Question 3 Short Answer\nWhy?\nModel answer: Because.\n",
        "Question 4 Multiple Choice\nPick.\nAθ\nBλ\nAngles are written θ.\n",
    ]

    static func repetitive(_ rng: inout SeededGenerator) -> (text: String, distinct: Int) {
        var text = "", used = Set<Int>()
        for _ in 0..<(1 + rng.next() % 6) {
            let index = Int(rng.next() % UInt64(items.count))
            used.insert(index)
            text += String(repeating: items[index], count: Int(1 + rng.next() % 40))
        }
        return (text, used.count)
    }

    @Test func repeatedItemsKeepTheInvariantsAndWarnOncePerItem() {
        var rng = SeededGenerator(seed: 11)
        for _ in 0..<200 {
            let (text, distinct) = Self.repetitive(&rng)
            QuizPropertyTests.checkInvariants(Array(text.utf8))
            let result = QuizParser.parse(text: text)
            let repeated = Dictionary(grouping: result.items, by: \.question).filter { $0.value.count > 1 }.count
            #expect(result.warnings.filter { $0.message.contains("word for word") }.count == repeated)
            #expect(repeated <= distinct)
        }
    }

    /// The ids `assign` gives equal those of the plain search it replaced (every attempt from 0),
    /// with some ids already taken by other decks.
    @Test func idsAreThoseOfThePlainSearch() {
        var rng = SeededGenerator(seed: 5)
        for _ in 0..<100 {
            let (text, _) = Self.repetitive(&rng)
            let keys = QuizParser.parse(text: text).items.map { (typeName: $0.kind.typeName, question: $0.question) }
            var taken = Set((0..<Int(rng.next() % 5)).map {
                CardIdentity.newID(deck: "d", typeName: "multiple_choice", question: "Which?", attempt: $0 * 2)
            })
            var reference = taken
            let ids = CardIdentity.assign(keys, matches: keys.map { _ in .new }, deck: "d", taken: &taken)
            #expect(ids == Self.plainIDs(keys, deck: "d", taken: &reference))
            #expect(Set(ids).count == ids.count)
        }
    }

    static func plainIDs(_ keys: [(typeName: String, question: String)], deck: String, taken: inout Set<CardID>) -> [CardID] {
        keys.map { key in
            var attempt = 0
            var id = CardIdentity.newID(deck: deck, typeName: key.typeName, question: key.question, attempt: 0)
            while taken.contains(id) {
                attempt += 1
                id = CardIdentity.newID(deck: deck, typeName: key.typeName, question: key.question, attempt: attempt)
            }
            taken.insert(id)
            return id
        }
    }

    /// 16,000 identical items, parsed and merged into a deck holding them already: a quadratic
    /// merge took over a minute (in release); this checks it stays far from that in debug.
    @Test func sixteenThousandIdenticalItemsMergeQuickly() {
        let text = String(repeating: Self.items[0], count: 16_000)
        let elapsed = ContinuousClock().measure {
            let items = QuizParser.parse(text: text).items
            var taken = Set<CardID>()
            let (deck, _) = DeckMerge.merge(items, name: "d", previous: nil, taken: &taken)
            var again = Set<CardID>()
            let (merged, report) = DeckMerge.merge(items, name: "d", previous: .init(deck: deck, shipped: false), taken: &again)
            #expect(merged.cards.map(\.id) == deck.cards.map(\.id))
            #expect(report.unchanged == 16_000)
        }
        #expect(elapsed < .seconds(20))
    }
}
