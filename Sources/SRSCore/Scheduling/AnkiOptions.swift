/// Anki's deck options for its v3 SM-2 scheduler, with Anki's defaults. Steps are in seconds,
/// converted from Anki's minutes as Anki does (`AnkiOptions.seconds(minutes:)`).
public struct AnkiOptions: Equatable, Sendable {
    /// Learning steps (Anki: 1m 10m).
    public var learningSteps: [Int] = [60, 600]
    /// Relearning steps (Anki: 10m).
    public var relearningSteps: [Int] = [600]
    /// Graduating interval, days (Anki: 1).
    public var graduatingInterval = 1
    /// Easy interval, days (Anki: 4).
    public var easyInterval = 4
    /// Starting ease (Anki: 2.5; allowed 1.31–5).
    public var startingEase: Float = 2.5
    /// Easy bonus (Anki: 1.3; allowed 1–5).
    public var easyBonus: Float = 1.3
    /// Hard interval multiplier (Anki: 1.2; allowed 0.5–1.3).
    public var hardInterval: Float = 1.2
    /// Interval modifier (Anki: 1.0; allowed 0.5–2).
    public var intervalModifier: Float = 1.0
    /// New interval after a lapse, as a fraction of the old one (Anki: 0.0; allowed 0–1).
    public var lapseMultiplier: Float = 0.0
    /// Minimum interval after a lapse, days (Anki: 1).
    public var minimumInterval = 1
    /// Maximum interval, days (Anki: 36,500; allowed 1–36,500).
    public var maximumInterval = 36_500
    /// Lapses at which a card becomes a leech, then every half of it more (Anki: 8).
    public var leechThreshold = 8

    public init() {}

    /// Anki's conversion of a step in minutes: `(minutes × 60.0) as u32`, in f32.
    public static func seconds(minutes: Float) -> Int { Saturating.u32(minutes * 60) }

    /// Each numeric option by field name, its value and its allowed range (Anki's deck-options
    /// screen).
    public var limits: [(field: String, range: ClosedRange<Double>, value: Double)] { [
        ("graduating_interval", 1...36_500, Double(graduatingInterval)),
        ("easy_interval", 1...36_500, Double(easyInterval)),
        ("starting_ease", 1.31...5, Double(startingEase)),
        ("easy_bonus", 1...5, Double(easyBonus)),
        ("hard_interval", 0.5...1.3, Double(hardInterval)),
        ("interval_modifier", 0.5...2, Double(intervalModifier)),
        ("new_interval", 0...1, Double(lapseMultiplier)),
        ("minimum_interval", 1...36_500, Double(minimumInterval)),
        ("maximum_interval", 1...36_500, Double(maximumInterval)),
        ("leech_threshold", 1...9_999, Double(leechThreshold)),
    ] }

    /// A limit or value as the learner wrote it: `1`, not `1.0`, for a whole number.
    static func text(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : "\(number)"
    }

    /// The first option outside Anki's limits, as "field must be in lo–hi (is v)", or nil.
    public func problem() -> String? {
        for limit in limits where !limit.range.contains(limit.value) {
            return "\(limit.field) must be between \(Self.text(limit.range.lowerBound)) and \(Self.text(limit.range.upperBound)) (is \(Self.text(limit.value)))"
        }
        if minimumInterval > maximumInterval {
            return "minimum_interval (\(minimumInterval)) must not be above \"maximum_interval\" (\(maximumInterval))"
        }
        let steps = learningSteps + relearningSteps
        if let bad = steps.first(where: { $0 < 1 || $0 > 100 * 365 * 86_400 }) {
            return "a learning or relearning step must be between 1 second and 100 years (is \(bad) s)"
        }
        return nil
    }
}
