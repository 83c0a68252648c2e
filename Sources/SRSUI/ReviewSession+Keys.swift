import SRSCore

/// Key dispatch: overlays first, then the keys of the screen and phase on show.
extension ReviewSession {
    mutating func handle(_ key: Key) -> [Effect] {
        if key == .interrupt { return [.quit] }
        if showingHelp { return handleHelp(key) }
        if isTooSmall { return key == .character("q") ? [.quit] : [] }
        guard case let .reviewing(view) = mode else { return handleIdle(key) }
        if view.fixingKey { return fixKey(key) }
        if view.isTyping { return handleTyping(key) }
        if let effects = handleCommand(key, view: view) { return effects }
        return handlePhase(key, view: view)
    }

    /// Keys that work on every card once typing is out of the way. Nil when `key` is not one.
    mutating func handleCommand(_ key: Key, view: CardView) -> [Effect]? {
        switch key {
        case .character("q"): return [.quit]
        case .character("u"): return undo()
        case .character("s"): return bury()
        case .character("!"): return suspend()
        case .character("?"): openHelp(); return []
        case .character("k"): return startKeyFix()
        case .pageDown: scrollBody(by: bodyHeight - 1); return []
        case .pageUp: scrollBody(by: -(bodyHeight - 1)); return []
        default: return nil
        }
    }

    mutating func handlePhase(_ key: Key, view: CardView) -> [Effect] {
        guard let card = cards[view.entry.card] else { return [] }
        switch view.phase {
        case let .choosing(highlighted): return choose(key, highlighted: highlighted, optionCount: card.options.count)
        case .judging: return judge(key)
        case let .paused(text): return resumeTyping(key, text: text)
        case let .revealed(answer): return gradeKey(key, card: card, answer: answer)
        case .typing: return []
        }
    }

    mutating func choose(_ key: Key, highlighted: Int?, optionCount: Int) -> [Effect] {
        if let index = key.optionIndex(count: optionCount) { return reveal(optionAt: index) }
        switch key {
        case .up, .left:
            moveHighlight(to: max((highlighted ?? optionCount) - 1, 0))
        case .down, .right, .tab:
            moveHighlight(to: min((highlighted ?? -1) + 1, optionCount - 1))
        case .enter, .space:
            if let highlighted { return reveal(optionAt: highlighted) }
            return reveal(.none)
        default: break
        }
        return []
    }

    mutating func judge(_ key: Key) -> [Effect] {
        switch key {
        case .character("t"), .character("T"): return reveal(.truth(true))
        case .character("f"), .character("F"): return reveal(.truth(false))
        case .enter, .space: return reveal(.none)
        case .up: scrollBody(by: -1)
        case .down: scrollBody(by: 1)
        default: break
        }
        return []
    }

    mutating func handleTyping(_ key: Key) -> [Effect] {
        guard case let .reviewing(view) = mode, case let .typing(text) = view.phase else { return [] }
        switch key {
        case .enter: return reveal(text.isEmpty ? .none : .typed(text))
        case .escape: setPhase(.paused(text))
        case .backspace, .delete: setPhase(.typing(String(text.dropLast())))
        case let .character(c): setPhase(.typing(text + String(c)))
        case .up: scrollBody(by: -1)
        case .down: scrollBody(by: 1)
        case .pageUp: scrollBody(by: -(bodyHeight - 1))
        case .pageDown: scrollBody(by: bodyHeight - 1)
        default: break
        }
        return []
    }

    mutating func resumeTyping(_ key: Key, text: String) -> [Effect] {
        switch key {
        case .enter, .space: return reveal(text.isEmpty ? .none : .typed(text))
        case .escape, .tab, .character("i"): setPhase(.typing(text))
        case .up: scrollBody(by: -1)
        case .down: scrollBody(by: 1)
        default: break
        }
        return []
    }

    mutating func gradeKey(_ key: Key, card: Card, answer: GivenAnswer) -> [Effect] {
        let allowed = card.allowedGrades(after: answer)
        switch key {
        case .enter, .space: return grade(card.defaultGrade(after: answer))
        case .up: scrollBody(by: -1)
        case .down: scrollBody(by: 1)
        default:
            guard let grade = key.grade else { break }
            if allowed.contains(grade) { return self.grade(grade) }
            notice = "A wrong answer is graded Again: press 1 or Enter (k corrects a wrong key)."
        }
        return []
    }

    /// Arrows and pages scroll the help; `q` quits; any other key closes it.
    mutating func handleHelp(_ key: Key) -> [Effect] {
        switch key {
        case .character("q"): return [.quit]
        case .down: scrollBody(by: 1)
        case .up: scrollBody(by: -1)
        case .pageDown: scrollBody(by: bodyHeight - 1)
        case .pageUp: scrollBody(by: -(bodyHeight - 1))
        default: showingHelp = false
        }
        return []
    }

    /// Keys of the idle screen: the summary, or "nothing due".
    mutating func handleIdle(_ key: Key) -> [Effect] {
        switch key {
        case .character("q"), .escape: return [.quit]
        case .character("u"): return undo()
        case .character("p"): if case .idle = mode { startPractice() }
        case .character("?"): openHelp()
        case .down: scrollBody(by: 1)
        case .up: scrollBody(by: -1)
        case .pageDown: scrollBody(by: bodyHeight - 1)
        case .pageUp: scrollBody(by: -(bodyHeight - 1))
        default: break
        }
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
