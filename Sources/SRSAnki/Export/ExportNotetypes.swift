/// The note types srs cards become in Anki (`docs/anki-export.md`): Anki's stock Basic, Basic
/// (and reversed card), Basic (type in the answer) and Cloze, in the template shapes `StockKind`
/// recognises, and three of srs's own for multiple choice, true/false and short answer. Their
/// ids are fixed, so a second export of the same cards names the same note types.
enum ExportNotetypes {
    static let answerLine = "{{FrontSide}}\n\n<hr id=answer>\n\n"
    static let explanation = "{{#Explanation}}<br><br>{{Explanation}}{{/Explanation}}"

    static let basic = AnkiNotetype(
        id: 1_700_000_000_001, name: "Basic", kind: .normal, fields: ["Front", "Back"],
        templates: [AnkiTemplate(name: "Card 1", question: "{{Front}}", answer: answerLine + "{{Back}}")], css: css)

    static let basicAndReversed = AnkiNotetype(
        id: 1_700_000_000_002, name: "Basic (and reversed card)", kind: .normal, fields: ["Front", "Back"],
        templates: basic.templates + [AnkiTemplate(name: "Card 2", question: "{{Back}}", answer: answerLine + "{{Front}}")],
        css: css)

    static let typeIn = AnkiNotetype(
        id: 1_700_000_000_003, name: "Basic (type in the answer)", kind: .normal, fields: ["Front", "Back"],
        templates: [AnkiTemplate(name: "Card 1", question: "{{Front}}\n\n{{type:Back}}",
                                 answer: "{{Front}}\n\n<hr id=answer>\n\n{{type:Back}}")], css: css)

    static let cloze = AnkiNotetype(
        id: 1_700_000_000_004, name: "Cloze", kind: .cloze, fields: ["Text", "Back Extra"],
        templates: [AnkiTemplate(name: "Cloze", question: "{{cloze:Text}}", answer: "{{cloze:Text}}<br>\n{{Back Extra}}")],
        css: css + ".cloze {\n    font-weight: bold;\n    color: blue;\n}\n")

    static let multipleChoice = AnkiNotetype(
        id: 1_700_000_000_005, name: "srs Multiple choice", kind: .normal, fields: ["Question", "Options", "Answer", "Explanation"],
        templates: [AnkiTemplate(name: "Card 1", question: "{{Question}}<br><br>{{Options}}",
                                 answer: answerLine + "{{Answer}}" + explanation)], css: css)

    static let trueFalse = AnkiNotetype(
        id: 1_700_000_000_006, name: "srs True/false", kind: .normal, fields: ["Statement", "Answer", "Explanation"],
        templates: [AnkiTemplate(name: "Card 1", question: "{{Statement}}<br><br>True or false?",
                                 answer: answerLine + "{{Answer}}" + explanation)], css: css)

    static let shortAnswer = AnkiNotetype(
        id: 1_700_000_000_007, name: "srs Short answer", kind: .normal, fields: ["Question", "Model answer", "Explanation"],
        templates: [AnkiTemplate(name: "Card 1", question: "{{Question}}",
                                 answer: answerLine + "{{Model answer}}" + explanation)], css: css)

    static let all = [basic, basicAndReversed, typeIn, cloze, multipleChoice, trueFalse, shortAnswer]

    /// Anki's stock card style.
    static let css = ".card {\n    font-family: arial;\n    font-size: 20px;\n    line-height: 1.5;\n    text-align: center;\n    color: black;\n    background-color: white;\n}\n"
}
