/// Switching a user's scheduler (`srs scheduler NAME`): every card's state rebuilt under the
/// new scheduler, as records of their own, so the log stays the source of truth.
///
/// For each card with answers: when it was last under the new scheduler with no answer since
/// (a switch there and back), that state comes back exactly; otherwise its answers are replayed
/// through the new scheduler, oldest first, leaving out undone and practice answers and taking
/// same-day repeats as ordinary answers. Suspension, burying and the first and last review
/// times stay as they are. Pure: the caller streams the log in and appends the records.
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
    public func plan(history: [LogRecord], cards: CardTable, at time: EpochSeconds,
                     ids: inout RecordIDs, firstSeq: Int) -> Plan {
        let replay = replayed(cardCount: cards.count) { body in history.forEach(body) }
        return plan(replay, cards: cards, at: time, ids: &ids, firstSeq: firstSeq)
    }

    /// The plan for the log that `log` streams (it hands every record, oldest first, to its
    /// argument; it may be called twice, see `replayed`) and today's `cards`, at `time`.
    public func plan(cards: CardTable, at time: EpochSeconds, ids: inout RecordIDs, firstSeq: Int,
                     log: ((LogRecord) -> Void) throws -> Void) rethrows -> Plan {
        let replay = try replayed(cardCount: cards.count, log)
        return plan(replay, cards: cards, at: time, ids: &ids, firstSeq: firstSeq)
    }

    /// Every card's replay, in one pass over the log in the usual case. An undo that takes back
    /// the card's latest record is applied on the spot; one that reaches further back (undos
    /// in a row, or logs of two machines united) makes a second pass, which knows every undone
    /// record from the first and leaves them out as it goes.
    /// `cardCount` (today's cards) sizes the table once, instead of growing it by copies.
    func replayed(cardCount: Int, _ log: ((LogRecord) -> Void) throws -> Void) rethrows -> SwitchReplay {
        var replay = SwitchReplay(to: self, undone: nil, cardCount: cardCount)
        try log { replay.add($0) }
        guard replay.needsSecondPass else { return replay }
        var second = SwitchReplay(to: self, undone: replay.undone, cardCount: cardCount)
        try log { second.add($0) }
        return second
    }

    private func plan(_ replay: SwitchReplay, cards: CardTable, at time: EpochSeconds,
                      ids: inout RecordIDs, firstSeq: Int) -> Plan {
        var plan = Plan(records: [], replayedAnswers: 0, restoredCards: 0)
        plan.records.reserveCapacity(cards.count)
        let name = reviewer.scheduler.name
        for (id, current) in cards.sortedByID() {
            guard current.state != nil, current.state?.schedulerName != name,
                  let track = replay.cards[id] else { continue }
            var next = current
            if let kept = track.now.restore {
                (next.state, next.due, next.repeatPending) = (kept.state, kept.due, kept.repeatPending)
                plan.restoredCards += 1
            } else {
                guard let state = track.now.state else { continue }
                (next.state, next.due, next.repeatPending) = (state, reviewers[id].scheduler.due(of: state), false)
                plan.replayedAnswers += track.now.answers
            }
            plan.records.append(LogRecord(seq: firstSeq + plan.records.count, id: ids.next(), card: id, time: time,
                                          action: .reschedule, scheduler: name, after: next))
        }
        return plan
    }
}

/// The switch's table of cards, fed the log's records in log order: for each card its state
/// under the new scheduler so far, and the state to restore when it was last under that one.
struct SwitchReplay {
    /// One card's replay after some of its records.
    struct Step {
        /// Its non-practice answers so far through the new scheduler, and how many.
        var state: SchedulerState?
        var answers = 0
        /// The state it last had under the new scheduler when no answer came after it.
        var restore: Restore?
    }

    /// What a restore brings back of a card's progress under the new scheduler.
    struct Restore {
        var state: SchedulerState?
        var due: EpochSeconds
        var repeatPending: Bool
    }

    struct Track {
        var now = Step()
        /// Before the card's latest record (`latest`), so that an undo of it is applied at once.
        var before: Step?
        var latest: RecordID = ""
    }

    let reviewers: Reviewers
    let name: String
    /// Known in advance on a second pass: every record an undo takes back (left out).
    let knownUndone: Set<RecordID>?
    private(set) var cards: [CardID: Track] = [:]
    /// Every record an undo takes back, as seen so far.
    private(set) var undone = Set<RecordID>()
    /// An undo took back a record that was not its card's latest: only a second pass is exact.
    private(set) var needsSecondPass = false

    init(to plan: SchedulerSwitch, undone: Set<RecordID>?, cardCount: Int) {
        reviewers = plan.reviewers
        name = plan.reviewer.scheduler.name
        knownUndone = undone
        cards.reserveCapacity(cardCount)
    }

    mutating func add(_ record: LogRecord) {
        if let knownUndone {
            guard !knownUndone.contains(record.id) else { return }
        } else if case let .undo(target) = record.action {
            undone.insert(target)
            takeBack(target, card: record.card)
        }
        Self.apply(record, to: &cards[record.card, default: Track()], name: name, reviewers: reviewers)
    }

    private mutating func takeBack(_ target: RecordID, card: CardID) {
        guard var track = cards[card], track.latest == target, let before = track.before else {
            needsSecondPass = true
            return
        }
        (track.now, track.before, track.latest) = (before, nil, "")
        cards[card] = track
    }

    /// One record of the card, in log order, as the replay and the restoring rule take it
    /// (in place in the table: a card's entry is neither copied nor hashed twice).
    private static func apply(_ record: LogRecord, to track: inout Track, name: String, reviewers: Reviewers) {
        track.before = track.now
        track.latest = record.id
        if record.after.state?.schedulerName == name {
            track.now.restore = Restore(state: record.after.state, due: record.after.due, repeatPending: record.after.repeatPending)
        } else if case .answer = record.action {
            track.now.restore = nil
        }
        guard case let .answer(grade, kind, _) = record.action, kind != .practice else { return }
        let scheduler = reviewers[record.card].scheduler
        track.now.state = scheduler.review(track.now.state, rating: scheduler.rating(for: grade), at: record.time,
                                           card: record.card.rawValue)
        track.now.answers += 1
    }
}
