import SRSText

/// The review's keys, in one table: it drives the dispatch (`ReviewSession.handle`), the footer
/// (`keyHints`), the help screen, `srs review --help`, and a test checks that
/// `docs/review-screen.md` lists the same keys. The footer lists a place's hints in table order.
public enum ReviewKeys {
    static let table: [KeyBinding] = answering + grading + commands + moving + leaving

    /// The help lines, in table order: the help screen, `srs review --help` and the docs' table.
    static let help: [KeyHelp] = table.compactMap(\.help)

    /// The help lines laid out `width` columns wide: the keys in a column of 14, the text
    /// wrapped beside them.
    static func helpText(width: Int) -> [String] {
        help.flatMap { line in
            let pad = String(repeating: " ", count: max(14 - DisplayWidth.of(line.keys), 1))
            return TextLayout.wrap(line.text, width: width, hangingAfter: line.keys + pad)
        }
    }

    /// The keys for `srs review --help`, as the help screen lays them out, 76 columns wide.
    public static var commandLineSummary: String { helpText(width: 76).joined(separator: "\n") }

    /// The keys as the first column of the keys table in `docs/review-screen.md` writes them.
    public static var documentedKeys: [String] { help.map(\.docs) }

    static let answering: [KeyBinding] = [
        KeyBinding(keys: [.optionLetter], places: [.choosing], action: .chooseOption, footer: { s, _ in
            [KeyHint(key: "A–\(letter(s.optionCount - 1))", label: "answer")]
        }, help: KeyHelp(keys: "a b c d", text: "answer a multiple-choice card (or ↑↓ and Enter)", docs: "`a` `b` `c` `d` …")),
        KeyBinding(keys: [.key(.up), .key(.left)], places: [.choosing], action: .highlightPrevious),
        KeyBinding(keys: [.key(.down), .key(.right), .key(.tab)], places: [.choosing], action: .highlightNext,
                   footer: hint("↑↓ Enter", "pick")),
        KeyBinding(keys: Key.chars("t", "T"), places: [.judging], action: .answerTrue, footer: hint("t", "true"),
                   help: KeyHelp(keys: "t f", text: "answer a true/false card", docs: "`t` / `f`")),
        KeyBinding(keys: Key.chars("f", "F"), places: [.judging], action: .answerFalse, footer: hint("f", "false")),
        KeyBinding(keys: [.key(.enter)], places: [.typing], action: .submitTyped, footer: hint("Enter", "show answer"),
                   help: KeyHelp(keys: "i", text: "type the answer to a short-answer card (←→ Home End move the cursor); Enter then shows the model answer, Esc stops typing",
                                 docs: "`i`")),
        KeyBinding(keys: [.key(.escape)], places: [.typing], action: .stopTyping, footer: hint("Esc", "stop typing")),
        KeyBinding(keys: [.key(.backspace)], places: [.typing], action: .deleteTyped),
        KeyBinding(keys: [.key(.delete)], places: [.typing], action: .deleteForward),
        KeyBinding(keys: [.key(.left)], places: [.typing], action: .cursorLeft, footer: hint("←→", "move")),
        KeyBinding(keys: [.key(.right)], places: [.typing], action: .cursorRight),
        KeyBinding(keys: [.key(.home)], places: [.typing], action: .cursorHome),
        KeyBinding(keys: [.key(.end)], places: [.typing], action: .cursorEnd),
        KeyBinding(keys: [.anyCharacter], places: [.typing], action: .typeCharacter),
        KeyBinding(keys: [.key(.escape), .key(.tab)] + Key.chars("i"), places: [.paused], action: .startTyping,
                   footer: hint("i", "type answer")),
        KeyBinding(keys: [.key(.enter), .key(.space)], places: [.choosing], action: .pickHighlighted, footer: { s, _ in
            [KeyHint(key: "Space", label: s.shownCard?.answerKey == nil ? "reveal" : "show answer")]
        }, help: KeyHelp(keys: "Space Enter", text: "show the answer; once shown, grade (Good, or Again after a wrong answer)",
                         docs: "Space / Enter")),
        KeyBinding(keys: [.key(.enter), .key(.space)], places: [.judging, .front], action: .showAnswer, footer: hint("Space", "show answer")),
        KeyBinding(keys: [.key(.enter), .key(.space)], places: [.paused], action: .submitTyped, footer: hint("Space", "show answer")),
    ]

    static let grading: [KeyBinding] = [
        KeyBinding(keys: [.key(.enter), .key(.space)], places: [.revealed], action: .gradeDefault),
        KeyBinding(keys: [.gradeDigit], places: [.revealed], action: .grade, footer: { s, _ in s.gradeHints() },
                   help: KeyHelp(keys: "1 2 3 4", text: "grade Again, Hard, Good, Easy; each key shows when the card comes back",
                                 docs: "`1` `2` `3` `4`")),
    ]

    static let commands: [KeyBinding] = [
        KeyBinding(keys: Key.chars("u"), places: KeyPlace.card, action: .undo, footer: hint("u", "undo") { $0.canUndo }, essential: false,
                   help: KeyHelp(keys: "u", text: "undo the last answer, bury or suspend; several levels", docs: "`u`")),
        KeyBinding(keys: Key.chars("s"), places: KeyPlace.card, action: .bury, footer: hint("s", "bury"), essential: false,
                   help: KeyHelp(keys: "s", text: "bury: hide this card until tomorrow", docs: "`s`")),
        KeyBinding(keys: Key.chars("!"), places: KeyPlace.card, action: .suspend, footer: hint("!", "suspend"), essential: false,
                   help: KeyHelp(keys: "!", text: "suspend: hide it until `srs unsuspend`", docs: "`!`")),
        KeyBinding(keys: Key.chars("k"), places: KeyPlace.card, action: .fixKey, footer: { s, _ in
            guard let card = s.shownCard, !card.options.isEmpty else { return [] }
            return [KeyHint(key: "k", label: card.answerKey == nil ? "set key" : "fix key")]
        }, essential: false, help: KeyHelp(keys: "k", text: "set or correct the answer key of a multiple-choice card (saved to the deck)",
                                           docs: "`k` then a letter")),
        KeyBinding(keys: Key.chars("o"), places: KeyPlace.card, action: .openMedia,
                   footer: hint("o", "open media") { !$0.visibleMedia.isEmpty }, essential: false,
                   help: KeyHelp(keys: "o", text: "open the card's images and sounds ([image: …], [sound: …]) with the system's opener (xdg-open, or open)",
                                 docs: "`o`")),
        KeyBinding(keys: [.optionLetter], places: [.fixingKey], action: .setKey, footer: { s, _ in
            [KeyHint(key: "A–\(letter(s.optionCount - 1))", label: "correct option")]
        }),
        KeyBinding(keys: [.anyOther], places: [.fixingKey], action: .cancelFix, footer: hint("Esc", "cancel")),
    ]

    static let moving: [KeyBinding] = [
        KeyBinding(keys: [.key(.up)], places: KeyPlace.card.subtracting([.choosing]).union([.typing, .idle, .help]),
                   action: .scrollUp, footer: hint("↑↓", "scroll", in: [.help]),
                   help: KeyHelp(keys: "PgUp PgDn ↑↓", text: "scroll a long card", docs: "PgUp PgDn ↑ ↓")),
        KeyBinding(keys: [.key(.down)], places: KeyPlace.card.subtracting([.choosing]).union([.typing, .idle, .help]),
                   action: .scrollDown),
        KeyBinding(keys: [.key(.pageUp)], places: KeyPlace.card.union([.typing, .idle, .help]), action: .pageUp),
        KeyBinding(keys: [.key(.pageDown)], places: KeyPlace.card.union([.typing, .idle, .help]), action: .pageDown),
        KeyBinding(keys: Key.chars("p"), places: [.idle], action: .practise, footer: hint("p", "practise ahead") { $0.canPractise },
                   help: KeyHelp(keys: "p", text: "practise ahead when nothing is due (the schedule does not change)", docs: "`p`")),
        KeyBinding(keys: Key.chars("u"), places: [.idle], action: .undo, footer: hint("u", "undo") { $0.canUndo }),
    ]

    static let leaving: [KeyBinding] = [
        KeyBinding(keys: Key.chars("?"), places: KeyPlace.card.union([.idle]), action: .openHelp, footer: hint("?", "help"),
                   help: KeyHelp(keys: "?", text: "this help; any key (q too) closes it", docs: "`?`")),
        KeyBinding(keys: Key.chars("q"), places: KeyPlace.card.union([.idle, .fixingKey, .tooSmall]), action: .quit,
                   footer: hint("q", "quit", in: KeyPlace.card.union([.idle, .fixingKey])),
                   help: KeyHelp(keys: "q  Ctrl-C", text: "quit", docs: "`q`, Ctrl-C")),
        KeyBinding(keys: [.key(.escape)], places: [.idle], action: .quit),
        KeyBinding(keys: [.key(.interrupt)], places: KeyPlace.everywhere, action: .quit, footer: hint("Ctrl-C", "quit", in: [.typing, .help])),
        // `q` too closes the help: a learner who opened it wants the review back, not to leave.
        KeyBinding(keys: [.anyOther], places: [.help], action: .closeHelp, footer: hint("any other key", "back")),
        KeyBinding(keys: [], places: [], action: .terminal,
                   help: KeyHelp(keys: "Ctrl-Z", text: "stop srs and give the terminal back; `fg` resumes the review", docs: "Ctrl-Z")),
    ]
}
