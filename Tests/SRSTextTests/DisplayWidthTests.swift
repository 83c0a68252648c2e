import Testing
@testable import SRSText

/// The one width rule (`DisplayWidth`), pinned character by character. Terminals differ on some
/// emoji; these are the widths srs lays out with (docs/review-screen.md, "Text width").
@Suite struct DisplayWidthTests {
    static let cases: [(text: String, width: Int, what: String)] = [
        ("a", 1, "ASCII"), ("é", 1, "precomposed letter"),
        // ZWJ sequences: one picture.
        ("👨‍👩‍👧", 2, "ZWJ family"), ("👩‍💻", 2, "ZWJ profession"), ("🏳️‍🌈", 2, "ZWJ flag with VS16"),
        // Variation selectors.
        ("❤️", 2, "text-default emoji + VS16"), ("❤", 1, "text-default emoji alone"),
        ("❤︎", 1, "text-default emoji + VS15"), ("☺️", 2, "smiley + VS16"), ("1️⃣", 2, "keycap"),
        ("1", 1, "digit (an emoji base) alone"),
        // Emoji presentation.
        ("⌚", 2, "emoji-presentation watch"), ("⌚︎", 2, "watch + VS15 stays wide"), ("😀", 2, "face"),
        ("🇯🇵", 2, "flag"), ("👍🏽", 2, "emoji + skin tone"), ("☝🏽", 2, "text-default emoji + skin tone"),
        // CJK and fullwidth.
        ("日", 2, "CJK ideograph"), ("한", 2, "Hangul syllable"), ("Ａ", 2, "fullwidth letter"),
        ("、", 2, "ideographic comma"), ("ｱ", 1, "halfwidth katakana"),
        ("±", 1, "East Asian Ambiguous"), ("─", 1, "box drawing (Ambiguous)"),
        ("\u{1100}\u{1161}\u{11A8}", 2, "Hangul from jamo"),
        // Combining marks.
        ("e\u{301}", 1, "letter + combining acute"), ("\u{301}", 0, "lone combining mark"),
        ("a\u{20DD}", 1, "enclosing mark"),
        // Controls and format characters.
        ("\u{1B}", 0, "ESC"), ("\u{07}", 0, "BEL"), ("\u{85}", 0, "C1 control"), ("\u{7F}", 0, "DEL"),
        ("\u{200B}", 0, "zero-width space"), ("\u{200D}", 0, "lone ZWJ"), ("\u{202E}", 0, "bidi override"),
        ("\u{AD}", 1, "soft hyphen"),
    ]

    @Test func everyPinnedCharacterHasItsWidth() {
        for c in Self.cases {
            #expect(DisplayWidth.of(c.text) == c.width, "\(c.what)")
            #expect(c.text.count <= 1, "\(c.what) is one character")
        }
    }

    @Test func stringWidthAddsCharacters() {
        #expect(DisplayWidth.of("日本語 abc") == 10)
        #expect(DisplayWidth.of("a👨‍👩‍👧b❤️c") == 7)
        #expect(DisplayWidth.of("") == 0)
    }

    @Test func prefixNeverSplitsAWideCharacter() {
        #expect(DisplayWidth.prefix(of: "日本語", fitting: 5) == "日本")
        #expect(DisplayWidth.prefix(of: "ab日", fitting: 3) == "ab")
        #expect(DisplayWidth.prefix(of: "👨‍👩‍👧x", fitting: 1) == "")
    }

    @Test func columnsUseTheSameRule() {
        for c in Self.cases { #expect(Columns.width(c.text) == c.width, "\(c.what)") }
        #expect(Columns.left("❤️", 3) == "❤️ ")
        #expect(Columns.right("⌚", 3) == " ⌚")
        #expect(Columns.fit("👨‍👩‍👧👨‍👩‍👧x", 4) == "👨‍👩‍👧…")
        #expect(Columns.fit("e\u{301}e\u{301}e\u{301}", 2) == "e\u{301}…")
    }

    @Test func colourEscapesTakeNoColumns() {
        #expect(Columns.visibleWidth("\u{1B}[1m日本\u{1B}[0m ok") == 7)
    }
}
