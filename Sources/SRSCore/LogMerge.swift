/// Uniting the review logs of one user written on several machines, and the card states they
/// give. Record ids are unique across machines, so the union is a set union by id; "the newest
/// record wins" does not hold across machines, so states are recomputed by replay.
public enum LogMerge {
    /// The records of both logs, each id once, ordered by time and then id; `seq` renumbered.
    public static func union(_ a: [LogRecord], _ b: [LogRecord]) -> [LogRecord] {
        var byID: [RecordID: LogRecord] = [:]
        byID.reserveCapacity(a.count + b.count)
        for record in a + b where byID[record.id] == nil { byID[record.id] = record }
        let ordered = byID.values.sorted { ($0.time, $0.id) < ($1.time, $1.id) }
        return ordered.enumerated().map { i, record in
            var numbered = record
            numbered.seq = i + 1
            return numbered
        }
    }

    /// Every card's state after `records`, recomputed: undone records and the undos themselves
    /// are left out, and the rest replayed in order through `reviewer` (answers through its
    /// scheduler, bury, suspend and unsuspend as flags). For one machine's log this is exactly
    /// the state the `ReviewBook` that wrote it held.
    /// `reviewers` gives the reviewer of each scheduler an answer names (default: `reviewer`);
    /// a reschedule record sets the scheduler's state it carries.
    public static func states(_ records: [LogRecord], reviewer: Reviewer,
                              reviewers: [String: Reviewer] = [:]) -> CardTable {
        states(records, reviewers: Reviewers(reviewer), byScheduler: reviewers.mapValues { Reviewers($0) })
    }

    /// The same, each card answered with its own deck's options (`Reviewers`), as the book
    /// that wrote the log answered it.
    public static func states(_ records: [LogRecord], reviewers standard: Reviewers,
                              byScheduler reviewers: [String: Reviewers] = [:]) -> CardTable {
        let reviewer = standard.standard
        var undone = Set<RecordID>()
        for record in records { if case let .undo(target) = record.action { undone.insert(target) } }
        var cards: CardTable = [:]
        for record in records where !undone.contains(record.id) {
            let before = cards[record.card]
            var after = before ?? CardProgress()
            switch record.action {
            case let .answer(grade, kind, _):
                let r = (reviewers[record.scheduler] ?? standard)[record.card]
                after = r.answer(before, grade: grade, at: record.time, practice: kind == .practice, card: record.card)
            case .bury: after.buriedUntil = reviewer.clock.nextDayStart(after: record.time)
            case .suspend: after.suspended = true
            case .unsuspend: after.suspended = false
            case .reschedule:
                (after.state, after.due, after.repeatPending) = (record.after.state, record.after.due, false)
            case .imported: after = record.after
            case .undo: continue
            }
            cards[record.card] = after.nilIfNew
        }
        return cards
    }
}
