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

/// `sanitize` reads runs between C0 controls scalar by scalar and only runs holding an emoji
/// joiner or tag character by grapheme cluster. Its output must be the definition's: every
/// grapheme cluster of the whole text, a scalar kept when it is safe or an emoji sequence needs
/// it, else replaced (a soft hyphen dropped). Checked on random mixtures of the characters
/// where the two could differ (joiners, tags, CR LF, combining marks, flags) and random bytes.
@Suite struct TerminalSafeDefinitionTests {
    static func definition(_ text: String, keepNewlines: Bool, keepTabs: Bool) -> String {
        var out = String.UnicodeScalarView()
        for character in text {
            let emojiScalars = character.unicodeScalars.filter { $0.value > 0xFF && $0.properties.isEmoji }.count
            let tags = character.unicodeScalars.contains { (0xE0020...0xE007F).contains($0.value) } ? 1 : 0
            let emoji = emojiScalars + tags >= 2
            for scalar in character.unicodeScalars {
                let needed = scalar.value == 0x200D || (0xE0020...0xE007F).contains(scalar.value)
                let alone = TerminalSafe.sanitize(String(scalar), keepNewlines: keepNewlines, keepTabs: keepTabs)
                if emoji && needed { out.append(scalar) } else { out.append(contentsOf: alone.unicodeScalars) }
            }
        }
        return String(out)
    }

    static let pieces = ["a", "\u{200D}", "👨", "👩", "❤", "\u{FE0F}", "\u{E0067}", "\u{E007F}", "🏴", "\r", "\n",
                         "\r\n", "\t", "\u{1B}", "\u{AD}", "\u{200B}", "\u{202E}", "é", "e\u{301}", "🇺", "🇸",
                         "\u{9B}", "\u{7F}", "\u{0}", "日", "\u{2028}", "\u{FEFF}", "\u{600}", " ", "\u{1F3FD}",
                         "\u{FFFD}", "\u{915}\u{94D}"]

    @Test func mixturesComeOutAsTheDefinitionSays() {
        var random = SplitMix(seed: 11)
        for _ in 0..<20_000 {
            let text = (0..<random.below(12)).map { _ in Self.pieces[random.below(Self.pieces.count)] }.joined()
            for (newlines, tabs) in [(true, false), (false, false), (true, true)] {
                #expect(TerminalSafe.sanitize(text, keepNewlines: newlines, keepTabs: tabs)
                        == Self.definition(text, keepNewlines: newlines, keepTabs: tabs),
                        "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            }
        }
    }

    @Test func randomBytesComeOutAsTheDefinitionSays() {
        var random = SplitMix(seed: 12)
        for _ in 0..<2_000 {
            let text = String(decoding: (0..<random.below(300)).map { _ in UInt8(random.below(256)) }, as: UTF8.self)
            #expect(TerminalSafe.sanitize(text) == Self.definition(text, keepNewlines: true, keepTabs: false))
        }
    }

    /// One grapheme cluster of 100,001 scalars (`a` and joiners, no control to cut it): the
    /// joiners are not an emoji's, so each is replaced, and the text is read once.
    @Test func aLongClusterOfJoiners() {
        let text = "a" + String(repeating: "\u{200D}", count: 100_000) + "\n👨‍👩‍👧"
        #expect(TerminalSafe.sanitize(text) == "a" + String(repeating: "\u{FFFD}", count: 100_000) + "\n👨‍👩‍👧")
    }

    struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func below(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }
}
