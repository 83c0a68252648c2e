import Foundation
import Testing
@testable import SRSCore

/// Fuzz against the references themselves (`Fixtures/generators/`): py-fsrs with every draw
/// fixed at 0.37 gives exactly srs's fuzzed due dates for that fraction, and every interval the
/// real Anki backend gave with its own draws lies between srs's lowest and highest draw.
@Suite struct FuzzVectorTests {
    static func state(_ line: [String: Any]) -> AnkiCard {
        let kinds: [String: AnkiCard.Kind] = ["Learning": .learning, "Review": .review, "Relearning": .relearning]
        let queues: [String: AnkiCard.Queue] = ["learn": .learn, "review": .review, "daylearn": .dayLearn]
        let dueText = line["due"] as? String ?? ""
        let due: AnkiCard.Due = dueText.count == 10
            ? .day(Int((ISOTime.parse(dueText + "T00:00:00Z") ?? 0) / secondsPerDay)) : .time(ISOTime.parse(dueText) ?? 0)
        return AnkiCard(kind: kinds[line["state"] as? String ?? ""] ?? .new, queue: queues[line["queue"] as? String ?? ""] ?? .new,
                        remainingSteps: line["remaining_steps"] as? Int ?? 0, intervalDays: line["interval_days"] as? Int ?? 0,
                        easePermille: Int(((line["ease"] as? Double ?? 0) * 1000).rounded()), due: due,
                        reps: line["reps"] as? Int ?? 0, lapses: line["lapses"] as? Int ?? 0)
    }

    @Test func pyFsrsWithAFixedDrawIsReproduced() throws {
        let lines = try SchedulerVectorTests.records("fsrs-fuzz-0.37")
        #expect(lines.count == 792)
        let fsrs = FSRSScheduler(fuzz: true)
        var state = FSRSCard.new, card = ""
        for line in lines {
            if line["card"] as? String != card { (state, card) = (.new, line["card"] as? String ?? "") }
            state = fsrs.review(state, grade: Grade(clamping: line["grade"] as? Int ?? 0),
                                at: ISOTime.parse(line["review_at"] as? String ?? "") ?? 0, fuzz: 0.37)
            #expect(ISOTime.format(state.due) == line["due"] as? String, "\(card) #\(line["index"] ?? "")")
            #expect(state.intervalDays == line["interval_days"] as? Int)
        }
    }

    @Test func realAnkisFuzzedIntervalsLieInSrssRanges() throws {
        let lines = try SchedulerVectorTests.records("anki-fuzzed")
        #expect(lines.count == 923)
        let anki = AnkiScheduler(days: AnkiDays(rolloverHour: 5), fuzz: true)
        var previous = AnkiCard.new, card = "", fuzzed = 0
        for line in lines {
            if line["card"] as? String != card { (previous, card) = (.new, line["card"] as? String ?? "") }
            let grade = Grade(clamping: line["grade"] as? Int ?? 0)
            let at = ISOTime.parse(line["review_at"] as? String ?? "") ?? 0
            let low = anki.review(previous, grade: grade, at: at, fuzz: 0).intervalDays
            let high = anki.review(previous, grade: grade, at: at, fuzz: 0.99999994).intervalDays
            let actual = line["interval_days"] as? Int ?? -1
            #expect((low...high).contains(actual), "\(card) #\(line["index"] ?? ""): \(actual) not in \(low)...\(high)")
            if low < high { fuzzed += 1 }
            previous = Self.state(line)
        }
        #expect(fuzzed > 300)
    }
}
