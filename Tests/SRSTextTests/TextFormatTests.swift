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

    /// Values no whole number holds once scaled (an average interval of 2^63 days read from a
    /// crafted log, infinity, NaN) are written as Swift writes a Double, not a trap (exit 132).
    @Test func valuesBeyondAWholeNumberAreWrittenNotATrap() {
        #expect(TextFormat.decimal(9.223372036854775807e18, places: 1) == "9.223372036854776e+18")
        #expect(TextFormat.decimal(-1e300, places: 2) == "-1e+300")
        #expect(TextFormat.decimal(1e18, places: 1) == "1e+18") // 10^19 once scaled: past Int.max
        #expect(TextFormat.decimal(9e17, places: 1) == "900,000,000,000,000,000.0")
        #expect(TextFormat.decimal(.infinity, places: 1) == "inf")
        #expect(TextFormat.decimal(-.infinity, places: 0) == "-inf")
        #expect(TextFormat.decimal(.nan, places: 1) == "nan")
        #expect(TextFormat.percent(.nan) == "nan%")
    }

    @Test func wideCharactersTakeTwoColumns() {
        #expect(Columns.width("日本語") == 6)
        #expect(Columns.width("é") == 1)
        #expect(Columns.fit("日本語のデッキ", 7) == "日本語…")
        #expect(Columns.width(Columns.left("日本", 6)) == 6)
    }
}
