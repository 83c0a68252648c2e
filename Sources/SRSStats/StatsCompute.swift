import SRSCore
extension StatsReport {
    /// Days in the due forecast, today included.
    public static let forecastDays = 30
    /// Weeks in the calendar heatmap (about six months).
    public static let calendarWeeks = 26

    /// Computes every figure from card states, the review history, the day clock and `now`:
    /// a pass over the cards and a pass over the events, no calendar lookups per event.
    public static func compute(_ input: StatsInput) -> StatsReport {
        let members = DeckMembership(input.decks)
        let only = input.onlyDeck.map(Int32.init)
        let days = StudyDays(clock: input.clock, now: input.now, daysBefore: daysBefore(input),
                             daysAfter: forecastDays)
        // The pass over the cards and the pass over the answers are independent: both cores.
        let cardPass: @Sendable () -> (all: CardTally, perDeck: [CardTally]) = {
            scanCards(input, members: members, only: only, days: days)
        }
        let answerPass: @Sendable () -> EventScan = {
            EventScan(history: input.history, cardDeck: input.history.cardIDs.map(members.deck(of:)),
                      deckCount: members.cardCounts.count, onlyDeck: only, days: days, now: input.now)
        }
        let (cards, events) = bothCores(cardPass, answerPass)
        let todayName = input.clock.dayName(containing: input.now)
        let todayDate = CivilDate(todayName) ?? CivilDate(daysSinceEpoch: Int(input.now / secondsPerDay))
        return StatsReport(
            now: input.now, studyDay: todayDate.name, timeZone: input.clock.timeZone.identifier,
            rolloverHour: input.clock.rolloverHour, deck: input.onlyDeck.map { input.decks[$0].name },
            today: events.today,
            due: dueSummary(cards.all, today: todayDate),
            cards: cards.all.counts,
            retention: events.retention,
            history: historySummary(events, days: days, input: input, today: todayDate),
            intervals: intervalDistribution(cards.all),
            easiness: easinessDistribution(cards.all),
            decks: deckRows(input, members: members, cards: cards.perDeck, retention: events.deckRetention))
    }

    /// How far back the day index reaches: the history chart, a year of retention, the calendar,
    /// and the whole history for the longest streak (at most ten years).
    private static func daysBefore(_ input: StatsInput) -> Int {
        let needed = max(input.historyDays, EventScan.retentionWindows.max() ?? 365, calendarWeeks * 7 + 7)
        guard let first = input.history.events.first?.time, first < input.now else { return needed }
        let (elapsed, overflow) = input.now.subtractingReportingOverflow(first)
        let span = overflow ? StatsInput.maximumHistoryDays : Int(min(elapsed / secondsPerDay, 1 << 20)) + 2
        return max(needed, min(span, StatsInput.maximumHistoryDays))
    }

    private static func scanCards(_ input: StatsInput, members: DeckMembership, only: Int32?,
                                  days: StudyDays) -> (all: CardTally, perDeck: [CardTally]) {
        let todayStart = days.start(of: days.today)
        var all = CardTally(forecastDays: forecastDays, outlook: DueTomorrow(
            reviewLimit: input.limits.maxReviewsPerDay, todayStart: todayStart, todayEnd: days.start(of: days.today + 1), now: input.now))
        var perDeck = Array(repeating: CardTally(forecastDays: 1), count: members.cardCounts.count)
        var withProgress = Array(repeating: 0, count: members.cardCounts.count)
        for (id, progress) in input.progress {
            let deck = Int(members.deck(of: id))
            if let only, deck != Int(only) { continue }
            let group = CardGroup(progress, todayStart: todayStart, now: input.now)
            let slot = DueDay(progress, days: days, now: input.now)
            all.add(progress, group: group, slot: slot)
            perDeck[deck].add(progress, group: group, slot: slot)
            withProgress[deck] += 1
            if progress.leech { all.counts.leeches.append(id) }
        }
        all.counts.leeches.sort()
        for deck in input.decks.indices where only == nil || Int32(deck) == only {
            let unseen = members.cardCounts[deck] - withProgress[deck]
            all.add(.new, count: unseen)
            perDeck[deck].add(.new, count: unseen)
        }
        return (all, perDeck)
    }

    private static func dueSummary(_ tally: CardTally, today: CivilDate) -> DueSummary {
        let f = tally.forecast
        // `DueTomorrow`, the one definition the end of the review uses too (it equals f[1]).
        return DueSummary(now: tally.dueNow, laterToday: tally.dueLaterToday, tomorrow: tally.outlook?.due ?? f[1],
                          heldBack: tally.outlook?.heldBack ?? 0,
                          next7Days: f.prefix(7).reduce(0, +), next30Days: f.reduce(0, +), forecast: f,
                          forecastDays: f.indices.map { today.adding(days: $0).name })
    }

    private static func historySummary(_ events: EventScan, days: StudyDays, input: StatsInput,
                                       today: CivilDate) -> HistorySummary {
        let n = input.historyDays
        let perDay = Array(events.perDay[(days.today - n + 1)...days.today])
        let studied = Array(events.perDay[...days.today])
        let calendarStart = today.adding(days: -today.weekdayFromMonday - (calendarWeeks - 1) * 7)
        let startIndex = days.today - (today.daysSinceEpoch - calendarStart.daysSinceEpoch)
        let calendar: [Int?] = (0..<(calendarWeeks * 7)).map { offset in
            let day = startIndex + offset
            return day > days.today ? nil : events.perDay[day]
        }
        return HistorySummary(
            days: n, perDay: perDay, perDayNames: (0..<n).map { today.adding(days: $0 - n + 1).name },
            daysStudied: perDay.filter { $0 > 0 }.count, currentStreak: Streaks.current(studied),
            longestStreak: Streaks.longest(studied), calendar: calendar, calendarStart: calendarStart.name,
            totalAnswers: events.totalAnswers)
    }

    private static func intervalDistribution(_ tally: CardTally) -> Distribution {
        Distribution(buckets: tally.intervalBuckets.indices.map { i in
                         .init(label: IntervalBuckets.labels[i], count: tally.intervalBuckets[i],
                               low: Double(i == 0 ? 0 : IntervalBuckets.upperBounds[i - 1] + 1),
                               high: i < IntervalBuckets.upperBounds.count ? Double(IntervalBuckets.upperBounds[i]) : nil)
                     },
                     average: tally.withMemory == 0 ? nil : tally.intervalSum / Double(tally.withMemory))
    }

    private static func easinessDistribution(_ tally: CardTally) -> Distribution {
        Distribution(buckets: tally.easinessBuckets.indices.map { i in
                         .init(label: EasinessBuckets.labels[i], count: tally.easinessBuckets[i],
                               low: Double(i == 0 ? 130 : EasinessBuckets.upperBounds[i - 1]) / 100,
                               high: i < EasinessBuckets.upperBounds.count ? Double(EasinessBuckets.upperBounds[i]) / 100 : nil)
                     },
                     average: tally.withEase == 0 ? nil : tally.easinessSum / Double(tally.withEase))
    }

    /// One row per deck (only the chosen one with `--deck`), plus the cards in no deck, if any.
    private static func deckRows(_ input: StatsInput, members: DeckMembership, cards: [CardTally],
                                 retention: [PassFail]) -> [DeckRow] {
        var numbers = input.onlyDeck.map { [$0] } ?? Array(input.decks.indices)
        if input.onlyDeck == nil, !input.decks.isEmpty, cards[Int(members.other)].counts.total > 0 {
            numbers.append(Int(members.other))
        }
        return numbers.map { n in
            let tally = cards[n]
            return DeckRow(name: n < input.decks.count ? input.decks[n].name : DeckRow.otherName,
                           cards: tally.counts.total, new: tally.counts.new,
                           due: tally.dueNow + tally.dueLaterToday, mature: tally.counts.mature,
                           retention: retention[n])
        }
    }
}

extension DeckRow {
    /// The row of cards with progress that are in none of the user's decks.
    public static let otherName = "(in no deck)"
}

/// Streak rules: a study day counts when it has at least one answer.
enum Streaks {
    /// The run of studied days ending today, or ending yesterday while today has no answer yet.
    static func current(_ perDay: [Int]) -> Int {
        var day = perDay.count - 1
        if day >= 0, perDay[day] == 0 { day -= 1 }
        var run = 0
        while day >= 0, perDay[day] > 0 {
            run += 1
            day -= 1
        }
        return run
    }

    /// The longest run of studied days.
    static func longest(_ perDay: [Int]) -> Int {
        var best = 0, run = 0
        for count in perDay {
            run = count > 0 ? run + 1 : 0
            best = max(best, run)
        }
        return best
    }
}
