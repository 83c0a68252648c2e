/// One review line of `srs schedule`'s input.
public struct ReviewInput: Equatable, Sendable {
    public var line: Int
    public var card: String
    public var index: Int
    public var reviewAt: EpochSeconds
    public var quality: Int

    public init(line: Int, card: String, index: Int, reviewAt: EpochSeconds, quality: Int) {
        self.line = line
        self.card = card
        self.index = index
        self.reviewAt = reviewAt
        self.quality = quality
    }
}

/// A review line that cannot be applied, with the 1-based line it is on.
public struct ReplayError: Error, Equatable, CustomStringConvertible {
    public let line: Int
    public let problem: String
    public var description: String { "line \(line): \(problem)" }
}

/// Applies a scheduler to review histories given line by line, each card's reviews in order.
/// Pure: no session rule, just the scheduler's step for every line (the `srs schedule` contract).
public struct ReviewReplay {
    public let scheduler: any Scheduler
    private var cards: [String: (index: Int, at: EpochSeconds, memory: Memory)] = [:]

    public init(scheduler: any Scheduler) { self.scheduler = scheduler }

    /// Applies one review; throws when the grade is outside 0...5 or the card's reviews are out of
    /// order (its `index` must follow the previous one, its time must not go back).
    public mutating func apply(_ input: ReviewInput) throws -> Memory {
        guard (0...5).contains(input.quality) else {
            throw ReplayError(line: input.line, problem: "grade \(input.quality) is outside 0-5 (SM-2 qualities are 0 to 5)")
        }
        let previous = cards[input.card]
        let expectedIndex = (previous?.index ?? -1) + 1
        guard input.index == expectedIndex else {
            throw ReplayError(line: input.line, problem: "card \"\(input.card)\" has review index \(input.index) where \(expectedIndex) was expected: give each card's reviews in order, numbered from 0")
        }
        if let previous, input.reviewAt < previous.at {
            throw ReplayError(line: input.line, problem: "card \"\(input.card)\" review \(input.index) at \(ISOTime.format(input.reviewAt)) is before its previous review at \(ISOTime.format(previous.at))")
        }
        let memory = scheduler.review(previous?.memory, quality: input.quality, at: input.reviewAt)
        cards[input.card] = (input.index, input.reviewAt, memory)
        return memory
    }
}
