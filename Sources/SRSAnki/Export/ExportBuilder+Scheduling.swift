import SRSCore

/// The scheduling columns of Anki's `cards` and `revlog` rows from srs's card states.
extension ExportBuilder {
    /// The Anki card of one srs card: new (due at its position) without progress, else its
    /// state as Anki holds it; suspended and buried cards keep their queue.
    func card(id: Int64, note: Int64, ord: Int, deck: Int64, progress: CardProgress?) -> AnkiCard {
        var card = AnkiCard(id: id, note: note, ord: ord, deck: deck, type: 0, queue: 0, due: Int64(cards.count + 1),
                            interval: 0, factor: 0, reps: 0, lapses: 0, left: 0, originalDue: 0, originalDeck: 0,
                            data: AnkiCardData())
        guard let progress else { return card }
        if let state = progress.state { schedule(&card, state, progress) }
        if progress.suspended {
            card.queue = -1
        } else if progress.buriedUntil > now {
            card.queue = -3
        }
        return card
    }

    private func schedule(_ card: inout AnkiCard, _ state: SchedulerState, _ progress: CardProgress) {
        card.reps = state.reps
        card.lapses = state.lapses
        if progress.lastReview > 0 { card.data.lastReview = Int64(progress.lastReview) }
        switch state {
        case let .anki(anki):
            card.type = anki.kind.rawValue
            card.queue = anki.queue.rawValue
            card.interval = anki.intervalDays
            card.factor = anki.easePermille
            card.left = anki.remainingSteps
            switch anki.due {
            case .time(let time): card.due = Int64(time)
            case .day(let day): card.due = Self.difference(day, firstDay)
            }
        case let .sm2(memory):
            card.type = 2
            card.queue = 2
            card.due = dueDay(memory.due)
            card.interval = max(memory.intervalDays, 1)
            card.factor = Self.permille(memory.easiness)
        case let .fsrs(fsrs):
            fsrsColumns(&card, fsrs)
        }
    }

    /// FSRS's states as Anki keeps them: review cards by day, (re)learning steps by the moment
    /// they are due, or by day once that is after today; the memory in `data`.
    private func fsrsColumns(_ card: inout AnkiCard, _ fsrs: FSRSCard) {
        card.type = fsrs.state.rawValue
        card.factor = 2500
        card.data.stability = fsrs.stability
        card.data.difficulty = fsrs.difficulty
        let dueToday = days.today(at: fsrs.due)
        if fsrs.state == .review {
            card.queue = 2
            card.due = dueDay(fsrs.due)
            // Study days from the last review to the due day, as Anki counts them: a card imported
            // from Anki is due at the start of its day, not a whole number of 24 hours after.
            let elapsed = fsrs.lastReview.map { dueToday - days.today(at: $0) } ?? fsrs.intervalDays
            card.interval = max(elapsed ?? 1, 1)
        } else if dueToday > days.today(at: now) {
            card.queue = 3
            card.due = dueDay(fsrs.due)
            card.left = 1
        } else {
            card.queue = 1
            card.due = Int64(fsrs.due)
            card.left = 1
        }
    }

    /// The collection's day number of the study day holding `time`.
    func dueDay(_ time: EpochSeconds) -> Int64 { Self.difference(days.today(at: time), firstDay) }

    /// `day - first`, the nearest whole number when a day read from a crafted log is beyond it.
    static func difference(_ day: Int, _ first: Int) -> Int64 {
        Int64(Saturating.subtract(EpochSeconds(day), EpochSeconds(first)))
    }

    /// One revlog row an answer, in time order. An answer imported from Anki keeps its row's id;
    /// the others' ids are the answer's milliseconds, made unique (two answers in one second are
    /// a millisecond apart, and none takes an Anki row's id). Answers to cards not exported are left out.
    mutating func addRevlog(_ answers: [AnkiExport.Answer]) {
        let exported = answers.filter { cardIDs[$0.card] != nil }.sorted { $0.time < $1.time }
        var taken = Set(exported.compactMap(\.ankiRevlogID))
        var previous = Int64.min
        revlog.reserveCapacity(exported.count)
        for answer in exported {
            guard let card = cardIDs[answer.card] else { continue }
            var id: Int64
            if let kept = answer.ankiRevlogID {
                id = kept
            } else {
                id = max(Int64(answer.time) * 1000, previous + 1)
                while !taken.insert(id).inserted { id += 1 }
                previous = id
            }
            revlog.append(AnkiReview(
                id: id, card: card, ease: answer.grade.rawValue, interval: answer.revlogInterval,
                lastInterval: answer.revlogLastInterval, factor: answer.revlogFactor,
                time: min(max(answer.millis, 0), 60_000), type: answer.revlogType))
        }
    }

    /// Anki's revlog interval: days for a card in review, minus the seconds of its step (from
    /// its answer to its due moment) while it is (re)learning.
    static func interval(_ progress: CardProgress) -> Int64 {
        if progress.isLearning { return -Int64(min(max(progress.due - progress.lastReview, 1), 86_400 * 365)) }
        return Int64(progress.intervalDays ?? 0)
    }

    /// `value` in permille, rounded, held within Anki's 32-bit column (NaN as 0): a state read
    /// from a crafted log (an easiness of 1e300) cannot trap.
    static func permille(_ value: Double) -> Int {
        let scaled = (value * 1000).rounded()
        return scaled.isNaN ? 0 : Saturating.int(scaled, in: Int(Int32.min)...Int(Int32.max))
    }

    /// The ease after the answer in permille (FSRS: Anki's difficulty, 0–1000).
    static func factor(_ state: SchedulerState?) -> Int {
        switch state {
        case let .anki(card)?: return card.easePermille
        case let .sm2(memory)?: return permille(memory.easiness)
        case let .fsrs(card)?: return card.difficulty.map { permille(($0 - 1) / 9) } ?? 0
        case nil: return 0
        }
    }

    /// Anki's revlog type: 0 learn (a new or learning card), 1 review, 2 relearn, 3 practice
    /// ahead of schedule and same-day repeats (Anki's filtered-deck kind, which leaves the memory).
    static func reviewType(_ kind: ReviewKind, before: CardProgress?) -> Int {
        switch kind {
        case .practice, .repeat, .filtered: return 3
        case .learn: return 0
        case .relearn: return 2
        case .review:
            switch before?.state {
            case let .anki(card)?: return card.kind == .relearning ? 2 : (card.kind == .review ? 1 : 0)
            case let .fsrs(card)?: return card.state == .relearning ? 2 : (card.state == .review ? 1 : 0)
            case .sm2?: return 1
            case nil: return 0
            }
        }
    }
}
