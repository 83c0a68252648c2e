import SRSCore
import SRSJSON

/// A card's state as a JSON object, in the log's `state` and the snapshot's last column:
/// the fields every card has (`due`, `first`, `last`, flags) and the scheduler's own state.
/// Documented in `docs/progress-format.md`.
enum ProgressState {
    static let ankiKinds = ["new", "learning", "review", "relearning"]
    static let ankiQueues = ["new", "learn", "review", "day_learn"]
    static let fsrsStates = ["", "learning", "review", "relearning"]

    // MARK: writing

    /// The object; fields of a never-reviewed card are left out, flags only when set. Written
    /// straight into `out` (a log of a million records is written in one go by an import).
    static func write(_ p: CardProgress, into out: inout String) {
        out += "{"
        var first = true
        func field(_ text: String) {
            if !first { out += "," }
            out += text
            first = false
        }
        switch p.state {
        case let .sm2(m)?:
            field("\"due\":\(m.due),\"interval\":\(m.intervalDays),\"easiness\":\(JSONText.shortest(m.easiness)),\"repetitions\":\(m.repetitions),\"lapses\":\(m.lapses)")
        case let .anki(c)?:
            field("\"due\":\(p.due),\"type\":\"\(ankiKinds[c.kind.rawValue])\",\"queue\":\"\(ankiQueues[c.queue.rawValue])\",\"left\":\(c.remainingSteps),\"ivl\":\(c.intervalDays),\"ease\":\(c.easePermille)")
            if case let .day(day) = c.due { field("\"due_day\":\(day)") }
            field("\"reps\":\(c.reps),\"lapses\":\(c.lapses)")
        case let .fsrs(c)?:
            field("\"due\":\(c.due),\"fsrs\":\"\(fsrsStates[c.state.rawValue])\"")
            if let step = c.step { field("\"step\":\(step)") }
            if let s = c.stability { field("\"stability\":\(JSONText.shortest(s))") }
            if let d = c.difficulty { field("\"difficulty\":\(JSONText.shortest(d))") }
            if let last = c.lastReview { field("\"last_review\":\(last)") }
            field("\"reps\":\(c.reps),\"lapses\":\(c.lapses)")
        case nil:
            break
        }
        if p.state != nil {
            field("\"first\":\(p.firstReview),\"last\":\(p.lastReview)")
        } else if p.lastReview != 0 {
            field("\"last\":\(p.lastReview)")
        }
        if p.repeatPending { field("\"repeat\":true") }
        if p.suspended { field("\"suspended\":true") }
        if p.leech { field("\"leech\":true") }
        if p.buriedUntil != 0 { field("\"buried_until\":\(p.buriedUntil)") }
        out += "}"
    }

    // MARK: reading

    /// Every field a state object may hold, as read; `read` builds the state from them.
    struct Fields {
        var due, interval, repetitions, lapses, left, ivl, ease, dueDay, reps, step, lastReview: Int64?
        var easiness, stability, difficulty: Double?
        var type, queue, fsrs: Int?
        /// Some field of a scheduler's state was read (else the card has flags only).
        var hasState = false
        var p = CardProgress()
    }

    /// The keys of a state object: the flags every card has, then its scheduler's fields.
    enum Key: String, CaseIterable {
        case first, last, `repeat`, suspended, leech, buriedUntil = "buried_until"
        case due, interval, repetitions, lapses, left, ivl, ease, dueDay = "due_day", reps, step, lastReview = "last_review"
        case easiness, stability, difficulty, type, queue, fsrs

        /// A field of a scheduler's state rather than a flag.
        var isState: Bool {
            switch self {
            case .first, .last, .repeat, .suspended, .leech, .buriedUntil: return false
            default: return true
            }
        }
    }

    static let keyList = Key.allCases
    static let keys = JSONReader.Names(keyList.map(\.rawValue))
    static let ankiKindNames = JSONReader.Names(ankiKinds)
    static let ankiQueueNames = JSONReader.Names(ankiQueues)
    static let fsrsStateNames = JSONReader.Names(fsrsStates)

    /// Reads a state object produced by `scheduler` ("sm2", "anki" or "fsrs").
    static func read(_ reader: inout JSONReader, scheduler: String) throws -> CardProgress {
        var f = Fields()
        try reader.readObject(keys: keys) { r, index in
            guard let index else { return try r.skipValue() }
            try read(keyList[index], &r, into: &f)
        }
        guard f.hasState else { return f.p.pinned }
        guard let due = f.due else { throw reader.error("a state without due") }
        let state: SchedulerState
        switch scheduler {
        case "anki": state = .anki(try anki(f, due: due, reader))
        case "fsrs": state = .fsrs(try fsrs(f, due: due, reader))
        default: state = .sm2(try sm2(f, due: due, reader))
        }
        var p = f.p
        p.state = state
        p.due = due
        return p.pinned
    }

    /// Reads the value of `key` into `f`.
    private static func read(_ key: Key, _ r: inout JSONReader, into f: inout Fields) throws {
        switch key {
        case .first: f.p.firstReview = try r.readInt()
        case .last: f.p.lastReview = try r.readInt()
        case .repeat: f.p.repeatPending = try r.readBool()
        case .suspended: f.p.suspended = try r.readBool()
        case .leech: f.p.leech = try r.readBool()
        case .buriedUntil: f.p.buriedUntil = try r.readInt()
        case .due: f.due = try r.readInt()
        case .interval: f.interval = try r.readInt()
        case .repetitions: f.repetitions = try r.readInt()
        case .lapses: f.lapses = try r.readInt()
        case .left: f.left = try r.readInt()
        case .ivl: f.ivl = try r.readInt()
        case .ease: f.ease = try r.readInt()
        case .dueDay: f.dueDay = try r.readInt()
        case .reps: f.reps = try r.readInt()
        case .step: f.step = try r.readInt()
        case .lastReview: f.lastReview = try r.readInt()
        case .easiness: f.easiness = try r.readDouble()
        case .stability: f.stability = try r.readDouble()
        case .difficulty: f.difficulty = try r.readDouble()
        case .type: f.type = try r.readString(matching: ankiKindNames) ?? -1
        case .queue: f.queue = try r.readString(matching: ankiQueueNames) ?? -1
        case .fsrs: f.fsrs = try r.readString(matching: fsrsStateNames) ?? -1
        }
        f.hasState = f.hasState || key.isState
    }

    private static func sm2(_ f: Fields, due: Int64, _ reader: JSONReader) throws -> Memory {
        guard let interval = f.interval, let easiness = f.easiness, let reps = f.repetitions, let lapses = f.lapses else {
            throw reader.error("a state with only some of due, interval, easiness, repetitions, lapses")
        }
        return Memory(intervalDays: Int(interval), due: due, easiness: easiness, repetitions: Int(reps), lapses: Int(lapses))
    }

    private static func anki(_ f: Fields, due: Int64, _ reader: JSONReader) throws -> AnkiCard {
        guard let kind = f.type.flatMap(AnkiCard.Kind.init), let queue = f.queue.flatMap(AnkiCard.Queue.init),
              let left = f.left, let ivl = f.ivl, let ease = f.ease, let reps = f.reps, let lapses = f.lapses else {
            throw reader.error("an anki state needs type (new, learning, review, relearning), queue (new, learn, review, day_learn), left, ivl, ease, reps and lapses")
        }
        let when: AnkiCard.Due = f.dueDay.map { .day(Int(clamping: $0)) } ?? .time(due)
        return AnkiCard(kind: kind, queue: queue, remainingSteps: Int(clamping: left), intervalDays: Int(clamping: ivl),
                        easePermille: Int(clamping: ease), due: when, reps: Int(clamping: reps), lapses: Int(clamping: lapses))
    }

    private static func fsrs(_ f: Fields, due: Int64, _ reader: JSONReader) throws -> FSRSCard {
        guard let state = f.fsrs.flatMap(FSRSCard.State.init), let reps = f.reps, let lapses = f.lapses else {
            throw reader.error("an fsrs state needs fsrs (learning, review, relearning), reps and lapses")
        }
        return FSRSCard(state: state, step: f.step.map { Int(clamping: $0) }, stability: f.stability,
                        difficulty: f.difficulty, due: due, lastReview: f.lastReview,
                        reps: Int(clamping: reps), lapses: Int(clamping: lapses))
    }
}
