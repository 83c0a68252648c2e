import Testing
@testable import SRSAnki
import SRSCore

@Suite struct TemplateTests {
    static let vocab = AnkiNotetype(
        id: 1, name: "Vocab", kind: .normal, fields: ["Word", "Meaning", "Example"],
        templates: [
            AnkiTemplate(name: "Recognise", question: "{{Word}}{{#Example}}<br><i>{{Example}}</i>{{/Example}}",
                         answer: "{{FrontSide}}<hr id=answer>{{Meaning}}{{^Example}}<br>(no example){{/Example}}"),
            AnkiTemplate(name: "Recall", question: "{{#Meaning}}Say: {{text:Meaning}}{{/Meaning}} ({{Card}}, {{Deck}}, {{Subdeck}}, {{Tags}})",
                         answer: "{{FrontSide}}<hr id=answer>{{Word}} {{hint:Example}} {{Missing}}"),
        ], css: "")

    static func note(_ fields: [String], tags: [String] = ["french"]) -> AnkiNote {
        AnkiNote(id: 1, guid: "g", notetype: 1, fields: fields, tags: tags)
    }

    static func text(_ note: AnkiNote, _ notetype: AnkiNotetype, ord: Int) -> (String, String) {
        let card = CardRenderer.render(note, of: notetype, ord: ord, deck: ["Languages", "French"])
        return (HTMLText.plain(card.question), HTMLText.plain(card.answer))
    }

    @Test func conditionalSectionsFollowTheFields() {
        let with = Self.note(["la maison", "the house", "Ma maison."])
        #expect(Self.text(with, Self.vocab, ord: 0) == ("la maison\nMa maison.", "la maison\nMa maison.\n\nthe house"))
        let without = Self.note(["le pain", "bread", "<br> <div></div>"])
        #expect(Self.text(without, Self.vocab, ord: 0) == ("le pain", "le pain\n\nbread\n(no example)"))
    }

    /// Which fields open a `{{#F}}` section, as Anki 26.9.3 decides (checked with its Python package).
    @Test(arguments: [("", true), (" ", true), ("<br>", true), ("<div></div>", true), ("<BR />\n", true), ("&nbsp;", false),
                      ("<br>&nbsp;", false), ("<b></b>", false), ("<img src=x.png>", false), ("\u{A0}", false)])
    func emptyFieldsAsAnkiSeesThem(_ value: String, _ empty: Bool) {
        #expect(CardRenderer.isEmptyField(value) == empty)
    }

    @Test func specialFieldsFiltersAndMissingFields() {
        let note = Self.note(["le pain", "<b>bread</b>", "Du pain."])
        #expect(Self.text(note, Self.vocab, ord: 1)
            == ("Say: bread (Recall, Languages::French, French, french)",
                "Say: bread (Recall, Languages::French, French, french)\n\nle pain Du pain."))
    }

    @Test func theTypeFilterAsksForTheAnswer() {
        let typeIn = AnkiNotetype(id: 2, name: "Tippen", kind: .normal, fields: ["Front", "Back"],
                                  templates: [AnkiTemplate(name: "Karte 1", question: "{{Front}}\n\n{{type:Back}}",
                                                           answer: "{{Front}}\n\n<hr id=answer>\n\n{{type:Back}}")], css: "")
        let card = CardRenderer.render(Self.note(["Capital of Italy?", "<b>Rome</b>"]), of: typeIn, ord: 0)
        #expect(HTMLText.plain(card.question) == "Capital of Italy?")
        #expect(HTMLText.plain(card.answer) == "Capital of Italy?\n\nRome")
        #expect(card.typedAnswer == "Rome")
        #expect(StockKind.recognise(typeIn) == .basicTypeIn)
        #expect(CardShape.of(Self.note(["q", "Rome"]), typeIn, ord: 0) == .typeIn(expected: "Rome"))
    }

    static let cloze = AnkiNotetype(id: 3, name: "Lückentext", kind: .cloze, fields: ["Text", "Back Extra"],
                                    templates: [AnkiTemplate(name: "Cloze", question: "{{cloze:Text}}", answer: "{{cloze:Text}}<br>\n{{Back Extra}}")], css: "")

    @Test(arguments: [
        ("{{c1::Paris::city}} is the capital of {{c2::France}}.", 0, "[city] is the capital of France.", "Paris is the capital of France.\nextra"),
        ("{{c1::Paris::city}} is the capital of {{c2::France}}.", 1, "Paris is the capital of [...].", "Paris is the capital of France.\nextra"),
        ("{{c1::a}} and {{c1::b}} and {{c2::c}}", 0, "[...] and [...] and c", "a and b and c\nextra"),
        ("{{c1::outer {{c2::inner}} text}}", 1, "outer [...] text", "outer inner text\nextra"),
        ("{{c1::outer {{c2::inner}} text}}", 0, "[...]", "outer inner text\nextra"),
        (#"\(x^2\) is {{c1::a square}}"#, 0, #"\(x^2\) is [...]"#, #"\(x^2\) is a square"# + "\nextra"),
        ("{{c1::unclosed and more", 0, "{{c1::unclosed and more", "{{c1::unclosed and more\nextra"),
        // Not a cloze for Anki either (it reports the card empty), so srs shows the text.
        ("{{C1::up}}", 0, "{{C1::up}}", "{{C1::up}}\nextra"),
        // These, as Anki 26.9.3 renders them (checked with its Python package).
        ("{{c1::a::b::c}}", 0, "[b::c]", "a\nextra"),
        ("{{c1::outer {{c2::inner::ih}} text::oh}}", 0, "[oh]", "outer inner text\nextra"),
        ("{{c1::outer {{c2::inner::ih}} text::oh}}", 1, "outer [ih] text", "outer inner text\nextra"),
        ("{{c1::a {{b}} c}}", 0, "[...] c}}", "a {{b c}}\nextra"),
        ("{{c2::x}} {{c1::y::}}", 0, "x []", "x y\nextra"),
        ("{{c1::}}z {{c2::w}}", 0, "[...]z w", "z w\nextra"),
    ])
    func clozeCards(_ text: String, _ ord: Int, _ question: String, _ answer: String) {
        #expect(Self.text(Self.note([text, "extra"]), Self.cloze, ord: ord) == (question, answer))
    }

    @Test func clozeNumbersAndAnswers() {
        #expect(Cloze.numbers(in: "{{c3::x}} {{c1::y {{c2::z}}}} {{c1::w}}") == [1, 2, 3])
        #expect(Cloze.answers(in: "{{c1::a::hint}} {{c2::b}} {{c1::c}}", number: 1) == ["a", "c"])
        #expect(Cloze.render("{{c1::Paris}}", asking: 1, answerSide: true) == "<b>Paris</b>")
    }

    @Test func rubyFilters() {
        #expect(Ruby.apply("furigana", "日本語[にほんご]を 話[はな]す") == "日本語(にほんご)を話(はな)す")
        #expect(Ruby.apply("kana", "日本語[にほんご]") == "にほんご")
        #expect(Ruby.apply("kanji", "日本語[にほんご]") == "日本語")
    }

    @Test func stockKindsByShapeNotName() {
        let renamed = AnkiNotetype(id: 4, name: "Einfach (beide Richtungen)", kind: .normal, fields: ["Vorderseite", "Rückseite"],
                                   templates: [AnkiTemplate(name: "1", question: "{{Vorderseite}}", answer: "{{FrontSide}}\n\n<hr id=answer>\n\n{{Rückseite}}"),
                                               AnkiTemplate(name: "2", question: "{{Rückseite}}", answer: "{{FrontSide}}<hr id=answer>{{Vorderseite}}")], css: "")
        #expect(StockKind.recognise(renamed) == .basicAndReversed)
        #expect(StockKind.recognise(Self.cloze) == .cloze)
        #expect(StockKind.recognise(Self.vocab) == nil)
    }
}
