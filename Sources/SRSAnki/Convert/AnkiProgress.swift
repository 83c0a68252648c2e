import SRSCore

/// One Anki card's history and state in srs's terms: its revlog as log records (numbered 0:
/// the store numbers them when it appends) and its progress as Anki holds it.
public struct ImportedCard: Equatable, Sendable {
    public var card: CardID
    /// Answers (`anki-<revlog id>-<card id>` ids) and manual reschedules, oldest first.
    public var records: [LogRecord]
    /// The card's state, suspension and burying as the package holds them.
    public var progress: CardProgress
}

/// The revlog and the `cards` rows of a collection as srs progress (`docs/anki-import.md`,
/// "History and state"). Pure: the time of the import is an argument.
public struct AnkiProgress: Sendable {
    public let schedule: AnkiSchedule
    let cards: [AnkiCard]
    /// Each card's position in `cards`.
    let rows: [Int64: Int32]
    let revlog: [AnkiReview]
    /// Each card's revlog rows, as positions in `revlog` (oldest first): `order[span]` of the
    /// card's span. One list for all the cards, not a list per card (100,000 small allocations).
    let order: [Int32]
    let spans: [Int64: Span]

    struct Span {
        var start: Int32
        var count: Int32
    }
    let leeches: Set<Int64>

    public init(_ collection: AnkiCollection, schedule: AnkiSchedule) {
        self.schedule = schedule
        cards = collection.cards
        var rows: [Int64: Int32] = [:]
        rows.reserveCapacity(cards.count)
        for (index, card) in cards.enumerated() where rows[card.id] == nil { rows[card.id] = Int32(index) }
        self.rows = rows
        revlog = collection.revlog
        // Counted, then each card given its place, then filled in revlog order.
        var spans: [Int64: Span] = [:]
        spans.reserveCapacity(cards.count)
        for review in revlog { spans[review.card, default: Span(start: 0, count: 0)].count += 1 }
        var next: Int32 = 0
        for index in spans.values.indices {
            let count = spans.values[index].count
            spans.values[index] = Span(start: next, count: 0)
            next += count
        }
        var order = [Int32](repeating: 0, count: revlog.count)
        for (index, review) in revlog.enumerated() {
            guard let span = spans[review.card] else { continue }
            order[Int(span.start + span.count)] = Int32(index)
            spans[review.card]?.count += 1
        }
        self.order = order
        self.spans = spans
        let leechNotes = Set(collection.notes.filter { $0.tags.contains { $0.lowercased() == "leech" } }.map(\.id))
        leeches = Set(collection.cards.filter { leechNotes.contains($0.note) }.map(\.id))
    }

    /// The history and state of `converted`, imported at `now` (a buried card stays buried
    /// until the next study day after it).
    public func card(_ converted: ConvertedCard, at now: EpochSeconds) -> ImportedCard {
        card(converted.link, at: now)
    }

    public func card(_ converted: ConvertedCard.Link, at now: EpochSeconds) -> ImportedCard {
        let id = converted.card
        let history = records(of: converted.ankiCard, card: id)
        var progress = CardProgress()
        if let row = rows[converted.ankiCard] { progress = state(of: cards[Int(row)], history: history) }
        switch converted.queue {
        case -1: progress.suspended = true
        case -2, -3: progress.buriedUntil = DayClock(timeZone: schedule.days.timeZone, rolloverHour: schedule.rolloverHour).nextDayStart(after: now)
        default: break
        }
        progress.leech = leeches.contains(converted.ankiCard)
        return ImportedCard(card: id, records: history, progress: progress)
    }

    /// The card's revlog rows, as positions in `revlog`, oldest first.
    func reviews(of ankiCard: Int64) -> ArraySlice<Int32> {
        guard let span = spans[ankiCard] else { return [] }
        return order[Int(span.start)..<Int(span.start + span.count)]
    }

    /// The record id of a revlog row: the same on every export of the collection.
    public static func recordID(_ review: AnkiReview) -> RecordID { "anki-\(review.id)-\(review.card)" }

    // MARK: the card's row

    /// The row's scheduling state (a new card has none), with the first and last review times
    /// of its history.
    func state(of row: AnkiCard, history: [LogRecord]) -> CardProgress {
        let answers = history.filter { if case .answer = $0.action { return true } else { return false } }
        var progress = CardProgress()
        if let state = schedulerState(row) {
            progress = CardProgress(state: state, due: due(of: state))
        }
        progress.firstReview = answers.first?.time ?? 0
        progress.lastReview = answers.last?.time ?? 0
        return progress
    }

    func schedulerState(_ row: AnkiCard) -> SchedulerState? {
        guard let anki = ankiState(row) else { return nil }
        guard schedule.scheduler == "fsrs" else { return .anki(anki) }
        // A review with no memory state (a due date set by hand on a new card): S the interval, D the middle.
        let noMemory = anki.kind == .review ? (Double(max(anki.intervalDays, 1)), 5.0) : nil
        guard let (s, d) = row.data.stability.flatMap({ s in row.data.difficulty.map { (s, $0) } }) ?? noMemory else { return .anki(anki) }
        let steps = schedule.preset(of: row).fsrs
        let state: FSRSCard.State = anki.kind == .review ? .review : anki.kind == .relearning ? .relearning : .learning
        let count = (state == .relearning ? steps.relearningSteps : steps.learningSteps).count
        let lastAnswer = reviews(of: row.id).lazy.map { revlog[Int($0)] }.last { $0.ease > 0 }.map { $0.id / 1000 }
        return .fsrs(FSRSCard(state: state, step: state == .review ? nil : max(0, count - anki.remainingSteps),
                              stability: s, difficulty: d, due: ankiScheduler.dueTime(anki),
                              lastReview: row.data.lastReview ?? lastAnswer, reps: row.reps, lapses: row.lapses))
    }

    /// Anki's `cards` row as srs's `anki` state; nil for a new card.
    func ankiState(_ row: AnkiCard) -> SRSCore.AnkiCard? {
        guard let kind = SRSCore.AnkiCard.Kind(rawValue: row.type), kind != .new else { return nil }
        let rawDue = row.originalDeck != 0 && row.originalDue != 0 ? row.originalDue : row.due
        let queue: SRSCore.AnkiCard.Queue
        switch row.queue {
        case 1: queue = .learn
        case 3: queue = .dayLearn
        case 2: queue = .review
        default: queue = kind == .review ? .review : rawDue > 1_000_000_000 ? .learn : .dayLearn
        }
        let due: SRSCore.AnkiCard.Due = queue == .learn ? .time(rawDue) : .day(schedule.srsDay(rawDue))
        return SRSCore.AnkiCard(kind: kind, queue: queue, remainingSteps: row.left % 1000, intervalDays: row.interval,
                                easePermille: row.factor, due: due, reps: row.reps, lapses: row.lapses).pinned
    }

    var ankiScheduler: AnkiScheduler { AnkiScheduler(days: schedule.days, fuzz: false) }

    func due(of state: SchedulerState) -> EpochSeconds {
        switch state {
        case let .anki(card): return ankiScheduler.dueTime(card)
        case let .fsrs(card): return card.due
        case let .sm2(memory): return memory.due
        }
    }

    // MARK: the revlog

    /// The card's revlog rows as records: answers with the grade, kind and time taken; a
    /// manual or FSRS reschedule (button 0) as a reschedule. The state after each is the one the
    /// row records (interval and ease), in `anki`'s form; the card's current state comes after.
    func records(of ankiCard: Int64, card: CardID) -> [LogRecord] {
        var out: [LogRecord] = []
        var reps = 0, lapses = 0, first: EpochSeconds = 0
        for index in reviews(of: ankiCard) {
            let review = revlog[Int(index)]
            let time = Saturating.floorDiv(review.id, 1000)
            let grade = Grade(rawValue: review.ease)
            if grade != nil {
                reps += 1
                if review.type == 1 && review.ease == 1 { lapses += 1 }
                if first == 0 { first = time }
            }
            var after = CardProgress()
            if let state = state(after: review, at: time, reps: reps, lapses: lapses) {
                after = CardProgress(state: .anki(state), due: ankiScheduler.dueTime(state), firstReview: first, lastReview: time)
            }
            let action: LogAction
            if let grade {
                action = .answer(grade: grade, kind: Self.kind(review), answerMillis: min(max(review.time, 0), 60_000))
            } else {
                action = .reschedule
            }
            out.append(LogRecord(seq: 0, id: Self.recordID(review), card: card, time: time, action: action,
                                 scheduler: "anki", after: after))
        }
        return out
    }

    /// The state a revlog row records: a review interval in days (positive) or a step in
    /// seconds (negative); 0 with no button is a reset to new.
    func state(after review: AnkiReview, at time: EpochSeconds, reps: Int, lapses: Int) -> SRSCore.AnkiCard? {
        if review.interval > 0 {
            let days = Int(clamping: review.interval)
            return SRSCore.AnkiCard(kind: .review, queue: .review, remainingSteps: 0, intervalDays: days,
                                    easePermille: review.factor, due: .day(schedule.days.today(at: time) + days),
                                    reps: reps, lapses: lapses).pinned
        }
        if review.interval < 0 {
            let relearning = review.type == 2 || (review.type == 1 && review.ease == 1)
            return SRSCore.AnkiCard(kind: relearning ? .relearning : .learning, queue: .learn, remainingSteps: 0,
                                    intervalDays: 0, easePermille: relearning ? review.factor : 0,
                                    due: .time(Saturating.add(time, -review.interval)), reps: reps, lapses: lapses).pinned
        }
        return nil
    }

    /// srs's kind of a revlog row: type 0 learn, 1 review, 2 relearn, 3 filtered: an early
    /// review in a filtered deck, or with no ease (a filtered deck that does not reschedule,
    /// Anki's cramming) practice, which leaves the schedule as it was.
    static func kind(_ review: AnkiReview) -> ReviewKind {
        switch review.type {
        case 0: return .learn
        case 2: return .relearn
        case 3: return review.factor == 0 ? .practice : .filtered
        default: return .review
        }
    }
}
