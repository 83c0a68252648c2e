import Testing
import SRSCore
@testable import SRSUI

@Suite struct MultipleChoiceTests {
    @Test func rightAnswerIsGoodByDefault() {
        var h = Harness(cards: [Fixtures.capital])
        expectSnapshot(h.screen, named: "mc-question")
        let canberra = letterOf("Canberra", in: h.screen)
        h.send(canberra)
        expectSnapshot(h.screen, named: "mc-right")
        let effects = h.send("enter")
        guard case let .append(record)? = effects.first, case let .answer(grade, kind, millis) = record.action else {
            Issue.record("no record: \(effects)"); return
        }
        #expect(record.card == Fixtures.capital.id && grade == .good && kind == .learn && millis == 8_000)
        #expect(record.after.memory?.intervalDays == 1 && !record.after.repeatPending)
        #expect(record.seq == 1 && record.scheduler == "sm2")
    }

    @Test func wrongAnswerIsAgainAndComesBackToday() {
        var h = Harness(cards: [Fixtures.capital, Fixtures.truth])
        h.send(letterOf("Perth", in: h.screen))
        expectSnapshot(h.screen, named: "mc-wrong")
        h.send("3")
        #expect(h.effects.isEmpty)
        #expect(h.screen.contains("A wrong answer is graded Again"))
        h.send("enter")
        #expect(h.recorded.map(\.1) == [.answer(grade: .again, kind: .learn, answerMillis: 12_000)])
        #expect(h.screen.contains("The Sun is a star."))
        h.send("t enter")
        #expect(h.screen.contains("What is the capital of Australia?"))
        #expect(h.screen.contains("again today"))
        h.send(letterOf("Canberra", in: h.screen) + " enter")
        #expect(h.recorded.last.map(\.1) == .answer(grade: .good, kind: .repeat, answerMillis: 8_000))
        #expect(h.screen.contains("Review finished"))
    }

    @Test func arrowsAndEnterPickAnOption() {
        var h = Harness(cards: [Fixtures.capital])
        h.send("down down")
        expectSnapshot(h.screen, named: "mc-highlight")
        h.send("enter")
        // B) Sydney was highlighted: Enter picks it, a wrong answer, graded when the learner goes on.
        #expect(h.screen.contains("✗ Wrong: you chose B; the answer is A."))
        #expect(h.recorded.isEmpty)
    }

    @Test func hardAndEasyAreOneKeyAway() {
        var h = Harness(cards: [Fixtures.capital])
        h.send(letterOf("Canberra", in: h.screen) + " 4")
        #expect(h.recorded.map(\.1) == [.answer(grade: .easy, kind: .learn, answerMillis: 8_000)])
    }

    @Test func optionOrderIsShuffledPerSeedAndTheKeyFollows() {
        let screens = Set((UInt64(1)...8).map { Harness(cards: [Fixtures.capital], seed: $0).screen })
        #expect(screens.count > 3)
        for seed in UInt64(1)...8 {
            var h = Harness(cards: [Fixtures.capital], seed: seed)
            h.send(letterOf("Canberra", in: h.screen))
            #expect(h.screen.contains("✓ Right."))
        }
    }

    @Test func selfGradedCardAsksForAGrade() {
        var h = Harness(cards: [Fixtures.noKey])
        expectSnapshot(h.screen, named: "mc-nokey-question")
        h.send(letterOf("Merge sort", in: h.screen))
        expectSnapshot(h.screen, named: "mc-nokey-revealed")
        h.send("2")
        #expect(h.recorded.map(\.1) == [.answer(grade: .hard, kind: .learn, answerMillis: 8_000)])
    }
}

@Suite struct TrueFalseAndShortAnswerTests {
    @Test func trueFalse() {
        var h = Harness(cards: [Fixtures.truth])
        expectSnapshot(h.screen, named: "tf-question")
        h.send("f")
        expectSnapshot(h.screen, named: "tf-wrong")
        h.send("space")
        #expect(h.recorded.map(\.1) == [.answer(grade: .again, kind: .learn, answerMillis: 8_000)])
    }

    @Test func shortAnswerTypesUTF8AndRevealsBesideTheModelAnswer() {
        var h = Harness(cards: [Fixtures.short])
        expectSnapshot(h.screen, named: "sa-question")
        h.send("i type=hóla_ñ bs bs")
        expectSnapshot(h.screen, named: "sa-typing")
        h.send("enter")
        expectSnapshot(h.screen, named: "sa-revealed")
        h.send("3")
        #expect(h.recorded.map(\.1) == [.answer(grade: .good, kind: .learn, answerMillis: 44_000)])
    }

    @Test func typingTakesCommandLettersAsText() {
        var h = Harness(cards: [Fixtures.short])
        h.send("i type=quits")
        #expect(h.effects.isEmpty)
        #expect(h.screen.contains("Your answer: quits"))
        h.send("esc")
        #expect(h.screen.contains("i goes on typing"))
        h.send("q")
        #expect(h.effects == [.quit])
    }
}

/// The letter shown before an option on screen ("B" for "  B) Canberra").
func letterOf(_ option: String, in screen: String) -> String {
    for line in screen.split(separator: "\n") where line.hasSuffix(") " + option) {
        let beforeParen = line.dropLast(option.count + 2)
        if let letter = beforeParen.last { return String(letter).lowercased() }
    }
    return "?"
}
