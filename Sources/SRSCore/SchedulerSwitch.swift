/// Switching a user's scheduler (`srs scheduler NAME`): every card's state rebuilt under the
/// new scheduler, as records of their own, so the log stays the source of truth.
///
/// For each card with answers: when it was last under the new scheduler with no answer since
/// (a switch there and back), that state comes back exactly; otherwise its answers are replayed
/// through the new scheduler, oldest first, leaving out undone and practice answers and taking
/// same-day repeats as ordinary answers. Suspension, burying and the first and last review
/// times stay as they are. Pure: the caller appends the records.
public struct SchedulerSwitch: Sendable {
    /// The new scheduler, with each card's deck options (a replay schedules as the review would).
    public let reviewers: Reviewers
    public var reviewer: Reviewer { reviewers.standard }

    public init(to reviewers: Reviewers) { self.reviewers = reviewers }
    public init(to reviewer: Reviewer) { self.init(to: Reviewers(reviewer)) }

    /// What a switch changes: the records to append, and how many answers were replayed.
    public struct Plan: Sendable {
        public var records: [LogRecord]
        public var replayedAnswers: Int
        public var restoredCards: Int
    }

    /// The plan for the log `history` (oldest first) and today's `cards`, at `time`.
    public func plan(history: [LogRecord], cards: [CardID: CardProgress], at time: EpochSeconds,
                     ids: inout RecordIDs, firstSeq: Int) -> Plan {
        var undone = Set<RecordID>()
        var byCard: [CardID: [Int]] = [:]
        for (i, record) in history.enumerated() {
            if case let .undo(target) = record.action { undone.insert(target) }
            byCard[record.card, default: []].append(i)
        }
        var plan = Plan(records: [], replayedAnswers: 0, restoredCards: 0)
        let name = reviewer.scheduler.name
        for id in cards.keys.sorted() {
            guard let current = cards[id], current.state != nil, current.state?.schedulerName != name,
                  let indices = byCard[id] else { continue }
            let records = indices.lazy.map { history[$0] }.filter { !undone.contains($0.id) }
            var next = current
            if let kept = restorable(Array(records)) {
                (next.state, next.due, next.repeatPending) = (kept.state, kept.due, kept.repeatPending)
                plan.restoredCards += 1
            } else {
                let (state, due, answers) = replay(records, card: id)
                guard let state else { continue }
                (next.state, next.due, next.repeatPending) = (state, due, false)
                plan.replayedAnswers += answers
            }
            plan.records.append(LogRecord(seq: firstSeq + plan.records.count, id: ids.next(), card: id, time: time,
                                          action: .reschedule, scheduler: name, after: next))
        }
        return plan
    }

    /// The state the card last had under the new scheduler, when no answer came after it.
    func restorable(_ records: [LogRecord]) -> CardProgress? {
        let name = reviewer.scheduler.name
        for record in records.reversed() {
            if record.after.state?.schedulerName == name { return record.after }
            if case .answer = record.action { return nil }
        }
        return nil
    }

    /// The card's answers through the new scheduler: its state, due time and answer count.
    func replay<S: Sequence<LogRecord>>(_ records: S, card: CardID) -> (SchedulerState?, EpochSeconds, Int) {
        let scheduler = reviewers[card].scheduler
        var state: SchedulerState?
        var count = 0
        for record in records {
            guard case let .answer(grade, kind, _) = record.action, kind != .practice else { continue }
            state = scheduler.review(state, rating: scheduler.rating(for: grade), at: record.time, card: card.rawValue)
            count += 1
        }
        return (state, state.map(scheduler.due) ?? 0, count)
    }
}
