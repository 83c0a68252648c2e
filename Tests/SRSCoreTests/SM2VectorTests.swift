import Foundation
import Testing
@testable import SRSCore

/// The reference vectors of `../shared/scheduler-vectors/` (supermemo2 3.0.1), copied to Fixtures.
@Suite struct SM2VectorTests {
    struct Expected: Decodable {
        let card: String
        let index: Int
        let review_at: String
        let grade: Int
        let interval_days: Int
        let due: String
        let easiness: Double
        let repetitions: Int
        let lapses: Int
    }

    static func lines(_ name: String) throws -> [Expected] {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: "jsonl"))
        let text = try String(contentsOf: url, encoding: .utf8)
        return try text.split(separator: "\n").map {
            try JSONDecoder().decode(Expected.self, from: Data($0.utf8))
        }
    }

    static func epoch(_ iso: String) -> EpochSeconds {
        EpochSeconds(ISO8601DateFormatter().date(from: iso)?.timeIntervalSince1970 ?? -1)
    }

    @Test func reproducesTheReferenceHistory() throws {
        let expected = try Self.lines("sm2")
        #expect(expected.count == 50)
        var memories: [String: Memory] = [:]
        for line in expected {
            let memory = SM2.uncapped.review(memories[line.card], quality: line.grade, at: Self.epoch(line.review_at))
            memories[line.card] = memory
            #expect(memory.intervalDays == line.interval_days, "\(line.card) #\(line.index)")
            #expect(memory.due == Self.epoch(line.due), "\(line.card) #\(line.index)")
            #expect(memory.repetitions == line.repetitions, "\(line.card) #\(line.index)")
            #expect(memory.lapses == line.lapses, "\(line.card) #\(line.index)")
            #expect(abs(memory.easiness - line.easiness) <= 1e-9 * line.easiness, "\(line.card) #\(line.index)")
        }
    }

    /// Hand-written edge cases: (start EF, n, I, q) → (I', n', EF').
    @Test(arguments: [
        (2.5, 0, 0, 5, 1, 1, 2.6),
        (2.5, 1, 1, 4, 6, 2, 2.5),
        (2.5, 2, 6, 3, 15, 3, 2.36),
        (1.3, 3, 10, 3, 13, 4, 1.3),           // EF floor holds after a hard pass
        (2.5, 5, 100, 2, 1, 0, 2.18),          // a failure restarts n and I, EF still changes
        (1.4000000000000001, 2, 20, 4, 29, 3, 1.4000000000000001), // drift: ceil(28.000000000000004)
        (2.5, 2, 6, 0, 1, 0, 1.7),             // blackout
        (3.0, 2, 6, 5, 18, 3, 3.1),            // no ceiling on EF
    ])
    func step(ef: Double, n: Int, i: Int, q: Int, expectedI: Int, expectedN: Int, expectedEF: Double) {
        let before = Memory(intervalDays: i, due: 0, easiness: ef, repetitions: n, lapses: 0)
        let after = SM2().review(before, quality: q, at: 1_000)
        #expect(after.intervalDays == expectedI)
        #expect(after.repetitions == expectedN)
        #expect(abs(after.easiness - expectedEF) < 1e-12)
        #expect(after.due == 1_000 + EpochSeconds(expectedI) * 86_400)
        #expect(after.lapses == (q < 3 ? 1 : 0))
    }

    @Test func replayRebuildsTheSameMemory() throws {
        let lines = try Self.lines("sm2").filter { $0.card == "sm2-p0001" }
        let state = SM2.uncapped.replay(lines.map { (rating: $0.grade, at: Self.epoch($0.review_at)) }, card: "sm2-p0001")
        let last = try #require(lines.last)
        #expect(state == .sm2(Memory(intervalDays: last.interval_days, due: Self.epoch(last.due),
                                     easiness: last.easiness, repetitions: last.repetitions, lapses: last.lapses)))
    }
}
