import Testing
import SRSCore
@testable import SRSQuiz

private let original = """
    Question 1 Multiple Choice
    Which planet is largest?
    AMars
    BJupiter
    CVenus
    Answer: B
    Jupiter is the largest planet.

    Question 2 True / False
    Water boils at 100 °C at sea level.
    TTrue
    FFalse
    Answer: True

    Question 3 Short Answer
    What gas do plants take in for photosynthesis?
    Model answer: Carbon dioxide.

    """

private func importDeck(_ text: String, into existing: Deck? = nil, name: String = "science",
                        taken: Set<CardID> = []) -> (Deck, DeckMerge.Report) {
    var taken = taken
    return DeckMerge.merge(parseQuiz(text).items, name: name, previous: existing.map { .init(deck: $0, shipped: false) }, taken: &taken)
}

@Suite struct QuizCardIdentityTests {
    @Test func idsAreTwelveHexDigitsAndDeterministic() {
        let (first, _) = importDeck(original)
        let (second, _) = importDeck(original)
        #expect(first.cards.map(\.id) == second.cards.map(\.id))
        #expect(first.cards.allSatisfy { $0.id.rawValue.count == 12 && $0.id.rawValue.allSatisfy(\.isHexDigit) })
        #expect(Set(first.cards.map(\.id)).count == 3)
    }

    @Test func reimportKeepsIdsAndDoesNotDuplicate() {
        let (deck, _) = importDeck(original)
        let (again, report) = importDeck(original, into: deck)
        #expect(again.cards.map(\.id) == deck.cards.map(\.id))
        #expect(report == { var r = DeckMerge.Report(); r.unchanged = 3; return r }())
    }

    @Test(arguments: [
        ("AMars", "AMarz"),                                           // typo in an option
        ("Jupiter is the largest planet.", "Jupiter is by far the largest planet."), // explanation
        ("Answer: B", "Answer: C"),                                   // key corrected
        ("Which planet is largest?", "Which planet is the largest?"), // question typo: similar match
    ])
    func editsKeepTheId(before: String, after: String) {
        let (deck, _) = importDeck(original)
        let (edited, report) = importDeck(original.replacingOccurrences(of: before, with: after), into: deck)
        #expect(edited.cards.map(\.id) == deck.cards.map(\.id))
        #expect(report.added == 0 && report.removed == 0)
    }

    @Test func reorderingKeepsEachCardsId() {
        let (deck, _) = importDeck(original)
        let parts = original.components(separatedBy: "\n\n")
        let reordered = [parts[2], parts[0], parts[1]].joined(separator: "\n\n")
        let (again, _) = importDeck(reordered, into: deck)
        #expect(again.cards.map(\.id) == [deck.cards[2].id, deck.cards[0].id, deck.cards[1].id])
    }

    @Test func aDifferentQuestionIsANewCardAndTheOldOneIsRemoved() {
        let (deck, _) = importDeck(original)
        let changed = original.replacingOccurrences(of: "What gas do plants take in for photosynthesis?",
                                                    with: "Name the largest ocean on Earth.")
        let (again, report) = importDeck(changed, into: deck)
        #expect(again.cards[2].id != deck.cards[2].id)
        #expect(report.added == 1 && report.removed == 1 && report.unchanged == 2)
    }

    @Test func similarMatchIsReported() {
        let (deck, _) = importDeck(original)
        let (_, report) = importDeck(original.replacingOccurrences(of: "Which planet is largest?", with: "Which planet is the largest?"), into: deck)
        #expect(report.similar.map(\.position) == [1])
        #expect(report.similar.map(\.id) == [deck.cards[0].id])
    }

    @Test func idsAvoidThoseOfOtherDecks() {
        let (deck, _) = importDeck(original)
        let (other, _) = importDeck(original, taken: Set(deck.cards.map(\.id)))
        #expect(Set(other.cards.map(\.id)).isDisjoint(with: deck.cards.map(\.id)))
    }

    @Test func sameQuestionInAnotherDeckGetsAnotherId() {
        let (a, _) = importDeck(original, name: "a")
        let (b, _) = importDeck(original, name: "b")
        #expect(Set(a.cards.map(\.id)).isDisjoint(with: b.cards.map(\.id)))
    }

    @Test func duplicateItemsInOneFileGetDistinctIds() {
        let twice = original + "\nQuestion 4 True / False\nWater boils at 100 °C at sea level.\nAnswer: True\n"
        let (deck, _) = importDeck(twice)
        #expect(Set(deck.cards.map(\.id)).count == 4)
        let (again, _) = importDeck(twice, into: deck)
        #expect(again.cards.map(\.id) == deck.cards.map(\.id))
    }

    @Test func aLearnersExplicitKeySurvivesReimportOfAnInferredOne() {
        let text = "Question 1 Multiple Choice\nPick.\nAred apples\nBgreen pears\n"
        var (deck, _) = importDeck(text)
        deck.cards[0].kind = .multipleChoice(options: ["red apples", "green pears"], key: AnswerKey(index: 1, source: .corrected))
        let (again, report) = importDeck(text, into: deck)
        #expect(again.cards[0].kind.key == AnswerKey(index: 1, source: .corrected))
        #expect(report.unchanged == 1)
    }

    @Test func typeChangeIsANewCard() {
        let (deck, _) = importDeck(original)
        let changed = original.replacingOccurrences(of: "Question 3 Short Answer\nWhat gas do plants take in for photosynthesis?\nModel answer: Carbon dioxide.",
                                                    with: "Question 3 True / False\nWhat gas do plants take in for photosynthesis?\nAnswer: False")
        let (again, _) = importDeck(changed, into: deck)
        #expect(again.cards[2].id != deck.cards[2].id)
    }
}
