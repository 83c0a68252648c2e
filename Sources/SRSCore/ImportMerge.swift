/// One card's imported history (an Anki package's answers and its state) merged with the log
/// (issue 12.4). Pure: the caller appends the records.
///
/// - Answers are known by their record id (`anki-<revlog id>-<card id>`): those the log holds
///   already are not added again, so importing the same package twice adds nothing.
/// - When no answer was given in srs since the card's last import, the package's state is the
///   card's state (Anki's, as the package holds it).
/// - Otherwise both histories count: from the state the last import set (none if the card was
///   never imported), the answers since, given in srs or newly in Anki, are replayed in time
///   order through `reviewer`; suspension and burying from either side are kept.
/// A last `imported` record sets the card's progress, when it changes or answers were added.
public enum ImportMerge {
    public static func records(existing: [LogRecord], imported: [LogRecord], packageState: CardProgress,
                               current: CardProgress?, reviewer: Reviewer, at time: EpochSeconds,
                               ids: inout RecordIDs) -> [LogRecord] {
        let known = Set(existing.map(\.id))
        let added = imported.filter { !known.contains($0.id) }
        let since = answersSinceImport(existing)
        var final = packageState
        if !since.isEmpty {
            let base = existing.last { $0.action == .imported }?.after
            final = replay(from: base, (since + added).sorted { ($0.time, $0.id) < ($1.time, $1.id) }, reviewer: reviewer)
            final.suspended = packageState.suspended || (current?.suspended ?? false)
            final.buriedUntil = max(packageState.buriedUntil, current?.buriedUntil ?? 0)
            final.leech = packageState.leech || (current?.leech ?? false)
        }
        guard !added.isEmpty || final != (current ?? CardProgress()) else { return [] }
        let card = imported.first?.card ?? existing.first?.card ?? CardID("")
        return added + [LogRecord(seq: 0, id: ids.next(), card: card, time: time, action: .imported,
                                  scheduler: final.state?.schedulerName ?? reviewer.scheduler.name, after: final)]
    }

    /// The answers given in srs (not imported, not undone) after the card's last import.
    static func answersSinceImport(_ existing: [LogRecord]) -> [LogRecord] {
        let start = (existing.lastIndex { $0.action == .imported } ?? -1) + 1
        var undone = Set<RecordID>()
        for record in existing { if case let .undo(target) = record.action { undone.insert(target) } }
        return existing[start...].filter { record in
            guard case .answer = record.action, !undone.contains(record.id) else { return false }
            return !record.id.hasPrefix("anki-")
        }
    }

    /// `records` applied to `base`: answers through the reviewer (practice leaves the state),
    /// a reschedule sets the state it carries when it is the reviewer's scheduler's (or none).
    public static func replay(from base: CardProgress?, _ records: [LogRecord], reviewer: Reviewer) -> CardProgress {
        var progress = base
        for record in records {
            switch record.action {
            case let .answer(grade, kind, _):
                progress = reviewer.answer(progress, grade: grade, at: record.time, practice: kind == .practice, card: record.card)
            case .reschedule:
                guard record.after.state.map({ $0.schedulerName == reviewer.scheduler.name }) ?? true else { continue }
                var next = progress ?? CardProgress()
                (next.state, next.due) = (record.after.state, record.after.due)
                progress = next
            default: continue
            }
        }
        return progress ?? CardProgress()
    }
}
