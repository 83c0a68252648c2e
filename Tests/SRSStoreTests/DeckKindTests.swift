import Testing
@testable import SRSCore
@testable import SRSStore

/// The card kinds of the Anki import in deck format 2 (`docs/deck-format.md`, "Card kinds").
@Suite struct DeckKindTests {
    static let handWritten = """
        srs-deck 2

        card: fly
        type: basic
        question: la mariposa
        answer: the butterfly

        card: fly-r
        type: reverse
        question: la mariposa
        answer: the butterfly

        card: cap-1
        type: cloze
        question: {{c1::Canberra::city}} is the capital of {{c2::Australia}}.
        cloze: 1
        explanation: Not Sydney.

        card: gold
        type: type_in
        question: Chemical symbol of gold?
        answer: Au

        """

    @Test func handWrittenKindsAreRead() throws {
        let deck = try readDeck(Self.handWritten)
        #expect(deck.cards.map(\.kind) == [.basic(back: "the butterfly"), .reverse(back: "the butterfly"),
                                           .cloze(number: 1), .typeIn(answer: "Au")])
        #expect(deck.cards[2].explanation == "Not Sydney.")
    }

    @Test func theKindsRoundTrip() throws {
        let deck = try readDeck(Self.handWritten)
        let written = DeckWriter.text(of: deck)
        #expect(try readDeck(written) == deck)
        #expect(written.contains("type: type_in\nquestion: Chemical symbol of gold?\nanswer: Au\n"))
        #expect(written.contains("cloze: 1\n"))
    }

    /// Version 1 files (before the kinds) still read; the kinds are part of version 2.
    @Test func versionOneStillReads() throws {
        let deck = try readDeck("srs-deck 1\ncard: a\ntype: true_false\nquestion: q\nanswer: true\n")
        #expect(deck.cards.map(\.kind) == [.trueFalse(answer: true)])
    }
}
