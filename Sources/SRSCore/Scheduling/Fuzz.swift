/// Interval fuzz: Anki's and py-fsrs's ranges, drawn with srs's own generator so that a replay
/// gives the same intervals on every machine. Anki's own draws (its card ids through Rust's
/// `StdRng`) are not reproduced: srs seeds by the card's id and its review count instead.
public enum Fuzz {
    /// The fraction in [0, 1) for the answer to `card` after `reps` earlier answers:
    /// SplitMix64 seeded by FNV-1a of the id plus `reps` (as Anki seeds by card id + reps).
    public static func fraction(card: String, reps: Int) -> Double {
        var generator = SeededGenerator(seed: SeededGenerator.seed(hashing: card) &+ UInt64(truncatingIfNeeded: reps))
        return Double(generator.next() >> 11) / 9_007_199_254_740_992
    }

    /// Anki's f32 fuzz factor for the same draw.
    public static func ankiFraction(card: String, reps: Int) -> Float {
        var generator = SeededGenerator(seed: SeededGenerator.seed(hashing: card) &+ UInt64(truncatingIfNeeded: reps))
        return Float(generator.next() >> 40) / 16_777_216
    }

    /// δ for an interval x: 0 below 2.5 days, else 1 + 0.15 per day up to 7, 0.1 per day from
    /// 7 to 20 and 0.05 per day beyond (Anki's `fuzz_delta`, in f32).
    public static func ankiDelta(_ x: Float) -> Float {
        if x < 2.5 { return 0 }
        let first: Float = 0.15 * max(min(x, 7) - 2.5, 0)
        let second: Float = 0.1 * max(min(x, 20) - 7, 0)
        let third: Float = 0.05 * max(x - 20, 0)
        return 1 + first + second + third
    }

    /// Anki's `constrained_fuzz_bounds`: lo = round(x − δ), hi = round(x + δ), both clamped to
    /// [minimum, maximum]; when they meet inside (2, maximum) the range is widened by one day.
    public static func ankiBounds(_ interval: Float, minimum: Int, maximum: Int) -> (lower: Int, upper: Int) {
        let minimum = min(minimum, maximum)
        let x = min(max(interval, Float(minimum)), Float(maximum))
        let delta = ankiDelta(x)
        let lower = min(max(Saturating.u32((x - delta).rounded()), minimum), maximum)
        var upper = min(max(Saturating.u32((x + delta).rounded()), minimum), maximum)
        if upper == lower && upper > 2 && upper < maximum { upper = lower + 1 }
        return (lower, upper)
    }

    /// Anki's `with_review_fuzz`: without a fraction, round(x) clamped to [minimum, maximum];
    /// with one, floor(lo + f·(hi − lo + 1)), at most hi (in f32, f just below 1 can round the
    /// sum up to hi + 1; srs keeps hi so the maximum interval holds).
    public static func anki(_ interval: Float, minimum: Int, maximum: Int, fraction: Float?) -> Int {
        guard let fraction else {
            return min(max(Saturating.u32(interval.rounded()), minimum), maximum)
        }
        let (lower, upper) = ankiBounds(interval, minimum: minimum, maximum: maximum)
        return min(Saturating.u32((Float(lower) + fraction * Float(1 + upper - lower)).rounded(.down)), upper)
    }

    /// py-fsrs's range for a whole-day interval: round(d ∓ δ) (half to even), lo at least 2,
    /// hi at most the maximum, lo ≤ hi.
    public static func fsrsBounds(_ days: Int, maximum: Int) -> (lower: Int, upper: Int) {
        let x = Double(days)
        let delta = 1 + 0.15 * max(min(x, 7) - 2.5, 0) + 0.1 * max(min(x, 20) - 7, 0)
            + 0.05 * max(x - 20, 0)
        let upper = min(Saturating.int((x + delta).rounded(.toNearestOrEven), in: 0...Int.max), maximum)
        let lower = min(max(2, Saturating.int((x - delta).rounded(.toNearestOrEven), in: 0...Int.max)), upper)
        return (lower, upper)
    }

    /// py-fsrs's `_get_fuzzed_interval`: intervals below 2.5 days are kept; otherwise
    /// round(f·(hi − lo + 1) + lo), half to even, at most the maximum.
    public static func fsrs(_ days: Int, maximum: Int, fraction: Double) -> Int {
        if Double(days) < 2.5 { return days }
        let (lower, upper) = fsrsBounds(days, maximum: maximum)
        let drawn = (fraction * Double(upper - lower + 1) + Double(lower)).rounded(.toNearestOrEven)
        return min(Saturating.int(drawn, in: 0...Int.max), maximum)
    }
}
