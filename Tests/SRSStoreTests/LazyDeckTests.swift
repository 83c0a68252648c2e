import Foundation
import Testing
@testable import SRSCore
@testable import SRSStore

@Suite struct LazyDeckTests {
    @Test func everyShippedDeckReadsTheSameLazilyAsWhole() throws {
        let library = DeckLibrary(folder: TemporaryDecksFolder().url)
        let whole = try library.loadAll()
        let lazy = try library.lazyAll()
        #expect(lazy.map(\.name) == whole.map(\.name))
        for (deck, opened) in zip(whole, lazy) {
            #expect(opened.ids == deck.cards.map(\.id))
            for (index, card) in deck.cards.enumerated() {
                #expect(try opened.card(at: index) == card)
                #expect(try opened.card(card.id) == card)
            }
        }
    }

    @Test func aDamagedCardIsReportedWhenItComesUpWithItsLine() throws {
        let folder = TemporaryDecksFolder()
        try FileManager.default.createDirectory(at: folder.url, withIntermediateDirectories: true)
        let path = folder.url.appendingPathComponent("mixed.deck")
        let text = """
            srs-deck 1

            card: good
            type: true_false
            question: Water boils at 100 °C at sea level.
            answer: true

            card: bad
            type: true_false
            question: No answer here.
            colour: blue

            """
        try Data(text.utf8).write(to: path)
        let deck = try DeckLibrary(folder: folder.url, shipped: []).lazy(named: "MIXED")
        #expect(deck.ids == [CardID("good"), CardID("bad")])
        #expect(try deck.card(at: 0).kind == .trueFalse(answer: true))
        #expect(throws: StoreError.damaged(path: path.path, line: 11, problem: "unknown field `colour`",
                                           fix: "Known fields: card, type, question, A to H, key, answer, model_answer, explanation.")) {
            try deck.card(at: 1)
        }
        #expect(try deck.card(CardID("missing")) == nil)
    }

    /// A deck file of several megabytes is scanned a megabyte at a time: ids and card lines cut
    /// by a piece's end must come out whole, wherever the cut falls.
    @Test func aLargeDeckReadInPiecesHasEveryIdAndCard() throws {
        let folder = TemporaryDecksFolder()
        try FileManager.default.createDirectory(at: folder.url, withIntermediateDirectories: true)
        let cards = (0..<9_000).map { i in
            Card(id: CardID("large-\(i)-" + String(repeating: "x", count: i % 37)),
                 question: "Question \(i)?", kind: i % 2 == 0 ? .trueFalse(answer: i % 4 == 0) : .shortAnswer(modelAnswer: "Answer \(i)"),
                 explanation: Array(repeating: "explanation \(i)", count: 1 + i % 53).joined(separator: " "))
        }
        let deck = Deck(name: "large", cards: cards)
        try Data(DeckWriter.text(of: deck).utf8).write(to: folder.url.appendingPathComponent("large.deck"))
        let library = DeckLibrary(folder: folder.url, shipped: [])
        let opened = try library.lazy(named: "large")
        #expect(opened.ids == cards.map(\.id))
        for index in stride(from: 0, to: cards.count, by: 97) + [cards.count - 1] {
            #expect(try opened.card(at: index) == cards[index])
        }
        #expect(try library.load(named: "large").cards == cards)
    }

    /// A `card:` line longer than the megabyte read at a time (an absurd id, but a file may
    /// hold one) still comes out whole: the window grows until the line ends.
    @Test func aCardLineLongerThanAReadIsWhole() throws {
        let folder = TemporaryDecksFolder()
        try FileManager.default.createDirectory(at: folder.url, withIntermediateDirectories: true)
        let long = CardID("long-" + String(repeating: "y", count: LazyDeck.chunk * 5 / 2))
        let cards = [CardID("a"), long, CardID("b")].map { Card(id: $0, question: "Q \($0.rawValue.count)?", kind: .trueFalse(answer: true), explanation: "") }
        try Data(DeckWriter.text(of: Deck(name: "long", cards: cards)).utf8).write(to: folder.url.appendingPathComponent("long.deck"))
        let opened = try DeckLibrary(folder: folder.url, shipped: []).lazy(named: "long")
        #expect(opened.ids == cards.map(\.id))
        #expect(try opened.card(at: 2) == cards[2])
    }

    @Test func anUnknownDeckIsExit66() {
        let library = DeckLibrary(folder: TemporaryDecksFolder().url, shipped: [])
        #expect { try library.lazy(named: "nope") } throws: { ($0 as? StoreError)?.exitCode == 66 }
    }
}
