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
