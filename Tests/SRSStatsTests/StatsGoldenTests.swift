import Foundation
import Testing
import SRSCore
@testable import SRSStats

/// Golden text and JSON for the fixed synthetic learner. Re-record on purpose only:
/// `SRS_RECORD_GOLDEN=1 swift test --filter StatsGolden`, then read the diff.
@Suite struct StatsGoldenTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/stats", isDirectory: true)

    static func expectGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["SRS_RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "\(name) differs; re-record with SRS_RECORD_GOLDEN=1 if intended",
                sourceLocation: sourceLocation)
    }

    @Test(arguments: [80, 120])
    func text(width: Int) throws {
        let report = StatsReport.compute(StatsFixtures.input())
        try Self.expectGolden(StatsText.render(report, user: "alice", style: TextStyle(width: width)),
                              "berlin-\(width).txt")
    }

    @Test func json() throws {
        let report = StatsReport.compute(StatsFixtures.input())
        try Self.expectGolden(StatsJSON.render(report, user: "alice"), "berlin.json")
    }

    /// The study day of 28 March 2026 in Berlin runs from 04:00 CET (03:00Z) to 04:00 CEST
    /// (02:00Z on the 29th): 23 hours. Counted independently of the day clock.
    @Test func theDaylightSavingDayHoldsItsTwentyThreeHours() throws {
        let input = StatsFixtures.input()
        let report = StatsReport.compute(input)
        let start = try #require(ISOTime.parse("2026-03-28T03:00:00Z"))
        let end = try #require(ISOTime.parse("2026-03-29T02:00:00Z"))
        let expected = input.history.events.filter { $0.time >= start && $0.time < end }.count
        let index = try #require(report.history.perDayNames.firstIndex(of: "2026-03-28"))
        #expect(report.history.perDay[index] == expected)
        #expect(input.history.events.contains { $0.kind == .practice && $0.time >= end - 3600 && $0.time < end })
    }

    @Test func oneDeckWithAYearOfHistory() throws {
        let report = StatsReport.compute(StatsFixtures.input(historyDays: 365, onlyDeck: 1))
        try Self.expectGolden(StatsText.render(report, user: "alice", style: TextStyle(width: 80)),
                              "berlin-capitals-365.txt")
    }
}
