/// A card's persistent identity: assigned once at import, stored in the deck file, never derived
/// from `hashValue` (which is seeded per process).
public struct CardID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
    public static func < (a: CardID, b: CardID) -> Bool { a.rawValue < b.rawValue }
}

/// Where a multiple-choice answer key came from (`docs/quiz-format.md`, "Answer keys").
public enum KeySource: Equatable, Sendable {
    /// Written in the quiz text as an `Answer:` line.
    case written
    /// Stated outright in the explanation: "the correct answer is D", "(C) is correct".
    case stated
    /// Weighed from the evidence of the explanation; `confidence` is in 0...1.
    case inferred(confidence: Double)
    /// Set by a person: `--key N=X` at import, the learner's `k` in review, or a bare `key: B`
    /// in a deck file. Survives a re-import whose item has no written or stated key.
    case corrected

    /// True for keys a person or the text gives outright (not inferred).
    public var isExplicit: Bool {
        if case .inferred = self { return false }
        return true
    }
}

/// The correct option of a multiple-choice card: `index` 0 is option A.
public struct AnswerKey: Equatable, Sendable {
    public var index: Int
    public var source: KeySource
    public init(index: Int, source: KeySource) { self.index = index; self.source = source }
    public var letter: Character { Character(UnicodeScalar(UInt8(65 + index))) }
}

/// What a learner is asked, and what counts as the answer.
public enum CardKind: Equatable, Sendable {
    /// `key` is nil when the evidence is too weak to name one: the card is self-graded.
    case multipleChoice(options: [String], key: AnswerKey?)
    case trueFalse(answer: Bool)
    case shortAnswer(modelAnswer: String)
    /// The question (the front) is shown, then `back` on reveal; self-graded.
    case basic(back: String)
    /// The reverse card of a basic note: `back` is asked, the question (the front) is the answer.
    case reverse(back: String)
    /// The question is cloze text (`{{c1::answer::hint}}`); this card asks deletion `number`
    /// (`Cloze.render`), the others are shown.
    case cloze(number: Int)
    /// An answer to type, checked as short answers are (`answer`, compared without regard to
    /// case, accents and spacing); self-graded.
    case typeIn(answer: String)

    /// The stable type name used in files and JSON output.
    public var typeName: String {
        switch self {
        case .multipleChoice: return "multiple_choice"
        case .trueFalse: return "true_false"
        case .shortAnswer: return "short_answer"
        case .basic: return "basic"
        case .reverse: return "reverse"
        case .cloze: return "cloze"
        case .typeIn: return "type_in"
        }
    }
}

/// One reviewable card: the content of one quiz item.
public struct Card: Equatable, Sendable, Identifiable {
    public var id: CardID
    public var question: String
    public var kind: CardKind
    /// Paragraphs shown after the answer; may be empty.
    public var explanation: String
    /// Tags (an Anki note's, kept by the import); may be empty.
    public var tags: [String]
    /// The guid of the Anki note the card was imported from (`docs/deck-format.md`, `anki_guid`),
    /// so that an export back to Anki updates that note instead of adding a copy; nil otherwise.
    public var ankiGuid: String?

    public init(id: CardID, question: String, kind: CardKind, explanation: String, tags: [String] = [],
                ankiGuid: String? = nil) {
        self.id = id
        self.question = question
        self.kind = kind
        self.explanation = explanation
        self.tags = tags
        self.ankiGuid = ankiGuid
    }

    /// Whether `guid` can be kept as `anki_guid`, a value on one deck line: 1 to 128 bytes, no
    /// control characters, no space at either end (Anki's guids are base-91 strings of about 10
    /// characters; a note added through Anki's API can have any text, spaces included).
    public static func isKeepableAnkiGuid(_ guid: String) -> Bool {
        let bytes = guid.utf8
        guard let first = bytes.first, let last = bytes.last, bytes.count <= 128, first != 0x20, last != 0x20 else { return false }
        return bytes.allSatisfy { $0 >= 0x20 && $0 != 0x7F }
    }
}

extension Card {
    /// What the learner is asked, as text: the question, the back of a reverse card, or the cloze
    /// text with its deletion hidden (`[...]` or `[hint]`).
    public var prompt: String {
        switch kind {
        case .reverse(let back): return back
        case .cloze(let number): return Cloze.render(question, asking: number, answerSide: false)
        default: return question
        }
    }

    /// The answer revealed by a card that is graded by its learner alone (basic, reverse, cloze,
    /// type-in, short answer); nil for multiple choice and true/false.
    public var revealedAnswer: String? {
        switch kind {
        case .basic(let back): return back
        case .reverse: return question
        case .cloze(let number): return Cloze.render(question, asking: number, answerSide: true, open: "", close: "")
        case .typeIn(let answer), .shortAnswer(let answer): return answer
        case .multipleChoice, .trueFalse: return nil
        }
    }
}

/// A named list of cards. Names match without regard to case.
public struct Deck: Equatable, Sendable {
    public var name: String
    public var cards: [Card]
    public init(name: String, cards: [Card]) { self.name = name; self.cards = cards }
}
