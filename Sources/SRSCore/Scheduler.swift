/// Seconds since 1970-01-01T00:00:00Z. Whole seconds are enough for scheduling and keep
/// files and comparisons exact.
public typealias EpochSeconds = Int64

public let secondsPerDay: EpochSeconds = 86_400

/// What a scheduler remembers about one card. Fields beyond the SM-2 family's are added
/// (as optionals) when a scheduler that needs them is added.
public struct Memory: Equatable, Sendable {
    /// Days until the next review, as the scheduler computed it.
    public var intervalDays: Int
    /// When the card is next due.
    public var due: EpochSeconds
    /// SM-2's E-Factor.
    public var easiness: Double
    /// Successful reviews in a row (SM-2's n).
    public var repetitions: Int
    /// Answers with quality below 3.
    public var lapses: Int

    public init(intervalDays: Int, due: EpochSeconds, easiness: Double, repetitions: Int, lapses: Int) {
        self.intervalDays = intervalDays
        self.due = due
        self.easiness = easiness
        self.repetitions = repetitions
        self.lapses = lapses
    }
}

/// A spaced-repetition algorithm: a pure function from a card's memory, an answer and its time
/// to the next memory. `srs` stores each card's memory and logs every answer with the scheduler's
/// `name`, so a card's state can be rebuilt by replaying its reviews through `review`.
public protocol Scheduler: Sendable {
    /// The name written to the review log and accepted by `--scheduler` (e.g. "sm2").
    var name: String { get }
    /// The memory of a card never reviewed.
    func initialMemory() -> Memory
    /// Applies one answer of SM-2 quality `quality` (0...5) given at `time`.
    func review(_ memory: Memory?, quality: Int, at time: EpochSeconds) -> Memory
}

extension Scheduler {
    /// The memory each of the four grades would give: the review screen shows these intervals
    /// on the grade keys, and applying a grade applies exactly the value shown.
    public func outcomes(_ memory: Memory?, at time: EpochSeconds) -> [Grade: Memory] {
        var result: [Grade: Memory] = [:]
        for grade in Grade.allCases { result[grade] = review(memory, quality: grade.quality, at: time) }
        return result
    }

    /// Rebuilds a card's memory from its answers, oldest first.
    public func replay(_ answers: [(quality: Int, at: EpochSeconds)]) -> Memory? {
        var memory: Memory?
        for answer in answers { memory = review(memory, quality: answer.quality, at: answer.at) }
        return memory
    }
}

/// The schedulers this build knows, by name.
public enum Schedulers {
    public static let all: [any Scheduler] = [SM2()]
    public static func named(_ name: String) -> (any Scheduler)? { all.first { $0.name == name } }
}
