import SRSCore
import SRSText

/// What the keys do: reveal, grade, bury, suspend, undo, correct a key, practise ahead.
extension ReviewSession {
    mutating func reveal(optionAt position: Int) -> [Effect] {
        guard case let .reviewing(view) = mode, view.order.indices.contains(position) else { return [] }
        return reveal(.option(view.order[position]))
    }

    mutating func reveal(_ answer: GivenAnswer) -> [Effect] {
        let at = seconds
        modifyView {
            $0.phase = .revealed(answer)
            $0.scroll = 0
            $0.gradedAt = at
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
        let millis = Int(min(max(now - view.shownAt, 0), Self.answerTimeCap))
        let before = book[id]
        // At the moment the grade keys were worked out, so the state applied is the one shown.
        let record = book.answer(id, grade: grade, at: view.gradedAt ?? seconds, millis: millis, practice: practice,
                                 mark: mark) { _ in }
        stats.record(grade, card: id)
        queue.advance(repeatToday: !practice && record.after.repeatPending)
        if !practice, !record.after.suspended, record.after.isLearning, record.after.due < clock.nextDayStart(after: seconds) {
            queue.addLearning(id, due: record.after.due)
        }
        if record.after.suspended { queue.remaining.removeAll { $0.card == id } }
        showCurrent()
        if !practice, book.reviewers[id].becameLeech(before, record.after) { notice = leechNotice(record.after) }
        return [.append(record)]
    }

    /// What the review says when an answer made the card a leech.
    func leechNotice(_ after: CardProgress) -> String {
        let lapses = Format.count(after.state?.lapses ?? 0, "lapse")
        return after.suspended
            ? "Leech: \(lapses); the card is suspended (`srs unsuspend` brings it back, u takes it back)."
            : "Leech: \(lapses); the card is marked a leech (`srs stats` lists leeches, u takes it back)."
    }

    /// Anki caps the recorded answer time at 60 s: a learner who walked away did not think that long.
    static let answerTimeCap: EpochMillis = 60_000

    /// What undo gives back besides the card's progress: the queue, the counts, practice mode.
    var mark: SessionMark { SessionMark(queue: queue, stats: stats, practice: practice) }

    /// Hides the card on screen until the next study day.
    mutating func bury() -> [Effect] {
        setAside(notice: "Buried until tomorrow.") { book, id, at, mark in book.bury(id, at: at, mark: mark) { _ in } }
    }

    /// Takes the card on screen out of every review until `srs unsuspend` restores it.
    mutating func suspend() -> [Effect] {
        setAside(notice: "Suspended: `srs unsuspend` brings it back.") { book, id, at, mark in
            book.suspend(id, at: at, mark: mark) { _ in }
        }
    }

    mutating func setAside(notice text: String,
                           _ change: (inout ReviewBook<SessionMark>, CardID, EpochSeconds, SessionMark) -> LogRecord) -> [Effect] {
        guard case let .reviewing(view) = mode else { return [] }
        let id = view.entry.card
        let record = change(&book, id, seconds, mark)
        queue.remaining.removeAll { $0.card == id }
        queue.learning.removeAll { $0.card == id }
        showCurrent()
        notice = text
        return [.append(record)]
    }

    /// Takes back the newest answer, bury or suspend: the card's progress, the queue and the
    /// counts return to what they were, and the card is shown again.
    mutating func undo() -> [Effect] {
        guard let (record, mark) = book.undo(at: seconds, appending: { _ in }) else {
            notice = "Nothing to undo."
            return []
        }
        queue = mark.queue
        stats = mark.stats
        practice = mark.practice
        showCurrent()
        notice = "Undone."
        return [.append(record)]
    }

    /// The media files the card on screen shows now (its answer's only once revealed).
    var visibleMedia: [String] {
        guard case let .reviewing(view) = mode, let card = cards[view.entry.card] else { return [] }
        return card.mediaNames(revealed: view.isRevealed)
    }

    /// `o`: the shell opens the media the card shows.
    mutating func openMedia() -> [Effect] {
        let names = visibleMedia
        guard !names.isEmpty else {
            notice = "This card shows no image or sound to open."
            return []
        }
        return [.openMedia(names)]
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
