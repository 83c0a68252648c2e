import Foundation
import Testing
@testable import SRSCore
@testable import SRSStore

final class TemporaryDecksFolder {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("srs-decks-\(UUID().uuidString)")
    deinit { try? FileManager.default.removeItem(at: url) }
}

let builtIn = ShippedDeck(name: "Builtin", text: DeckWriter.text(of: Deck(name: "Builtin", cards: Array(sampleCards.prefix(2)))))

@Suite struct DeckLibraryTests {
    @Test func listsShippedAndImportedDecksSortedByName() throws {
        let folder = TemporaryDecksFolder()
        let library = DeckLibrary(folder: folder.url, shipped: [builtIn])
        try library.save(Deck(name: "alpha", cards: [sampleCards[2]]))
        let list = try library.list()
        #expect(list.map(\.name) == ["alpha", "Builtin"])
        #expect(list.map(\.origin) == [.imported, .shipped])
        #expect(list.map(\.cardCount) == [1, 2])
    }

    @Test func namesMatchWithoutRegardToCase() throws {
        let library = DeckLibrary(folder: TemporaryDecksFolder().url, shipped: [builtIn])
        #expect(try library.load(named: "BUILTIN").cards.count == 2)
        #expect(try library.existing(named: "nope") == nil)
    }

    @Test func unknownDeckIsNotFoundExit66() {
        let library = DeckLibrary(folder: TemporaryDecksFolder().url, shipped: [builtIn])
        do {
            _ = try library.load(named: "nope")
            Issue.record("no error")
        } catch let error as StoreError {
            #expect(error.exitCode == 66)
            #expect(error.description == "deck not found: 'nope' (decks: Builtin; see `srs decks`)")
        } catch { Issue.record("\(error)") }
    }

    @Test func importedDeckHidesTheShippedOneOfTheSameName() throws {
        let folder = TemporaryDecksFolder()
        let library = DeckLibrary(folder: folder.url, shipped: [builtIn])
        try library.save(Deck(name: "builtin", cards: [sampleCards[2]]))
        #expect(try library.list().map(\.origin) == [.imported])
        #expect(try library.load(named: "Builtin").cards == [sampleCards[2]])
    }

    @Test func settingAKeyOnAShippedDeckWritesAnImportedCopyWithTheSameIDs() throws {
        let folder = TemporaryDecksFolder()
        let library = DeckLibrary(folder: folder.url, shipped: [builtIn])
        try library.setKey(option: 2, card: CardID("mc1"), deck: "builtin")
        let deck = try library.load(named: "Builtin")
        #expect(deck.cards.map(\.id) == [CardID("mc1"), CardID("tf1")])
        #expect(deck.cards[0].kind.key == AnswerKey(index: 2, source: .corrected))
        #expect(try library.list().map(\.origin) == [.imported])
        #expect(FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("Builtin.deck").path))
    }

    @Test func settingAKeyOnAMissingOptionThrows() {
        let library = DeckLibrary(folder: TemporaryDecksFolder().url, shipped: [builtIn])
        #expect(throws: StoreError.self) { try library.setKey(option: 5, card: CardID("mc1"), deck: "builtin") }
        #expect(throws: StoreError.self) { try library.setKey(option: 0, card: CardID("tf1"), deck: "builtin") }
    }

    @Test func aDamagedImportedDeckIsReportedWithItsPath() throws {
        let folder = TemporaryDecksFolder()
        try FileManager.default.createDirectory(at: folder.url, withIntermediateDirectories: true)
        let path = folder.url.appendingPathComponent("bad.deck")
        try Data("srs-deck 1\ncard: a\n".utf8).write(to: path)
        let library = DeckLibrary(folder: folder.url, shipped: [])
        #expect(throws: StoreError.damaged(path: path.path, line: 2, problem: "card `a` has no question",
                                           fix: "Add a line `question: …` to it.")) {
            try library.load(named: "bad")
        }
    }

    @Test(arguments: [("", "it is empty"), (".hidden", "it starts with a dot"), ("a/b", "it contains a path separator"),
                      ("a\u{1B}b", "it contains a control character")])
    func badDeckNames(name: String, problem: String) {
        #expect(DeckLibrary.problem(withName: name) == problem)
    }
}

/// `InputFile.head`: the first bytes of a file, with the errors a whole read gives. The import
/// guesses a file's format from them instead of reading the whole file for it.
@Suite struct InputFileHeadTests {
    @Test func theHeadOfALongAndOfAShortFile() throws {
        let dir = TempDir()
        let long = (0..<20_000).map { UInt8(truncatingIfNeeded: $0) }
        try Data(long).write(to: dir.url.appendingPathComponent("long.txt"))
        try dir.write("short.txt", "Question 1\n")
        #expect(try InputFile.head(dir.path + "/long.txt", count: 8192) == Array(long.prefix(8192)))
        #expect(try InputFile.head(dir.path + "/short.txt", count: 8192) == Array("Question 1\n".utf8))
        #expect(try InputFile.head(dir.path + "/short.txt", count: 0) == [])
    }

    @Test func aMissingFileAndAFolderAreTheErrorsOfARead() throws {
        let dir = TempDir()
        #expect(throws: StoreError.notFound(path: dir.path + "/none.txt", what: "quiz file")) {
            try InputFile.head(dir.path + "/none.txt", count: 10, what: "quiz file")
        }
        #expect(throws: StoreError.self) { try InputFile.head(dir.path, count: 10) }
        do { _ = try InputFile.head(dir.path, count: 10) } catch let error as StoreError {
            #expect(error.exitCode == 65)
        }
    }
}
