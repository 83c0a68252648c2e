/// The four review answers a learner gives, as on Anki's buttons.
///
/// Each maps onto one SM-2 quality (0...5); the table is documented in `docs/scheduling.md`.
public enum Grade: Int, CaseIterable, Sendable, Comparable {
    case again = 1, hard = 2, good = 3, easy = 4

    /// The SM-2 quality this answer stands for. Again is a failure (q < 3, a lapse);
    /// Hard, Good and Easy pass. Wozniak 1990: 5 perfect, 4 correct after hesitation,
    /// 3 correct with serious difficulty, 2 incorrect but the answer seemed easy to recall.
    public var quality: Int {
        switch self {
        case .again: return 2
        case .hard: return 3
        case .good: return 4
        case .easy: return 5
        }
    }

    /// Below Good: the card comes back in the same day's review (Wozniak's step 7).
    public var needsSameDayRepeat: Bool { self < .good }

    public var name: String {
        switch self {
        case .again: return "Again"
        case .hard: return "Hard"
        case .good: return "Good"
        case .easy: return "Easy"
        }
    }

    public static func < (a: Grade, b: Grade) -> Bool { a.rawValue < b.rawValue }
}
