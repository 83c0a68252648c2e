import Foundation
import Testing
@testable import SRSAnki

/// Every committed package, of both generations, read against what Anki's API says it holds.
@Suite struct FixtureTests {
    static let packages: [(file: String, base: String, generation: AnkiPackage.Generation)] = [
        ("sm2.apkg", "sm2", .latest), ("sm2-legacy.apkg", "sm2", .legacy2),
        ("sm2.colpkg", "sm2", .latest), ("sm2-legacy.colpkg", "sm2", .legacy2),
        ("fsrs.apkg", "fsrs", .latest), ("fsrs-legacy.apkg", "fsrs", .legacy2),
        ("fsrs.colpkg", "fsrs", .latest), ("fsrs-legacy.colpkg", "fsrs", .legacy2),
    ]

    @Test(arguments: packages)
    func collectionSettings(_ fixture: (file: String, base: String, generation: AnkiPackage.Generation)) throws {
        let package = try Fixture.package(fixture.file)
        let truth = try Fixture.expected(fixture.base)
        #expect(package.generation == fixture.generation)
        #expect(package.collection.schema == (fixture.generation == .latest ? 18 : 11))
        #expect(package.collection.creation == truth.int("crt"))
        // A .colpkg carries the collection's settings; an .apkg does not (measured: Anki leaves
        // them out), so an importer takes FSRS from the cards' memory states there.
        let whole = fixture.file.hasSuffix(".colpkg")
        #expect(package.collection.rollover.map(Int64.init) == (whole ? truth.int("rollover") : nil))
        #expect(package.collection.fsrs == (whole && truth["fsrs"] as? Bool == true))
        #expect(package.collection.cards.contains { $0.data.stability != nil } == (truth["fsrs"] as? Bool))
    }

    @Test(arguments: packages)
    func media(_ fixture: (file: String, base: String, generation: AnkiPackage.Generation)) throws {
        let package = try Fixture.package(fixture.file)
        let truth = try Fixture.expected(fixture.base).strings("media")
        #expect(package.media.map(\.name).sorted() == truth)
        for file in package.media {
            let bytes = try package.mediaData(file)
            let png = bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]), wav = bytes.starts(with: Array("RIFF".utf8))
            #expect(file.name.hasSuffix(".png") ? png : wav, "\(file.name)")
        }
    }

    /// The rows `read` takes from the fixture's collection, each beside Anki's own view of it
    /// (the list `key` of the expected JSON), once there are as many of each.
    func paired<Row>(_ fixture: (file: String, base: String, generation: AnkiPackage.Generation), _ key: String,
                     _ read: (AnkiCollection) -> [Row]) throws -> Zip2Sequence<[Row], [[String: Any]]> {
        let rows = read(try Fixture.package(fixture.file).collection)
        let truth = try Fixture.expected(fixture.base).list(key)
        #expect(rows.count == truth.count, "\(key)")
        return zip(rows, truth)
    }

    @Test(arguments: packages)
    func notes(_ fixture: (file: String, base: String, generation: AnkiPackage.Generation)) throws {
        for (note, expected) in try paired(fixture, "notes", \.notes) {
            #expect(note.id == expected.int("id"))
            #expect(note.guid == expected.string("guid"))
            #expect(note.notetype == expected.int("notetype"))
            #expect(note.fields == expected.strings("fields"))
            #expect(note.tags.sorted() == expected.strings("tags"))
        }
    }

    @Test(arguments: packages)
    func cards(_ fixture: (file: String, base: String, generation: AnkiPackage.Generation)) throws {
        for (card, e) in try paired(fixture, "cards", \.cards) {
            let row: [Int64] = [card.id, card.note, Int64(card.ord), card.deck, Int64(card.type), Int64(card.queue), card.due,
                                Int64(card.interval), Int64(card.factor), Int64(card.reps), Int64(card.lapses), Int64(card.left)]
            let want = ["id", "note", "ord", "deck", "type", "queue", "due", "ivl", "factor", "reps", "lapses", "left"].map { e.int($0) }
            #expect(row.map(Optional.some) == want, "card \(card.id)")
            let data = e.object("data")
            #expect(card.data.stability == data.double("s"))
            #expect(card.data.difficulty == data.double("d"))
            #expect(card.data.desiredRetention == data.double("dr"))
            #expect(card.data.lastReview == data.int("lrt"))
            #expect(card.data.position == data.int("pos"))
        }
    }

    @Test(arguments: packages)
    func revlog(_ fixture: (file: String, base: String, generation: AnkiPackage.Generation)) throws {
        for (row, e) in try paired(fixture, "revlog", \.revlog) {
            let got: [Int64] = [row.id, row.card, Int64(row.ease), row.interval, row.lastInterval, Int64(row.factor), Int64(row.time), Int64(row.type)]
            let want = ["id", "card", "ease", "ivl", "lastIvl", "factor", "time", "type"].map { e.int($0) }
            #expect(got.map(Optional.some) == want)
        }
    }

    @Test(arguments: packages)
    func notetypesOfTheNotes(_ fixture: (file: String, base: String, generation: AnkiPackage.Generation)) throws {
        let collection = try Fixture.package(fixture.file).collection
        let used = Set(collection.notes.map(\.notetype))
        let truth = try Fixture.expected(fixture.base).list("notetypes").filter { used.contains($0.int("id") ?? 0) }
        let read = collection.notetypes.filter { used.contains($0.id) }
        #expect(read.map(\.id) == truth.compactMap { $0.int("id") })
        for (notetype, e) in zip(read, truth) {
            #expect(notetype.name == e.string("name"))
            #expect(Int64(notetype.kind.rawValue) == e.int("kind"))
            #expect(notetype.fields == e.strings("fields"))
            #expect(notetype.templates.map(\.question) == e.list("templates").map { $0.string("qfmt") })
            #expect(notetype.templates.map(\.answer) == e.list("templates").map { $0.string("afmt") })
            #expect(notetype.templates.map(\.name) == e.list("templates").map { $0.string("name") })
        }
    }

    @Test(arguments: packages)
    func decksOfTheCards(_ fixture: (file: String, base: String, generation: AnkiPackage.Generation)) throws {
        let collection = try Fixture.package(fixture.file).collection
        let truth = try Fixture.expected(fixture.base).list("decks")
        let byID = Dictionary(uniqueKeysWithValues: collection.decks.map { ($0.id, $0) })
        for expected in truth where collection.cards.contains(where: { $0.deck == expected.int("id") }) {
            let deck = try #require(byID[expected.int("id") ?? 0])
            #expect(deck.name == expected.string("name"))
            #expect(deck.config == expected.int("config"))
            #expect(!deck.filtered)
        }
    }

    @Test(arguments: packages)
    func deckOptions(_ fixture: (file: String, base: String, generation: AnkiPackage.Generation)) throws {
        let configs = try Fixture.package(fixture.file).collection.deckConfigs
        for e in try Fixture.expected(fixture.base).list("deckConfigs") {
            let c = try #require(configs.first { $0.id == e.int("id") })
            let new = e.object("new"), rev = e.object("rev"), lapse = e.object("lapse")
            #expect(c.name == e.string("name"))
            #expect(c.learnSteps == new.doubles("delays"))
            #expect(c.relearnSteps == lapse.doubles("delays"))
            #expect([c.graduatingInterval, c.easyInterval] == new.doubles("ints").prefix(2).map { Int($0) })
            #expect(Int64(c.initialEase) == new.int("initialFactor"))
            #expect([Int64(c.newPerDay), Int64(c.reviewsPerDay)] == [new.int("perDay"), rev.int("perDay")].compactMap { $0 })
            #expect(Int64(c.maximumInterval) == rev.int("maxIvl"))
            #expect([Int64(c.minimumLapseInterval), Int64(c.leechThreshold), Int64(c.leechAction)]
                == [lapse.int("minInt"), lapse.int("leechFails"), lapse.int("leechAction")].compactMap { $0 })
            for (got, want) in [(c.easyBonus, rev.double("ease4")), (c.hardMultiplier, rev.double("hardFactor")),
                                (c.intervalModifier, rev.double("ivlFct")), (c.lapseMultiplier, lapse.double("mult")),
                                (c.desiredRetention, e.double("desiredRetention"))] {
                #expect(abs(got - (want ?? .nan)) < 1e-6)
            }
        }
    }
}
