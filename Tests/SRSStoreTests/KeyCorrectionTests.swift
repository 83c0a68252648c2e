import Foundation
import Testing
@testable import SRSCore
@testable import SRSStore

/// The key-correction journal (`<deck>.keys`): one synced line per correction, applied on every
/// read, folded into the deck file atomically (issue 8, point 5).
@Suite struct KeyCorrectionTests {
    let folder = TemporaryDecksFolder()
    var library: DeckLibrary { DeckLibrary(folder: folder.url, shipped: []) }
    var deckPath: String { folder.url.appendingPathComponent("t.deck").path }
    var journalPath: String { deckPath + ".keys" }

    func key(_ deck: Deck, _ id: String) -> AnswerKey? {
        guard case let .multipleChoice(_, key) = deck.cards.first(where: { $0.id == CardID(id) })?.kind else { return nil }
        return key
    }

    @Test func aCorrectionIsOneJournalLineAppliedOnEveryRead() throws {
        try library.save(Deck(name: "t", cards: sampleCards))
        let before = try Data(contentsOf: URL(fileURLWithPath: deckPath))
        try library.correctKey(option: 0, card: CardID("mc1"), deck: "T")
        try library.correctKey(option: 1, card: CardID("mc2"), deck: "t")
        try library.correctKey(option: 2, card: CardID("mc1"), deck: "t")
        #expect(try Data(contentsOf: URL(fileURLWithPath: deckPath)) == before)
        #expect(try String(contentsOfFile: journalPath, encoding: .utf8) == "srs-deck-keys 1\nmc1 A\nmc2 B\nmc1 C\n")
        let loaded = try library.load(named: "t")
        #expect(key(loaded, "mc1") == AnswerKey(index: 2, source: .corrected))
        #expect(key(loaded, "mc2") == AnswerKey(index: 1, source: .corrected))
        let lazy = try library.lazy(named: "t")
        #expect(try lazy.card(CardID("mc1")).map { key(Deck(name: "t", cards: [$0]), "mc1") } == AnswerKey(index: 2, source: .corrected))
        #expect(try library.list(checkingCards: true).map(\.cardCount) == [5])
    }

    @Test func theFoldRewritesOnlyTheCorrectedBlocksAndRemovesTheJournal() throws {
        try library.save(Deck(name: "t", cards: sampleCards))
        try library.correctKey(option: 0, card: CardID("mc2"), deck: "t")
        #expect(try library.foldKeyCorrections() == ["t"])
        #expect(!FileManager.default.fileExists(atPath: journalPath))
        var expected = sampleCards
        expected[3].kind = .multipleChoice(options: ["a", "b"], key: AnswerKey(index: 0, source: .corrected))
        #expect(try String(contentsOfFile: deckPath, encoding: .utf8) == DeckWriter.text(of: Deck(name: "t", cards: expected)))
        #expect(try library.foldKeyCorrections() == [])
    }

    @Test func aVersion1DeckIsWrittenAnewInVersion2() throws {
        try FileManager.default.createDirectory(at: folder.url, withIntermediateDirectories: true)
        try Data("srs-deck 1\ncard: m\ntype: multiple_choice\nquestion: Q\nA: x\nB: y\nkey: A explicit\n".utf8).write(to: URL(fileURLWithPath: deckPath))
        try library.correctKey(option: 1, card: CardID("m"), deck: "t")
        try library.foldKeyCorrections()
        #expect(try String(contentsOfFile: deckPath, encoding: .utf8).contains("srs-deck 2\n"))
        #expect(key(try library.load(named: "t"), "m") == AnswerKey(index: 1, source: .corrected))
    }

    @Test func correctionsThatNoLongerFitAreIgnoredAndAReimportDropsTheJournal() throws {
        try library.save(Deck(name: "t", cards: sampleCards))
        try library.correctKey(option: 7, card: CardID("mc2"), deck: "t")
        try library.correctKey(option: 0, card: CardID("gone"), deck: "t")
        try library.correctKey(option: 1, card: CardID("tf1"), deck: "t")
        #expect(try library.load(named: "t") == Deck(name: "t", cards: sampleCards))
        try library.save(Deck(name: "t", cards: sampleCards))
        #expect(!FileManager.default.fileExists(atPath: journalPath))
    }

    @Test func aDamagedJournalNamesItsLineAndANewerOneIsRefused() throws {
        try library.save(Deck(name: "t", cards: sampleCards))
        try Data("srs-deck-keys 1\nmc1 A\nmc1 Z\nhalf".utf8).write(to: URL(fileURLWithPath: journalPath))
        #expect(throws: StoreError.damaged(path: journalPath, line: 3, problem: "not a key correction (`CARD-ID LETTER`, e.g. `89fc2ab78841 B`)",
                                            fix: "Fix or delete the line; the deck file itself is not affected.")) { try library.load(named: "t") }
        try Data("srs-deck-keys 1\nmc1 A\nmc1 B".utf8).write(to: URL(fileURLWithPath: journalPath))
        #expect(key(try library.load(named: "t"), "mc1") == AnswerKey(index: 0, source: .corrected)) // a line cut short is skipped
        try Data("srs-deck-keys 2\n".utf8).write(to: URL(fileURLWithPath: journalPath))
        #expect(throws: StoreError.newerFormat(path: journalPath, found: 2, supported: 1)) { try library.lazy(named: "t") }
    }

    @Test func aLinkPlantedAsTheJournalIsRefused() throws {
        try library.save(Deck(name: "t", cards: sampleCards))
        let target = folder.url.appendingPathComponent("elsewhere").path
        try FileManager.default.createSymbolicLink(atPath: journalPath, withDestinationPath: target)
        #expect(throws: StoreError.self) { try library.correctKey(option: 0, card: CardID("mc1"), deck: "t") }
        #expect(!FileManager.default.fileExists(atPath: target))
    }

    @Test func aShippedDeckGetsAnImportedCopyThenAJournal() throws {
        let library = DeckLibrary(folder: folder.url, shipped: [builtIn])
        try library.correctKey(option: 2, card: CardID("mc1"), deck: "builtin")
        try library.correctKey(option: 0, card: CardID("mc1"), deck: "builtin")
        #expect(key(try library.load(named: "builtin"), "mc1") == AnswerKey(index: 0, source: .corrected))
        #expect(try library.list().map(\.origin) == [.imported])
    }
}
