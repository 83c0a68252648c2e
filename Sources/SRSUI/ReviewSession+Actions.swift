import SRSCore
import SRSText

/// What the keys do: reveal, grade, bury, suspend, undo, correct a key, practise ahead.
extension ReviewSession {
    mutating func reveal(optionAt position: Int) -> [Effect] {
        guard case let .reviewing(view) = mode, view.order.indices.contains(position) else { return [] }
        return reveal(.option(view.order[position]))
    }

    mutating func reveal(_ answer: GivenAnswer) -> [Effect] {
        modifyView {
            $0.phase = .revealed(answer)
            $0.scroll = 0
        }
        scrollVerdictIntoView()
        return []
    }

    /// On a small screen, scrolls just far enough that the verdict shows; the question stays
    /// in view when everything fits.
    mutating func scrollVerdictIntoView() {
        guard case let .reviewing(view) = mode, let card = cards[view.entry.card],
              let end = cardLayout(view: view, card: card, width: Self.bodyWidth(size.columns)).verdictEnd else { return }
        let scroll = max(end - bodyHeight + 1, 0)
        modifyView { $0.scroll = scroll }
    }

    /// Records `grade` for the card on screen and shows the next one.
    mutating func grade(_ grade: Grade) -> [Effect] {
        guard case let .reviewing(view) = mode else { return [] }
        let id = view.entry.card
        let before = progress[id]
        let kind = reviewer.kind(of: before, at: seconds, practice: practice)
        let after = reviewer.answer(before, grade: grade, at: seconds, practice: practice)
        let millis = Int(min(max(now - view.shownAt, 0), Self.answerTimeCap))
        pushUndo(id)
        progress[id] = after
        stats.record(grade, card: id)
        queue.advance(repeatToday: !practice && after.repeatPending)
        showCurrent()
        return [.record(id, .answer(grade: grade, kind: kind, answerMillis: millis), after: after)]
    }

    /// Anki caps the recorded answer time at 60 s: a learner who walked away did not think that long.
    static let answerTimeCap: EpochMillis = 60_000

    /// Hides the card on screen until the next study day.
    mutating func bury() -> [Effect] {
        let tomorrow = clock.nextDayStart(after: seconds)
        return setAside(.bury, notice: "Buried until tomorrow.") { $0.buriedUntil = tomorrow }
    }

    /// Takes the card on screen out of every review until `srs unsuspend` restores it.
    mutating func suspend() -> [Effect] {
        setAside(.suspend, notice: "Suspended: `srs unsuspend` brings it back.") { $0.suspended = true }
    }

    mutating func setAside(_ action: LogAction, notice text: String,
                           _ change: (inout CardProgress) -> Void) -> [Effect] {
        guard case let .reviewing(view) = mode else { return [] }
        let id = view.entry.card
        var after = progress[id] ?? CardProgress()
        change(&after)
        pushUndo(id)
        progress[id] = after
        queue.remaining.removeAll { $0.card == id }
        showCurrent()
        notice = text
        return [.record(id, action, after: after)]
    }

    mutating func pushUndo(_ card: CardID) {
        undoSteps.append(UndoStep(card: card, before: progress[card], queue: queue, stats: stats,
                                  practice: practice))
    }

    /// Takes back the newest answer, bury or suspend: the card's progress, the queue and the
    /// counts return to what they were, and the card is shown again.
    mutating func undo() -> [Effect] {
        guard let step = undoSteps.popLast() else {
            notice = "Nothing to undo."
            return []
        }
        progress[step.card] = step.before
        queue = step.queue
        stats = step.stats
        practice = step.practice
        showCurrent()
        notice = "Undone."
        return [.undo(step.card, restoring: step.before ?? CardProgress())]
    }

    /// `k` on a multiple-choice card: the next letter names the correct option.
    mutating func startKeyFix() -> [Effect] {
        guard case let .reviewing(view) = mode, let card = cards[view.entry.card], !card.options.isEmpty else {
            notice = "Only multiple-choice cards have an answer key."
            return []
        }
        modifyView { $0.fixingKey = true }
        return []
    }

    mutating func fixKey(_ key: Key) -> [Effect] {
        modifyView { $0.fixingKey = false }
        guard case let .reviewing(view) = mode, let card = cards[view.entry.card],
              let position = key.optionIndex(count: view.order.count) else {
            notice = "Answer key unchanged."
            return []
        }
        let answerKey = AnswerKey(index: view.order[position], source: .corrected)
        cards[card.id]?.kind = .multipleChoice(options: card.options, key: answerKey)
        notice = Self.keySetNotice(shown: position, stored: view.order[position], text: card.options[view.order[position]])
        return [.saveKey(card.id, answerKey)]
    }

    /// Names the option as shown and as the deck file stores it (the options are shuffled):
    /// `Answer key set to B (“Canberra”, option A in the deck file) and saved to the deck.`
    static func keySetNotice(shown: Int, stored: Int, text: String) -> String {
        let option = TerminalSafe.sanitize(text, keepNewlines: false)
        let file = shown == stored ? "" : ", option \(letter(stored)) in the deck file"
        return "Answer key set to \(letter(shown)) (“\(option)”\(file)) and saved to the deck."
    }

    /// Starts a round of cards not yet due; their answers leave the schedule as it is.
    mutating func startPractice() {
        let ahead = DailyQueue.practiceAhead(cards: cardOrder, progress: progress, limit: practiceLimit,
                                             clock: clock, now: seconds)
        guard !ahead.isEmpty else {
            notice = "Nothing to practise: no card has been reviewed yet."
            return
        }
        practice = true
        queue = SessionQueue(practice: ahead)
        showCurrent()
    }
}

/// The letter shown for an option position: A, B, C…
func letter(_ position: Int) -> String {
    String(UnicodeScalar(UInt8(65 + min(max(position, 0), 25))))
}
