import SRSCore
import SRSJSON

/// The JSON forms of progress: review-log records (one line each) and snapshot rows.
/// Documented in `docs/progress-format.md`; any change here is a format change.
enum ProgressFormat {
    static let logFormat = "srs-review-log"
    static let snapshotFormat = "srs-progress"
    /// The format version this build writes and the newest it reads. Version 1 (records
    /// numbered by `seq`, SM-2 states only) is read forever and upgraded by a writing command.
    static let version = 2
    static let logHeader = JSONText.object([("format", .string(logFormat)), ("version", .int(version))]).compact + "\n"

    /// Flags in a snapshot row.
    static let repeatFlag = 1, suspendedFlag = 2, leechFlag = 4

    // MARK: writing

    /// One review-log line, newline included. The log and the snapshot are written with
    /// `JSONText`'s primitives (quoting, numbers) rather than as `JSONText` trees: they are
    /// written in bulk (a whole history, 100,000 rows), where the tree takes twice as long.
    static func line(_ record: LogRecord) -> String {
        var out = ""
        out.reserveCapacity(384) // a line with an Anki or FSRS state, without regrowing
        out += "{\"id\":"
        JSONText.quote(record.id, into: &out)
        out += ",\"card\":"
        JSONText.quote(record.card.rawValue, into: &out)
        out += ",\"at\":\(record.time),"
        switch record.action {
        case let .answer(grade, kind, millis):
            out += "\"do\":\"answer\",\"grade\":\"\(gradeName(grade))\",\"kind\":\"\(kind.rawValue)\",\"ms\":\(millis),"
        case let .undo(undoes):
            out += "\"do\":\"undo\",\"undoes\":"
            JSONText.quote(undoes, into: &out)
            out += ","
        case .bury: out += "\"do\":\"bury\","
        case .suspend: out += "\"do\":\"suspend\","
        case .unsuspend: out += "\"do\":\"unsuspend\","
        case .reschedule: out += "\"do\":\"reschedule\","
        case .imported: out += "\"do\":\"import\","
        }
        out += "\"scheduler\":"
        JSONText.quote(record.scheduler, into: &out)
        out += ",\"state\":"
        state(record.after, into: &out)
        out += "}\n"
        return out
    }

    /// A card's state as an object (`ProgressState`).
    static func state(_ p: CardProgress, into out: inout String) { ProgressState.write(p, into: &out) }

    /// One snapshot row: `[card, due, interval, easiness, repetitions, lapses, first, last, flags, buried_until]`
    /// for classic SM-2 and new cards; a state of another scheduler has nulls for the SM-2
    /// columns and its state object (with `scheduler`) as an eleventh column.
    static func row(_ id: CardID, _ p: CardProgress, into out: inout String) {
        if let state = p.state, p.memory == nil {
            out += "["
            JSONText.quote(id.rawValue, into: &out)
            let flags = (p.repeatPending ? repeatFlag : 0) | (p.suspended ? suspendedFlag : 0) | (p.leech ? leechFlag : 0)
            out += ",null,null,null,null,null,\(p.firstReview),\(p.lastReview),\(flags),\(p.buriedUntil),{\"scheduler\":\"\(state.schedulerName)\",\"state\":"
            ProgressState.write(p, into: &out)
            out += "}]"
            return
        }
        out += "["
        JSONText.quote(id.rawValue, into: &out)
        if let m = p.memory {
            out += ",\(m.due),\(m.intervalDays),\(JSONText.shortest(m.easiness)),\(m.repetitions),\(m.lapses),"
        } else {
            out += ",null,null,null,null,null,"
        }
        let flags = (p.repeatPending ? repeatFlag : 0) | (p.suspended ? suspendedFlag : 0) | (p.leech ? leechFlag : 0)
        out += "\(p.firstReview),\(p.lastReview),\(flags),\(p.buriedUntil)]"
    }

    static let snapshotColumns = ["card", "due", "interval", "easiness", "repetitions", "lapses", "first", "last", "flags", "buried_until"]

    static func gradeName(_ grade: Grade) -> String { grade.name.lowercased() }

    // MARK: reading

    /// Reads one log record (an object) from `reader`: version 2 (`id`) or version 1 (`seq`,
    /// which must be `position`; its id is `RecordIDs.v1(seq:)`).
    static func readRecord(_ reader: inout JSONReader, position: Int) throws -> LogRecord {
        var seq: Int64?, id: String?, card: String?, at: Int64?, action: String?, grade: Grade?, kind: ReviewKind?
        var millis: Int64 = 0, undoes: RecordID?, scheduler = "sm2", stateStart: JSONReader?
        // srs writes the scheduler before the state, which is then read at once; otherwise after.
        var schedulerRead = false, read: (state: CardProgress, scheduler: String)?
        try reader.readObject(keys: recordKeys) { r, key in
            switch key.map({ recordKeyList[$0] }) {
            case .seq: seq = try r.readInt()
            case .id: id = try r.readString()
            case .card: card = try r.readString()
            case .at: at = ISOTime.pinned(try r.readInt())
            case .do: action = try r.readString()
            case .grade:
                let start = r
                grade = try r.readString(matching: gradeNames).map { gradeList[$0] }
                if grade == nil { throw r.error("unknown grade \"\(text(at: start))\" (again, hard, good or easy)") }
            case .kind:
                let start = r
                kind = try r.readString(matching: kindNames).map { kindList[$0] }
                if kind == nil { throw r.error("unknown kind \"\(text(at: start))\"") }
            case .ms: millis = try r.readInt()
            case .undoes: undoes = try r.peek() == UInt8(ascii: "\"") ? r.readString() : RecordIDs.v1(seq: Int(try r.readInt()))
            case .scheduler:
                scheduler = try r.readString()
                schedulerRead = true
            case .state:
                stateStart = r
                read = try readAtOnce(&r, scheduler: schedulerRead ? scheduler : nil)
            case nil: try r.skipValue()
            }
        }
        guard var stateReader = stateStart, let card, let at, let action, seq != nil || id != nil else {
            throw reader.error("a record without id, card, at, do or state")
        }
        if let seq, seq != position {
            throw RecordNumberError(found: Int(seq), expected: position)
        }
        let after = try read.flatMap { $0.scheduler == scheduler ? $0.state : nil }
            ?? ProgressState.read(&stateReader, scheduler: scheduler)
        let logAction: LogAction
        switch action {
        case "answer":
            guard let grade, let kind else { throw reader.error("an answer without grade or kind") }
            logAction = .answer(grade: grade, kind: kind, answerMillis: Int(millis))
        case "undo":
            guard let undoes else { throw reader.error("an undo without undoes") }
            logAction = .undo(undoes: undoes)
        case "bury": logAction = .bury
        case "suspend": logAction = .suspend
        case "unsuspend": logAction = .unsuspend
        case "reschedule": logAction = .reschedule
        case "import": logAction = .imported
        default: throw reader.error("unknown action \"\(action)\"")
        }
        return LogRecord(seq: position, id: id ?? RecordIDs.v1(seq: position), card: CardID(card), time: at,
                         action: logAction, scheduler: scheduler, after: after)
    }

    /// The state object at `reader` read as `scheduler`'s (nil: not known yet), or nil when it
    /// is not one; either way `reader` ends past it. A state that does not read is read again
    /// after the whole record or column, so that its error is the one srs has always given.
    private static func readAtOnce(_ reader: inout JSONReader, scheduler: String?) throws -> (state: CardProgress, scheduler: String)? {
        var probe = reader
        guard let scheduler, let state = try? ProgressState.read(&probe, scheduler: scheduler) else {
            try reader.skipValue()
            return nil
        }
        reader = probe
        return (state, scheduler)
    }

    /// The string `reader` is at, for a message.
    private static func text(at reader: JSONReader) -> String {
        var again = reader
        return (try? again.readString()) ?? ""
    }

    /// The keys of a log record.
    enum RecordKey: String, CaseIterable {
        case seq, id, card, at, `do`, grade, kind, ms, undoes, scheduler, state
    }

    static let recordKeyList = RecordKey.allCases
    static let recordKeys = JSONReader.Names(recordKeyList.map(\.rawValue))
    static let gradeList = Grade.allCases
    static let gradeNames = JSONReader.Names(gradeList.map(gradeName))
    static let kindList = ReviewKind.allCases
    static let kindNames = JSONReader.Names(kindList.map(\.rawValue))

    /// A version-1 record numbered out of order.
    struct RecordNumberError: Error {
        let found: Int, expected: Int
    }

    /// Reads one snapshot row.
    static func readRow(_ reader: inout JSONReader) throws -> (CardID, CardProgress) {
        try reader.expect(UInt8(ascii: "["))
        let id = CardID(try reader.readString())
        try reader.expect(UInt8(ascii: ","))
        var p = CardProgress()
        if reader.consumeNull() {
            for _ in 0..<4 {
                try reader.expect(UInt8(ascii: ","))
                guard reader.consumeNull() else { throw reader.error("expected null (a card never reviewed)") }
            }
        } else {
            let due = try reader.readInt()
            try reader.expect(UInt8(ascii: ","))
            let interval = try reader.readInt()
            try reader.expect(UInt8(ascii: ","))
            let easiness = try reader.readDouble()
            try reader.expect(UInt8(ascii: ","))
            let reps = try reader.readInt()
            try reader.expect(UInt8(ascii: ","))
            let lapses = try reader.readInt()
            p = CardProgress(memory: Memory(intervalDays: Int(interval), due: due, easiness: easiness,
                                            repetitions: Int(reps), lapses: Int(lapses)))
        }
        try reader.expect(UInt8(ascii: ","))
        p.firstReview = try reader.readInt()
        try reader.expect(UInt8(ascii: ","))
        p.lastReview = try reader.readInt()
        try reader.expect(UInt8(ascii: ","))
        let flags = Int(try reader.readInt())
        p.repeatPending = flags & repeatFlag != 0
        p.suspended = flags & suspendedFlag != 0
        p.leech = flags & leechFlag != 0
        try reader.expect(UInt8(ascii: ","))
        p.buriedUntil = try reader.readInt()
        if reader.peek() == UInt8(ascii: ",") {
            try reader.expect(UInt8(ascii: ","))
            p = try readStateColumn(&reader, flags: p)
        }
        try reader.expect(UInt8(ascii: "]"))
        return (id, p.pinned)
    }

    /// A snapshot row's eleventh column: `{"scheduler": …, "state": {…}}`. srs writes the
    /// scheduler first, so the state is read once; in the other order it is read after.
    static func readStateColumn(_ reader: inout JSONReader, flags: CardProgress) throws -> CardProgress {
        var scheduler: String?, read: (state: CardProgress, scheduler: String)?, stateStart: JSONReader?
        try reader.readObject(keys: stateColumnKeys) { r, key in
            switch key {
            case 0: scheduler = try r.readString()
            case 1:
                stateStart = r
                read = try readAtOnce(&r, scheduler: scheduler)
            default: try r.skipValue()
            }
        }
        if let read, read.scheduler == scheduler { return read.state }
        guard var stateReader = stateStart else { throw reader.error("a state column without state") }
        return try ProgressState.read(&stateReader, scheduler: scheduler ?? "sm2")
    }

    static let stateColumnKeys = JSONReader.Names(["scheduler", "state"])
}
