import Testing
@testable import SRSAnki
import SRSCore

@Suite struct HTMLTextTests {
    @Test(arguments: [
        ("a<br>b", "a\nb"),
        ("a<br><br><br>b", "a\n\nb"),
        ("<div>one</div><div>two</div>", "one\ntwo"),
        ("<p>one</p>\n\n<p>two</p>", "one\ntwo"),
        ("  lots   of\n\tspace  ", "lots of space"),
        ("<ul><li>on the Seine</li><li>2.1 M people</li></ul>", "• on the Seine\n• 2.1 M people"),
        ("<ol><li>first</li><li>second</li></ol>", "1. first\n2. second"),
        ("<ul><li>a<ul><li>b</li></ul></li></ul>", "• a\n  • b"),
        ("2&nbsp;+&nbsp;2 &amp; &lt;b&gt; &quot;q&quot; &#39;s&#39; &#x1F600; &eacute;", "2 + 2 & <b> \"q\" 's' 😀 é"),
        ("AT&T &bogus; &#0; & alone", "AT&T &bogus; &#0; & alone"),
        ("4<br><img src=\"cat.png\">", "4\n[image: cat.png]"),
        ("see <img src='caf&eacute; tiles.png' /> here", "see [image: café tiles.png] here"),
        ("<img src=plain.jpg>", "[image: plain.jpg]"),
        ("[sound:bell.wav] a bell", "[sound: bell.wav] a bell"),
        (#"\(x^2\) is \[\frac{1}{2}\]"#, #"\(x^2\) is \[\frac{1}{2}\]"#),
        ("<style>.card { color: red }</style>Front", "Front"),
        ("<script>alert(1)</script>safe", "safe"),
        ("a<!-- hidden -->b", "ab"),
        ("a < b and c<5", "a < b and c<5"),
        ("question<hr id=answer>answer", "question\n\nanswer"),
        ("red \u{1B}[31mtext\u{7}", "red \u{241B}[31mtext\u{2407}"),
        ("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "a b\nc"),
        ("<pre>x = 1\n  y</pre>", "x = 1\n  y"),
        // What Anki never shows: an element with display none (Image Occlusion's masks), a button.
        ("a<div style=\"display: none\">{{c1::mask}}<div>in</div>still<img src=x.png></div>b", "ab"),
        ("a<span style='color:red;DISPLAY:NONE'>x</span>b<button id=toggle>Toggle masks</button>", "ab"),
        ("<div style=\"display: block\">shown</div>", "shown"),
    ])
    func plainText(_ html: String, _ text: String) {
        #expect(HTMLText.plain(html) == text)
    }

    @Test func boldItalicAndUnderlineAreKeptAsRunsOrMarks() {
        let html = "What is <b>2 + 2</b>, <i>really</i>, <u>now</u>?"
        #expect(HTMLText.runs(html) == [
            TextRun("What is "), TextRun("2 + 2", bold: true), TextRun(", "), TextRun("really", italic: true),
            TextRun(", "), TextRun("now", underline: true), TextRun("?"),
        ])
        #expect(HTMLText.marked(html) == "What is **2 + 2**, *really*, _now_?")
        #expect(HTMLText.marked("<b><i>both</i></b>") == "***both***")
    }

    @Test func tagsAreStrippedWithEntitiesLeftForTheTextFilter() {
        #expect(HTMLText.stripTags("<b>a &amp; b</b><br>c") == "a &amp; bc")
    }
}

/// The shortcut for text without markup gives exactly what the tokenizer gives.
@Suite struct PlainTextShortcutTests {
    @Test func textWithoutMarkupComesOutAsTheTokenizerWouldGiveIt() {
        var generator = SeededGenerator(seed: 12)
        let alphabet = Array(" aZ09.,;:!?*_-'\"/\\(){}|~^`#%$@=+  ")
        var shortcuts = 0
        for _ in 0..<5_000 {
            let length = Int.random(in: 0...24, using: &generator)
            let text = String((0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
            if HTMLText.isPlainAlready(text) { shortcuts += 1 }
            #expect(HTMLText.plain(text) == HTMLText.runs(text).map(\.text).joined(), "\(text)")
        }
        #expect(shortcuts > 500)
        for marked in ["a<b", "a&amp;", "[sound:x]", " lead", "trail ", "two  spaces", "tab\there", "é"] {
            #expect(!HTMLText.isPlainAlready(marked))
        }
    }
}

/// The byte-wise text layout for ASCII gives exactly what the character-wise one gives, on random
/// ASCII HTML with tags, comments, entities and whitespace.
@Suite struct ASCIIPathTests {
    static let pieces = ["<", ">", "</", "<br>", "<b>", "</b>", "<i>", "<div>", "</div>", "<!--", "-->", "<!-- c -->",
                         "<img src=\"a.png\">", "<li>", "<ul>", "</ul>", "&amp;", "&nbsp;", "&", ";", " ", "  ", "\t", "\n",
                         "\r\n", "\r", "a", "Word", "x y", "[sound:a.mp3]", "[", "{{", "=", "'", "\"", "<3", "< b", "<hr id=answer>"]

    static func randomHTML(_ generator: inout SeededGenerator) -> String {
        (0..<Int.random(in: 0...16, using: &generator)).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &generator)] }.joined()
    }

    @Test func asciiTextIsLaidOutAsCharacterByCharacter() {
        var generator = SeededGenerator(seed: 22)
        var ascii = 0
        for _ in 0..<5_000 {
            let html = Self.randomHTML(&generator)
            var bytewise = HTMLWriter(), characterwise = HTMLWriter()
            for token in HTMLTokens.tokens(html) {
                switch token {
                case .text(let text):
                    let safe = HTMLText.safe(HTMLText.soundTags(Entities.decode(text)))
                    // `text` takes the byte-wise path only for ASCII (a lone CR comes out of the
                    // sanitiser as a symbol, not ASCII).
                    if safe.utf8.allSatisfy({ $0 < 0x80 }) { bytewise.asciiText(safe); ascii += 1 } else { bytewise.characterText(safe) }
                    characterwise.characterText(safe)
                case .tag(let tag):
                    guard tag.name != "pre" else { continue }
                    bytewise.tag(tag)
                    characterwise.tag(tag)
                }
            }
            #expect(bytewise.runs == characterwise.runs, "\(html.debugDescription)")
        }
        #expect(ascii > 1_000)
    }

    @Test func whitespaceIsCharacterWhitespace() {
        let characters = (0..<0x80).map { Character(Unicode.Scalar(UInt8($0))) } + ["\r\n", "\u{85}", "\u{A0}", "\u{2028}", "\u{3000}", "é", "\u{200B}"]
        for character in characters {
            #expect(HTMLWriter.isWhitespace(character) == character.isWhitespace, "\(character.unicodeScalars.map(\.value))")
        }
    }

    @Test func theAnswerStartsAfterTheFirstMarkerInAnyCase() {
        for (answer, rest) in [("Q<hr id=answer>A", "A"), ("Q<HR ID=ANSWER>A<hr id=answer>B", "A<hr id=answer>B"),
                               ("no marker", nil), ("<hr id=answe", nil), ("é<Hr Id=Answer>ü", "ü")] as [(String, String?)] {
            #expect(AnkiConversion.answerStart(answer).map { String(answer[$0...]) } == rest)
        }
    }
}

/// A hidden element (`display: none`, a button) ends where a browser ends it, its end tag
/// omitted or not; each expectation is the text html5lib 1.1 (a WHATWG parser) leaves visible.
@Suite struct HiddenElementTests {
    @Test(arguments: [
        // A <p> ends at the next block or paragraph, or at its parent's end tag.
        ("<p style=\"display:none\">secret<p>visible", "visible"),
        ("<p style=\"display:none\">a<div>b</div>c", "b\nc"),
        ("<div><p style=\"display:none\">secret</div>after", "after"),
        ("<p style=\"display:none\">a<span>b<p>c", "c"),
        ("<p style=\"display:none\">a<ul><li>b</ul>c", "• b\nc"),
        // An end tag whose element is not open closes nothing.
        ("<p style=\"display:none\">secret</div>still hidden<p>shown", "shown"),
        // A <li> ends at the next <li>, not at one in a list inside it.
        ("<ul><li style=\"display:none\">secret<li>shown</ul>", "• shown"),
        ("<ul><li style=\"display:none\">a<ul><li>b</ul>c<li>d</ul>", "• d"),
        ("<ol><li>one<li style=\"display:none\">two<li>three</ol>", "1. one\n2. three"),
        // <dt>/<dd>, cells, headings.
        ("<dl><dt style=\"display:none\">term<dd>definition</dl>", "definition"),
        ("<table><tr><td style=\"display:none\">a<td>b</table>", "b"),
        ("<table><tr><td>a</td><td style=\"display:none\">b<tr><td>c</table>", "a\nc"),
        ("<h1 style=\"display:none\">a<h2>b</h2>c", "b\nc"),
        // Nesting: elements of the same name inside the hidden one, closed or not.
        ("<div style=\"display:none\">a<p>b<div>c</div>d</div>e", "e"),
        ("<div style=\"display:none\">a<p>b</p>c</p>d</div>e", "e"),
        ("<p style=\"display:none\">a<p style=\"display:none\">b<p>c", "c"),
        ("<button>x<button>y</button>z", "z"),
        // A formatting element closed around a block: the block stays open, and hidden.
        ("<b style=\"display:none\"><p>x</b>y", "y"),
        ("<b><p style=\"display:none\">x</b>y<p>z", "z"),
        ("<span style=\"display:none\"><p>a</span>b", ""),
        ("<i>a<blockquote>b<span style=\"display:none\"></i>c", "a\nbc"),
        ("<i>a<div>b<p style=\"display:none\">c<span>d</i>e</div>f", "a\nb\nf"),
        // Unclosed at the end of the field, and the template's markup after it.
        ("<p style=\"display:none\">secret", ""),
        ("front<div><p style=\"display:none\">secret</div><div>back</div>", "front\nback"),
        // Upper-case tags and attributes.
        ("<P STYLE=\"DISPLAY: NONE\">secret<P>visible", "visible"),
        ("<UL><LI STYLE=display:none>x<LI>y</UL>", "• y"),
        ("<DIV STYLE=\"Display:None\">a<DIV>b</DIV>c</DIV>d", "d"),
    ])
    func hiddenElementEndsWhereABrowserEndsIt(_ html: String, _ text: String) {
        #expect(HTMLText.plain(html) == text)
    }

    @Test func nestingDeeperThanTheLimitKeepsTheHiddenElementHidden() {
        let deep = String(repeating: "<span>", count: OpenElements.maximumDepth + 10)
        #expect(HTMLText.plain("a<div style=\"display:none\">" + deep + "x</div>b") == "ab")
        #expect(HTMLText.plain(deep + "<i style=\"display:none\">x</i>y") == "y")
    }
}

/// The tokenizer finds `<`, `>` and comments as bytes, and splits as a walk character by character
/// would: where a byte and a character differ (a combining mark, a joiner or a prepended mark
/// next to the markup), the character decides.
@Suite struct HTMLTokensTests {
    static func tag(_ name: String, closing: Bool = false, _ attributes: [String: String] = [:]) -> HTMLTokens.Token {
        .tag(HTMLTokens.Tag(name: name, closing: closing, attributes: attributes))
    }

    @Test(arguments: [
        ("a<b>c</b>", [.text("a"), tag("b"), .text("c"), tag("b", closing: true)]),
        ("a < b<5 <3", [.text("a < b<5 <3")]),
        ("x<!-- c -->y<!-- open", [.text("xy")]),
        ("<img src=\"caf&eacute;.png\" alt='a b'>", [tag("img", ["src": "café.png", "alt": "a b"])]),
        ("a\r\n<b>c", [.text("a\r\n"), tag("b"), .text("c")]),
        // Not ASCII: the same split where every markup byte is a character of its own.
        ("日本<i>語</i>", [.text("日本"), tag("i"), .text("語"), tag("i", closing: true)]),
        ("👍🏽<br>👩‍👩‍👧", [.text("👍🏽"), tag("br"), .text("👩‍👩‍👧")]),
        // A tag opens at any letter, ASCII or not.
        ("<é>x</é>", [tag("é"), .text("x"), tag("é", closing: true)]),
        // `<` with a combining mark, or after a prepended mark, is another character: text.
        ("a<\u{301}b>c", [.text("a<\u{301}b>c")]),
        ("\u{600}<b>x", [.text("\u{600}<b>x")]),
        // `>` with a combining mark or a variation selector does not close the tag.
        ("<b>\u{301}x</b>", [tag("b")]),
        ("<img src=\"é.png\">\u{FE0F}", [.text("<img src=\"é.png\">\u{FE0F}")]),
        // A comment ends where Foundation finds `-->`: before a joiner, not before a combining mark.
        ("x<!-- c -->\u{200D}y", [.text("x\u{200D}y")]),
        ("<!-->\u{301}x", []),
        ("<!--\u{301}-->y", [tag(""), .text("y")]),
    ] as [(String, [HTMLTokens.Token])])
    func splitsAsCharacters(_ html: String, _ tokens: [HTMLTokens.Token]) {
        #expect(HTMLTokens.tokens(html) == tokens)
    }
}
