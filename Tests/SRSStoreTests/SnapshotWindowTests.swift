import Foundation
import Testing
import SRSCore
@testable import SRSStore

/// `cards.json` is read through a window (a megabyte; here down to one byte): rows and header
/// members cut by a window's end are read whole from the next, and what is read, and every
/// error with its line and column, is the same whatever the window's size.
@Suite struct SnapshotWindowTests {
    static let t0: EpochSeconds = 1_764_475_200
    static let windows = [1, 2, 3, 5, 8, 13, 64, 100, 241, 4096, 1 << 20]

    /// Cards of every kind a snapshot holds: classic SM-2 with each flag, Anki and FSRS states,
    /// a buried card never reviewed.
    static var cards: CardTable {
        var all: CardTable = [:]
        let states = SnapshotStateScannerTests.ankiStates + SnapshotStateScannerTests.fsrsStates
        for (i, state) in states.enumerated() { all[CardID("s-\(i)")] = state }
        for i in 0..<60 {
            var p = CardProgress(memory: Memory(intervalDays: i * 7, due: t0 + EpochSeconds(i) * 86_400,
                                                easiness: 1.3 + Double(i) / 37, repetitions: i, lapses: i % 4))
            (p.firstReview, p.lastReview) = (t0 - 86_400 * EpochSeconds(i), t0)
            p.repeatPending = i % 5 == 1
            p.suspended = i % 7 == 2
            p.leech = i % 11 == 3
            all[CardID("sm2-\(i)")] = p
        }
        var buried = CardProgress()
        buried.buriedUntil = t0 + 3600
        all[CardID("buried")] = buried
        return all
    }

    static func file(_ text: String) throws -> (TempDir, String) {
        let dir = TempDir()
        try dir.write("cards.json", text)
        return (dir, dir.path + "/cards.json")
    }

    static func snapshotText(records: Int = 9_817_715, bytes: Int = 2_585_192_575,
                             cards: CardTable = cards) -> String {
        String(decoding: Snapshot(logRecords: records, logBytes: bytes, cards: cards).encoded(user: "alice"), as: UTF8.self)
    }

    /// The error reading `path` through windows of `windowBytes` gives, as the learner sees it.
    static func failure(_ path: String, windowBytes: Int) -> String {
        do {
            _ = try Snapshot.read(path, io: .live, windowBytes: windowBytes)
            return "read"
        } catch let error as StoreError {
            return "\(error.exitCode) \(error)"
        } catch {
            return "unexpected \(error)"
        }
    }

    @Test(arguments: windows)
    func everyWindowSizeReadsTheSameSnapshot(windowBytes: Int) throws {
        let (dir, path) = try Self.file(Self.snapshotText())
        let read = try #require(try Snapshot.read(path, io: .live, windowBytes: windowBytes))
        #expect(read.cards == Self.cards)
        #expect(read.cards.count == 129)
        #expect((read.logRecords, read.logBytes, read.version) == (9_817_715, 2_585_192_575, 2))
        withExtendedLifetime(dir) {}
    }

    /// A window that ends inside each row of the file in turn: every row is read whole.
    @Test func aRowCutByTheWindowIsReadWholeFromTheNext() throws {
        let cards = Self.cards
        let text = Self.snapshotText(cards: cards)
        let (dir, path) = try Self.file(text)
        let bytes = Array(text.utf8)
        let rowStarts = bytes.indices.filter { bytes[$0] == UInt8(ascii: "[") && $0 > 0 && bytes[$0 - 1] == 0x0A }
        #expect(rowStarts.count == cards.count)
        for start in rowStarts.prefix(40) {
            // The first window ends 9 bytes into the row (inside its id or its first number).
            let read = try #require(try Snapshot.read(path, io: .live, windowBytes: start + 9))
            #expect(read.cards == cards)
        }
        withExtendedLifetime(dir) {}
    }

    /// Rows laid out by hand (blanks, the state column's keys in another order) go to the
    /// general reader, which also waits for the rest of a row the window cuts.
    @Test(arguments: [1, 7, 30, 1 << 20])
    func handLaidOutRowsCutByTheWindowReadTheSame(windowBytes: Int) throws {
        let text = """
            {
              "cards": [
                [ "a" , 1795942800 , 1 , 2.5 , 1 , 0 , 1795856400 , 1795856400 , 3 , 0 ] ,
                ["b",null,null,null,null,null,1795856400,1795856400,0,0,
                 {"state":{"due":1795857000,"type":"learning","queue":"learn","left":1,"ivl":0,"ease":0,"reps":1,"lapses":0,"first":1795856400,"last":1795856400},
                  "scheduler":"anki"}],
                ["q\\"] \\\\", 1795942800 , 1 , 2.5 , 1 , 0 , 1795856400 , 1795856400 , 3 , 0 ]
              ],
              "log_bytes" : 1712, "version" : 2 , "log_records":6, "format": "srs-progress"
            }

            """
        let (dir, path) = try Self.file(text)
        let read = try #require(try Snapshot.read(path, io: .live, windowBytes: windowBytes))
        var a = CardProgress(memory: Memory(intervalDays: 1, due: 1_795_942_800, easiness: 2.5, repetitions: 1, lapses: 0))
        (a.firstReview, a.lastReview, a.repeatPending, a.suspended) = (1_795_856_400, 1_795_856_400, true, true)
        let anki = AnkiCard(kind: .learning, queue: .learn, remainingSteps: 1, intervalDays: 0, easePermille: 0,
                            due: .time(1_795_857_000), reps: 1, lapses: 0)
        let b = CardProgress(state: .anki(anki), due: 1_795_857_000, firstReview: 1_795_856_400, lastReview: 1_795_856_400)
        #expect(read.cards == [CardID("a"): a.pinned, CardID("b"): b.pinned, CardID("q\"] \\"): a.pinned])
        #expect((read.logRecords, read.logBytes, read.version) == (6, 1712, 2))
        withExtendedLifetime(dir) {}
    }

    /// The header line cut at each of its bytes: the numbers are read whole.
    @Test func aHeaderCutAtAnyByteIsReadWhole() throws {
        let cards = Self.cards.filter { $0.key.rawValue.hasPrefix("sm2-1") }
        let text = Self.snapshotText(cards: cards)
        let (dir, path) = try Self.file(text)
        let headerLength = Array(text.utf8).firstIndex(of: 0x0A) ?? 0
        #expect(headerLength == 97)
        for cut in 1...headerLength + 1 {
            let read = try #require(try Snapshot.read(path, io: .live, windowBytes: cut))
            #expect((read.logRecords, read.logBytes, read.version) == (9_817_715, 2_585_192_575, 2), "window \(cut)")
            #expect(read.cards == cards)
        }
        #expect(cards.count == 11)
        withExtendedLifetime(dir) {}
    }

    static let fix = "The file was left untouched. It is a cache of the review log: delete it and srs rebuilds it from reviews.jsonl."

    /// A snapshot of 3,000 classic SM-2 cards: rows on lines 4 to 3,003, `]}` on line 3,004.
    static var bigText: String {
        var cards: CardTable = [:]
        for i in 0..<3000 {
            var p = CardProgress(memory: Memory(intervalDays: i, due: t0 + EpochSeconds(i), easiness: 2.5, repetitions: 3, lapses: 0))
            (p.firstReview, p.lastReview) = (t0, t0)
            cards[CardID(String(format: "card-%05d", i))] = p
        }
        return snapshotText(records: 12, bytes: 3456, cards: cards)
    }

    /// `text` up to `count` bytes after the start of `marker`.
    static func cut(_ text: String, at marker: String, plus count: Int) -> String {
        guard let start = text.range(of: marker)?.lowerBound else { return text }
        return String(text[..<start]) + String(text[start...].prefix(count))
    }

    /// Each damage gives its error, naming the line and column, through every window: the
    /// messages are those the reader of the whole file gave (checked against srs before the window).
    @Test(arguments: [
        // Cut after line 2,003, as a copy that ran out of space could leave it.
        (cut(bigText, at: "[\"card-02000\"", plus: 0), "cards.json:2004: expected '[' (column 1)"),
        // The last line torn: cut in the middle of the last row.
        (cut(bigText, at: "[\"card-02999\"", plus: 40), "cards.json:3003: expected ',' (column 41)"),
        (String(bigText.dropLast(4)), "cards.json:3003: expected ',' or ']' after a value (column 65)"),
        // A line far from the start damaged by hand: a leading zero in row 2,500.
        (bigText.replacingOccurrences(of: "[\"card-02499\",1764477699,", with: "[\"card-02499\",01764477699,"),
         "cards.json:2503: a number with a leading zero (write 7, not 07) (column 15)"),
        (bigText.replacingOccurrences(of: "[\"card-02999\",", with: "[\"card-02999\"x"), "cards.json:3003: expected ',' (column 14)"),
        (bigText + "x", "cards.json:3005: unexpected text after the snapshot (column 1)"),
        (bigText.replacingOccurrences(of: "\"log_records\":12", with: "\"log_records\":-12"),
         "cards.json:1: \"log_records\" is -12; it cannot be negative (column 70)"),
        ("", "cards.json:1: expected '{' (column 1)"),
        ("   \n  {\"format\":\"srs-progress\",\"version\":2,\"cards\":[[\"c1\",1,2]]}", "cards.json:2: expected ',' (column 58)"),
        ("{\"format\":\"srs-progress\",\"version\":2,\"cards\":[]", "cards.json:1: expected ',' or '}' after a value (column 48)"),
        ("{\"format\":\"srs-progress\",\"version\":2,\"cards\":[\n[\"c1\"", "cards.json:2: expected ',' (column 6)"),
        ("{\"format\":\"srs-progress\",\"version\":2,\"cards\":[\n[\"c1", "cards.json:2: a string that does not end (column 5)"),
    ])
    func damageIsReportedAtItsLineWhateverTheWindow(text: String, message: String) throws {
        let (dir, path) = try Self.file(text)
        // Windows of one byte on the small files; the large ones are cut thousands of times anyway.
        for windowBytes in text.utf8.count < 10_000 ? [1, 7, 1024, 1 << 20] : [13, 1024, 1 << 20] {
            #expect(Self.failure(path, windowBytes: windowBytes) == "65 \(dir.path)/\(message). \(Self.fix)", "window \(windowBytes)")
        }
    }

    @Test(arguments: [1, 5, 1 << 20])
    func aNewerOrForeignFileIsRefusedWhateverTheWindow(windowBytes: Int) throws {
        let (dir, path) = try Self.file(Self.bigText.replacingOccurrences(of: "\"version\":2,", with: "\"version\":99,"))
        #expect(Self.failure(path, windowBytes: windowBytes) == "65 \(path): written by a newer srs (format version 99; this srs reads up to 2). The file was left untouched. Upgrade srs to use it.")
        try dir.write("cards.json", "{\"format\":\"something else\",\"version\":2,\"cards\":[]}\n")
        #expect(Self.failure(path, windowBytes: windowBytes) == "65 \(path):1: not an srs progress snapshot (no \"format\": \"srs-progress\" and \"version\"). \(Self.fix)")
    }

    /// What reading `path` through `windowBytes` gives: the snapshot's fields, or the error.
    static func outcome(_ path: String, windowBytes: Int) -> String {
        do {
            guard let read = try Snapshot.read(path, io: .live, windowBytes: windowBytes) else { return "none" }
            return "\(read.logRecords) \(read.logBytes) \(read.version) \(read.cards.sorted { $0.key < $1.key })"
        } catch {
            return "\(error)"
        }
    }

    /// 400 snapshots damaged at random (bytes overwritten with JSON's own punctuation, ranges
    /// deleted or doubled): windows of a few bytes read each exactly as one window holding the
    /// whole file does, the same cards or the same error at the same line and column.
    @Test func randomlyDamagedSnapshotsReadTheSameThroughAnyWindow() throws {
        var cards = Self.cards.filter { $0.key.rawValue.hasPrefix("sm2-1") || $0.key.rawValue.hasPrefix("s-1") }
        cards[CardID("a\\\"b")] = CardProgress(memory: Memory(intervalDays: 3, due: Self.t0, easiness: 2.5, repetitions: 1, lapses: 0))
        let original = Array(Self.snapshotText(cards: cards).utf8)
        let punctuation = Array("\"\\[]{},: \n-+.e0n1tf".utf8)
        var random = SeededGenerator(seed: 9)
        var outcomes: Set<String> = []
        let dir = TempDir()
        let path = dir.path + "/cards.json"
        for _ in 0..<400 {
            var bytes = original
            for _ in 0...Int.random(in: 0..<3, using: &random) {
                let at = Int.random(in: 0..<bytes.count, using: &random)
                let length = min(Int.random(in: 1...40, using: &random), bytes.count - at)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: bytes[at] = punctuation[Int.random(in: 0..<punctuation.count, using: &random)]
                case 1: bytes.removeSubrange(at..<(at + length))
                default: bytes.insert(contentsOf: bytes[at..<(at + length)], at: at)
                }
            }
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let whole = Self.outcome(path, windowBytes: 1 << 20)
            outcomes.insert(String(whole.replacingOccurrences(of: path, with: "").prefix(60)))
            for windowBytes in [1, 2, 5, 16, 61] {
                #expect(Self.outcome(path, windowBytes: windowBytes) == whole, "window \(windowBytes): \(String(decoding: bytes, as: UTF8.self))")
            }
        }
        #expect(outcomes.count > 20) // many kinds of damage, not one
    }

    /// Opening reads the snapshot a megabyte at a time, never the whole file at once.
    @Test func openingReadsTheSnapshotThroughAWindow() throws {
        final class Reads: @unchecked Sendable {
            var largest = 0
        }
        var cards: CardTable = [:]
        for i in 0..<40_000 {
            cards[CardID("card-\(i)")] = CardProgress(memory: Memory(intervalDays: 1, due: Self.t0, easiness: 2.5, repetitions: 1, lapses: 0))
        }
        let dir = TempDir()
        try dir.write("users/alice/cards.json", Self.snapshotText(records: 0, bytes: 0, cards: cards))
        #expect((dir.bytes("users/alice/cards.json")?.count ?? 0) > 1 << 20)
        let reads = Reads()
        var io = Syscalls.live
        let live = Syscalls.live
        io.read = { fd, buffer, offset in
            reads.largest = max(reads.largest, buffer.count)
            return live.read(fd, buffer, offset)
        }
        let store = try ProgressStore.openReadOnly(dir.location(), io: io)
        #expect(store.takeCards() == cards.mapValues(\.pinned))
        #expect(reads.largest == 1 << 20)
    }
}
