import Foundation
import SRSCore
import Testing

@Suite struct ScheduleCommandTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("SRSCoreTests/Fixtures")

    @Test func reproducesTheReferenceVectorsFromAFileAndFromStdin() throws {
        let input = Self.fixtures.appendingPathComponent("sm2.input.jsonl").path
        let expected = try String(contentsOf: Self.fixtures.appendingPathComponent("sm2.jsonl"), encoding: .utf8)
        let fromFile = try SRSProcess.run(["schedule", "--scheduler", "sm2", input])
        #expect(fromFile.status == 0)
        #expect(fromFile.stdout == expected)
        let fromStdin = try SRSProcess.run(["schedule"], input: try String(contentsOfFile: input, encoding: .utf8))
        #expect(fromStdin.status == 0)
        #expect(fromStdin.stdout == expected)
    }

    @Test(arguments: [
        ("not json\n", "Error: <stdin>:1: not a JSON object"),
        ("{\"card\":\"a\",\"index\":0,\"review_at\":\"2025-01-01T00:00:00Z\"}\n", "Error: <stdin>:1: missing field \"grade\""),
        ("{\"card\":\"a\",\"index\":0,\"review_at\":\"2025-01-01T00:00:00Z\",\"grade\":6}\n", "Error: <stdin>:1: grade 6 is outside 0-5"),
        ("{\"card\":\"a\",\"index\":0,\"review_at\":\"2025-01-01T00:00:00Z\",\"grade\":4.5}\n", "Error: <stdin>:1: field \"grade\" must be an integer"),
        ("{\"card\":\"a\",\"index\":0,\"review_at\":\"2025-01-02T00:00:00Z\",\"grade\":4}\n{\"card\":\"a\",\"index\":1,\"review_at\":\"2025-01-01T00:00:00Z\",\"grade\":4}\n",
         "Error: <stdin>:2: card \"a\" review 1 at 2025-01-01T00:00:00Z is before its previous review"),
        ("{\"card\":\"a\",\"index\":1,\"review_at\":\"2025-01-01T00:00:00Z\",\"grade\":4}\n", "Error: <stdin>:1: card \"a\" has review index 1 where 0 was expected"),
        ("{\"card\":\"a\",\"index\":0,\"review_at\":\"yesterday\",\"grade\":4}\n", "Error: <stdin>:1: review_at \"yesterday\" is not an ISO 8601 time"),
        // A fraction of a second would be dropped, and the interval computed from the wrong time
        // (an outside check: Easy at 10:00:00.600, Good a day later at 10:00:00 read as a full day).
        ("{\"card\":\"a\",\"index\":0,\"review_at\":\"2025-01-01T10:00:00.600Z\",\"grade\":4}\n",
         "Error: <stdin>:1: review_at \"2025-01-01T10:00:00.600Z\" has a fraction of a second; review lines give whole seconds"),
    ])
    func aBadLineIsNamedAndExits65(input: String, message: String) throws {
        let result = try SRSProcess.run(["schedule"], input: input)
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix(message), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func anUnknownSchedulerOrMissingFileIsAUsageError() throws {
        let unknown = try SRSProcess.run(["schedule", "--scheduler", "fsrs9"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("unknown scheduler 'fsrs9'"))
        let missing = try SRSProcess.run(["schedule", "/nonexistent/reviews.jsonl"])
        #expect(missing.status == 66)
    }
}

/// `srs schedule` against all three vector sets, as `compare.py` checks them (here the output
/// is even byte for byte the reference files).
@Suite struct ScheduleVectorTests {
    /// The public sets, plus longer ones made the same way from the references themselves
    /// (`Fixtures/generators/`): real Anki in New York's zone (DST included) and py-fsrs.
    @Test(arguments: [("anki", "anki", ["--rollover-hour", "5", "--time-zone", "UTC"]), ("fsrs", "fsrs", []), ("sm2", "sm2", []),
                      ("anki-new-york", "anki", ["--rollover-hour", "5", "--time-zone", "America/New_York"]),
                      ("fsrs-long", "fsrs", [])])
    func reproducesTheReferenceVectors(name: String, scheduler: String, options: [String]) throws {
        let input = ScheduleCommandTests.fixtures.appendingPathComponent("\(name).input.jsonl").path
        let expected = try String(contentsOf: ScheduleCommandTests.fixtures.appendingPathComponent("\(name).jsonl"), encoding: .utf8)
        let result = try SRSProcess.run(["schedule", "--scheduler", scheduler] + options + [input])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == expected)
    }

    @Test func theHelpNamesTheRolloverAndZoneOptions() throws {
        let help = try SRSProcess.run(["schedule", "--help"]).stdout
        #expect(help.contains("--rollover-hour") && help.contains("--time-zone") && help.contains("--fuzz"))
    }

    @Test func aDueDatePastWhatSrsCanRepresentNamesTheLine() throws {
        var lines = ""
        var time: EpochSeconds = 1_735_689_600
        for index in 0..<40 {
            lines += "{\"card\": \"c\", \"index\": \(index), \"review_at\": \"\(ISOTime.format(time))\", \"grade\": 5}\n"
            time += 86_400
        }
        let result = try SRSProcess.run(["schedule", "--scheduler", "sm2"], input: lines)
        #expect(result.status == 65)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("<stdin>:") && result.stderr.contains("9999-12-31T23:59:59Z"), "\(result.stderr)")
    }

    @Test func anUnknownZoneOrHourIsAUsageError() throws {
        #expect(try SRSProcess.run(["schedule", "--scheduler", "anki", "--time-zone", "Mars/Olympus"]).status == 64)
        #expect(try SRSProcess.run(["schedule", "--scheduler", "anki", "--rollover-hour", "24"]).status == 64)
    }

    @Test func fuzzIsOffUnlessAskedAndTheSameOnEveryRun() throws {
        let input = ScheduleCommandTests.fixtures.appendingPathComponent("fsrs.input.jsonl").path
        let plain = try SRSProcess.run(["schedule", "--scheduler", "fsrs", input]).stdout
        let fuzzed = try SRSProcess.run(["schedule", "--scheduler", "fsrs", "--fuzz", input]).stdout
        #expect(fuzzed != plain)
        #expect(try SRSProcess.run(["schedule", "--scheduler", "fsrs", "--fuzz", input]).stdout == fuzzed)
    }
}
