import Testing
import SRSCore
@testable import SRSUI

/// The card kinds of the Anki import on the review screen: basic, reverse, cloze, type-in.
@Suite struct CardKindTests {
    static let basic = Card(id: CardID("basic-1"), question: "la mariposa", kind: .basic(back: "the butterfly"), explanation: "")
    static let reverse = Card(id: CardID("basic-1-r"), question: "la mariposa", kind: .reverse(back: "the butterfly"), explanation: "")
    static let clozeText = "{{c1::Canberra::city}} is the capital of {{c2::Australia}}."
    static let cloze1 = Card(id: CardID("cloze-1"), question: clozeText, kind: .cloze(number: 1), explanation: "Not Sydney.")
    static let cloze2 = Card(id: CardID("cloze-2"), question: clozeText, kind: .cloze(number: 2), explanation: "")
    static let typeIn = Card(id: CardID("type-1"), question: "Chemical symbol of gold?", kind: .typeIn(answer: "Au"), explanation: "")

    static let size = Size(columns: 60, rows: 12)

    @Test func basicShowsTheFrontThenTheBack() {
        var h = Harness(cards: [Self.basic], size: Self.size)
        expectSnapshot(h.screen, named: "basic-front")
        #expect(!h.screen.contains("the butterfly"))
        h.send("space")
        expectSnapshot(h.screen, named: "basic-back")
        h.send("3")
        #expect(h.recorded.map(\.0) == [CardID("basic-1")])
    }

    @Test func reverseAsksTheBack() {
        var h = Harness(cards: [Self.reverse], size: Self.size)
        #expect(h.screen.contains("the butterfly") && !h.screen.contains("la mariposa"))
        h.send("enter")
        expectSnapshot(h.screen, named: "reverse-back")
    }

    @Test func clozeHidesItsOwnDeletionAndShowsTheOthers() {
        var h = Harness(cards: [Self.cloze1], size: Self.size)
        expectSnapshot(h.screen, named: "cloze-question")
        #expect(h.screen.contains("[city] is the capital of Australia."))
        h.send("space")
        expectSnapshot(h.screen, named: "cloze-answer")
        var second = Harness(cards: [Self.cloze2], size: Self.size)
        #expect(second.screen.contains("Canberra is the capital of [...]."))
        second.send("space")
        #expect(second.screen.contains("Canberra is the capital of Australia."))
    }

    @Test func typeInChecksTheTypedAnswerAsShortAnswersAre() {
        var h = Harness(cards: [Self.typeIn], size: Self.size)
        h.send("i type=au enter")
        expectSnapshot(h.screen, named: "type-in-right")
        #expect(h.screen.contains("✓ Your answer matches"))
    }

    @Test func gradeKeysWaitForTheReveal() {
        var h = Harness(cards: [Self.basic], size: Self.size)
        h.send("3")
        #expect(h.recorded.isEmpty)
        h.send("space 1")
        #expect(h.recorded.count == 1)
    }

    @Test func failedCardsListTheirAnswers() {
        #expect(Self.cloze1.revealedAnswer == "Canberra is the capital of Australia.")
        #expect(Self.cloze1.prompt == "[city] is the capital of Australia.")
        #expect(Self.reverse.prompt == "the butterfly" && Self.reverse.revealedAnswer == "la mariposa")
    }
}
