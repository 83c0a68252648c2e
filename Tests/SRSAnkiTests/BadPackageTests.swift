import Foundation
import Testing
@testable import SRSAnki

/// Bad packages are refused with a clear error (exit 65) before anything could be written.
@Suite struct BadPackageTests {
    static let tight = AnkiLimits(maximumEntryBytes: 4 << 20, maximumRatio: 50, ratioFloorBytes: 64 << 10)
    static let sizeOnly = AnkiLimits(maximumEntryBytes: 4 << 20, maximumRatio: 1 << 40, ratioFloorBytes: 64 << 10)
    static let ratioOnly = AnkiLimits(maximumEntryBytes: 1 << 30, maximumRatio: 50, ratioFloorBytes: 64 << 10)

    func refusal(_ data: Data, limits: AnkiLimits = .standard) -> AnkiError? {
        do {
            _ = try AnkiPackage.read(data, limits: limits)
            return nil
        } catch {
            return error as? AnkiError
        }
    }

    @Test func notAZip() {
        #expect(refusal(Data()) == .notAZip("the file is empty"))
        #expect(refusal(Data("What is 2 + 2?\n".utf8)) == .notAZip("it does not start as a zip archive does"))
    }

    @Test func aTruncatedZip() throws {
        let whole = try Fixture.data("sm2.apkg")
        #expect(refusal(whole.prefix(whole.count / 2)) == .notAZip("its zip directory is missing or damaged (a truncated download?)"))
    }

    @Test func aDamagedMemberFailsItsChecksum() throws {
        let sqlite = try Crafted.legacyCollection("SELECT 1")
        var zip = try Crafted.zip([("meta", Crafted.meta(2), false), ("collection.anki21", sqlite, false)])
        let start = try #require(zip.range(of: Data("SQLite format 3".utf8))).lowerBound
        zip[start + 5000] ^= 0xFF
        guard case .damagedEntry(entry: "collection.anki21", _)? = refusal(zip) else {
            Issue.record("a flipped byte was not reported: \(String(describing: refusal(zip))) \(start)")
            return
        }
    }

    @Test func aZip64DirectoryIsRead() throws {
        let sqlite = try Crafted.legacyCollection("SELECT 1")
        let zip = try Crafted.zip([("meta", Crafted.meta(2), false), ("collection.anki21", sqlite, true), ("media", Data("{}".utf8), false)], zip64: true)
        #expect(try AnkiPackage.read(zip).collection.cards.count == 16)
    }

    @Test func encryptedAndUnknownlyPackedMembersAreRefused() throws {
        let members = [("meta", Crafted.meta(2), false), ("collection.anki21", Data("x".utf8), false)]
        #expect(refusal(try Crafted.zip(members, flags: 1)) == .damagedEntry(entry: "meta", problem: "it is encrypted"))
        #expect(refusal(try Crafted.zip(members, method: 14))
            == .damagedEntry(entry: "meta", problem: "compression method 14 is not zip's Stored or Deflated"))
    }

    @Test func aZipBombInTheZipLayer() throws {
        let zeros = Data(count: 8 << 20)
        let bySize = try Crafted.zip([("meta", Crafted.meta(2), false), ("collection.anki21", zeros, true)])
        #expect(refusal(bySize, limits: Self.sizeOnly) == .tooLarge(entry: "collection.anki21", limit: "\(4 << 20) bytes"))
        #expect(refusal(bySize, limits: Self.ratioOnly) == .tooLarge(entry: "collection.anki21", limit: "50 times its packed size"))
    }

    @Test func aZipBombInTheZstdLayerOfTheCollection() throws {
        let bomb = try Crafted.modernPackage(Data(count: 8 << 20))
        #expect(refusal(bomb, limits: Self.sizeOnly) == .tooLarge(entry: "collection.anki21b", limit: "\(4 << 20) bytes"))
        #expect(refusal(bomb, limits: Self.ratioOnly) == .tooLarge(entry: "collection.anki21b", limit: "50 times its packed size"))
    }

    @Test func aZipBombInAMediaFile() throws {
        let real = try Fixture.package("sm2.apkg")
        let collection = try #require(try ZipArchive(data: try Fixture.data("sm2.apkg"), limits: .standard).read("collection.anki21b"))
        let media = try #require(try ZipArchive(data: try Fixture.data("sm2.apkg"), limits: .standard).read("media"))
        let files = real.media.map { ($0.member, Crafted.zstd(Data(count: 8 << 20)), false) }
        let zip = try Crafted.zip([("meta", Crafted.meta(3), false), ("collection.anki21b", collection, false),
                                   ("media", media, false)] + files)
        let first = try #require(real.media.first)
        let entry = "media file \(first.member) (\(first.name))"
        #expect(throws: AnkiError.tooLarge(entry: entry, limit: "\(4 << 20) bytes")) {
            try AnkiPackage.read(zip, limits: Self.sizeOnly).mediaData(first)
        }
        #expect(throws: AnkiError.tooLarge(entry: entry, limit: "50 times its packed size")) {
            try AnkiPackage.read(zip, limits: Self.ratioOnly).mediaData(first)
        }
    }

    @Test func aCutZstdFrame() throws {
        let sqlite = try Crafted.legacyCollection("SELECT 1")
        let frame = Crafted.zstd(sqlite)
        let zip = try Crafted.zip([("meta", Crafted.meta(3), false), ("collection.anki21b", frame.prefix(frame.count - 9), false)])
        #expect(refusal(zip) == .damagedEntry(entry: "collection.anki21b", problem: "the zstd frame is cut short"))
    }

    @Test func encryptedOrDamagedSQLite() throws {
        var random = SystemRandomNumberGenerator()
        let noise = Data((0..<8192).map { _ in UInt8.random(in: 0...255, using: &random) })
        let encrypted = "it does not start with the SQLite header: it is encrypted, damaged or not a database"
        #expect(refusal(try Crafted.legacyPackage(noise)) == .badDatabase(encrypted))
        var damaged = try Crafted.legacyCollection("SELECT 1")
        damaged.replaceSubrange(100..<4096, with: Data(repeating: 0xA5, count: 3996))
        guard case .badDatabase? = refusal(try Crafted.legacyPackage(damaged)) else {
            Issue.record("a damaged schema page was not reported: \(String(describing: refusal(try Crafted.legacyPackage(damaged))))")
            return
        }
    }

    @Test func unknownSchemaAndNewerAnki() throws {
        let old = try Crafted.legacyPackage(try Crafted.legacyCollection("UPDATE col SET ver = 9"))
        #expect(refusal(old) == .badCollection("unknown collection schema 9"))
        let newer = try Crafted.legacyPackage(try Crafted.legacyCollection("UPDATE col SET ver = 19"))
        #expect(refusal(newer) == .newerAnki("collection schema 19; srs reads up to 18"))
        let future = try Crafted.zip([("meta", Crafted.meta(4), false), ("collection.anki21c", Data(), false)])
        #expect(refusal(future) == .newerAnki("package version 4"))
        let notAnki = try Crafted.legacyPackage(try Crafted.legacyCollection("DROP TABLE cards"))
        #expect(refusal(notAnki) == .badCollection("it lacks Anki's col, notes and cards tables"))
    }

    @Test func anEmptyCollection() throws {
        let empty = try Crafted.legacyPackage(try Crafted.legacyCollection("DELETE FROM cards"))
        #expect(refusal(empty) == .empty)
    }

    /// A current package without its collection.anki21b is refused, not read from the dummy
    /// collection.anki2 beside it ("Please update to the latest Anki version").
    @Test func theDummyCollectionIsNeverRead() throws {
        let dummy = try Crafted.legacyCollection("SELECT 1")
        let zip = try Crafted.zip([("meta", Crafted.meta(3), false), ("collection.anki2", dummy, true)])
        #expect(refusal(zip) == .missing("collection (collection.anki21b)"))
    }

    @Test func hostileMediaNamesInTheCommittedPackages() throws {
        #expect(refusal(try Fixture.data("hostile-media.apkg")) == .unsafeMediaName("../escape.png"))
        #expect(refusal(try Fixture.data("hostile-media-legacy.apkg")) == .unsafeMediaName("sub/dir.png"))
    }

    @Test(arguments: ["../up.png", "a/b.png", "a\\b.png", ".hidden", "..", "", "x..y", "/etc/passwd"])
    func unsafeMediaNames(_ name: String) {
        #expect(throws: AnkiError.unsafeMediaName(name)) { try MediaList.safeName(name) }
    }

    /// A control character cannot leave the media folder: the name is read, and the import
    /// leaves the file out with a warning (probe ctrl2-*-media-name, nul-media-name).
    @Test(arguments: ["bell\u{7}.wav", "a\tb.png", "a\nb.png", "a\u{7F}b.png", "bad\u{1B}[31m.png", "nul\u{0}.png"])
    func controlCharactersInMediaNamesAreNotRefusals(_ name: String) throws {
        #expect(try MediaList.safeName(name) == name)
    }

    @Test func safeMediaNamesComeOutInNFC() throws {
        #expect(try MediaList.safeName("cafe\u{301} tiles.png") == "caf\u{E9} tiles.png")
        #expect(try MediaList.safeName("[sound] 1.mp3") == "[sound] 1.mp3")
    }

    @Test func everyErrorExitsWithDataErrAndSaysWhatToDo() {
        let all: [AnkiError] = [.notAZip("x"), .damagedEntry(entry: "meta", problem: "x"), .tooLarge(entry: "0", limit: "x"),
                                .missing("x"), .newerAnki("x"), .badDatabase("x"), .badCollection("x"), .unsafeMediaName("a\u{1B}[31m"), .empty]
        for error in all {
            #expect(error.exitCode == 65)
            #expect(!error.description.contains("\u{1B}"))
        }
    }
}
