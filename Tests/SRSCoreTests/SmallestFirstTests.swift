import Foundation
import Testing
@testable import SRSCore

/// `smallest(_:by:)` replaces sorting every due review and keeping the first ones; it must give
/// exactly what that gave.
@Suite struct SmallestFirstTests {
    /// The daily queue's order: due time, then id.
    let byDueThenID: ((CardID, EpochSeconds), (CardID, EpochSeconds)) -> Bool = {
        $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0
    }

    /// Random lists with many equal due times (Anki's reviews fall due at the day's start),
    /// some ids twice with the same due time (two decks may share an id), every count kept.
    @Test(arguments: 0..<300)
    func givesTheSortedPrefix(seed: Int) {
        var random = SeededGenerator(seed: UInt64(seed))
        let length = Int.random(in: 0...400, using: &random)
        let dues = Int.random(in: 1...40, using: &random)
        var entries = (0..<length).map { _ in
            (CardID("c\(Int.random(in: 0..<100_000, using: &random))"), EpochSeconds.random(in: 0..<EpochSeconds(dues), using: &random))
        }
        for _ in 0..<Int.random(in: 0...3, using: &random) where !entries.isEmpty {
            entries.append(entries[Int.random(in: 0..<entries.count, using: &random)])
        }
        entries.shuffle(using: &random)
        for count in [0, 1, 2, Int.random(in: 0...(length + 2), using: &random), length - 1, length, length + 1] where count >= 0 {
            let expected = Array(entries.sorted(by: byDueThenID).prefix(count))
            let got = entries.smallest(count, by: byDueThenID)
            #expect(got.map(\.0) == expected.map(\.0) && got.map(\.1) == expected.map(\.1), "length \(length), count \(count)")
        }
    }

    @Test func integersInOrder() {
        #expect([5, 3, 9, 1, 7, 3].smallest(3, by: <) == [1, 3, 3])
        #expect([5, 3].smallest(0, by: <) == [])
        #expect([Int]().smallest(4, by: <) == [])
        #expect([2, 1].smallest(5, by: <) == [1, 2])
    }
}
