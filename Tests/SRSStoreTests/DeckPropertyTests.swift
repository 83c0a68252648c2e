import Foundation
import Testing
@testable import SRSCore
@testable import SRSStore

/// Mutated deck files: the reader returns a deck or a `StoreError` naming a line of the file,
/// never crashes; a deck it returns survives writing and reading again.
@Suite struct DeckPropertyTests {
    static let pieces: [[UInt8]] = ["\n", "card: x\n", "type: true_false\n", "    indented\n", "A: opt\n", "key: A\n",
                                    ":", "#", "\r\n", "\u{0}", "srs-deck 1\n", "model_answer:\n\n  more\n"]
        .map { Array($0.utf8) } + [[0xFF], [0xE2, 0x82]]

    @Test func mutatedDecksReadOrFailWithALine() throws {
        let base = Array(DeckWriter.text(of: Deck(name: "t", cards: sampleCards)).utf8)
        var rng = SeededGenerator(seed: 7)
        for _ in 0..<400 {
            var bytes = base
            for _ in 0..<(1 + rng.next() % 6) {
                let at = bytes.isEmpty ? 0 : Int(rng.next() % UInt64(bytes.count))
                switch rng.next() % 3 {
                case 0 where !bytes.isEmpty: bytes.remove(at: at)
                case 1: bytes.insert(contentsOf: Self.pieces[Int(rng.next() % UInt64(Self.pieces.count))], at: at)
                default: if !bytes.isEmpty { bytes[at] = UInt8(truncatingIfNeeded: rng.next()) }
                }
            }
            check(bytes)
        }
    }

    func check(_ bytes: [UInt8]) {
        let lineCount = bytes.filter { $0 == 0x0A }.count + 1
        do {
            let deck = try DeckReader.read(bytes: bytes, name: "t", path: "t.deck")
            let again = try readDeck(DeckWriter.text(of: deck))
            #expect(again == deck)
        } catch let StoreError.damaged(_, line?, _, _) {
            #expect((1...lineCount).contains(line))
        } catch StoreError.newerFormat {
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}
