/// FSRS-6's options as py-fsrs 6.3.2's `Scheduler` takes them, with its defaults.
public struct FSRSOptions: Equatable, Sendable {
    /// FSRS-6's default parameters w[0…20].
    public static let defaultParameters: [Double] = [
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
        1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    ]

    /// py-fsrs's bounds for each parameter (`LOWER_BOUNDS_PARAMETERS`, `UPPER_BOUNDS_PARAMETERS`).
    public static let parameterBounds: [ClosedRange<Double>] =
        Array(repeating: 0.001...100, count: 4) + [
            1...10, 0.001...4, 0.001...4, 0.001...0.75, 0...4.5, 0...0.8, 0.001...3.5,
            0.001...5, 0.001...0.25, 0.001...0.9, 0...4, 0...1, 1...6, 0...2, 0...2, 0...0.8, 0.1...0.8,
        ]

    /// The 21 parameters.
    public var parameters: [Double] = defaultParameters
    /// Desired retention (default 0.9; Anki allows 0.7–0.99).
    public var desiredRetention = 0.9
    /// Learning steps in seconds (default 1m 10m).
    public var learningSteps: [Int] = [60, 600]
    /// Relearning steps in seconds (default 10m).
    public var relearningSteps: [Int] = [600]
    /// Maximum interval in days (default 36,500).
    public var maximumInterval = 36_500

    public init() {}

    /// The first option out of its range, as a sentence naming it, or nil.
    public func problem() -> String? {
        guard parameters.count == Self.parameterBounds.count else {
            return "parameters must be \(Self.parameterBounds.count) numbers (there are \(parameters.count))"
        }
        for (index, bounds) in Self.parameterBounds.enumerated() where !bounds.contains(parameters[index]) {
            return "parameters[\(index)] must be between \(AnkiOptions.text(bounds.lowerBound)) and \(AnkiOptions.text(bounds.upperBound)) (is \(AnkiOptions.text(parameters[index])))"
        }
        if !(0.7...0.99).contains(desiredRetention) {
            return "desired_retention must be between 0.7 and 0.99 (is \(AnkiOptions.text(desiredRetention)))"
        }
        if !(1...36_500).contains(maximumInterval) {
            return "maximum_interval must be between 1 and 36500 (is \(maximumInterval))"
        }
        if let bad = (learningSteps + relearningSteps).first(where: { $0 < 1 || $0 > 100 * 365 * 86_400 }) {
            return "a learning or relearning step must be between 1 second and 100 years (is \(bad) s)"
        }
        return nil
    }
}
