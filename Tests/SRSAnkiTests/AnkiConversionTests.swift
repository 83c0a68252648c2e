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
}
