import SRSCore
import SRSText

/// One key in the footer: the key as drawn and what it does now.
struct KeyHint: Equatable {
    var key: String
    var label: String
    /// The grade Space and Enter would give.
    var isDefault = false
}

/// The footer lists exactly the keys that work in the current state.
extension ReviewSession {
    func footerRows(_ size: Size) -> [Row] {
        let width = size.columns
        var rows: [Row] = []
        var spans: [Span] = [Span(" ")]
        var used = 1
        for hint in keyHints(compact: size.rows < Self.roomyRows) {
            let item = [Span(hint.key, .reverse), Span(" " + hint.label, hint.isDefault ? .color(.cyan, bold: true) : .plain)]
            let itemWidth = item.reduce(0) { $0 + $1.width }
            if used > 1 && used + 2 + itemWidth > width {
                rows.append(Row(spans))
                (spans, used) = ([Span(" ")], 1)
            }
            if used > 1 { spans.append(Span("  ")); used += 2 }
            spans += item
            used += itemWidth
        }
        rows.append(Row(spans))
        return rows
    }

    /// The keys that work now, from the key table (`ReviewKeys`) in its order; `compact` keeps
    /// those that answer and grade, plus help and quit.
    func keyHints(compact: Bool) -> [KeyHint] {
        let place = keyPlace
        return ReviewKeys.table.filter { $0.places.contains(place) && (!compact || $0.essential) }
            .flatMap { $0.footer(self, place) }
    }

    /// `1 Again 1d` … with the next interval each grade would give.
    func gradeHints() -> [KeyHint] {
        guard case let .reviewing(view) = mode, case let .revealed(answer) = view.phase,
              let card = cards[view.entry.card] else { return [] }
        let at = gradedAt ?? seconds
        let outcomes = book.reviewers[card.id].outcomes(progress[card.id], at: at, practice: practice, card: card.id)
        let chosen = card.defaultGrade(after: answer)
        return card.allowedGrades(after: answer).map { grade in
            let next = practice ? "no change" : outcomes[grade].map { nextTime($0, at: at) } ?? ""
            let key = grade == chosen ? "\(grade.rawValue)/Enter" : "\(grade.rawValue)"
            return KeyHint(key: key, label: "\(grade.name) \(next)", isDefault: grade == chosen)
        }
    }

    /// When the card would come back after a grade: classic SM-2 says later today for a
    /// same-day repeat, otherwise its interval; Anki's SM-2 and FSRS show the time to the due
    /// moment as Anki labels it (`1m`, `10m`, `1d`, `1.3mo`).
    func nextTime(_ outcome: CardProgress, at time: EpochSeconds) -> String {
        if let memory = outcome.memory {
            return outcome.repeatPending ? "today" : IntervalLabel.label(days: memory.intervalDays)
        }
        // Anki labels a review by its interval in days, a learning step by its length.
        if case let .anki(card)? = outcome.state, card.queue == .review { return IntervalLabel.label(days: card.intervalDays) }
        guard let due = outcome.dueTime else { return "" }
        return IntervalLabel.label(seconds: Float(max(due - time, 0)))
    }

    /// When the grade keys on screen were worked out (the reveal), if a card is revealed.
    var gradedAt: EpochSeconds? {
        if case let .reviewing(view) = mode { return view.gradedAt }
        return nil
    }
}
