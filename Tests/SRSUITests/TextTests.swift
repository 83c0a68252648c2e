import Testing
@testable import SRSUI
import SRSText

@Suite struct TextLayoutTests {
    @Test func wrapsAtSpaces() {
        #expect(TextLayout.wrap("the quick brown fox jumps", width: 10) == ["the quick", "brown fox", "jumps"])
    }

    @Test func keepsParagraphs() {
        #expect(TextLayout.wrap("one\n\ntwo", width: 10) == ["one", "", "two"])
    }

    @Test func cutsWordsLongerThanALine() {
        #expect(TextLayout.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
    }

    @Test func breaksBetweenCJKCharacters() {
        let lines = TextLayout.wrap("日本語のテキストです", width: 7)
        #expect(lines == ["日本語", "のテキ", "ストで", "す"])
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 7 })
    }

    @Test func hangingIndent() {
        #expect(TextLayout.wrap("one two three", width: 10, hangingAfter: "A) ") == ["A) one two", "   three"])
    }

    @Test func keepsLeadingIndentationOfAParagraph() {
        #expect(TextLayout.wrap("  code line", width: 20) == ["  code line"])
    }

    @Test(arguments: [("Hola", "hola", true), ("  hóla  ", "Hola.", true), ("Ｈｏｌａ", "hola", true),
                      ("New  York", "new york", true), ("hello", "hola", false), ("", "", false)])
    func lenientAnswerMatching(_ typed: String, _ model: String, _ same: Bool) {
        #expect(TextLayout.sameAnswer(typed, model) == same)
    }

    @Test func sanitizeRemovesEscapeSequencesAndControls() {
        let clean = TextLayout.sanitize("a\u{1B}[2Jb\u{9B}c\u{07}\td\ne\u{7F}")
        #expect(clean == "a␛[2Jb\u{FFFD}c␇ d\ne␡")
        #expect(!clean.unicodeScalars.contains { $0.value == 0x1B })
    }
}

@Suite struct ScreenTests {
    @Test func clipsRowsToTheWidthWithoutSplittingWideCharacters() {
        let screen = Screen(size: Size(columns: 5, rows: 2), rows: [Row("ab日本語"), Row("x"), Row("dropped")])
        #expect(screen.rows.count == 2)
        #expect(screen.rows[0].text == "ab日")
        #expect(screen.rows.allSatisfy { $0.width <= 5 })
    }
}
