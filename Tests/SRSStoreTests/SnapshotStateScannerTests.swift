import Testing
import SRSCore
import SRSJSON
@testable import SRSStore

/// The snapshot's fast state-column reader takes every Anki and FSRS row srs writes, and gives
/// exactly what the general reader gives; rows laid out otherwise are left to the general one.
@Suite struct SnapshotStateScannerTests {
    static let t0: EpochSeconds = 1_764_475_200

    static var ankiStates: [CardProgress] {
        var all: [CardProgress] = []
        for kind in AnkiCard.Kind.allCases {
            for queue in AnkiCard.Queue.allCases {
                for due in [AnkiCard.Due.time(t0 + 600), .day(20_599)] {
                    let card = AnkiCard(kind: kind, queue: queue, remainingSteps: 2, intervalDays: 441, easePermille: 2650,
                                        due: due, reps: 8, lapses: 1)
                    all.append(CardProgress(state: .anki(card), due: t0 + 600, firstReview: t0 - 86_400, lastReview: t0))
                }
            }
        }
        return all
    }

    static var fsrsStates: [CardProgress] {
        var all: [CardProgress] = []
        for state in FSRSCard.State.allCases {
            for step in [nil, 0, 3] as [Int?] {
                // 17 and 16 significant digits (above and below 2^53 as integers), 15, none.
                for (stability, difficulty) in [(1458.3822301486643, 2.083724125574744), (212.2344450612196, 9.35126311097580),
                                                (0.5, 10), (nil, nil)] as [(Double?, Double?)] {
                    let card = FSRSCard(state: state, step: step, stability: stability, difficulty: difficulty,
                                        due: t0 + 86_400, lastReview: stability == nil ? nil : t0, reps: 18, lapses: 1)
                    all.append(CardProgress(state: .fsrs(card), due: t0 + 86_400, firstReview: t0 - 600, lastReview: t0))
                }
            }
        }
        return all
    }

    /// Every flag on its own and all together.
    static func flagged(_ p: CardProgress) -> [CardProgress] {
        var repeating = p, suspended = p, leech = p, buried = p, all = p
        repeating.repeatPending = true
        suspended.suspended = true
        leech.leech = true
        buried.buriedUntil = t0 + 3600
        (all.repeatPending, all.suspended, all.leech, all.buriedUntil) = (true, true, true, t0 + 7200)
        return [p, repeating, suspended, leech, buried, all]
    }

    @Test(arguments: ["anki", "fsrs"])
    func everyRowSrsWritesTakesTheFastPathAndReadsTheSame(name: String) throws {
        let states = (name == "anki" ? Self.ankiStates : Self.fsrsStates).flatMap(Self.flagged)
        #expect(states.count == (name == "anki" ? 192 : 216))
        for p in states {
            var text = ""
            ProgressFormat.row(CardID("c-1"), p, into: &text)
            let bytes = Array(text.utf8)
            let column = try #require(bytes.firstIndex(of: UInt8(ascii: "{")))
            try bytes.withUnsafeBufferPointer { buffer in
                let fast = try #require(SnapshotRowScanner(bytes: buffer).stateColumn(at: column), "\(text)")
                #expect(fast.0 == p, "\(text)")
                #expect(fast.1 == bytes.count - 1, "\(text)")
                var reader = JSONReader(buffer)
                let general = try ProgressFormat.readRow(&reader)
                #expect(general.0 == CardID("c-1"))
                #expect(general.1 == fast.0, "\(text)")
                let row = try #require(SnapshotRowScanner(bytes: buffer).row(at: 0))
                #expect(row.1 == p && row.2 == bytes.count, "\(text)")
            }
        }
    }

    /// Blanks, another order, a `false` flag, a sign, an unknown queue: not as srs writes them,
    /// so nil (the general reader then reads or refuses them).
    @Test func otherLayoutsAreLeftToTheGeneralReader() {
        let head = #"{"scheduler":"anki","state":{"due":1779768000,"type":"review","queue":"review","left":0,"ivl":441,"ease":2650,"reps":8,"lapses":0,"first":1719633600,"last":1741701064"#
        let good = head + "}}"
        let others = [
            head + ",\"leech\":false}}", head + " }}", head + "}",
            good.replacingOccurrences(of: "\"queue\":\"review\"", with: "\"queue\":\"reviews\""),
            good.replacingOccurrences(of: "\"ivl\":441", with: "\"ivl\":-441"),
            good.replacingOccurrences(of: "\"ivl\":441,\"ease\":2650", with: "\"ease\":2650,\"ivl\":441"),
            good.replacingOccurrences(of: "\"anki\"", with: "\"sm2\""),
            good.replacingOccurrences(of: "\"ease\":2650", with: "\"ease\":02650"),
        ]
        #expect(Self.scan(good)?.state == .anki(AnkiCard(kind: .review, queue: .review, remainingSteps: 0, intervalDays: 441,
                                                          easePermille: 2650, due: .time(1_779_768_000), reps: 8, lapses: 0)))
        for text in others { #expect(Self.scan(text) == nil, "\(text)") }
    }

    static func scan(_ text: String) -> CardProgress? {
        Array(text.utf8).withUnsafeBufferPointer { SnapshotRowScanner(bytes: $0).stateColumn(at: 0)?.0 }
    }
}
