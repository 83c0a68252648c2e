import SRSCore

/// Key dispatch through the one key table (`ReviewKeys`): the place the keys are read in, then
/// the binding that takes the key there.
extension ReviewSession {
    mutating func handle(_ key: Key) -> [Effect] {
        let place = keyPlace
        let count = optionCount
        let bindings = ReviewKeys.table.filter { $0.places.contains(place) }
        let match = bindings.flatMap { binding in binding.keys.map { (binding, $0) } }
            .filter { $0.1.matches(key, optionCount: count) }
            .min { $0.1.rank < $1.1.rank }
        guard let binding = match?.0 else { return [] }
        return perform(binding.action, key: key)
    }

    /// Where the keys are read now: an overlay first, then the card's phase.
    var keyPlace: KeyPlace {
        if showingHelp { return .help }
        if isTooSmall { return .tooSmall }
        guard case let .reviewing(view) = mode else { return .idle }
        if view.fixingKey { return .fixingKey }
        switch view.phase {
        case .choosing: return .choosing
        case .judging: return .judging
        case .front: return .front
        case .typing: return .typing
        case .paused: return .paused
        case .revealed: return .revealed
        }
    }

    /// The card on show, if any.
    var shownCard: Card? {
        guard case let .reviewing(view) = mode else { return nil }
        return cards[view.entry.card]
    }

    /// The card on show as the screen holds it, if any.
    var currentView: CardView? {
        guard case let .reviewing(view) = mode else { return nil }
        return view
    }

    /// How many options the card on show has (0 for other cards and screens).
    var optionCount: Int { shownCard?.options.count ?? 0 }

    var canUndo: Bool { book.canUndo }

    var canPractise: Bool {
        if case let .idle(outlook?) = mode { return outlook.canPractise }
        return false
    }

    mutating func perform(_ action: KeyAction, key: Key) -> [Effect] {
        if let effects = performCommand(action, key: key) { return effects }
        guard case let .reviewing(view) = mode, let card = cards[view.entry.card] else { return [] }
        switch (action, view.phase) {
        case (.chooseOption, _): return key.optionIndex(count: card.options.count).map { reveal(optionAt: $0) } ?? []
        case let (.highlightPrevious, .choosing(highlighted)): moveHighlight(to: max((highlighted ?? optionCount) - 1, 0))
        case let (.highlightNext, .choosing(highlighted)): moveHighlight(to: min((highlighted ?? -1) + 1, optionCount - 1))
        case let (.pickHighlighted, .choosing(highlighted)): return highlighted.map { reveal(optionAt: $0) } ?? reveal(.none)
        case (.answerTrue, _): return reveal(.truth(true))
        case (.answerFalse, _): return reveal(.truth(false))
        case (.showAnswer, _): return reveal(.none)
        case let (.submitTyped, .typing(text)), let (.submitTyped, .paused(text)): return reveal(text.isEmpty ? .none : .typed(text))
        case let (.stopTyping, .typing(text)): setPhase(.paused(text))
        case let (.deleteTyped, .typing(text)), let (.deleteForward, .typing(text)), let (.typeCharacter, .typing(text)),
             let (.cursorLeft, .typing(text)), let (.cursorRight, .typing(text)), let (.cursorHome, .typing(text)),
             let (.cursorEnd, .typing(text)):
            edit(text, action, key: key, after: view.cursorFromEnd)
        case let (.startTyping, .paused(text)): setPhase(.typing(text))
        case let (.gradeDefault, .revealed(answer)): return grade(card.defaultGrade(after: answer))
        case let (.grade, .revealed(answer)): return gradeKey(key, card: card, answer: answer)
        case (.setKey, _): return fixKey(key)
        case (.cancelFix, _): return fixKey(key)
        default: break
        }
        return []
    }

    /// Edits the typed answer at the cursor, which stands before the last `after` characters.
    mutating func edit(_ text: String, _ action: KeyAction, key: Key, after: Int) {
        var before = Array(text.dropLast(after)), rest = Array(text.suffix(after))
        switch action {
        case .typeCharacter: if case let .character(c) = key { before.append(c) }
        case .deleteTyped: _ = before.popLast()
        case .deleteForward: if !rest.isEmpty { rest.removeFirst() }
        case .cursorLeft: if let last = before.popLast() { rest.insert(last, at: 0) }
        case .cursorRight: if !rest.isEmpty { before.append(rest.removeFirst()) }
        case .cursorHome: (before, rest) = ([], before + rest)
        case .cursorEnd: (before, rest) = (before + rest, [])
        default: return
        }
        setPhase(.typing(String(before + rest)))
        modifyView { $0.cursorFromEnd = rest.count }
    }

    /// The actions that do not depend on the card's phase; nil for the others.
    mutating func performCommand(_ action: KeyAction, key: Key) -> [Effect]? {
        switch action {
        case .quit: return [.quit]
        case .undo: return undo()
        case .bury: return bury()
        case .suspend: return suspend()
        case .fixKey: return startKeyFix()
        case .openMedia: return openMedia()
        case .practise: if case .idle = mode { startPractice() }
        case .openHelp: openHelp()
        case .closeHelp: showingHelp = false
        case .scrollUp: scrollBody(by: -1)
        case .scrollDown: scrollBody(by: 1)
        case .pageUp: scrollBody(by: -(bodyHeight - 1))
        case .pageDown: scrollBody(by: bodyHeight - 1)
        case .terminal: break
        default: return nil
        }
        return []
    }

    mutating func gradeKey(_ key: Key, card: Card, answer: GivenAnswer) -> [Effect] {
        guard let grade = key.grade else { return [] }
        if card.allowedGrades(after: answer).contains(grade) { return self.grade(grade) }
        notice = card.options.isEmpty ? "A wrong answer is graded Again: press 1 or Enter."
            : "A wrong answer is graded Again: press 1 or Enter (k corrects a wrong key)."
        return []
    }

    mutating func openHelp() {
        showingHelp = true
        helpScroll = 0
    }

    mutating func setPhase(_ phase: Phase) {
        modifyView { $0.phase = phase }
    }

    mutating func moveHighlight(to index: Int) {
        setPhase(.choosing(highlighted: index))
        keepHighlightVisible()
    }

    /// Scrolls the card or the summary, never past either end.
    mutating func scrollBody(by lines: Int) {
        let limit = maxBodyScroll
        let clamp = { (scroll: Int) in min(max(scroll + lines, 0), limit) }
        if showingHelp {
            helpScroll = clamp(min(helpScroll, limit))
        } else if isReviewing {
            modifyView { $0.scroll = clamp(min($0.scroll, limit)) }
        } else {
            idleScroll = clamp(min(idleScroll, limit))
        }
    }
}
