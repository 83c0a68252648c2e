import Foundation
import SRSCore

/// `srs-bench switch`: replays a synthetic history of `--reviews` answers over `--cards` cards
/// through each scheduler, as `srs scheduler NAME` does (issue 10, point 4: at most 5 s for
/// 1,000,000 reviews).
enum BenchSwitch {
    static func run(_ args: ArraySlice<String>) {
        let reviews = Int(Bench.option("--reviews", in: args) ?? "") ?? 1_000_000
        let cardCount = Int(Bench.option("--cards", in: args) ?? "") ?? 100_000
        let clock = DayClock(timeZone: TimeZone(identifier: "UTC") ?? .current)
        var random = SeededGenerator(seed: 7)
        var ids = RecordIDs(prefix: 1)
        let start: EpochSeconds = 1_700_000_000
        var history: [LogRecord] = []
        history.reserveCapacity(reviews)
        var cards: CardTable = [:]
        let sm2 = Reviewer(clock: clock)
        let names = (0..<cardCount).map { CardID("card-\($0)") }
        for i in 0..<reviews {
            let card = names[i % cardCount]
            let time = start + EpochSeconds(i / cardCount) * 86_400 * 3 + EpochSeconds(i % cardCount)
            let grade = Grade.allCases[Int.random(in: 0..<4, using: &random)]
            let after = sm2.answer(cards[card], grade: grade, at: time)
            cards[card] = after
            history.append(LogRecord(seq: i + 1, id: ids.next(), card: card, time: time,
                                     action: .answer(grade: grade, kind: .review, answerMillis: 3000), scheduler: "sm2", after: after))
        }
        for name in ["anki", "fsrs"] {
            guard let scheduler = Schedulers.named(name) else { continue }
            let t0 = DispatchTime.now().uptimeNanoseconds
            let plan = SchedulerSwitch(to: Reviewer(scheduler: scheduler, clock: clock))
                .plan(history: history, cards: cards, at: start + 86_400 * 400, ids: &ids, firstSeq: reviews + 1)
            let ms = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6
            print(String(format: "{\"scheduler\":\"%@\",\"reviews\":%d,\"cards\":%d,\"replayed\":%d,\"ms\":%.0f}",
                         name, reviews, plan.records.count, plan.replayedAnswers, ms))
        }
    }
}
