import Testing
import SRSCore
@testable import SRSAnki

/// Anki cards into srs cards, and Anki deck paths into srs deck names.
@Suite struct AnkiConversionTests {
    @Test(arguments: [
        (["Parent", "Child"], "Parent::Child"),
        (["a/b", ".hidden"], "a%2Fb::.hidden"),
        ([".x"], "%2Ex"),
        (["100%", "back\\slash"], "100%25::back%5Cslash"),
        (["zero\u{200B}width", "bell\u{07}"], "zero%E2%80%8Bwidth::bell%07"),
        (["Français 日本"], "Français 日本"),
    ] as [([String], String)])
    func deckNamesAreReversible(path: [String], name: String) {
        #expect(AnkiDeckName.name(of: path) == name)
        #expect(AnkiDeckName.path(of: name) == path)
    }

    @Test func aParentIncludesItsChildren() {
        #expect(AnkiDeckName.path(["Science", "Physics"], isWithin: ["science"]))
        #expect(AnkiDeckName.path(["Science"], isWithin: ["Science"]))
        #expect(!AnkiDeckName.path(["Sciences"], isWithin: ["Science"]))
        #expect(!AnkiDeckName.path(["Science"], isWithin: ["Science", "Physics"]))
    }

    @Test func idsComeFromTheGuidAndTheTemplateOrClozeNumber() {
        #expect(AnkiConversion.id(guid: "abc", ord: 1, cloze: false) == AnkiConversion.id(guid: "abc", ord: 1, cloze: false))
        #expect(AnkiConversion.id(guid: "abc", ord: 0, cloze: true).rawValue.hasSuffix("-c1"))
        #expect(AnkiConversion.id(guid: "abc", ord: 1, cloze: false).rawValue.hasSuffix("-t1"))
        #expect(AnkiConversion.id(guid: "abc", ord: 0, cloze: false) != AnkiConversion.id(guid: "abd", ord: 0, cloze: false))
    }

    @Test func bothGenerationsGiveTheSameCards() throws {
        let latest = AnkiConversion.cards(of: try Fixture.package("sm2.apkg").collection)
        let legacy = AnkiConversion.cards(of: try Fixture.package("sm2-legacy.apkg").collection)
        #expect(latest.warnings.isEmpty)
        #expect(latest.cards.map(\.card) == legacy.cards.map(\.card))
        let kinds = Dictionary(grouping: latest.cards.map(\.card.kind.typeName), by: { $0 }).mapValues(\.count)
        #expect(kinds == ["basic": 10, "reverse": 2, "cloze": 3, "type_in": 1])
        #expect(latest.cards.filter { $0.queue == -1 }.count == 1)
    }

    /// A side empty in Anki (or only `&nbsp;`, `<br>`; a missing field) shows a placeholder, and a
    /// cloze card whose deletion left the text is skipped: the deck reads back (probe edge-1..6).
    @Test func emptySidesAndStaleClozeCardsStillReadBack() throws {
        let sql = """
            UPDATE notes SET flds = 'What?' || char(31) || '&nbsp;<br>' WHERE id = 1772355600000;
            UPDATE notes SET flds = 'le chat' || char(31) || '' WHERE id = 1772355600002;
            UPDATE notes SET flds = 'Buried by the user' WHERE id = 1772355600009;
            UPDATE notes SET flds = '{{c1::Paris::city}} is the capital of France.' || char(31) || '' WHERE id = 1772355600004;
            """
        let package = try AnkiPackage.read(try Crafted.legacyPackage(try Crafted.legacyCollection(sql)))
        let (cards, warnings) = AnkiConversion.cards(of: package.collection)
        #expect(cards.count == 15)
        #expect(warnings == ["note 1772355600004: its text has no {{c2::…}} for cloze card 2 "
            + "(an empty card, as Anki's Empty Cards finds); skipped"])
        let backs = cards.compactMap { converted -> String? in
            switch converted.card.kind {
            case .basic(let back), .reverse(let back): return converted.card.question + " / " + back
            default: return nil
            }
        }
        #expect(backs.filter { $0.hasSuffix("(empty answer)") }.sorted()
            == ["Buried by the user / (empty answer)", "What? / (empty answer)", "le chat / (empty answer)", "le chat / (empty answer)"])
        for converted in cards {
            if case .cloze(let number) = converted.card.kind { #expect(Cloze.numbers(in: converted.card.question).contains(number)) }
        }
    }

    /// Two notes with one guid (genanki) would give two cards one id: the later note is skipped,
    /// named with the note that keeps the ids (probe dup-guid).
    @Test func aNoteSharingAnotherNotesGuidIsSkipped() throws {
        let sql = "UPDATE notes SET guid = 'N0bd/<6G)t' WHERE id IN (1772355600002, 1772355600003)"
        let package = try AnkiPackage.read(try Crafted.legacyPackage(try Crafted.legacyCollection(sql)))
        let (cards, warnings) = AnkiConversion.cards(of: package.collection)
        #expect(cards.count == 13)
        #expect(Set(cards.map(\.card.id)).count == cards.count)
        #expect(warnings.sorted() == ["note 1772355600002: its guid is also note 1772355600000's, whose cards keep the ids; skipped",
                                      "note 1772355600003: its guid is also note 1772355600000's, whose cards keep the ids; skipped"])
        #expect(cards.contains { $0.card.question == "What is 2 + 2?" })
    }
}
