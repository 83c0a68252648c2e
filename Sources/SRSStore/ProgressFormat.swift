import SRSCore
import SRSJSON

/// The JSON forms of progress: review-log records (one line each) and snapshot rows.
/// Documented in `docs/progress-format.md`; any change here is a format change.
enum ProgressFormat {
    static let logFormat = "srs-review-log"
    static let snapshotFormat = "srs-progress"
    /// The format version this build writes and the newest it reads.
    static let version = 1
    static let logHeader = JSONText.object([("format", .string(logFormat)), ("version", .int(version))]).compact + "\n"

    /// Flags in a snapshot row.
    static let repeatFlag = 1, suspendedFlag = 2

    // MARK: writing

    /// One review-log line, newline included. The log and the snapshot are written with
    /// `JSONText`'s primitives (quoting, numbers) rather than as `JSONText` trees: they are
    /// written in bulk (a whole history, 100,000 rows), where the tree takes twice as long.
    static func line(_ record: LogRecord) -> String {
        var out = "{\"seq\":\(record.seq),\"card\":"
        JSONText.quote(record.card.rawValue, into: &out)
        out += ",\"at\":\(record.time),"
        switch record.action {
        case let .answer(grade, kind, millis):
            out += "\"do\":\"answer\",\"grade\":\"\(gradeName(grade))\",\"kind\":\"\(kind.rawValue)\",\"ms\":\(millis),"
        case let .undo(undoes):
            out += "\"do\":\"undo\",\"undoes\":\(undoes),"
        case .bury: out += "\"do\":\"bury\","
        case .suspend: out += "\"do\":\"suspend\","
        case .unsuspend: out += "\"do\":\"unsuspend\","
        }
        out += "\"scheduler\":"
        JSONText.quote(record.scheduler, into: &out)
        out += ",\"state\":"
        state(record.after, into: &out)
        out += "}\n"
        return out
    }

    /// A card's state as an object; fields of a never-reviewed card are left out, flags only when set.
    static func state(_ p: CardProgress, into out: inout String) {
        var fields: [String] = []
        if let m = p.memory {
            fields.append("\"due\":\(m.due),\"interval\":\(m.intervalDays),\"easiness\":\(JSONText.shortest(m.easiness)),\"repetitions\":\(m.repetitions),\"lapses\":\(m.lapses),\"first\":\(p.firstReview),\"last\":\(p.lastReview)")
        } else if p.lastReview != 0 {
            fields.append("\"last\":\(p.lastReview)")
        }
        if p.repeatPending { fields.append("\"repeat\":true") }
        if p.suspended { fields.append("\"suspended\":true") }
        if p.buriedUntil != 0 { fields.append("\"buried_until\":\(p.buriedUntil)") }
        out += "{" + fields.joined(separator: ",") + "}"
    }

    /// One snapshot row: `[card, due, interval, easiness, repetitions, lapses, first, last, flags, buried_until]`.
    static func row(_ id: CardID, _ p: CardProgress, into out: inout String) {
        out += "["
        JSONText.quote(id.rawValue, into: &out)
        if let m = p.memory {
            out += ",\(m.due),\(m.intervalDays),\(JSONText.shortest(m.easiness)),\(m.repetitions),\(m.lapses),"
        } else {
            out += ",null,null,null,null,null,"
        }
        let flags = (p.repeatPending ? repeatFlag : 0) | (p.suspended ? suspendedFlag : 0)
        out += "\(p.firstReview),\(p.lastReview),\(flags),\(p.buriedUntil)]"
    }

    static let snapshotColumns = ["card", "due", "interval", "easiness", "repetitions", "lapses", "first", "last", "flags", "buried_until"]

    static func gradeName(_ grade: Grade) -> String { grade.name.lowercased() }

    // MARK: reading

    /// Reads one log record (an object) from `reader`.
    static func readRecord(_ reader: inout JSONReader) throws -> LogRecord {
        var seq: Int64?, card: String?, at: Int64?, action: String?, grade: Grade?, kind: ReviewKind?
        var millis: Int64 = 0, undoes: Int64?, scheduler = "sm2", after: CardProgress?
        try reader.readObject { r, key in
            switch key {
            case "seq": seq = try r.readInt()
            case "card": card = try r.readString()
            case "at": at = ISOTime.pinned(try r.readInt())
            case "do": action = try r.readString()
            case "grade":
                let name = try r.readString()
                grade = Grade.allCases.first { gradeName($0) == name }
                if grade == nil { throw r.error("unknown grade \"\(name)\" (again, hard, good or easy)") }
            case "kind":
                let name = try r.readString()
                kind = ReviewKind(rawValue: name)
                if kind == nil { throw r.error("unknown kind \"\(name)\"") }
            case "ms": millis = try r.readInt()
            case "undoes": undoes = try r.readInt()
            case "scheduler": scheduler = try r.readString()
            case "state": after = try readState(&r)
            default: try r.skipValue()
            }
        }
        guard let seq, let card, let at, let action, let after else {
            throw reader.error("a record without seq, card, at, do or state")
        }
        let logAction: LogAction
        switch action {
        case "answer":
            guard let grade, let kind else { throw reader.error("an answer without grade or kind") }
            logAction = .answer(grade: grade, kind: kind, answerMillis: Int(millis))
        case "undo":
            guard let undoes else { throw reader.error("an undo without undoes") }
            logAction = .undo(undoes: Int(undoes))
        case "bury": logAction = .bury
        case "suspend": logAction = .suspend
        case "unsuspend": logAction = .unsuspend
        default: throw reader.error("unknown action \"\(action)\"")
        }
        return LogRecord(seq: Int(seq), card: CardID(card), time: at, action: logAction, scheduler: scheduler, after: after)
    }

    static func readState(_ reader: inout JSONReader) throws -> CardProgress {
        var due: Int64?, interval: Int64?, easiness: Double?, reps: Int64?, lapses: Int64?
        var p = CardProgress()
        try reader.readObject { r, key in
            switch key {
            case "due": due = try r.readInt()
            case "interval": interval = try r.readInt()
            case "easiness": easiness = try r.readDouble()
            case "repetitions": reps = try r.readInt()
            case "lapses": lapses = try r.readInt()
            case "first": p.firstReview = try r.readInt()
            case "last": p.lastReview = try r.readInt()
            case "repeat": p.repeatPending = try r.readBool()
            case "suspended": p.suspended = try r.readBool()
            case "buried_until": p.buriedUntil = try r.readInt()
            default: try r.skipValue()
            }
        }
        if let due, let interval, let easiness, let reps, let lapses {
            p.memory = Memory(intervalDays: Int(interval), due: due, easiness: easiness,
                              repetitions: Int(reps), lapses: Int(lapses))
        } else if due != nil || interval != nil || easiness != nil || reps != nil || lapses != nil {
            throw reader.error("a state with only some of due, interval, easiness, repetitions, lapses")
        }
        return p.pinned
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
            p.memory = Memory(intervalDays: Int(interval), due: due, easiness: easiness,
                              repetitions: Int(reps), lapses: Int(lapses))
        }
        try reader.expect(UInt8(ascii: ","))
        p.firstReview = try reader.readInt()
        try reader.expect(UInt8(ascii: ","))
        p.lastReview = try reader.readInt()
        try reader.expect(UInt8(ascii: ","))
        let flags = Int(try reader.readInt())
        p.repeatPending = flags & repeatFlag != 0
        p.suspended = flags & suspendedFlag != 0
        try reader.expect(UInt8(ascii: ","))
        p.buriedUntil = try reader.readInt()
        try reader.expect(UInt8(ascii: "]"))
        return (id, p.pinned)
    }
}
