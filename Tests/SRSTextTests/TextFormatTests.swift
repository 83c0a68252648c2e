import Testing
@testable import SRSText

/// The stats' number and duration formats, and column fitting.
@Suite struct TextFormatTests {
    @Test(arguments: [(0, "0"), (999, "999"), (1000, "1,000"), (1_234_567, "1,234,567"), (-4200, "-4,200")])
    func counts(n: Int, text: String) {
        #expect(TextFormat.count(n) == text)
    }

    /// One duration format for the review's summary and the stats (issue 8: they were `1 min 49 s`
    /// and `1m 22s`).
    @Test(arguments: [(400, "0 s"), (45_000, "45 s"), (60_000, "1 min"), (750_000, "12 min 30 s"), (3_900_000, "1 h 5 min")])
    func durations(ms: Int64, text: String) {
        #expect(Format.duration(millis: ms) == text)
    }

    @Test func countsWithANounArePluralUnlessOne() {
        #expect(TextFormat.count(1, "card") == "1 card")
        #expect(TextFormat.count(0, "review") == "0 reviews")
        #expect(TextFormat.count(1_200, "repeat") == "1,200 repeats")
        #expect(TextFormat.days(1) == "1 day")
    }

    @Test func decimalsAndPercentages() {
        #expect(TextFormat.decimal(2.456, places: 2) == "2.46")
        #expect(TextFormat.decimal(1234.5, places: 1) == "1,234.5")
        #expect(TextFormat.percent(0.9125) == "91.3%")
        #expect(TextFormat.percent(nil) == "—")
        #expect(TextFormat.percent(1) == "100%")
        #expect(TextFormat.percent(0.99999) == "100.0%")
        #expect(TextFormat.percent(0) == "0%")
    }

    @Test func wideCharactersTakeTwoColumns() {
        #expect(Columns.width("日本語") == 6)
        #expect(Columns.width("é") == 1)
        #expect(Columns.fit("日本語のデッキ", 7) == "日本語…")
        #expect(Columns.width(Columns.left("日本", 6)) == 6)
    }
}
