import Foundation
import Testing
@testable import SRSCore

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

    @Test func oneDeckWithAYearOfHistory() throws {
        let report = StatsReport.compute(StatsFixtures.input(historyDays: 365, onlyDeck: 1))
        try Self.expectGolden(StatsText.render(report, user: "alice", style: TextStyle(width: 80)),
                              "berlin-capitals-365.txt")
    }
}
