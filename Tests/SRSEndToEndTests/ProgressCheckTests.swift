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
