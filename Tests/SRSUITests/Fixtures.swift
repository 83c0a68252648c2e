import SRSCore

/// A small deck with one card of each kind.
enum Fixtures {
    static let capital = Card(
        id: CardID("mc-capital"), question: "What is the capital of Australia?",
        kind: .multipleChoice(options: ["Sydney", "Canberra", "Melbourne", "Perth"],
                              key: AnswerKey(index: 1, source: .written)),
        explanation: "Canberra was chosen in 1908 as a compromise between Sydney and Melbourne.")
    static let noKey = Card(
        id: CardID("mc-nokey"), question: "Which sorting algorithm is stable?",
        kind: .multipleChoice(options: ["Heap sort", "Merge sort", "Quick sort"], key: nil),
        explanation: "Merge sort keeps equal elements in order.")
    static let truth = Card(
        id: CardID("tf-sun"), question: "The Sun is a star.", kind: .trueFalse(answer: true),
        explanation: "A G-type main-sequence star.")
    static let short = Card(
        id: CardID("sa-hello"), question: "Say “hello” in Spanish.", kind: .shortAnswer(modelAnswer: "hola"),
        explanation: "¡Hola! is the usual greeting.")
    static let inferred = Card(
        id: CardID("mc-inferred"), question: "2 + 2 = ?",
        kind: .multipleChoice(options: ["3", "4", "5"], key: AnswerKey(index: 0, source: .inferred(confidence: 0.6))),
        explanation: "Two and two make four.")

    static let cards = [capital, truth, short, noKey]

    static let cjk = Card(
        id: CardID("cjk-1"), question: "「日本語」は何語ですか？ 🇯🇵 Which language is 日本語?",
        kind: .multipleChoice(options: ["中文", "日本語 (Japanese)", "한국어"], key: AnswerKey(index: 1, source: .written)),
        explanation: "日本語 means the Japanese language. 😀")

    static let long = Card(
        id: CardID("long"),
        question: (1...30).map { "Line \($0) of a very long question that keeps going." }.joined(separator: "\n"),
        kind: .trueFalse(answer: false), explanation: "It was long.")

    static let hostile = Card(
        id: CardID("evil"), question: "Bold\u{1B}[1m? \u{1B}]0;title\u{07}Clear\u{1B}[2J\u{9B}31m done",
        kind: .trueFalse(answer: true), explanation: "tab\there\u{7F}")
}
