import Foundation
import Testing
@testable import SRSAnki

/// Every card of the fixtures rendered by srs from its own template, as text, equals Anki's own
/// rendering of it (the `question`/`answer` HTML Anki's API gave), turned into text the same way.
@Suite struct AnkiRenderingTests {
    @Test(arguments: ["sm2-legacy.apkg", "sm2.colpkg", "fsrs.apkg"])
    func srsRendersEveryCardAsAnkiDoes(_ file: String) throws {
        let collection = try Fixture.package(file).collection
        let truth = try Fixture.expected(file.hasPrefix("sm2") ? "sm2" : "fsrs").list("cards")
        let notes = Dictionary(uniqueKeysWithValues: collection.notes.map { ($0.id, $0) })
        let notetypes = Dictionary(uniqueKeysWithValues: collection.notetypes.map { ($0.id, $0) })
        for (card, expected) in zip(collection.cards, truth) {
            let note = try #require(notes[card.note])
            let notetype = try #require(notetypes[note.notetype])
            let rendered = CardRenderer.render(note, of: notetype, ord: card.ord)
            let typed = rendered.typedAnswer ?? ""
            #expect(HTMLText.plain(rendered.question) == Self.ankiText(expected.string("question"), typed: ""), "question of card \(card.id)")
            #expect(HTMLText.plain(rendered.answer) == Self.ankiText(expected.string("answer"), typed: typed), "answer of card \(card.id)")
        }
    }

    /// Anki's HTML as text, with its audio placeholders named again and its type-answer
    /// placeholder (`[[type:Back]]`, which the Anki app replaces by a box on the question and the
    /// comparison on the answer; srs draws both itself) replaced by `typed`.
    static func ankiText(_ html: String, typed: String) -> String {
        let text = html.replacingOccurrences(of: #"\[anki:play:[qa]:\d+\]"#, with: "[sound:bell.wav]", options: .regularExpression)
        return HTMLText.plain(text.replacingOccurrences(of: #"\[\[type:[^\]]*\]\]"#, with: typed, options: .regularExpression))
    }

    @Test func theFixtureNoteTypesAreRecognisedByShape() throws {
        let collection = try Fixture.package("sm2.colpkg").collection
        let kinds = Dictionary(uniqueKeysWithValues: collection.notetypes.map { ($0.name, StockKind.recognise($0)) })
        #expect(kinds["Basic"] == .basic)
        #expect(kinds["Basic (and reversed card)"] == .basicAndReversed)
        #expect(kinds["Basic (optional reversed card)"] == .basicOptionalReversed)
        #expect(kinds["Basic (type in the answer)"] == .basicTypeIn)
        #expect(kinds["Cloze"] == .cloze)
        #expect(kinds["Vocab (two ways)"] == .some(nil))
        #expect(kinds["Image Occlusion"] == .some(nil))
    }
}
