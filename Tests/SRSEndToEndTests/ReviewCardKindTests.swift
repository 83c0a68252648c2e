import Foundation
import Testing

/// A hand-written deck with a cloze and a basic card, reviewed in the real terminal (issue 12.1).
@Suite(.enabled(if: TmuxSession.available, "needs tmux"), .serialized)
struct ReviewCardKindTests {
    static let deck = """
        srs-deck 2

        card: capital-c1
        type: cloze
        question: {{c1::Canberra::city}} is the capital of {{c2::Australia}}.
        cloze: 1

        card: butterfly
        type: basic
        question: la mariposa
        answer: the butterfly

        """

    @Test func reviewAClozeAndABasicCard() throws {
        let data = TempFolder()
        _ = try data.writeDeck(Self.deck, named: "kinds")
        let args = ["--data-dir", data.path, "--user", "ann"]

        let tmux = try TmuxSession(["review", "--deck", "kinds"] + args)
        let question = try tmux.waitFor("[city] is the capital of Australia.")
        #expect(!question.contains("Canberra"))
        try tmux.press("Space")
        try tmux.waitFor("Canberra is the capital of Australia.")
        try tmux.press("4")
        let front = try tmux.waitFor("la mariposa")
        #expect(!front.contains("the butterfly"))
        try tmux.press("Enter")
        try tmux.waitFor("the butterfly")
        try tmux.press("4")
        try tmux.quit(after: "Reviewed 2 cards")

        // Both answers were recorded: neither card is new any more.
        let decks = try SRSProcess.run(["decks", "--json"] + args)
        #expect(decks.status == 0)
        #expect(decks.stdout.contains("{\"name\": \"kinds\", \"origin\": \"imported\", \"cards\": 2, \"new\": 0,"))
    }
}
