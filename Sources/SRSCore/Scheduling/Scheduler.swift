/// Seconds since 1970-01-01T00:00:00Z. Whole seconds are enough for scheduling and keep
/// files and comparisons exact.
public typealias EpochSeconds = Int64

public let secondsPerDay: EpochSeconds = 86_400

/// What classic SM-2 remembers about one card (`SM2`'s state).
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

/// A card's state under any of the schedulers srs knows.
public enum SchedulerState: Equatable, Sendable {
    case sm2(Memory)
    case anki(AnkiCard)
    case fsrs(FSRSCard)

    /// The scheduler's name for this state ("sm2", "anki", "fsrs").
    public var schedulerName: String {
        switch self {
        case .sm2: return "sm2"
        case .anki: return "anki"
        case .fsrs: return "fsrs"
        }
    }

    /// Answers so far (SM-2: successful ones in a row).
    public var reps: Int {
        switch self {
        case let .sm2(m): return m.repetitions
        case let .anki(c): return c.reps
        case let .fsrs(c): return c.reps
        }
    }

    /// Lapses as the scheduler counts them.
    public var lapses: Int {
        switch self {
        case let .sm2(m): return m.lapses
        case let .anki(c): return c.lapses
        case let .fsrs(c): return c.lapses
        }
    }
}

/// A spaced-repetition algorithm: a pure function from a card's state, an answer and its time
/// to the next state. `srs` logs every answer with the scheduler's `name`, so a card's state can
/// be rebuilt by replaying its answers through `review`.
public protocol Scheduler: Sendable {
    /// The name written to the review log and accepted by `--scheduler` ("sm2", "anki", "fsrs").
    var name: String { get }
    /// The ratings this scheduler takes: SM-2 qualities 0...5, Anki's and FSRS's grades 1...4.
    var ratings: ClosedRange<Int> { get }
    /// The rating a review-screen grade stands for.
    func rating(for grade: Grade) -> Int
    /// The state after `rating` at `time`. nil, or a state of another scheduler, is a new card;
    /// `card` (the card's id) seeds the fuzz.
    func review(_ state: SchedulerState?, rating: Int, at time: EpochSeconds, card: String) -> SchedulerState
    /// When the card in `state` is next due.
    func due(of state: SchedulerState) -> EpochSeconds
    /// The interval in days `state` was given (0 or nil while learning).
    func intervalDays(of state: SchedulerState) -> Int?
    /// The span a grade key shows for the outcome `state` of an answer at `now`, in seconds:
    /// a step's delay, or whole days as Anki counts them (`IntervalKind::as_seconds`).
    func shownSeconds(of state: SchedulerState, at now: EpochSeconds) -> EpochSeconds
}

extension Scheduler {
    /// The state each of the four grades would give: the review screen shows these on the grade
    /// keys, and applying a grade applies exactly the value shown.
    public func outcomes(_ state: SchedulerState?, at time: EpochSeconds, card: String) -> [Grade: SchedulerState] {
        var result: [Grade: SchedulerState] = [:]
        for grade in Grade.allCases { result[grade] = review(state, rating: rating(for: grade), at: time, card: card) }
        return result
    }

    /// The label on each grade key (`1m`, `10m`, `1d`, `1.2mo`), for the state each grade gives:
    /// the label shown is the outcome applied.
    public func gradeLabels(_ state: SchedulerState?, at time: EpochSeconds, card: String) -> [Grade: String] {
        outcomes(state, at: time, card: card).mapValues {
            IntervalLabel.label(seconds: Float(shownSeconds(of: $0, at: time)))
        }
    }

    /// Rebuilds a card's state from its answers, oldest first.
    public func replay(_ answers: [(rating: Int, at: EpochSeconds)], card: String) -> SchedulerState? {
        var state: SchedulerState?
        for answer in answers { state = review(state, rating: answer.rating, at: answer.at, card: card) }
        return state
    }
}

/// The schedulers this build knows, by name, each with its default options.
public enum Schedulers {
    public static let names = ["sm2", "anki", "fsrs"]

    /// The scheduler called `name` with default options (fuzz as given).
    public static func named(_ name: String, fuzz: Bool = true) -> (any Scheduler)? {
        switch name {
        case "sm2": return SM2()
        case "anki": return AnkiScheduler(fuzz: fuzz)
        case "fsrs": return FSRSScheduler(fuzz: fuzz)
        default: return nil
        }
    }
}
