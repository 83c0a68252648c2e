import Testing
@testable import SRSCore
@testable import SRSUI

/// The small defects found by trying the review as a learner would (issue 8, point 9).
@Suite struct LearnerDefectTests {
    static func footer(_ h: Harness) -> String {
        h.session.keyHints(compact: false).map { "\($0.key) \($0.label)" }.joined(separator: "  ")
    }

    @Test func undoIsOfferedOnlyOnceThereIsSomethingToUndo() {
        var h = Harness(cards: [Fixtures.capital, Fixtures.truth])
        #expect(!Self.footer(h).contains("u undo"))
        h.send(letterOf("Canberra", in: h.screen) + " enter")
        #expect(Self.footer(h).contains("u undo"))
    }

    @Test func qClosesTheHelpInsteadOfQuitting() {
        var h = Harness(cards: [Fixtures.capital])
        #expect(h.send("?").isEmpty)
        #expect(h.screen.contains("Keys"))
        #expect(h.send("q").isEmpty)
        #expect(h.screen.contains("capital of Australia"))
        #expect(!Self.footer(h).contains("back"))
    }

    @Test func aWrongTrueFalseAnswerDoesNotOfferTheKeyFix() {
        var h = Harness(cards: [Fixtures.truth])
        h.send("f 3")
        #expect(h.screen.contains("A wrong answer is graded Again: press 1 or Enter."))
        #expect(!h.screen.contains("k corrects"))
    }

    @Test func aKeyFixNamesTheOptionAsShownAndAsStored() {
        #expect(ReviewSession.keySetNotice(shown: 0, stored: 1, text: "Canberra")
                == "Answer key set to A (“Canberra”, option B in the deck file) and saved to the deck.")
        #expect(ReviewSession.keySetNotice(shown: 2, stored: 2, text: "Perth\u{1B}[2J")
                == "Answer key set to C (“Perth␛[2J”) and saved to the deck.")
    }

    @Test func whileChoosingTheScrollHintNamesOnlyThePageKeys() {
        let judging = Harness(cards: [Fixtures.long], size: Size(columns: 40, rows: 12))
        #expect(judging.screen.contains("more: PgUp/PgDn or ↑↓ to scroll"))
        let longChoice = Card(id: CardID("long-mc"), question: Fixtures.long.question,
                              kind: .multipleChoice(options: ["one", "two"], key: AnswerKey(index: 0, source: .written)),
                              explanation: "")
        let choosing = Harness(cards: [longChoice], size: Size(columns: 40, rows: 12))
        #expect(choosing.screen.contains("more: PgUp/PgDn to scroll"))
        #expect(!choosing.screen.contains("↑↓ to scroll"))
    }

    /// The typed answer's row and the character under the cursor (drawn in reverse video).
    static func answerRow(_ h: Harness) -> (text: String, cursor: String?) {
        let row = h.session.render(h.size).rows.first { $0.text.contains("Your answer:") }
        return (row?.text ?? "", row?.spans.first { $0.style == .reverse }?.text)
    }

    @Test func theTypedAnswerHasACursorThatTheArrowsMove() {
        var h = Harness(cards: [Fixtures.short])
        h.send("i type=hola")
        #expect(Self.answerRow(h) == (" Your answer: hola ", " "))
        h.send("left left type=x")
        #expect(Self.answerRow(h) == (" Your answer: hoxla", "l"))
        h.send("bs del")
        #expect(Self.answerRow(h) == (" Your answer: hoa", "a"))
        h.send("home type=¡ end right type=!")
        #expect(Self.answerRow(h) == (" Your answer: ¡hoa! ", " "))
        h.send("enter")
        #expect(h.screen.contains("Your answer:  ¡hoa!"))
    }
}
