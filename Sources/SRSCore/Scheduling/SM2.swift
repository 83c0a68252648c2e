/// Classic SM-2 (P. A. Wozniak, 1990), exactly as the reference vectors compute it
/// (`supermemo2` 3.0.1): see `docs/scheduling.md`.
public struct SM2: Sendable {
    /// SM-2, 1990: every item starts with E-Factor 2.5.
    public static let initialEasiness = 2.5
    /// SM-2, 1990: "If EF is less than 1.3 then let EF be 1.3."
    public static let minimumEasiness = 1.3
    /// SM-2, 1990: I(1) = 1, I(2) = 6.
    public static let firstInterval = 1
    public static let secondInterval = 6
    /// Qualities below this are failures: repetitions restart, a lapse is counted.
    public static let passingQuality = 3

    /// The longest interval the review gives (as Anki's default maximum).
    public static let defaultMaximumInterval = 36_500
    /// Beyond any date srs can represent: the ceiling of the exact, uncapped computation.
    public static let exactCeiling = 1 << 40
    /// The exact computation of the reference, with no maximum (`srs schedule`).
    public static let uncapped = SM2(maximumInterval: nil)

    public let name = "sm2"
    /// The maximum interval in days; nil for the reference's uncapped intervals.
    public let maximumInterval: Int?

    public init(maximumInterval: Int? = SM2.defaultMaximumInterval) {
        self.maximumInterval = maximumInterval.map { max($0, 1) }
    }

    public func initialMemory() -> Memory {
        Memory(intervalDays: 0, due: 0, easiness: Self.initialEasiness, repetitions: 0, lapses: 0)
    }

    public func review(_ memory: Memory?, quality: Int, at time: EpochSeconds) -> Memory {
        var next = memory ?? initialMemory()
        if quality < Self.passingQuality {
            next.intervalDays = Self.firstInterval
            next.repetitions = 0
            next.lapses = next.lapses == .max ? .max : next.lapses + 1
        } else {
            next.intervalDays = interval(afterRepetitions: next.repetitions,
                                         previous: next.intervalDays, easiness: next.easiness)
            next.repetitions = next.repetitions == .max ? .max : next.repetitions + 1
        }
        next.easiness = Self.easiness(after: next.easiness, quality: quality)
        next.due = Saturating.adding(days: next.intervalDays, to: time)
        return next
    }

    /// I(1) = 1, I(2) = 6, I(n) = ceil(I(n-1) * EF), with EF from before this answer; at most
    /// the maximum interval (uncapped: at most `exactCeiling`, past every representable date).
    func interval(afterRepetitions n: Int, previous: Int, easiness: Double) -> Int {
        let ceiling = maximumInterval ?? Self.exactCeiling
        switch n {
        case ..<1: return min(Self.firstInterval, ceiling)
        case 1: return min(Self.secondInterval, ceiling)
        default: return Saturating.int((Double(previous) * easiness).rounded(.up), in: 1...ceiling)
        }
    }

    /// EF' = EF + (0.1 - (5 - q) * (0.08 + (5 - q) * 0.02)), never below 1.3; kept unrounded.
    static func easiness(after easiness: Double, quality: Int) -> Double {
        let miss = Double(5 - quality)
        let next = easiness + (0.1 - miss * (0.08 + miss * 0.02))
        return next < minimumEasiness ? minimumEasiness : next
    }
}
