import Foundation
import Testing

/// Command-line defects found by trying srs as a learner would (issue 8, point 9).
@Suite struct LearnerCommandLineTests {
    @Test func theSharedOptionsMayComeBeforeTheCommand() throws {
        let folder = TempFolder()
        let data = folder.path + "/data"
        let after = try SRSProcess.run(["stats", "--data-dir", data, "--user", "ann", "--as-of", "2026-03-28"])
        let before = try SRSProcess.run(["--data-dir", data, "--user", "ann", "stats", "--as-of", "2026-03-28"])
        #expect(before.status == 0, "\(before.stderr)")
        #expect(before.stdout == after.stdout)
        let joined = try SRSProcess.run(["--data-dir=\(data)", "--user=ann", "decks"])
        #expect(joined.status == 0, "\(joined.stderr)")
        #expect(joined.stdout.hasPrefix("DECK "))
    }

    @Test func answerAtADateMeansTheStartOfThatStudyDay() throws {
        let folder = TempFolder()
        let data = folder.path + "/data"
        // Classic SM-2's first interval (a new user would get Anki's learning steps).
        try FileManager.default.createDirectory(atPath: data + "/users/ann", withIntermediateDirectories: true)
        try Data("{\"scheduler\": \"sm2\"}".utf8).write(to: URL(fileURLWithPath: data + "/users/ann/settings.json"), options: [])
        try TempFolder.writeCards(["c1"], dataDir: URL(fileURLWithPath: data))
        let result = try SRSProcess.run(["answer", "--data-dir", data, "--user", "ann", "--at", "2026-10-01"],
                                        input: "c1 good\n", environment: ["TZ": "UTC"])
        #expect(result.status == 0, "\(result.stderr)")
        // The study day starts at 04:00 (the default rollover); a first Good comes back a day later.
        #expect(result.stdout.contains("\"due\":\"2026-10-02T04:00:00Z\""), "\(result.stdout)")
        let bad = try SRSProcess.run(["answer", "--data-dir", folder.path + "/other", "--at", "2026-02-30"], input: "c1 good\n")
        #expect(bad.status == 64)
        #expect(bad.stderr == "Error: --at 2026-02-30 is not an ISO 8601 time such as 2026-11-29T09:00:00Z or a date such as 2026-11-29\n")
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/other"), "a usage error creates nothing")
    }

    @Test func aSessionStoppedWithCtrlZIsNamedWithFg() throws {
        let folder = TempFolder()
        let data = folder.path + "/data"
        try TempFolder.writeCards(["c1", "c2"], dataDir: URL(fileURLWithPath: data))
        let (first, input, output) = try SRSProcess.start(["answer", "--data-dir", data, "--user", "ann"])
        defer {
            kill(first.processIdentifier, SIGCONT)
            try? input.fileHandleForWriting.close()
            first.waitUntilExit()
        }
        // Once it has acknowledged an answer it holds the lock; then stop it as Ctrl-Z does.
        try input.fileHandleForWriting.write(contentsOf: Data("c1 good\n".utf8))
        #expect(!output.fileHandleForReading.availableData.isEmpty)
        kill(first.processIdentifier, SIGTSTP)
        let stat = { (try? String(contentsOfFile: "/proc/\(first.processIdentifier)/stat", encoding: .utf8)) ?? "" }
        for _ in 0..<100 where !stat().contains(") T ") { Thread.sleep(forTimeInterval: 0.02) }
        #expect(stat().contains(") T "), "srs did not stop: \(stat())")
        let second = try SRSProcess.run(["answer", "--data-dir", data, "--user", "ann"], input: "c2 good\n")
        #expect(second.status == 75)
        #expect(second.stderr.contains("(pid \(first.processIdentifier), stopped with Ctrl-Z). Resume it with `fg` in the terminal it was started in, then quit it (q)"),
                "\(second.stderr)")
    }
}
