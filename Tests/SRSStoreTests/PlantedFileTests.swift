import Foundation
import Testing
import SRSCore
@testable import SRSStore

/// Someone who can write into a shared data folder plants links and odd files: srs never writes
/// through them, refuses them with exit 65, and guesses of its temporary names lead nowhere.
@Suite struct PlantedFileTests {
    let t0: EpochSeconds = 1_764_475_200
    let fm = FileManager.default

    func answer(_ store: ProgressStore, _ card: String, at time: EpochSeconds) throws {
        let after = Reviewer(clock: DayClock(timeZone: TimeZone(identifier: "UTC")!)).answer(store.cards[CardID(card)], grade: .good, at: time)
        try store.append(card: CardID(card), action: .answer(grade: .good, kind: .learn, answerMillis: 900), time: time, after: after)
    }

    /// A file outside the data directory that a planted link points to.
    func victim(_ dir: TempDir) throws -> URL {
        let url = dir.url.appendingPathComponent("victim.txt")
        try Data("precious\n".utf8).write(to: url)
        return url
    }

    func expectRefused(_ error: Error, naming path: String, found: String) {
        guard let error = error as? StoreError else { Issue.record("not a StoreError: \(error)"); return }
        #expect(error.exitCode == 65)
        #expect(error.description.hasPrefix("\(path) is \(found), not a plain file"))
    }

    @Test(arguments: ["lock", "reviews.jsonl", "cards.json", "settings.json"])
    func aDataFileThatIsALinkIsRefusedAndNothingIsWrittenThroughIt(name: String) throws {
        let dir = TempDir()
        let target = try victim(dir)
        try fm.createDirectory(at: dir.url.appendingPathComponent("users/alice"), withIntermediateDirectories: true)
        let link = dir.url.appendingPathComponent("users/alice/\(name)")
        try fm.createSymbolicLink(at: link, withDestinationURL: target)
        #expect(throws: StoreError.self) { _ = try ProgressStore.openForReview(dir.location()) }
        do { _ = try ProgressStore.openForReview(dir.location()) } catch { expectRefused(error, naming: link.path, found: "a symbolic link") }
        #expect(dir.bytes("victim.txt") == Data("precious\n".utf8))
        if name != "lock" {
            do { _ = try ProgressStore.openReadOnly(dir.location()); Issue.record("read through a link") } catch {
                expectRefused(error, naming: link.path, found: "a symbolic link")
            }
        }
        // Nothing was created beside the link either.
        let names = try fm.contentsOfDirectory(atPath: dir.path + "/users/alice").sorted()
        #expect(names == (name == "lock" ? ["lock"] : ["lock", name].sorted()))
    }

    /// `srs stats` reads `history.cache`: a link or a folder there was passed over in silence (the
    /// history built in memory, exit 0) instead of refused as every other data file is.
    @Test(arguments: [true, false]) func aHistoryCacheThatIsALinkOrAFolderIsRefused(link: Bool) throws {
        let dir = TempDir()
        let target = try victim(dir)
        let store = try ProgressStore.openForReview(dir.location())
        try answer(store, "c1", at: t0)
        let cache = dir.url.appendingPathComponent("users/alice/history.cache")
        if link {
            try fm.createSymbolicLink(at: cache, withDestinationURL: target)
        } else {
            try fm.createDirectory(at: cache, withIntermediateDirectories: false)
        }
        let reader = try ProgressStore.openReadOnly(dir.location())
        do { _ = try reader.history(); Issue.record("read past a planted history cache") } catch {
            expectRefused(error, naming: cache.path, found: link ? "a symbolic link" : "a folder")
        }
        #expect(dir.bytes("victim.txt") == Data("precious\n".utf8))
        #expect(try fm.contentsOfDirectory(atPath: dir.path + "/users/alice").sorted() == ["history.cache", "lock", "reviews.jsonl"])
    }

    @Test func aFolderOrANamedPipeWhereAFileBelongsIsRefused() throws {
        let dir = TempDir()
        try fm.createDirectory(at: dir.url.appendingPathComponent("users/alice/reviews.jsonl"), withIntermediateDirectories: true)
        do { _ = try ProgressStore.openReadOnly(dir.location()); Issue.record("read a folder") } catch {
            expectRefused(error, naming: dir.path + "/users/alice/reviews.jsonl", found: "a folder")
        }
        try fm.removeItem(at: dir.url.appendingPathComponent("users/alice/reviews.jsonl"))
        #expect(mkfifo(dir.path + "/users/alice/cards.json", 0o644) == 0)
        do { _ = try ProgressStore.openForReview(dir.location()); Issue.record("read a pipe") } catch {
            expectRefused(error, naming: dir.path + "/users/alice/cards.json", found: "a named pipe")
        }
    }

    @Test func aLinkedUserFolderIsRefused() throws {
        let dir = TempDir()
        let elsewhere = dir.url.appendingPathComponent("elsewhere")
        try fm.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try fm.createDirectory(at: dir.url.appendingPathComponent("users"), withIntermediateDirectories: true)
        try fm.createSymbolicLink(at: dir.url.appendingPathComponent("users/alice"), withDestinationURL: elsewhere)
        do { _ = try ProgressStore.openForReview(dir.location()); Issue.record("followed a linked user folder") } catch let error as StoreError {
            #expect(error.exitCode == 65)
            #expect(error.description.hasPrefix("\(dir.path)/users/alice is a symbolic link where srs keeps a folder"))
        }
        #expect(try fm.contentsOfDirectory(atPath: elsewhere.path).isEmpty)
    }

    @Test func theDataDirectoryAndItsDecksFolderMayBeLinks() throws {
        let dir = TempDir()
        let real = dir.url.appendingPathComponent("synced/srs")
        let realDecks = dir.url.appendingPathComponent("checkout/decks")
        try fm.createDirectory(at: real, withIntermediateDirectories: true)
        try fm.createDirectory(at: realDecks, withIntermediateDirectories: true)
        let root = dir.url.appendingPathComponent("data")
        try fm.createSymbolicLink(at: root, withDestinationURL: real)
        try fm.createSymbolicLink(at: real.appendingPathComponent("decks"), withDestinationURL: realDecks)
        let location = DataLocation(root: root, user: "alice")
        let store = try ProgressStore.openForReview(location)
        try answer(store, "c1", at: t0)
        store.close()
        #expect(try ProgressStore.openReadOnly(location).cards.count == 1)
        #expect(fm.fileExists(atPath: real.path + "/users/alice/cards.json"))
        let library = DeckLibrary(location: location)
        let deck = Deck(name: "linked", cards: [Card(id: CardID("x1"), question: "Q?", kind: .trueFalse(answer: true), explanation: "")])
        try library.save(deck)
        #expect(fm.fileExists(atPath: realDecks.path + "/linked.deck"))
        #expect(try library.list().map(\.name).contains("linked"))
    }

    @Test func aDeckFileThatIsALinkIsRefusedAndNotReplaced() throws {
        let dir = TempDir()
        let target = try victim(dir)
        try fm.createDirectory(at: dir.url.appendingPathComponent("decks"), withIntermediateDirectories: true)
        let link = dir.url.appendingPathComponent("decks/planted.deck")
        try fm.createSymbolicLink(at: link, withDestinationURL: target)
        let library = DeckLibrary(location: dir.location())
        do { _ = try library.list(); Issue.record("listed a linked deck") } catch { expectRefused(error, naming: link.path, found: "a symbolic link") }
        let deck = Deck(name: "planted", cards: [Card(id: CardID("x1"), question: "Q?", kind: .trueFalse(answer: true), explanation: "")])
        do { try library.save(deck); Issue.record("saved over a link") } catch { expectRefused(error, naming: link.path, found: "a symbolic link") }
        #expect(dir.bytes("victim.txt") == Data("precious\n".utf8))
        #expect(try fm.destinationOfSymbolicLink(atPath: link.path) == target.path)
    }

    @Test func aLinkPlantedAtTheOldTemporaryNameIsNeverFollowed() throws {
        let dir = TempDir()
        let target = try victim(dir)
        let store = try ProgressStore.openForReview(dir.location())
        try answer(store, "c1", at: t0)
        // The name srs used to write to: <file>.tmp-<pid>.
        try fm.createSymbolicLink(at: dir.url.appendingPathComponent("users/alice/cards.json.tmp-\(getpid())"), withDestinationURL: target)
        try store.checkpoint()
        store.close()
        #expect(dir.bytes("victim.txt") == Data("precious\n".utf8))
        #expect(try ProgressStore.openReadOnly(dir.location()).cards.count == 1)
    }

    /// The pid of a process that has ended.
    func deadPID() throws -> pid_t {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    @Test func temporaryFilesOfWritersThatAreGoneAreRemovedOthersKept() throws {
        let dir = TempDir()
        let folder = dir.url.appendingPathComponent("users/alice")
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        let dead = try deadPID()
        let names = ["cards.json.tmp-\(dead)", "cards.json.tmp-\(dead)-00ff00ff00ff00ff", // left by kills
                     "cards.json.tmp-1-0123456789abcdef", // pid 1 is running: a writer at work
                     "cards.json.tmp-\(dead)-fedcba9876543210", // held under its lock (a writer in another pid namespace)
                     "settings.json.tmp-\(dead)-0000000000000001", // another file's, its writer gone too
                     "notes.txt.tmp-\(dead)", "cards.json.tmp-\(dead)-xyz"] // not srs's
        for name in names { try Data("partial".utf8).write(to: folder.appendingPathComponent(name)) }
        let held = open(folder.appendingPathComponent(names[3]).path, O_RDONLY)
        #expect(flock(held, LOCK_EX) == 0)
        defer { close(held) }
        let store = try ProgressStore.openForReview(dir.location())
        try answer(store, "c1", at: t0)
        try store.checkpoint()
        store.close()
        let left = try fm.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".tmp-") }.sorted()
        #expect(left == [names[2], names[3], names[5], names[6]].sorted())
    }

    @Test func temporaryNamesAreUnpredictable() {
        let a = TemporaryFiles.name(for: "/d/cards.json"), b = TemporaryFiles.name(for: "/d/cards.json")
        #expect(a != b)
        #expect(a.hasPrefix("/d/cards.json.tmp-\(getpid())-"))
        #expect(a.count == "/d/cards.json.tmp-\(getpid())-".count + 16)
    }
}
