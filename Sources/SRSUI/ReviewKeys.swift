/// Where the review's keys are read: the card's phase, an overlay, or the idle screen.
public enum KeyPlace: Hashable, Sendable, CaseIterable {
    case choosing, judging, front, typing, paused, revealed, fixingKey, idle, help, tooSmall

    /// The places of a card on show, answered or not, where the card's commands work.
    static let card: Set<KeyPlace> = [.choosing, .judging, .front, .paused, .revealed]
    static let everywhere = Set(KeyPlace.allCases)
}

/// Which keys a binding takes.
enum KeyPattern: Equatable, Sendable {
    case key(Key)
    /// A letter naming one of the card's options (`a` is the first).
    case optionLetter
    /// `1` to `4`.
    case gradeDigit
    /// Any character (typing an answer).
    case anyCharacter
    /// Any key no other binding of the place takes.
    case anyOther

    func matches(_ key: Key, optionCount: Int) -> Bool {
        switch self {
        case let .key(k): return k == key
        case .optionLetter: return key.optionIndex(count: optionCount) != nil
        case .gradeDigit: return key.grade != nil
        case .anyCharacter: if case .character = key { return true } else { return false }
        case .anyOther: return true
        }
    }

    /// Exact keys win over letters and digits, and those over "any other key".
    var rank: Int {
        switch self {
        case .key: return 0
        case .optionLetter, .gradeDigit, .anyCharacter: return 1
        case .anyOther: return 2
        }
    }
}

/// What a key does; `ReviewSession.perform` carries it out.
enum KeyAction: Equatable, Sendable {
    case chooseOption, highlightPrevious, highlightNext, pickHighlighted
    case answerTrue, answerFalse, showAnswer
    case submitTyped, stopTyping, deleteTyped, deleteForward, typeCharacter, startTyping
    case cursorLeft, cursorRight, cursorHome, cursorEnd
    case gradeDefault, grade
    case undo, bury, suspend, fixKey, setKey, cancelFix, openMedia
    case scrollUp, scrollDown, pageUp, pageDown
    case practise, openHelp, closeHelp, quit
    /// Handled by the terminal, not the session (Ctrl-Z stops the process).
    case terminal
}

/// One line of the help screen, of `srs review --help` and of the keys table in
/// `docs/review-screen.md`.
struct KeyHelp: Equatable, Sendable {
    /// The keys as the help screen draws them: `1 2 3 4`.
    var keys: String
    /// What they do.
    var text: String
    /// The keys as the docs' table writes them in its first column: `` `1` `2` `3` `4` ``.
    var docs: String
}

/// One row of the review's key table: keys, where they work, what they do, and how the footer
/// and the help show them.
struct KeyBinding: Sendable {
    var keys: [KeyPattern]
    var places: Set<KeyPlace>
    var action: KeyAction
    /// The footer's hints for this binding in `place` (usually none or one).
    var footer: @Sendable (ReviewSession, KeyPlace) -> [KeyHint] = { _, _ in [] }
    /// Kept in the footer of a small screen (answering and grading keys, help and quit).
    var essential = true
    /// The help line this binding starts, if any.
    var help: KeyHelp?
}

/// A footer hint shown in `places` only (all of the binding's places when nil).
func hint(_ key: String, _ label: String, in places: Set<KeyPlace>? = nil,
          when condition: @escaping @Sendable (ReviewSession) -> Bool = { _ in true })
    -> @Sendable (ReviewSession, KeyPlace) -> [KeyHint] {
    { session, place in
        guard places?.contains(place) ?? true, condition(session) else { return [] }
        return [KeyHint(key: key, label: label)]
    }
}

extension Key {
    static func chars(_ characters: Character...) -> [KeyPattern] { characters.map { .key(.character($0)) } }
}
