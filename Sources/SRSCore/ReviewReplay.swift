/// One review line of `srs schedule`'s input.
public struct ReviewInput: Equatable, Sendable {
    public var line: Int
    public var card: String
    public var index: Int
    public var reviewAt: EpochSeconds
    /// The rating in the scheduler's own scale (SM-2 quality 0–5, Anki/FSRS grade 1–4).
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
    private var cards: [String: (index: Int, at: EpochSeconds, state: SchedulerState)] = [:]

    public init(scheduler: any Scheduler) { self.scheduler = scheduler }

    /// The state of `card` before its next line (nil: never reviewed).
    public func state(of card: String) -> SchedulerState? { cards[card]?.state }

    /// Applies one review; throws when the grade is outside the scheduler's scale, the card's
    /// reviews are out of order (its `index` must follow the previous one, its time must not go
    /// back) or the due date it gives is past the last moment srs can represent.
    public mutating func apply(_ input: ReviewInput) throws -> SchedulerState {
        let range = scheduler.ratings
        guard range.contains(input.quality) else {
            let scale = range.lowerBound == 0 ? "SM-2 qualities are 0 to 5" : "Again 1, Hard 2, Good 3, Easy 4"
            throw ReplayError(line: input.line, problem: "grade \(input.quality) is outside \(range.lowerBound)-\(range.upperBound) (\(scale))")
        }
        let previous = cards[input.card]
        let expectedIndex = (previous?.index ?? -1) + 1
        guard input.index == expectedIndex else {
            throw ReplayError(line: input.line, problem: "card \"\(input.card)\" has review index \(input.index) where \(expectedIndex) was expected: give each card's reviews in order, numbered from 0")
        }
        if let previous, input.reviewAt < previous.at {
            throw ReplayError(line: input.line, problem: "card \"\(input.card)\" review \(input.index) at \(ISOTime.format(input.reviewAt)) is before its previous review at \(ISOTime.format(previous.at))")
        }
        let state = scheduler.review(previous?.state, rating: input.quality, at: input.reviewAt, card: input.card)
        guard scheduler.due(of: state) <= ISOTime.latest else {
            throw ReplayError(line: input.line, problem: "card \"\(input.card)\" review \(input.index) would be due after \(ISOTime.format(ISOTime.latest)), the last moment srs can represent (interval \(scheduler.intervalDays(of: state) ?? 0) days)")
        }
        cards[input.card] = (input.index, input.reviewAt, state)
        return state
    }
}
