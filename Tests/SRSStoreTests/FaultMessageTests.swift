import Foundation
import Testing
import SRSCore
@testable import SRSStore

/// Each fault gets its own message and code: 65 for bad data, 73 for what cannot be created,
/// 74 for I/O; never a Foundation error's wording.
@Suite struct FaultMessageTests {
    let fm = FileManager.default

    func deck(_ name: String, ids: [String]) -> Deck {
        Deck(name: name, cards: ids.map { Card(id: CardID($0), question: "Q \($0)?", kind: .trueFalse(answer: true), explanation: "") })
    }

    func error(_ body: () throws -> Void) -> StoreError? {
        do { try body() } catch let error as StoreError { return error } catch { Issue.record("not a StoreError: \(error)") }
        return nil
    }

    @Test func aFolderWhereADeckFileBelongsIsBadDataNotAFullDisk() throws {
        let dir = TempDir()
        try fm.createDirectory(at: dir.url.appendingPathComponent("decks/physics.deck"), withIntermediateDirectories: true)
        let found = error { try DeckLibrary(location: dir.location()).save(deck("physics", ids: ["p1"])) }
        #expect(found?.exitCode == 65)
        #expect(found?.description.hasPrefix("\(dir.path)/decks/physics.deck is a folder, not a plain file") == true, "\(String(describing: found))")
    }

    @Test func aFileWhereTheDecksFolderBelongs() throws {
        let dir = TempDir()
        try dir.write("decks", "not a folder")
        let library = DeckLibrary(location: dir.location())
        let listing = error { _ = try library.list() }
        #expect(listing?.exitCode == 65)
        #expect(listing?.description == "\(dir.path)/decks is a file where srs keeps a folder. Nothing was written. Move it away, or choose another data directory with --data-dir.")
        let saving = error { try library.save(deck("physics", ids: ["p1"])) }
        #expect(saving == listing)
        #expect(dir.bytes("decks") == Data("not a folder".utf8))
    }

    @Test func aFileInTheWayOfAFolderToCreateIs73() throws {
        let dir = TempDir()
        try dir.write("a", "oops")
        let found = error { try Syscalls.live.makeDirectories(dir.path + "/a/b/c") }
        #expect(found?.exitCode == 73)
        #expect(found?.description == "cannot create \(dir.path)/a: there is a file of that name where srs keeps a folder; move it away. Check that the folder is writable, or choose another with --data-dir.")
    }

    @Test func aFileWhereTheUserFolderBelongsIsRefused() throws {
        let dir = TempDir()
        try dir.write("users", "oops")
        let found = error { _ = try ProgressStore.openForReview(dir.location()) }
        #expect(found?.exitCode == 65)
        #expect(found?.description.hasPrefix("\(dir.path)/users is a file where srs keeps a folder") == true, "\(String(describing: found))")
    }

    @Test func twoDecksHoldingTheSameCardIDAreRefusedNamingBoth() throws {
        let dir = TempDir()
        let library = DeckLibrary(folder: dir.location().decksFolder, shipped: [])
        try library.save(deck("algebra", ids: ["a1", "shared-7"]))
        try library.save(deck("biology", ids: ["b1", "shared-7"]))
        let opens: [() throws -> Void] = [{ _ = try library.list() }, { _ = try library.lazyAll() }, { _ = try library.list(checkingCards: true) }]
        for open in opens {
            let found = error { try open() }
            #expect(found?.exitCode == 65)
            #expect(found?.description == "\(dir.path)/decks/biology.deck: card id `shared-7` is also in \(dir.path)/decks/algebra.deck; progress is kept by card id, so each id must belong to one deck. The file was left untouched. Give the card in one of the decks a new id (any id no deck uses), or remove the copy.")
        }
    }

    @Test func aCorrectedCopyOfAShippedDeckSharesItsIdsOnPurpose() throws {
        let dir = TempDir()
        let library = DeckLibrary(location: dir.location())
        let shipped = try #require(library.shipped.first)
        let original = try library.load(named: shipped.name)
        guard let card = original.cards.first(where: { if case .multipleChoice = $0.kind { true } else { false } }) else { return }
        try library.setKey(option: 0, card: card.id, deck: shipped.name)
        #expect(try library.list().count == library.shipped.count)
        #expect(try library.lazyAll().count == library.shipped.count)
    }

    @Test(arguments: [
        ("   ", "it is only spaces"), ("\u{3000}", "it is only spaces"),
        ("physics.deck", "it ends in .deck"), ("Physics.DECK", "it ends in .deck"),
        ("phys\u{200B}ics", "it contains an invisible character"), ("phys\u{2060}ics", "it contains an invisible character"),
        ("\u{FEFF}physics", "it contains an invisible character"), ("ph\u{200D}ysics", "it contains an invisible character"),
        ("phys\u{1B}[31mics", "it contains a control character"), ("phys\u{202E}ics", "it contains a control character"),
    ])
    func deckNamesThatHideOrConfuseAreRefused(name: String, problem: String) {
        #expect(DeckLibrary.problem(withName: name)?.hasPrefix(problem) == true, "\(name.debugDescription): \(String(describing: DeckLibrary.problem(withName: name)))")
    }

    @Test(arguments: ["physics", "Linear algebra", "👨‍👩‍👧 family", "❤️ cards", "日本語"])
    func ordinaryNamesAndEmojiSequencesAreFine(name: String) {
        #expect(DeckLibrary.problem(withName: name) == nil)
    }
}
