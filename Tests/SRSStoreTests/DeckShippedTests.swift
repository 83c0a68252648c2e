import Foundation
import Testing
@testable import SRSCore
@testable import SRSStore

@Suite struct DeckShippedTests {
    static let decksFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("decks")

    /// Fails when `decks/` changed without `swift scripts/embed-decks.swift`.
    @Test func embeddedDecksMatchTheDecksFolder() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.decksFolder.path)
            .filter { $0.hasSuffix(".deck") }.sorted()
        #expect(ShippedDeck.all.map { $0.name + ".deck" } == names,
                "run `swift scripts/embed-decks.swift` to regenerate ShippedDecks.swift")
        for deck in ShippedDeck.all {
            let text = try String(contentsOf: Self.decksFolder.appendingPathComponent(deck.name + ".deck"), encoding: .utf8)
            #expect(deck.text == text, "\(deck.name) is out of date: run `swift scripts/embed-decks.swift`")
        }
    }

    @Test func everyShippedDeckParsesAndIdsAreUniqueAcrossDecks() throws {
        let library = DeckLibrary(folder: URL(fileURLWithPath: "/nonexistent-srs-folder"))
        let decks = try library.loadAll()
        #expect(decks.map(\.name) == ["linear-algebra", "neural-tangent-kernel", "spaced-repetition"])
        let ids = decks.flatMap { $0.cards.map(\.id) }
        #expect(Set(ids).count == ids.count)
    }

    @Test func originalSampleDeckHasTheKeysReadFromItsExplanations() throws {
        let deck = try DeckLibrary(folder: URL(fileURLWithPath: "/nonexistent-srs-folder")).load(named: "neural-tangent-kernel")
        #expect(deck.cards.map(\.kind.typeName) == ["multiple_choice", "short_answer", "true_false", "multiple_choice"])
        #expect(deck.cards[0].kind.key == AnswerKey(index: 1, source: .corrected))
        #expect(deck.cards[3].kind.key == AnswerKey(index: 3, source: .corrected))
        #expect(deck.cards[2].kind == .trueFalse(answer: false))
    }

    @Test func ownDeckMixesTheThreeTypesWithAtLeastTwentyItems() throws {
        let deck = try DeckLibrary(folder: URL(fileURLWithPath: "/nonexistent-srs-folder")).load(named: "spaced-repetition")
        #expect(deck.cards.count >= 20)
        #expect(Set(deck.cards.map(\.kind.typeName)) == ["multiple_choice", "true_false", "short_answer"])
        for card in deck.cards { if case .multipleChoice(_, let key) = card.kind { #expect(key?.source == .corrected) } }
    }
}

extension CardKind {
    var key: AnswerKey? {
        if case .multipleChoice(_, let key) = self { return key }
        return nil
    }
}
