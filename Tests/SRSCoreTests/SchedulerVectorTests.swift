import Foundation
import Testing
@testable import SRSCore

/// The `anki` (Anki 26.9.3, rollover 05:00 UTC) and `fsrs` (py-fsrs 6.3.2) reference vectors of
/// `../shared/scheduler-vectors/`, copied to Fixtures, replayed through the pure schedulers with
/// fuzz off. Floats to 1e-4 relative and everything else exactly, as `compare.py` does.
@Suite struct SchedulerVectorTests {
    static func records(_ name: String) throws -> [[String: Any]] {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: "jsonl"))
        let text = try String(contentsOf: url, encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
            return try #require(object as? [String: Any])
        }
    }

    static func replay(_ name: String, _ scheduler: any Scheduler) throws -> [(expected: [String: Any], state: SchedulerState, before: SchedulerState?)] {
        var replay = ReviewReplay(scheduler: scheduler)
        return try records(name).enumerated().map { number, line in
            let card = try #require(line["card"] as? String)
            let index = try #require(line["index"] as? Int)
            let at = try #require(ISOTime.parse(line["review_at"] as? String ?? ""))
            let grade = try #require(line["grade"] as? Int)
            let input = ReviewInput(line: number + 1, card: card, index: index, reviewAt: at, quality: grade)
            let before = replay.state(of: card)
            return (line, try replay.apply(input), before)
        }
    }

    static func close(_ a: Double, _ b: Any?) -> Bool {
        guard let b = b as? Double else { return false }
        return abs(a - b) <= 1e-4 * max(abs(a), abs(b)) || a == b
    }

    /// The public set (UTC) and one made the same way with the real backend in New York.
    @Test(arguments: [("anki", "UTC", 55), ("anki-new-york", "America/New_York", 1377)])
    func ankiReproducesEveryReview(name: String, zone: String, count: Int) throws {
        let anki = AnkiScheduler(days: AnkiDays(rolloverHour: 5, timeZone: try #require(TimeZone(identifier: zone))), fuzz: false)
        let lines = try Self.replay(name, anki)
        #expect(lines.count == count)
        for (expected, state, _) in lines {
            guard case let .anki(card) = state else { Issue.record("not an Anki state"); continue }
            let label = "\(expected["card"] ?? "") #\(expected["index"] ?? "")"
            #expect(["New", "Learning", "Review", "Relearning"][card.kind.rawValue] == expected["state"] as? String, "\(label)")
            #expect(["new", "learn", "review", "daylearn"][card.queue.rawValue] == expected["queue"] as? String, "\(label)")
            #expect(card.remainingSteps == expected["remaining_steps"] as? Int, "\(label)")
            #expect(card.intervalDays == expected["interval_days"] as? Int, "\(label)")
            #expect(Self.close(Double(card.easePermille) / 1000, expected["ease"]), "\(label)")
            #expect(card.reps == expected["reps"] as? Int && card.lapses == expected["lapses"] as? Int, "\(label)")
            switch card.due {
            case let .time(t): #expect(ISOTime.format(t) == expected["due"] as? String, "\(label)")
            case let .day(d): #expect(AnkiDays.dateName(ofDay: d) == expected["due"] as? String, "\(label)")
            }
        }
    }

    @Test(arguments: [("fsrs", 50), ("fsrs-long", 1745)])
    func fsrsReproducesEveryReview(name: String, count: Int) throws {
        let fsrs = FSRSScheduler(fuzz: false)
        let lines = try Self.replay(name, fsrs)
        #expect(lines.count == count)
        for (expected, state, before) in lines {
            guard case let .fsrs(card) = state else { Issue.record("not an FSRS state"); continue }
            let label = "\(expected["card"] ?? "") #\(expected["index"] ?? "")"
            var old = FSRSCard.new
            if case let .fsrs(previous) = before { old = previous }
            #expect(["", "Learning", "Review", "Relearning"][card.state.rawValue] == expected["state"] as? String, "\(label)")
            #expect(card.step == expected["step"] as? Int, "\(label)")
            #expect(Self.close(card.stability ?? -1, expected["stability"]), "\(label)")
            #expect(Self.close(card.difficulty ?? -1, expected["difficulty"]), "\(label)")
            #expect(Self.close(fsrs.retrievability(old, at: card.lastReview ?? 0), expected["retrievability"]), "\(label)")
            #expect(card.intervalDays == expected["interval_days"] as? Int, "\(label)")
            #expect(ISOTime.format(card.due) == expected["due"] as? String, "\(label)")
            #expect(card.lastReview.map(ISOTime.format) == expected["last_review"] as? String, "\(label)")
            #expect(card.reps == expected["reps"] as? Int && card.lapses == expected["lapses"] as? Int, "\(label)")
        }
    }

    @Test func sm2ThroughTheGeneralProtocolIsTheReference() throws {
        for (expected, state, _) in try Self.replay("sm2", SM2.uncapped) {
            guard case let .sm2(memory) = state else { Issue.record("not an SM-2 state"); continue }
            #expect(memory.intervalDays == expected["interval_days"] as? Int)
            #expect(ISOTime.format(memory.due) == expected["due"] as? String)
            #expect(Self.close(memory.easiness, expected["easiness"]))
        }
    }
}
