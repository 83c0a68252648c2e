import Testing
@testable import SRSText

@Suite struct QuizTerminalSafeTests {
    @Test(arguments: [
        ("plain ascii", "plain ascii"),
        ("Grüße θ 日本 😀", "Grüße θ 日本 😀"),
        ("\u{1B}[2J\u{1B}]0;title\u{07}", "\u{241B}[2J\u{241B}]0;title\u{2407}"),
        ("a\tb", "a b"),
        ("nul\u{0}del\u{7F}", "nul\u{2400}del\u{2421}"),
        ("csi\u{9B}31m", "csi\u{FFFD}31m"),
        ("rtl\u{202E}txt", "rtl\u{FFFD}txt"),
        ("two\nlines", "two\nlines"),
        ("cr\r", "cr\u{240D}"),
    ])
    func replacesControls(input: String, expected: String) {
        #expect(TerminalSafe.sanitize(input) == expected)
    }

    @Test func newlinesCanBeShownToo() {
        #expect(TerminalSafe.sanitize("a\nb", keepNewlines: false) == "a\u{240A}b")
    }
}
