import Foundation
import Testing
import SRSCore
@testable import SRSStore

/// Version-1 progress written by srs before the version-2 log (`Fixtures/v1`, see its README):
/// read forever, read-only commands leave it as it is, and the first writing command upgrades it
/// so that a crash at any moment loses nothing.
@Suite struct VersionOneTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/v1/users/ada")
    static let v1Log = (try? Data(contentsOf: fixture.appendingPathComponent("reviews.jsonl"))) ?? Data()

    /// A copy of the fixture user in a fresh data directory; `snapshot: false` leaves out cards.json.
    func copy(snapshot: Bool = true) throws -> TempDir {
        let dir = TempDir()
        let folder = dir.url.appendingPathComponent("users/ada")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Self.v1Log.write(to: folder.appendingPathComponent("reviews.jsonl"))
        if snapshot {
            try FileManager.default.copyItem(at: Self.fixture.appendingPathComponent("cards.json"),
                                             to: folder.appendingPathComponent("cards.json"))
        }
        return dir
    }

    /// The states today's srs wrote into the v1 snapshot (`cards.json`), checked by hand
    /// against the README's commands.
    static let expected: CardTable = [
        CardID("873fba90c708"): CardProgress(memory: Memory(intervalDays: 6, due: 1_796_629_169, easiness: 2.1799999999999997,
                                                            repetitions: 2, lapses: 1),
                                             firstReview: 1_793_606_400, lastReview: 1_796_110_769),
        CardID("89fc2ab78841"): CardProgress(memory: Memory(intervalDays: 15, due: 1_795_506_300, easiness: 2.36,
                                                            repetitions: 3, lapses: 0),
                                             firstReview: 1_793_606_400, lastReview: 1_794_210_300),
        CardID("d61ab655f131"): CardProgress(memory: Memory(intervalDays: 1, due: 1_794_296_700, easiness: 2.2800000000000002,
                                                            repetitions: 0, lapses: 1),
                                             firstReview: 1_793_606_400, lastReview: 1_794_210_900, buriedUntil: 1_796_184_000),
    ]

    @Test(arguments: [true, false])
    func aVersionOneLogIsReadWithoutUpgrading(snapshot: Bool) throws {
        #expect(Self.v1Log.count == 3613)
        let dir = try copy(snapshot: snapshot)
        let store = try ProgressStore.openReadOnly(dir.location(user: "ada"))
        #expect(store.logVersion == 1 && store.recordCount == 15)
        #expect(store.takeCards() == Self.expected)
        let history = try store.history()
        #expect(history.events.map(\.grade) == [.good, .again, .easy, .good, .hard, .good, .good, .again, .good, .good])
        #expect(dir.bytes("users/ada/reviews.jsonl") == Self.v1Log)
    }

    @Test func theFirstWritingCommandUpgradesItKeepingEveryState() throws {
        let dir = try copy()
        let before = try ProgressStore.openReadOnly(dir.location(user: "ada")).history()
        let store = try ProgressStore.openForReview(dir.location(user: "ada"))
        #expect(store.logVersion == 2 && store.recordCount == 15)
        #expect(store.notes.contains { $0.contains("upgraded to review log version 2") })
        #expect(store.takeCards() == Self.expected)
        store.close()
        let text = String(decoding: dir.bytes("users/ada/reviews.jsonl") ?? Data(), as: UTF8.self)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 16 && lines[0] == "{\"format\":\"srs-review-log\",\"version\":2}")
        #expect(lines[1].hasPrefix("{\"id\":\"v1-1-") && lines[1].contains("\"card\":\"89fc2ab78841\",\"at\":1793606400,\"do\":\"answer\""))
        // The undo (record 14) names record 13 by its new id.
        let id13 = lines[13].split(separator: "\"")[3]
        #expect(id13.hasPrefix("v1-13-") && id13.count == 22)
        #expect(lines[14].contains("\"do\":\"undo\",\"undoes\":\"\(id13)\""))
        let reopened = try ProgressStore.openReadOnly(dir.location(user: "ada"))
        #expect(reopened.takeCards() == Self.expected)
        #expect(try reopened.history() == before)
        // The same v1 history upgraded elsewhere gets the same ids: a union adds nothing.
        let other = try copy()
        try ProgressStore.openForReview(other.location(user: "ada")).close()
        #expect(other.bytes("users/ada/reviews.jsonl") == dir.bytes("users/ada/reviews.jsonl"))
    }

    /// The live system calls, except that the `crashAt`-th write, fsync, rename or create
    /// "crashes": it and every call after it fail, as if the process had been killed there.
    final class Crash: @unchecked Sendable {
        let crashAt: Int
        var calls = 0
        init(at n: Int) { crashAt = n }

        func alive() -> Bool {
            calls += 1
            if calls > crashAt { errno = EIO }
            return calls <= crashAt
        }

        var syscalls: Syscalls {
            var io = Syscalls.live
            io.write = { [self] fd, bytes in alive() ? Syscalls.live.write(fd, bytes) : -1 }
            io.fsync = { [self] fd in alive() ? Syscalls.live.fsync(fd) : -1 }
            io.rename = { [self] a, b in alive() ? Syscalls.live.rename(a, b) : -1 }
            io.open = { [self] path, flags, mode in
                flags & O_CREAT == 0 || alive() ? Syscalls.live.open(path, flags, mode) : -1
            }
            return io
        }
    }

    @Test func aCrashAtAnyStepOfTheUpgradeLosesNothing() throws {
        var crashes = 0, finished = false
        for n in 0..<200 {
            let dir = try copy()
            let crash = Crash(at: n)
            do {
                let store = try ProgressStore.openForReview(dir.location(user: "ada"), io: crash.syscalls)
                store.close()
                finished = true
                break
            } catch is StoreError {
                crashes += 1
            }
            let log = try #require(dir.bytes("users/ada/reviews.jsonl"))
            let header = String(decoding: log.prefix(39), as: UTF8.self)
            #expect(log == Self.v1Log || header == "{\"format\":\"srs-review-log\",\"version\":2}", "after crash \(n)")
            let readBack = try ProgressStore.openReadOnly(dir.location(user: "ada"))
            #expect(readBack.takeCards() == Self.expected, "after crash \(n)")
            #expect(try readBack.history().events.count == 10, "after crash \(n)")
            // The next (uninterrupted) writing command finishes the job.
            let writer = try ProgressStore.openForReview(dir.location(user: "ada"))
            #expect(writer.logVersion == 2 && writer.takeCards() == Self.expected, "after crash \(n)")
            writer.close()
        }
        #expect(finished && crashes > 5, "\(crashes) crash points")
        print("upgrade crash points tested: \(crashes)")
    }
}
