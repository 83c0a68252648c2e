/// A `CardProgress` in 56 bytes instead of 144, for the card table (`CardTable`).
///
/// Times other than `due` are 32-bit seconds since 1970 (to 2106), counts 32-bit unsigned, the
/// scheduler's kinds bytes, the `Double`s their bit patterns, and one 64-bit word holds either
/// Anki's due value or its ease exactly. Each scheduler uses the shared words its own way:
///
/// | | `number` 0–3 | `wideA` | `wideB` |
/// | --- | --- | --- | --- |
/// | SM-2 | interval, repetitions, lapses | easiness | |
/// | Anki | remaining steps, interval, reps, lapses | due (time or day) | ease (permille) |
/// | FSRS | step, last review, reps, lapses | stability | difficulty |
///
/// Packing is exact by construction: every narrowing is an `init(exactly:)`, a `Double` keeps
/// its bits (a NaN's payload too), and a field stored once (SM-2's and FSRS's own due) is checked
/// equal to the one kept. It fails (nil) for what does not fit: a negative or huge count, a time
/// before 1970 or after 2106, an SM-2 or FSRS state due at another time than the progress. The
/// table keeps such a value whole instead, so no stored value is ever changed. `CardTableTests`
/// pins the fields of `CardProgress` and of each state, so a new field cannot be left out, and
/// debug builds unpack every packed value and compare it with the original.
struct PackedProgress: Sendable {
    var due: Int64
    var wideA: UInt64 = 0
    var wideB: UInt64 = 0
    var firstReview: UInt32
    var lastReview: UInt32
    var buriedUntil: UInt32
    var number: (UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0)
    var kind: Kind = .none
    var flags: UInt8 = 0
    /// Anki: card kind × 4 + queue; FSRS: the state's raw value.
    var subKind: UInt8 = 0

    enum Kind: UInt8, Sendable {
        case none, sm2, ankiTimeDue, ankiDayDue, fsrs
        /// Not packed: the table keeps the `CardProgress` whole.
        case whole
    }

    /// Bits of `flags`.
    enum Flag {
        static let repeatPending: UInt8 = 1, suspended: UInt8 = 2, leech: UInt8 = 4
        static let hasStep: UInt8 = 8, hasStability: UInt8 = 16, hasDifficulty: UInt8 = 32, hasLastReview: UInt8 = 64
    }

    /// The marker of a progress kept whole.
    static let whole = PackedProgress(due: 0, firstReview: 0, lastReview: 0, buriedUntil: 0, kind: .whole)

    private init(due: Int64, firstReview: UInt32, lastReview: UInt32, buriedUntil: UInt32, kind: Kind) {
        (self.due, self.firstReview, self.lastReview, self.buriedUntil, self.kind) = (due, firstReview, lastReview, buriedUntil, kind)
    }

    /// `progress` packed, or nil when some field does not fit (see the type's comment).
    init?(_ progress: CardProgress) {
        guard let first = UInt32(exactly: progress.firstReview), let last = UInt32(exactly: progress.lastReview),
              let buried = UInt32(exactly: progress.buriedUntil) else { return nil }
        self.init(due: progress.due, firstReview: first, lastReview: last, buriedUntil: buried, kind: .none)
        flags = (progress.repeatPending ? Flag.repeatPending : 0) | (progress.suspended ? Flag.suspended : 0)
            | (progress.leech ? Flag.leech : 0)
        switch progress.state {
        case nil: break
        case let .sm2(memory)?: guard pack(memory) else { return nil }
        case let .anki(card)?: guard pack(card) else { return nil }
        case let .fsrs(card)?: guard pack(card) else { return nil }
        }
        assert(self.progress == progress || "\(self.progress)" == "\(progress)", "packing changed \(progress)") // NaNs by their text
    }

    private mutating func pack(_ m: Memory) -> Bool {
        guard m.due == due, let interval = UInt32(exactly: m.intervalDays), let reps = UInt32(exactly: m.repetitions),
              let lapses = UInt32(exactly: m.lapses) else { return false }
        (kind, wideA, number) = (.sm2, m.easiness.bitPattern, (interval, reps, lapses, 0))
        return true
    }

    private mutating func pack(_ c: AnkiCard) -> Bool {
        guard let steps = UInt32(exactly: c.remainingSteps), let interval = UInt32(exactly: c.intervalDays),
              let reps = UInt32(exactly: c.reps), let lapses = UInt32(exactly: c.lapses) else { return false }
        switch c.due {
        case let .time(t): (kind, wideA) = (.ankiTimeDue, UInt64(bitPattern: t))
        case let .day(d): (kind, wideA) = (.ankiDayDue, UInt64(bitPattern: Int64(d)))
        }
        wideB = UInt64(bitPattern: Int64(c.easePermille))
        subKind = UInt8(c.kind.rawValue * 4 + c.queue.rawValue)
        number = (steps, interval, reps, lapses)
        return true
    }

    private mutating func pack(_ c: FSRSCard) -> Bool {
        guard c.due == due, let reps = UInt32(exactly: c.reps), let lapses = UInt32(exactly: c.lapses) else { return false }
        let step = c.step.map(UInt32.init(exactly:)), lastReview = c.lastReview.map(UInt32.init(exactly:))
        if step == .some(nil) || lastReview == .some(nil) { return false }
        (kind, subKind) = (.fsrs, UInt8(c.state.rawValue))
        wideA = c.stability?.bitPattern ?? 0
        wideB = c.difficulty?.bitPattern ?? 0
        flags |= (step != nil ? Flag.hasStep : 0) | (c.stability != nil ? Flag.hasStability : 0)
            | (c.difficulty != nil ? Flag.hasDifficulty : 0) | (lastReview != nil ? Flag.hasLastReview : 0)
        number = ((step ?? 0) ?? 0, (lastReview ?? 0) ?? 0, reps, lapses)
        return true
    }

    /// The progress this holds (not for `.whole`).
    var progress: CardProgress {
        var p = CardProgress(state: state, due: due, firstReview: EpochSeconds(firstReview),
                             lastReview: EpochSeconds(lastReview), repeatPending: has(Flag.repeatPending),
                             suspended: has(Flag.suspended), buriedUntil: EpochSeconds(buriedUntil))
        p.due = due
        p.leech = has(Flag.leech)
        return p
    }

    private func has(_ flag: UInt8) -> Bool { flags & flag != 0 }

    private var state: SchedulerState? {
        switch kind {
        case .none, .whole: return nil
        case .sm2:
            return .sm2(Memory(intervalDays: Int(number.0), due: due, easiness: Double(bitPattern: wideA),
                               repetitions: Int(number.1), lapses: Int(number.2)))
        case .ankiTimeDue, .ankiDayDue: return .anki(ankiCard)
        case .fsrs: return .fsrs(fsrsCard)
        }
    }

    private var ankiCard: AnkiCard {
        let value = Int64(bitPattern: wideA)
        return AnkiCard(kind: AnkiCard.Kind(rawValue: Int(subKind / 4)) ?? .new,
                        queue: AnkiCard.Queue(rawValue: Int(subKind % 4)) ?? .new,
                        remainingSteps: Int(number.0), intervalDays: Int(number.1),
                        easePermille: Int(Int64(bitPattern: wideB)),
                        due: kind == .ankiTimeDue ? .time(value) : .day(Int(value)), reps: Int(number.2), lapses: Int(number.3))
    }

    private var fsrsCard: FSRSCard {
        FSRSCard(state: FSRSCard.State(rawValue: Int(subKind)) ?? .learning,
                 step: has(Flag.hasStep) ? Int(number.0) : nil,
                 stability: has(Flag.hasStability) ? Double(bitPattern: wideA) : nil,
                 difficulty: has(Flag.hasDifficulty) ? Double(bitPattern: wideB) : nil,
                 due: due, lastReview: has(Flag.hasLastReview) ? EpochSeconds(number.1) : nil,
                 reps: Int(number.2), lapses: Int(number.3))
    }
}
