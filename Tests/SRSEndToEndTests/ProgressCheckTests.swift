import Foundation
import Testing

/// Every command that reads a user's progress refuses a newer or damaged log or snapshot in the
/// same way: exit 65, and every file byte for byte as it was.
@Suite struct ProgressCheckTests {
    static let commands: [[String]] = [["review"], ["answer"], ["stats"], ["decks"], ["unsuspend"], ["unsuspend", "--all"]]

    /// A data directory with three answers of user ana, its snapshot covering the whole log.
    func answered() throws -> TempFolder {
        let folder = try TempFolder().withCards(["sd-1", "sd-2", "sd-3", "sd-4"])
        try StatsCommandTests.answer("sd-1 good\nsd-2 easy\nsd-3 again\n", at: "2026-11-29T09:00:00Z", in: folder)
        // `srs answer` appends only; a read-only command writes the missing snapshot.
        _ = try StatsCommandTests.stats([], in: folder)
        #expect(FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("users/ana/cards.json").path))
        return folder
    }

    func files(_ folder: TempFolder) throws -> [String: Data] {
        let user = folder.url.appendingPathComponent("users/ana")
        var all: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: user.path) where name != "lock" {
            all[name] = try Data(contentsOf: user.appendingPathComponent(name))
        }
        return all
    }

    func everyCommandRefuses(_ folder: TempFolder, saying message: String) throws {
        let before = try files(folder)
        for command in Self.commands {
            let result = try SRSProcess.run(command + ["--data-dir", folder.path, "--user", "ana"],
                                            input: "sd-4 good\n", environment: ["TZ": "UTC"])
            #expect(result.status == 65, "srs \(command.joined(separator: " ")): \(result.stderr)")
            #expect(result.stderr.contains(message), "srs \(command.joined(separator: " ")): \(result.stderr)")
            #expect(try files(folder) == before, "srs \(command.joined(separator: " ")) changed a file")
        }
    }

    func edit(_ folder: TempFolder, _ name: String, _ change: (inout String) -> Void) throws {
        let url = folder.url.appendingPathComponent("users/ana/\(name)")
        var text = try String(contentsOf: url, encoding: .utf8)
        change(&text)
        try Data(text.utf8).write(to: url)
    }

    @Test func aNewerLogIsRefusedByEveryCommand() throws {
        let folder = try answered()
        try edit(folder, "reviews.jsonl") { $0 = $0.replacingOccurrences(of: "\"version\":2}", with: "\"version\":99}") }
        try everyCommandRefuses(folder, saying: "written by a newer srs (format version 99; this srs reads up to 2)")
    }

    @Test func aNewerSnapshotIsRefusedByEveryCommand() throws {
        let folder = try answered()
        try edit(folder, "cards.json") { $0 = $0.replacingOccurrences(of: "\"version\":2,", with: "\"version\":99,") }
        try everyCommandRefuses(folder, saying: "cards.json: written by a newer srs (format version 99")
    }

    /// No srs ever wrote a log of version 0 or below: that header is damage, not a version-1 log
    /// for a writing command to "upgrade" (which renamed every record's id).
    @Test(arguments: ["0", "-1"]) func aLogVersionNoSrsWroteIsRefusedByEveryCommand(version: String) throws {
        let folder = try answered()
        try edit(folder, "reviews.jsonl") { $0 = $0.replacingOccurrences(of: "\"version\":2}", with: "\"version\":\(version)}") }
        try everyCommandRefuses(folder, saying: "reviews.jsonl:1: not an srs review log")
    }

    @Test func aDamagedLogIsRefusedByEveryCommand() throws {
        let folder = try answered()
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("users/ana/cards.json"))
        try edit(folder, "reviews.jsonl") { $0 = $0.replacingOccurrences(of: "\"card\":\"sd-2\"", with: "\"card\":sd-2\"") }
        try everyCommandRefuses(folder, saying: "reviews.jsonl:3: ")
    }

    /// The size of ana's log and the offset after each of its lines (the header's first).
    func lineEnds(_ folder: TempFolder) throws -> [Int] {
        let log = try Data(contentsOf: folder.url.appendingPathComponent("users/ana/reviews.jsonl"))
        return log.indices.filter { log[$0] == 0x0A }.map { $0 + 1 }
    }

    /// A wrong `log_bytes` (beyond the log's end) in cards.json is a cache that does not match
    /// its log, which holds every record it covers: refused like every mismatch
    /// (docs/progress-format.md), and said as it is, not as a log cut short.
    @Test func aSnapshotWhoseLogBytesIsBeyondTheLogIsNamedAsSuch() throws {
        let folder = try answered()
        let ends = try lineEnds(folder), size = ends[3]
        try edit(folder, "cards.json") { $0 = $0.replacingOccurrences(of: "\"log_bytes\":\(size),", with: "\"log_bytes\":\(size + 500),") }
        let message = "cards.json says it covers the first \(size + 500) bytes (3 records) of this log, but the log is \(size) bytes "
            + "and record 3 ends at byte \(size): cards.json's log_bytes is wrong (the log was not cut short). "
            + "The file was left untouched. cards.json is a cache of the log: delete it and srs rebuilds it from the log"
        try everyCommandRefuses(folder, saying: message)
        let result = try SRSProcess.run(["stats", "--data-dir", folder.path, "--user", "ana"], environment: ["TZ": "UTC"])
        #expect(!result.stderr.contains("cut short:"), "\(result.stderr)")
        // The fix the message names: the rebuilt cache covers the whole log.
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("users/ana/cards.json"))
        let rebuilt = try SRSProcess.run(["stats", "--data-dir", folder.path, "--user", "ana"], environment: ["TZ": "UTC"])
        #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
        let snapshot = try String(contentsOf: folder.url.appendingPathComponent("users/ana/cards.json"), encoding: .utf8)
        #expect(snapshot.contains("\"log_records\":3,\"log_bytes\":\(size)"), "\(snapshot)")
    }

    /// A log that lost records cards.json covers is cut short, and said so with what it holds.
    @Test func aLogCutShortIsNamedAsSuch() throws {
        let folder = try answered()
        let ends = try lineEnds(folder)
        let url = folder.url.appendingPathComponent("users/ana/reviews.jsonl")
        try Data(contentsOf: url).prefix(ends[1]).write(to: url)
        try everyCommandRefuses(folder, saying: "reviews.jsonl: the review log is \(ends[1]) bytes and holds 1 record, but cards.json covers its first \(ends[3]) bytes (3 records): it was cut short")
    }

    /// `log_bytes` inside the log but not at the end of record `log_records`: the message says
    /// where that record does end.
    @Test func aSnapshotThatEndsMidRecordSaysWhereItsRecordEnds() throws {
        let folder = try answered()
        let ends = try lineEnds(folder)
        try edit(folder, "cards.json") { $0 = $0.replacingOccurrences(of: "\"log_bytes\":\(ends[3]),", with: "\"log_bytes\":\(ends[3] - 10),") }
        try everyCommandRefuses(folder, saying: "cards.json says it covers the first \(ends[3] - 10) bytes (3 records) of this log, but record 3 does not end there: it ends at byte \(ends[3]), so cards.json's log_bytes is wrong or the log was edited")
    }

    @Test func aLogThatNoLongerMatchesItsSnapshotIsRefusedByEveryCommand() throws {
        let folder = try answered()
        try edit(folder, "reviews.jsonl") { $0 = $0.replacingOccurrences(of: "\"card\":\"sd-3\"", with: "\"x\":1,\"card\":\"sd-3\"") }
        try everyCommandRefuses(folder, saying: "does not end there")
    }
}

/// `$TZ` as the learner's shell sets it.
@Suite struct TimeZoneCommandTests {
    @Test func aColonZoneIsReadAsThatZoneAndAnUnknownOneIsExit64() throws {
        let folder = try TempFolder().withCards(["sd-1"])
        // 03:30 UTC on 29 November is 22:30 on the 28th in New York: that study day.
        let answered = try SRSProcess.run(["answer", "--data-dir", folder.path, "--user", "ana", "--at", "2026-11-29T03:30:00Z"],
                                          input: "sd-1 good\n", environment: ["TZ": ":America/New_York"])
        #expect(answered.status == 0, "\(answered.stderr)")
        let stats = try SRSProcess.run(["stats", "--json", "--data-dir", folder.path, "--user", "ana", "--as-of", "2026-11-28"],
                                       environment: ["TZ": ":America/New_York"])
        #expect(stats.status == 0, "\(stats.stderr)")
        #expect(stats.stdout.contains("\"study_day\": \"2026-11-28\",\n  \"time_zone\": \"America/New_York\","), "\(stats.stdout)")
        #expect(stats.stdout.contains("\"today\": {\n    \"answers\": 1,"), "\(stats.stdout)")
        for command in [["answer"], ["stats"], ["decks"], ["review"], ["unsuspend"]] {
            let result = try SRSProcess.run(command + ["--data-dir", folder.path, "--user", "ana"], environment: ["TZ": "Nowhere/Place"])
            #expect(result.status == 64, "\(command): \(result.stderr)")
            #expect(result.stderr.hasPrefix("Error: TZ=Nowhere/Place cannot be used"), "\(command): \(result.stderr)")
        }
    }
}

/// A `srs stats` that finds no snapshot writes the one it rebuilt, unless a session holds the lock.
@Suite struct StatsSnapshotTests {
    @Test func statsWritesTheRebuiltSnapshotOnlyWhenTheLockIsFree() throws {
        let folder = try TempFolder().withCards(["sd-1", "sd-2"])
        try StatsCommandTests.answer("sd-1 good\nsd-2 easy\n", at: "2026-11-29T09:00:00Z", in: folder)
        let user = folder.url.appendingPathComponent("users/ana")
        let snapshot = user.appendingPathComponent("cards.json")
        _ = try StatsCommandTests.stats([], in: folder) // `srs answer` appends only: this writes the first snapshot
        let written = try Data(contentsOf: snapshot)
        try FileManager.default.removeItem(at: snapshot)
        // A review session holds the lock: stats does not wait for it and writes nothing.
        let fd = open(user.appendingPathComponent("lock").path, O_RDONLY)
        #expect(flock(fd, LOCK_EX) == 0)
        let locked = try SRSProcess.run(["stats", "--data-dir", folder.path, "--user", "ana"], environment: ["TZ": "UTC"])
        #expect(locked.status == 0, "\(locked.stderr)")
        #expect(!FileManager.default.fileExists(atPath: snapshot.path))
        close(fd)
        let free = try SRSProcess.run(["stats", "--data-dir", folder.path, "--user", "ana"], environment: ["TZ": "UTC"])
        #expect(free.status == 0, "\(free.stderr)")
        #expect(try Data(contentsOf: snapshot) == written)
    }
}
