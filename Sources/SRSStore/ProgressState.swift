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

    /// Every field a state object may hold, as read; `progress(scheduler:)` builds the state.
    struct Fields {
        var ints: [String: Int64] = [:]
        var doubles: [String: Double] = [:]
        var names: [String: String] = [:]
        var p = CardProgress()
    }

    static let intKeys: Set<String> = ["due", "interval", "repetitions", "lapses", "left", "ivl", "ease", "due_day",
                                       "reps", "step", "last_review"]
    static let doubleKeys: Set<String> = ["easiness", "stability", "difficulty"]
    static let nameKeys: Set<String> = ["type", "queue", "fsrs"]

    /// Reads a state object produced by `scheduler` ("sm2", "anki" or "fsrs").
    static func read(_ reader: inout JSONReader, scheduler: String) throws -> CardProgress {
        var f = Fields()
        try reader.readObject { r, key in
            switch key {
            case "first": f.p.firstReview = try r.readInt()
            case "last": f.p.lastReview = try r.readInt()
            case "repeat": f.p.repeatPending = try r.readBool()
            case "suspended": f.p.suspended = try r.readBool()
            case "leech": f.p.leech = try r.readBool()
            case "buried_until": f.p.buriedUntil = try r.readInt()
            case _ where intKeys.contains(key): f.ints[key] = try r.readInt()
            case _ where doubleKeys.contains(key): f.doubles[key] = try r.readDouble()
            case _ where nameKeys.contains(key): f.names[key] = try r.readString()
            default: try r.skipValue()
            }
        }
        guard !f.ints.isEmpty || !f.doubles.isEmpty || !f.names.isEmpty else { return f.p.pinned }
        guard let due = f.ints["due"] else { throw reader.error("a state without due") }
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

    private static func sm2(_ f: Fields, due: Int64, _ reader: JSONReader) throws -> Memory {
        guard let interval = f.ints["interval"], let easiness = f.doubles["easiness"], let reps = f.ints["repetitions"],
              let lapses = f.ints["lapses"] else {
            throw reader.error("a state with only some of due, interval, easiness, repetitions, lapses")
        }
        return Memory(intervalDays: Int(interval), due: due, easiness: easiness, repetitions: Int(reps), lapses: Int(lapses))
    }

    private static func anki(_ f: Fields, due: Int64, _ reader: JSONReader) throws -> AnkiCard {
        guard let kind = f.names["type"].flatMap({ ankiKinds.firstIndex(of: $0) }).flatMap(AnkiCard.Kind.init),
              let queue = f.names["queue"].flatMap({ ankiQueues.firstIndex(of: $0) }).flatMap(AnkiCard.Queue.init),
              let left = f.ints["left"], let ivl = f.ints["ivl"], let ease = f.ints["ease"],
              let reps = f.ints["reps"], let lapses = f.ints["lapses"] else {
            throw reader.error("an anki state needs type (new, learning, review, relearning), queue (new, learn, review, day_learn), left, ivl, ease, reps and lapses")
        }
        let when: AnkiCard.Due = f.ints["due_day"].map { .day(Int(clamping: $0)) } ?? .time(due)
        return AnkiCard(kind: kind, queue: queue, remainingSteps: Int(clamping: left), intervalDays: Int(clamping: ivl),
                        easePermille: Int(clamping: ease), due: when, reps: Int(clamping: reps), lapses: Int(clamping: lapses))
    }

    private static func fsrs(_ f: Fields, due: Int64, _ reader: JSONReader) throws -> FSRSCard {
        guard let state = f.names["fsrs"].flatMap({ fsrsStates.firstIndex(of: $0) }).flatMap(FSRSCard.State.init),
              let reps = f.ints["reps"], let lapses = f.ints["lapses"] else {
            throw reader.error("an fsrs state needs fsrs (learning, review, relearning), reps and lapses")
        }
        return FSRSCard(state: state, step: f.ints["step"].map { Int(clamping: $0) }, stability: f.doubles["stability"],
                        difficulty: f.doubles["difficulty"], due: due, lastReview: f.ints["last_review"],
                        reps: Int(clamping: reps), lapses: Int(clamping: lapses))
    }
}
