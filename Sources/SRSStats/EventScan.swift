import SRSCore
/// The review-history figures, from one pass over the events in time order.
struct EventScan {
    /// The windows of true retention, in study days ending today.
    static let retentionWindows = [7, 30, 365]
    /// The per-deck table's retention window.
    static let deckRetentionDays = 30

    /// Answers on each study day of `days`.
    var perDay: [Int]
    var today = TodaySummary(answers: 0, cards: 0, milliseconds: 0, again: 0, learn: 0, review: 0,
                             repeat: 0, practice: 0)
    var retention: [RetentionWindow]
    /// Indexed by deck number (the last is the cards in no deck).
    var deckRetention: [PassFail]
    var totalAnswers = 0

    /// - Parameters:
    ///   - cardDeck: the deck number of each of `history.cardIDs`.
    ///   - onlyDeck: count only events of this deck's cards.
    init(history: ReviewHistory, cardDeck: [Int32], deckCount: Int, onlyDeck: Int32?,
         days: StudyDays, now: EpochSeconds) {
        perDay = Array(repeating: 0, count: days.count)
        retention = Self.retentionWindows.map { RetentionWindow(days: $0) }
        deckRetention = Array(repeating: PassFail(), count: deckCount)
        var firstOfDay = FirstOfDay(cards: history.cardIDs.count)
        var todayCards: Set<Int32> = []
        var cursor = StudyDayCursor(days)
        // Older answers only count towards the per-day totals (streaks); a year's feed retention.
        let retentionStart = days.start(of: max(0, days.today - (Self.retentionWindows.max() ?? 365) + 1))
        for event in history.events where event.time <= now {
            let card = Int(event.card)
            guard card >= 0, card < cardDeck.count else { continue }
            let deck = cardDeck[card]
            if let onlyDeck, deck != onlyDeck { continue }
            totalAnswers += 1
            guard event.time >= days.first else { continue }
            let day = cursor.day(of: event.time)
            perDay[day] += 1
            guard event.time >= retentionStart else { continue }
            if day == days.today {
                addToday(event)
                todayCards.insert(event.card)
            }
            guard event.kind != .practice, firstOfDay.isFirst(card: card, day: day) else { continue }
            addRetention(event, age: days.today - day, deck: Int(deck))
        }
        today.cards = todayCards.count
    }

    private mutating func addToday(_ event: ReviewEvent) {
        today.answers += 1
        today.milliseconds += Int(event.answerMillis)
        if event.grade == .again { today.again += 1 }
        switch event.kind {
        case .learn: today.learn += 1
        case .review, .relearn, .filtered: today.review += 1
        case .repeat: today.repeat += 1
        case .practice: today.practice += 1
        }
    }

    /// Counts a card's first answer of a study day, when its interval was at least a day.
    private mutating func addRetention(_ event: ReviewEvent, age: Int, deck: Int) {
        guard event.intervalBefore >= 1 else { return }
        let passed = event.grade != .again
        let mature = event.intervalBefore >= CardCounts.matureDays
        for w in retention.indices where age < retention[w].days {
            if mature { retention[w].mature.add(passed: passed) } else { retention[w].young.add(passed: passed) }
        }
        if age < Self.deckRetentionDays { deckRetention[deck].add(passed: passed) }
    }
}

/// Remembers the last study day each card was answered on, to find its first answer of a day.
struct FirstOfDay {
    private var lastDay: [Int32]

    init(cards: Int) { lastDay = Array(repeating: -1, count: cards) }

    /// True the first time `card` is seen on `day`.
    mutating func isFirst(card: Int, day: Int) -> Bool {
        if lastDay[card] == Int32(day) { return false }
        lastDay[card] = Int32(day)
        return true
    }
}

extension PassFail {
    mutating func add(passed isPass: Bool) {
        if isPass { passed += 1 } else { failed += 1 }
    }
}
