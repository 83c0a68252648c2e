import Foundation

/// FSRS-6's formulas as py-fsrs 6.3.2 computes them (Double, `math.e ** x` as `pow(e, x)`).
struct FSRSModel: Sendable {
    static let stabilityMinimum = 0.001
    /// Python's `math.e`.
    static let e = 2.718281828459045
    let w: [Double]
    let decay: Double
    let factor: Double

    init(parameters: [Double]) {
        w = parameters.count == 21 ? parameters : FSRSOptions.defaultParameters
        decay = -w[20]
        factor = pow(0.9, 1 / decay) - 1
    }

    private func exp(_ x: Double) -> Double { pow(Self.e, x) }
    private func clampD(_ d: Double) -> Double { min(max(d, 1), 10) }

    /// R(t, S) = (1 + FACTOR · t / S) ^ DECAY, t in whole days.
    func retrievability(elapsedDays: Int, stability: Double) -> Double {
        pow(1 + factor * Double(max(0, elapsedDays)) / stability, decay)
    }

    func initialStability(_ g: Int) -> Double { max(w[g - 1], Self.stabilityMinimum) }

    func initialDifficulty(_ g: Int, clamped: Bool = true) -> Double {
        let d = w[4] - exp(w[5] * Double(g - 1)) + 1
        return clamped ? clampD(d) : d
    }

    /// Linear damping towards 10, then mean reversion towards the unclamped D0(Easy).
    func nextDifficulty(_ d: Double, _ g: Int) -> Double {
        let delta = -(w[6] * Double(g - 3))
        let damped = d + (10.0 - d) * delta / 9.0
        return clampD(w[7] * initialDifficulty(4, clamped: false) + (1 - w[7]) * damped)
    }

    /// Stability after an answer at least a day after the last one.
    func nextStability(d: Double, s: Double, r: Double, g: Int) -> Double {
        if g == 1 {
            let long = w[11] * pow(d, -w[12]) * (pow(s + 1, w[13]) - 1) * exp((1 - r) * w[14])
            let short = s / exp(w[17] * w[18])
            return max(min(long, short), Self.stabilityMinimum)
        }
        let hard = g == 2 ? w[15] : 1
        let easy = g == 4 ? w[16] : 1
        let grown = s * (1 + exp(w[8]) * (11 - d) * pow(s, -w[9]) * (exp((1 - r) * w[10]) - 1) * hard * easy)
        return max(grown, Self.stabilityMinimum)
    }

    /// Stability after an answer within 24 h of the last: Hard, Good and Easy never lower it.
    func shortTermStability(_ s: Double, _ g: Int) -> Double {
        var increase = exp(w[17] * (Double(g) - 3 + w[18])) * pow(s, -w[19])
        if g >= 2 { increase = max(increase, 1.0) }
        return max(s * increase, Self.stabilityMinimum)
    }

    /// The interval in whole days for stability `s`: rounded half to even, in [1, maximum].
    func interval(_ s: Double, retention: Double, maximum: Int) -> Int {
        let days = (s / factor) * (pow(retention, 1 / decay) - 1)
        let rounded = Saturating.int(days.rounded(.toNearestOrEven), in: 1...Int.max)
        return min(max(rounded, 1), maximum)
    }
}
