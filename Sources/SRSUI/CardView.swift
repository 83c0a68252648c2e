import SRSCore

/// What the learner answered before the reveal.
public enum GivenAnswer: Equatable, Sendable {
    /// A multiple-choice option, by its index in the deck (not on screen).
    case option(Int)
    case truth(Bool)
    case typed(String)
    /// Revealed without answering.
    case none
}

/// Where the learner is on the card on screen.
public enum Phase: Equatable, Sendable {
    /// Multiple choice: a letter answers; arrows move the highlight, Enter picks it.
    case choosing(highlighted: Int?)
    /// True/false: `t` or `f`.
    case judging
    /// Basic, reverse and cloze cards: the question alone; Space or Enter shows the answer.
    case front
    /// Short answer, typing into the answer field: every printable key is text.
    case typing(String)
    /// Short answer, not typing: the command keys work, `i` types. A card starts here so that
    /// `q` and the other keys always work until the learner chooses to type.
    case paused(String)
    /// The answer is shown; a grade key moves on.
    case revealed(GivenAnswer)
}

/// The card on screen: its option order for this showing, the phase and the scroll position.
struct CardView: Equatable, Sendable {
    var entry: QueueEntry
    /// Screen position → option index in the deck; shuffled for each showing.
    var order: [Int]
    var phase: Phase
    var scroll = 0
    /// `k` was pressed: the next letter names the correct option.
    var fixingKey = false
    /// While typing: how many characters of the answer come after the cursor (0: at the end).
    var cursorFromEnd = 0
    var shownAt: EpochMillis
    /// When the answer was revealed: the grade keys show, and a grade applies, the states the
    /// scheduler gives at this moment.
    var gradedAt: EpochSeconds?

    init(entry: QueueEntry, card: Card, shownAt: EpochMillis, rng: inout SeededGenerator) {
        self.entry = entry
        self.shownAt = shownAt
        switch card.kind {
        case let .multipleChoice(options, _):
            order = Array(options.indices).shuffled(using: &rng)
            phase = .choosing(highlighted: nil)
        case .trueFalse:
            order = []
            phase = .judging
        case .shortAnswer, .typeIn:
            order = []
            phase = .paused("")
        case .basic, .reverse, .cloze:
            order = []
            phase = .front
        }
    }

    var isRevealed: Bool {
        if case .revealed = phase { return true }
        return false
    }

    /// True while typed characters go into the answer field instead of acting as commands.
    var isTyping: Bool {
        if case .typing = phase { return true }
        return false
    }
}

extension Card {
    /// Whether `answer` is right: nil when the card has no key or nothing checkable was given
    /// (self-graded).
    func verdict(on answer: GivenAnswer) -> Bool? {
        switch (kind, answer) {
        case let (.multipleChoice(_, key?), .option(index)): return index == key.index
        case let (.trueFalse(truth), .truth(given)): return truth == given
        default: return nil
        }
    }

    /// The grades the learner may give after `answer`: only Again after a wrong answer.
    func allowedGrades(after answer: GivenAnswer) -> [Grade] {
        verdict(on: answer) == false ? [.again] : Grade.allCases
    }

    /// What Space and Enter mean after the reveal: Again when wrong, Good otherwise.
    func defaultGrade(after answer: GivenAnswer) -> Grade {
        verdict(on: answer) == false ? .again : .good
    }

    var options: [String] {
        if case let .multipleChoice(options, _) = kind { return options }
        return []
    }

    var answerKey: AnswerKey? {
        if case let .multipleChoice(_, key) = kind { return key }
        return nil
    }
}
