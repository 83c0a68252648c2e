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

    @Test(arguments: [
        ("zero\u{200B}width", "zero\u{FFFD}width"), ("word\u{2060}joiner", "word\u{FFFD}joiner"),
        ("\u{FEFF}bom", "\u{FFFD}bom"), ("non\u{200C}joiner", "non\u{FFFD}joiner"),
        ("lone\u{200D}joiner", "lone\u{FFFD}joiner"), ("isolate\u{2066}x\u{2069}", "isolate\u{FFFD}x\u{FFFD}"),
        ("line\u{2028}sep", "line\u{FFFD}sep"), ("soft\u{AD}hyphen", "softhyphen"), ("arabic\u{61C}mark", "arabic\u{FFFD}mark"),
        ("osc52\u{1B}]52;c;aGk=\u{07}", "osc52\u{241B}]52;c;aGk=\u{2407}"),
    ])
    func invisibleAndBidiCharactersAreMadeVisible(input: String, expected: String) {
        #expect(TerminalSafe.sanitize(input) == expected)
    }

    @Test(arguments: ["👨‍👩‍👧 family", "❤️ love", "🏴󠁧󠁢󠁥󠁮󠁧󠁿 England", "👍🏽 ok", "1️⃣ keycap", "line one\nline two", "日本語 ✓"])
    func whatEmojiAndLineBreaksNeedIsKept(text: String) {
        #expect(TerminalSafe.sanitize(text) == text)
    }

    @Test func hidesTextTellsInvisibleCharactersFromEmojiJoiners() {
        #expect(TerminalSafe.hidesText("a\u{200D}"))
        #expect(!TerminalSafe.hidesText("👨‍👩‍👧"))
        #expect(TerminalSafe.hidesText("\u{200B}"))
        #expect(!TerminalSafe.hidesText("❤️"))
    }

    @Test func newlinesCanBeShownToo() {
        #expect(TerminalSafe.sanitize("a\nb", keepNewlines: false) == "a\u{240A}b")
    }
}
