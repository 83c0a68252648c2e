import Foundation
import Testing
import SRSCore
@testable import SRSStats
import SRSText

@Suite struct StatsTextTests {
    static let report = StatsReport.compute(StatsFixtures.input())

    @Test(arguments: [40, 60, 72, 80, 100, 120, 200])
    func noLineIsWiderThanTheTerminal(width: Int) {
        for days in [30, 365] {
            let report = StatsReport.compute(StatsFixtures.input(historyDays: days))
            let text = StatsText.render(report, user: "alice", style: TextStyle(width: width, color: true))
            for line in text.split(separator: "\n") {
                #expect(Columns.visibleWidth(String(line)) <= max(width, TextStyle.minimumWidth), "days \(days): \(line)")
            }
        }
    }

    @Test func aOneDayHistoryStillSaysToday() {
        let report = StatsReport.compute(StatsFixtures.input(historyDays: 1))
        let lines = StatsText.render(report, user: "alice", style: TextStyle(width: 80)).split(separator: "\n")
        #expect(lines.contains { $0.trimmingCharacters(in: .whitespaces) == "today" })
    }

    @Test func aNarrowTerminalShowsRatesAloneAndWrapsNotes() {
        var report = Self.report
        report.retention[2].young = PassFail(passed: 123_456, failed: 1_234)  // "99.0% of 124,690"
        let text = StatsText.render(report, user: "alice", style: TextStyle(width: 60))
        #expect(text.contains("  last 7 days   88.9%"))
        #expect(!text.contains("% of "))
        #expect(text.contains("True retention\n(first answer of a card each day"))
    }

    @Test func colourOnlyWhenAskedFor() {
        let plain = StatsText.render(Self.report, user: "alice", style: TextStyle(width: 80, color: false))
        let coloured = StatsText.render(Self.report, user: "alice", style: TextStyle(width: 80, color: true))
        #expect(!plain.contains("\u{1B}"))
        #expect(coloured.contains("\u{1B}[1m"))
    }

    @Test func noProgressYetIsAWelcomeNotAnError() {
        var w = StatsWorld()
        w.decks = [DeckCards(name: "Capitals", cards: (1...12).map { CardID("c\($0)") })]
        let text = StatsText.render(w.report(), user: "new learner", style: TextStyle())
        #expect(text.contains("No reviews yet: 12 cards are waiting, 12 of them new."))
        #expect(text.contains("srs review"))
        #expect(text.contains("Capitals"))
        let empty = StatsText.render(StatsWorld().report(), user: "x", style: TextStyle())
        #expect(empty.contains("srs import"))
    }

    /// Issue 8: "1 cards", "1 reviews", "1 repeats"; and the time is the answers' sum, labelled.
    @Test func oneOfAKindIsSingularAndTheTimeIsLabelled() {
        var w = StatsWorld()
        w.decks = [DeckCards(name: "Capitals", cards: [CardID("a"), CardID("b")])]
        w.answer("a", at: w.now - 60, kind: .review, millis: 4_000)
        w.answer("b", at: w.now - 50, grade: .again, kind: .learn, millis: 3_000)
        w.answer("b", at: w.now - 40, kind: .repeat, millis: 83_000)
        let text = StatsText.render(w.report(), user: "u", style: TextStyle(width: 200))
        #expect(text.contains("Today 2 cards studied (3 answers) · answer time 1 min 30 s ·"), "\(text)")
        #expect(text.contains("1 new, 1 review, 1 repeat"), "\(text)")
        var one = StatsWorld()
        one.decks = [DeckCards(name: "Capitals", cards: [CardID("a")])]
        #expect(StatsText.render(one.report(), user: "u", style: TextStyle()).contains("No reviews yet: 1 card is waiting, 1 of them new."))
    }

    @Test func terminalEscapesInNamesAreNeutralised() {
        var w = StatsWorld()
        w.decks = [DeckCards(name: "evil\u{1B}]0;pwned\u{07}", cards: [CardID("a")])]
        let text = StatsText.render(w.report(), user: "u\u{1B}[2J", style: TextStyle())
        #expect(!text.contains("\u{1B}"))
        #expect(!text.contains("\u{07}"))
    }

    @Test func theJSONIsValidAndVersioned() throws {
        let text = StatsJSON.render(Self.report, user: "alice")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["version"] as? Int == 1)
        #expect(text.hasPrefix("{\n  \"version\": 1,"))
        let due = try #require(object["due"] as? [String: Any])
        #expect(due["now"] as? Int == Self.report.due.now)
    }

    @Test func heatLevelsMatchTheLegend() {
        #expect((0...8).map { TextCharts.heatLevel($0, peak: 8) } == [0, 1, 1, 2, 2, 3, 3, 4, 4])
    }
}
