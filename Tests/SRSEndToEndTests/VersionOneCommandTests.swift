import Foundation
import Testing

/// The version-1 progress of `Tests/SRSStoreTests/Fixtures/v1` through the built binary:
/// `srs stats` (read-only) reads it as it is and prints what the srs that wrote it printed;
/// a writing command upgrades it and the figures stay the same.
@Suite struct VersionOneCommandTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../SRSStoreTests/Fixtures/v1").standardized

    /// Version-1 stats JSON with the figures srs added later: leeches (none here) and the
    /// reviews held back by today's limit (none).
    static func withLaterFields(_ json: String) -> String {
        json.replacingOccurrences(of: "    \"total\": 32\n", with: "    \"total\": 32,\n    \"leeches\": 0,\n    \"leech_cards\": []\n")
            .replacingOccurrences(of: "    \"tomorrow\": 1,\n", with: "    \"tomorrow\": 1,\n    \"held_back\": 0,\n")
    }

    @Test func statsReadVersionOneAndAWritingCommandUpgradesIt() throws {
        let data = TempFolder()
        try FileManager.default.copyItem(at: Self.fixture.appendingPathComponent("users"), to: data.url.appendingPathComponent("users"))
        let log = data.url.appendingPathComponent("users/ada/reviews.jsonl")
        let v1 = try Data(contentsOf: log)
        let expected = try String(contentsOf: Self.fixture.appendingPathComponent("stats-as-of-2026-12-01.json"), encoding: .utf8)
        let args = ["--data-dir", data.path, "--user", "ada"]
        let env = ["TZ": "Etc/UTC"]
        let stats = try SRSProcess.run(["stats", "--json", "--as-of", "2026-12-01"] + args, environment: env)
        // The figures of the srs that wrote it, plus the leech count added since.
        #expect(stats.status == 0 && stats.stdout == Self.withLaterFields(expected), "\(stats.stderr)")
        #expect(try Data(contentsOf: log) == v1, "a read-only command left the v1 log as it was")
        let listing = try SRSProcess.run(["unsuspend"] + args, environment: env)
        let unchanged = try Data(contentsOf: log) == v1
        #expect(listing.stdout == "No suspended cards.\n" && unchanged)
        let writing = try SRSProcess.run(["unsuspend", "--all"] + args, environment: env)
        #expect(writing.status == 0 && writing.stdout == "Unsuspended 0 cards.\n")
        let upgraded = try String(contentsOf: log, encoding: .utf8)
        #expect(upgraded.hasPrefix("{\"format\":\"srs-review-log\",\"version\":2}\n{\"id\":\"v1-1-"))
        let after = try SRSProcess.run(["stats", "--json", "--as-of", "2026-12-01"] + args, environment: env)
        #expect(after.status == 0 && after.stdout == Self.withLaterFields(expected))
    }
}
