import Testing
@testable import SRSText

/// The stats' number and duration formats, and column fitting.
@Suite struct TextFormatTests {
    @Test(arguments: [(0, "0"), (999, "999"), (1000, "1,000"), (1_234_567, "1,234,567"), (-4200, "-4,200")])
    func counts(n: Int, text: String) {
        #expect(TextFormat.count(n) == text)
    }

    @Test(arguments: [(400, "0s"), (45_000, "45s"), (750_000, "12m 30s"), (3_900_000, "1h 05m")])
    func durations(ms: Int, text: String) {
        #expect(TextFormat.duration(milliseconds: ms) == text)
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
