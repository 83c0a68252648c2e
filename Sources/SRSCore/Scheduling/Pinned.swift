/// Stored states pinned to what srs represents: a damaged or hand-edited log or snapshot can
/// hold any integer, and every reader clamps instead of trapping later (issue 9).
extension ISOTime {
    /// `time` within `earliest ... latest` (years 0000–9999).
    public static func pinned(_ time: EpochSeconds) -> EpochSeconds { min(max(time, earliest), latest) }
}

extension Memory {
    /// The state with the interval within 0 ... 36,500 days, the due date within the years
    /// srs represents, EF finite within 1.3 ... 10⁶ and the counts within 0 ... 2³¹ − 1.
    public var pinned: Memory {
        Memory(intervalDays: min(max(intervalDays, 0), SM2.defaultMaximumInterval),
               due: ISOTime.pinned(due),
               easiness: easiness.isNaN ? SM2.initialEasiness : min(max(easiness, SM2.minimumEasiness), 1e6),
               repetitions: min(max(repetitions, 0), Int(Int32.max)),
               lapses: min(max(lapses, 0), Int(Int32.max)))
    }
}

extension CardProgress {
    /// The progress with its memory and its times pinned.
    public var pinned: CardProgress {
        var p = self
        if let m = memory?.pinned { p.state = .sm2(m) }
        p.due = ISOTime.pinned(due)
        p.firstReview = ISOTime.pinned(firstReview)
        p.lastReview = ISOTime.pinned(lastReview)
        p.buriedUntil = ISOTime.pinned(buriedUntil)
        return p
    }
}
