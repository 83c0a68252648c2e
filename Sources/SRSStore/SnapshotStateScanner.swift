import SRSCore
import SRSJSON

/// The fast path for the state column srs itself writes (`ProgressState.write`) for an Anki or
/// FSRS card: `{"scheduler":"anki","state":{"due":…,"type":…}}` with its keys in the order
/// written, no blanks and plain numbers. Other schedulers' cards are about 3.5 times as long
/// as classic SM-2 rows, and reading their keys one by one through the general reader was most
/// of a start's snapshot read. Anything else (another order, a blank, a `false` flag) gives nil
/// and is left to the general reader, which reads it the same way and reports errors.
extension SnapshotRowScanner {
    /// Reads the column at `start` (its `{`); returns the progress and the offset past its `}`.
    @inline(__always)
    func stateColumn(at start: Int) -> (CardProgress, Int)? {
        var i = start
        let state: SchedulerState, due: Int64
        if literal(Self.ankiHead, &i) {
            guard let d = int(&i, after: Self.colon), let kind = name(Self.ankiKinds, &i).flatMap(AnkiCard.Kind.init),
                  let queue = name(Self.ankiQueues, &i).flatMap(AnkiCard.Queue.init),
                  let left = field(Self.left, &i), let ivl = field(Self.ivl, &i), let ease = field(Self.ease, &i) else { return nil }
            var when = AnkiCard.Due.time(d)
            if literal(Self.dueDay, &i) { guard let day = int(&i, after: Self.colon) else { return nil }; when = .day(Int(clamping: day)) }
            guard let reps = field(Self.reps, &i), let lapses = field(Self.lapses, &i) else { return nil }
            state = .anki(AnkiCard(kind: kind, queue: queue, remainingSteps: Int(clamping: left), intervalDays: Int(clamping: ivl),
                                   easePermille: Int(clamping: ease), due: when, reps: Int(clamping: reps), lapses: Int(clamping: lapses)))
            due = d
        } else if literal(Self.fsrsHead, &i) {
            guard let d = int(&i, after: Self.colon), let kind = name(Self.fsrsStates, &i).flatMap(FSRSCard.State.init) else { return nil }
            var step: Int64?, stability: Double?, difficulty: Double?, lastReview: Int64?
            if literal(Self.step, &i) { guard let s = int(&i, after: Self.colon) else { return nil }; step = s }
            if literal(Self.stability, &i) { guard let s = decimal(&i, after: Self.colon) else { return nil }; stability = s }
            if literal(Self.difficulty, &i) { guard let s = decimal(&i, after: Self.colon) else { return nil }; difficulty = s }
            if literal(Self.lastReview, &i) { guard let s = int(&i, after: Self.colon) else { return nil }; lastReview = s }
            guard let reps = field(Self.reps, &i), let lapses = field(Self.lapses, &i) else { return nil }
            state = .fsrs(FSRSCard(state: kind, step: step.map { Int(clamping: $0) }, stability: stability,
                                   difficulty: difficulty, due: d, lastReview: lastReview,
                                   reps: Int(clamping: reps), lapses: Int(clamping: lapses)))
            due = d
        } else {
            return nil
        }
        guard let first = field(Self.first, &i), let last = field(Self.last, &i) else { return nil }
        var p = CardProgress()
        p.firstReview = first
        p.lastReview = last
        p.repeatPending = literal(Self.repeatTrue, &i)
        p.suspended = literal(Self.suspendedTrue, &i)
        p.leech = literal(Self.leechTrue, &i)
        if literal(Self.buriedUntil, &i) {
            guard let buried = int(&i, after: Self.colon) else { return nil }
            p.buriedUntil = buried
        }
        guard literal(Self.close, &i) else { return nil }
        p.state = state
        p.due = due
        return (p.pinned, i)
    }

    /// `,"key":` then a non-negative integer.
    @inline(__always)
    private func field(_ key: [UInt8], _ i: inout Int) -> Int64? {
        guard literal(key, &i) else { return nil }
        return int(&i, after: Self.colon)
    }

    /// `"name"` for one of `names`: its position in the list.
    @inline(__always)
    private func name(_ names: [[UInt8]], _ i: inout Int) -> Int? {
        for (position, text) in names.enumerated() where literal(text, &i) { return position }
        return nil
    }

    /// The bytes of `text` at `i` (then skipped).
    @inline(__always)
    func literal(_ text: [UInt8], _ i: inout Int) -> Bool {
        guard i + text.count <= bytes.count else { return false }
        for k in 0..<text.count where bytes[i + k] != text[k] { return false }
        i += text.count
        return true
    }

    private static let colon = UInt8(ascii: ":")
    private static let ankiHead = Array(#"{"scheduler":"anki","state":{"due""#.utf8)
    private static let fsrsHead = Array(#"{"scheduler":"fsrs","state":{"due""#.utf8)
    /// As `ProgressState.write` writes them, quotes included: `"type":"review"`'s value is `"review"`.
    private static let ankiKinds = ProgressState.ankiKinds.map { name in Array(#","type":"\#(name)""#.utf8) }
    private static let ankiQueues = ProgressState.ankiQueues.map { name in Array(#","queue":"\#(name)""#.utf8) }
    private static let fsrsStates = ProgressState.fsrsStates.map { name in Array(#","fsrs":"\#(name)""#.utf8) }
    private static let left = key("left"), ivl = key("ivl"), ease = key("ease"), dueDay = key("due_day")
    private static let reps = key("reps"), lapses = key("lapses"), first = key("first"), last = key("last")
    private static let step = key("step"), stability = key("stability"), difficulty = key("difficulty")
    private static let lastReview = key("last_review"), buriedUntil = key("buried_until")
    private static let repeatTrue = Array(#","repeat":true"#.utf8), suspendedTrue = Array(#","suspended":true"#.utf8)
    private static let leechTrue = Array(#","leech":true"#.utf8), close = Array("}}".utf8)

    /// `,"name"`: a key after the first, up to its colon.
    private static func key(_ name: String) -> [UInt8] { Array(#","\#(name)""#.utf8) }
}
