import Foundation
import SRSCore
@testable import SRSStats

/// A fixed synthetic learner for the stats tests: four months of daily study simulated through
/// the real reviewer and queue, in Europe/Berlin across the 2026-03-29 daylight-saving change.
enum StatsFixtures {
    static let berlin = TimeZone(identifier: "Europe/Berlin") ?? .current
    static let clock = DayClock(timeZone: berlin, rolloverHour: 4)

    /// Local wall-clock time in `zone`.
    static func time(_ y: Int, _ m: Int, _ d: Int, _ h: Int, _ min: Int = 0,
                     zone: TimeZone = berlin) -> EpochSeconds {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let date = calendar.date(from: DateComponents(year: y, month: m, day: d, hour: h, minute: min))
        return EpochSeconds(date?.timeIntervalSince1970 ?? 0)
    }

    /// 2026-04-01 14:30 in Berlin (summer time since 2026-03-29).
    static let asOf = time(2026, 4, 1, 14, 30)

    static let decks = [
        DeckCards(name: "Spanish verbs", cards: (1...140).map { CardID(String(format: "es-%03d", $0)) }),
        DeckCards(name: "Capitals", cards: (1...100).map { CardID(String(format: "cap-%03d", $0)) }),
        DeckCards(name: "Empty", cards: []),
    ]

    /// A deterministic grade for a card on a day: mostly Good, some Again, Hard and Easy.
    static func grade(card: Int, day: Int, attempt: Int) -> Grade {
        if attempt > 0 { return (card + day + attempt) % 3 == 0 ? .hard : .good }
        switch (card * 7 + day * 13) % 20 {
        case 0, 1: return .again
        case 2, 3, 4: return .hard
        case 5, 6, 7: return .easy
        default: return .good
        }
    }

    /// A day with no study: every ninth day and a short winter break.
    static func skipped(_ day: Int) -> Bool { day % 9 == 7 || (40...43).contains(day) }

    struct Learner {
        var progress: CardTable = [:]
        var history = ReviewHistory()
        var indices: [CardID: Int32] = [:]

        mutating func answer(_ id: CardID, grade: Grade, at time: EpochSeconds, millis: Int32, practice: Bool = false) {
            let reviewer = Reviewer(clock: StatsFixtures.clock)
            let before = progress[id]
            let kind = reviewer.kind(of: before, at: time, practice: practice)
            let after = reviewer.answer(before, grade: grade, at: time, practice: practice)
            progress[id] = after
            let index = indices[id] ?? Int32(history.cardIDs.count)
            if indices[id] == nil { indices[id] = index; history.cardIDs.append(id) }
            history.events.append(ReviewEvent(time: time, card: index, grade: grade, kind: kind,
                                              intervalBefore: Int32(before?.memory?.intervalDays ?? 0),
                                              intervalAfter: Int32(after.memory?.intervalDays ?? 0),
                                              answerMillis: millis))
        }
    }

    /// Studies most days from 2025-12-01 to 2026-04-01 (today: one round in the morning, so some
    /// same-day repeats are still pending).
    static func learner() -> Learner {
        var learner = Learner()
        let ids = decks.flatMap(\.cards)
        let start = CivilDate(daysSinceEpoch: CivilDate("2025-12-01")?.daysSinceEpoch ?? 0)
        for day in 0...121 where !skipped(day) {
            let date = start.adding(days: day)
            // Late sessions cross midnight: before 04:00 they still belong to the previous study day.
            let hour = day == 121 ? 9 : (day % 11 == 3 ? 23 : 19)
            var t = time(date.year, date.month, date.day, hour, 40)
            study(&learner, ids: ids, day: day, time: &t, rounds: day == 121 ? 1 : 4)
            if date.name == "2026-03-28" {
                // Practice at 03:30 on 29 March, just after the clocks went forward: still 28 March's study day.
                learner.answer(CardID("es-001"), grade: .good, at: time(2026, 3, 29, 3, 30), millis: 5000, practice: true)
            }
        }
        let now = asOf
        // One card suspended, one buried until tomorrow, one practised ahead today.
        learner.progress[CardID("cap-001")]?.suspended = true
        learner.progress[CardID("es-140"), default: CardProgress()].suspended = true
        learner.progress[CardID("cap-002")]?.buriedUntil = clock.nextDayStart(after: now)
        return learner
    }

    private static func study(_ learner: inout Learner, ids: [CardID], day: Int, time t: inout EpochSeconds,
                              rounds: Int) {
        for round in 0..<rounds {
            let queue = DailyQueue.build(cards: ids, progress: learner.progress, limits: QueueLimits(newPerDay: 2),
                                         clock: clock, now: t)
            let cards = round == 0 ? queue.all : queue.repeats
            for id in cards {
                let n = ids.firstIndex(of: id) ?? 0
                let grade = Self.grade(card: n, day: day, attempt: round)
                learner.answer(id, grade: grade, at: t, millis: Int32(4000 + (n * 977 + day * 131) % 9000))
                t += 37 + EpochSeconds((n + day) % 40)
            }
        }
    }

    static func input(historyDays: Int = 30, onlyDeck: Int? = nil, now: EpochSeconds = asOf) -> StatsInput {
        let learner = learner()
        return StatsInput(decks: decks, progress: learner.progress, history: learner.history, clock: clock,
                          now: now, historyDays: historyDays, onlyDeck: onlyDeck)
    }
}
