import SRSCore
import SRSText

/// The screens without a card: the end-of-review summary, "nothing due", and help.
extension ReviewSession {
    func idleRows(width: Int) -> [Row] {
        guard case let .idle(pending) = mode else { return [] }
        var layout = CardLayout()
        if cardOrder.isEmpty {
            layout.add("This deck has no cards.", .bold, width: width)
            return layout.rows
        }
        if stats.reviewed > 0 {
            addSummary(to: &layout, width: width)
        } else if let held = pending?.heldBack, !held.isEmpty {
            layout.add("Today's review is done.", .bold, width: width)
        } else {
            layout.add("Nothing is due right now.", .bold, width: width)
        }
        layout.blank()
        if let outlook = pending {
            addOutlook(outlook, to: &layout, width: width)
        } else {
            layout.add("Working out what is due next…", .dim, width: width)
        }
        return layout.rows
    }

    /// Nothing else is left but learning cards whose step is not yet near: the review waits.
    func waitingRows(due: EpochSeconds, width: Int) -> [Row] {
        var layout = CardLayout()
        if stats.reviewed > 0 { addSummary(to: &layout, width: width) }
        layout.blank()
        let learning = Format.count(queue.learning.count, "learning card")
        layout.add("Waiting for \(learning): the next is due in \(IntervalLabel.label(seconds: Float(max(due - seconds, 0)))).",
                   .bold, width: width)
        layout.add("It comes up by itself \(SessionQueue.learnAhead / 60) minutes before it is due (Anki's learn-ahead limit); q ends the review.", width: width)
        return layout.rows
    }

    func addSummary(to layout: inout CardLayout, width: Int) {
        layout.add(practice ? "Practice finished" : "Review finished", .color(.green, bold: true), width: width)
        layout.add(summaryLine ?? "", width: width)
        guard !stats.failed.isEmpty else { return }
        layout.blank()
        layout.add("Failed (\(stats.failed.count)):", .bold, width: width)
        for (number, id) in stats.failed.enumerated() {
            guard let card = cards[id] else { continue }
            if number > 0 { layout.blank() }
            layout.rows += TextLayout.wrap(clean(card.question, keepNewlines: false), width: width, hangingAfter: "✗ ")
                .map { Row($0, .color(.red, bold: true)) }
            if let answer = answerText(card) {
                layout.rows += TextLayout.wrap(answer, width: width, hangingAfter: "  ").map { Row($0, .color(.green)) }
            }
            if !card.explanation.isEmpty {
                layout.rows += TextLayout.wrap(clean(card.explanation), width: width - 2).map { Row("  " + $0, .dim) }
            }
        }
    }

    /// The right answer in words, for the list of failed cards.
    func answerText(_ card: Card) -> String? {
        switch card.kind {
        case let .multipleChoice(options, key?) where options.indices.contains(key.index):
            return "Answer: " + clean(options[key.index], keepNewlines: false)
        case .multipleChoice: return nil
        case let .trueFalse(truth): return "Answer: \(truth ? "true" : "false")"
        case .shortAnswer, .basic, .reverse, .cloze, .typeIn:
            return "Answer: " + clean(card.revealedAnswer ?? "", keepNewlines: false)
        }
    }

    func addOutlook(_ outlook: Outlook, to layout: inout CardLayout, width: Int) {
        let held = outlook.dueTomorrow.heldBack
        addHeldBack(outlook.heldBack, reviews: held, to: &layout, width: width)
        // `DueTomorrow`, the definition `srs stats` uses: held-back cards are never counted in.
        let due = Format.count(outlook.dueTomorrow.due, "review"), new = Format.count(outlook.tomorrow.new.count, "new card")
        let first = held == 0 ? "" : held == 1 ? " (the card held back today comes first)"
            : " (the \(held) cards held back today come first)"
        layout.add("Due tomorrow: \(due) and \(new)\(first).", width: width)
        // With due cards held back by the review limit, "due later today" would be untrue:
        // the held-back line above says how many wait and how to raise the limit.
        if let next = outlook.nextDue, held == 0 || next >= clock.nextDayStart(after: seconds) {
            layout.add("Next review due \(Format.due(next, from: seconds, clock: clock)).", width: width)
        }
        layout.blank()
        if outlook.canPractise {
            layout.add("Press p to practise ahead: cards not yet due, and the schedule does not change.", width: width)
        } else {
            layout.add("Nothing to practise ahead yet: cards you have reviewed will be offered here.", .dim, width: width)
        }
    }

    /// Says so when today's limits, not an empty schedule, are why nothing is left: `held`
    /// holds the new cards, `reviews` counts the reviews held back.
    func addHeldBack(_ held: DailyQueue, reviews: Int, to layout: inout CardLayout, width: Int) {
        if !held.new.isEmpty {
            let waiting = held.new.count == 1 ? "1 more is waiting" : "\(held.new.count) more are waiting"
            layout.add("Today's limit of \(Format.count(limits.newPerDay, "new card")) is reached; \(waiting). `srs review --new-today N` allows N more today.", width: width)
        }
        if reviews > 0 {
            layout.add("Today's limit of \(Format.count(limits.maxReviewsPerDay, "review")) is reached; \(Format.count(reviews, "more card")) due. `srs review --reviews-today N` allows N more today.", width: width)
        }
        if !held.new.isEmpty || reviews > 0 { layout.blank() }
    }

    func helpRows(width: Int) -> [Row] {
        var layout = CardLayout()
        layout.add("Scheduler: \(Self.schedulerTitle(reviewer.scheduler.name)) (`srs scheduler` switches; see docs/scheduling.md).", width: width)
        layout.blank()
        layout.add("Keys", .bold, width: width)
        layout.rows += ReviewKeys.helpText(width: width).map { Row($0) }
        layout.blank()
        let again = reviewer.repeatsSameDay ? "Again and Hard bring the card back later in this review."
            : "Again and a new card's Hard and Good go through learning steps of minutes: the card comes back in this review when its step is due."
        layout.add(again + " Every answer is saved as you give it.", .dim, width: width)
        return layout.rows
    }

    /// The scheduler's name as the help screen gives it.
    static func schedulerTitle(_ name: String) -> String {
        switch name {
        case "anki": return "Anki's SM-2 (anki)"
        case "fsrs": return "FSRS-6 (fsrs)"
        default: return "classic SM-2 (sm2)"
        }
    }
}
