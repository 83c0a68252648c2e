/// Anki's learning or relearning steps (`steps.rs`), in seconds, indexed by the steps still to
/// pass: index = min(max(len − remaining, 0), len − 1).
struct AnkiSteps: Sendable {
    static let day = 86_400
    let steps: [Int]

    var count: Int { steps.count }

    private func index(_ remaining: Int) -> Int {
        min(max(steps.count - remaining % 1000, 0), max(steps.count - 1, 0))
    }

    private func seconds(at index: Int) -> Int? {
        steps.indices.contains(index) ? steps[index] : nil
    }

    /// Again: back to the first step.
    var againDelay: Int? { seconds(at: 0) }

    /// Hard: the current step again, except on the first step: the mean of the first two steps,
    /// or with one step 1.5 × it (at most a day more); over a day, rounded to whole days.
    func hardDelay(remaining: Int) -> Int? {
        let i = index(remaining)
        guard let current = seconds(at: i) ?? steps.first else { return nil }
        guard i == 0 else { return current }
        if let next = seconds(at: 1) { return Self.roundedToDays(u32(current + next) / 2) }
        return Self.roundedToDays(min(u32(current * 3) / 2, u32(current + Self.day)))
    }

    /// Good: the next step, or nil when the card graduates.
    func goodDelay(remaining: Int) -> Int? { seconds(at: index(remaining) + 1) }

    /// Steps left after Good.
    func remainingAfterGood(_ remaining: Int) -> Int { max(steps.count - (index(remaining) + 1), 0) }

    /// A delay over a day becomes whole days (Anki's `maybe_round_in_days`, f32).
    static func roundedToDays(_ seconds: Int) -> Int {
        guard seconds > day else { return seconds }
        return min(Saturating.u32((Float(seconds) / Float(day)).rounded()) * day, 4_294_967_295)
    }

    private func u32(_ value: Int) -> Int { min(value, 4_294_967_295) }
}
