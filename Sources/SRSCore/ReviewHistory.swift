/// One graded answer from the review log, compact for statistics over a million of them.
/// Undone answers are not in the history.
public struct ReviewEvent: Equatable, Sendable {
    public var time: EpochSeconds
    /// Index into `ReviewHistory.cardIDs`.
    public var card: Int32
    public var grade: Grade
    public var kind: ReviewKind
    /// The card's interval in days before this answer (0 for a new card).
    public var intervalBefore: Int32
    /// The card's interval in days after this answer.
    public var intervalAfter: Int32
    /// Time taken to answer, in milliseconds (capped at 60 s when recorded).
    public var answerMillis: Int32

    public init(time: EpochSeconds, card: Int32, grade: Grade, kind: ReviewKind, intervalBefore: Int32,
                intervalAfter: Int32, answerMillis: Int32) {
        self.time = time
        self.card = card
        self.grade = grade
        self.kind = kind
        self.intervalBefore = intervalBefore
        self.intervalAfter = intervalAfter
        self.answerMillis = answerMillis
    }
}

/// Every graded answer of one user, oldest first.
public struct ReviewHistory: Equatable, Sendable {
    public var cardIDs: [CardID]
    public var events: [ReviewEvent]

    public init(cardIDs: [CardID] = [], events: [ReviewEvent] = []) {
        self.cardIDs = cardIDs
        self.events = events
    }
}
