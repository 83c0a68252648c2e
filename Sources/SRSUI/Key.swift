import SRSCore

/// A key press as the review session sees it; the terminal adapter translates raw input.
public enum Key: Equatable, Hashable, Sendable {
    case character(Character)
    case enter, escape, backspace, delete, tab
    case up, down, left, right, pageUp, pageDown, home, end
    /// Ctrl-C (the terminal runs in raw mode, so it arrives as a key, not a signal).
    case interrupt

    /// Space is a character, but the review keys treat it like a named key.
    public static let space = Key.character(" ")

    /// Keys named the way tests and docs write them: `enter`, `space`, `up`, `pgdn`, `bs`,
    /// `esc`, `ctrl-c`, or a single character (`b`, `?`, `日`). Nil for an unknown name.
    public init?(name: String) {
        if let named = Key.names[name.lowercased()] {
            self = named
        } else if name.count == 1, let character = name.first {
            self = .character(character)
        } else {
            return nil
        }
    }

    static let names: [String: Key] = [
        "enter": .enter, "return": .enter, "space": .space, "esc": .escape, "escape": .escape,
        "bs": .backspace, "backspace": .backspace, "del": .delete, "delete": .delete, "tab": .tab,
        "up": .up, "down": .down, "left": .left, "right": .right,
        "pgup": .pageUp, "pgdn": .pageDown, "home": .home, "end": .end, "ctrl-c": .interrupt,
    ]

    /// The grade a digit key stands for (`1`–`4`), if any.
    var grade: Grade? {
        guard case let .character(c) = self, let digit = c.wholeNumberValue else { return nil }
        return Grade(rawValue: digit)
    }

    /// The option index a letter key names (`a`/`A` is 0), if it is a letter within `count`.
    func optionIndex(count: Int) -> Int? {
        guard case let .character(c) = self, let ascii = c.lowercased().first?.asciiValue,
              ascii >= 97, Int(ascii - 97) < count else { return nil }
        return Int(ascii - 97)
    }
}
