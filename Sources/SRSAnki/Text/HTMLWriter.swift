/// Lays text and tags out as terminal text: whitespace collapsed as a browser does, at most one
/// blank line between blocks, nothing trailing.
struct HTMLWriter {
    private(set) var runs: [TextRun] = []
    private var bold = 0, italic = 0, underline = 0, hidden = 0, preformatted = 0
    private var lists: [Int?] = []
    /// The elements open, as a browser would have them (`OpenElements`).
    private var open = OpenElements()
    /// The name of the element Anki never shows (`display: none`, a button) being skipped; it is
    /// the one `open` marks.
    private var concealed: String?
    private var pendingBreaks = 0
    private var pendingSpace = false
    private var atLineStart = true

    static let blocks: Set<String> = ["div", "p", "ul", "ol", "table", "tr", "blockquote", "h1", "h2", "h3",
                                      "h4", "h5", "h6", "pre", "section", "article", "header", "footer", "dl", "dt", "dd"]

    mutating func text(_ text: String) {
        guard hidden == 0 else { return }
        let safe = HTMLText.safe(HTMLText.soundTags(text))
        if preformatted == 0, safe.utf8.allSatisfy({ $0 < 0x80 }) { asciiText(safe) } else { characterText(safe) }
    }

    /// Sanitised text character by character: any text, in `<pre>` too.
    mutating func characterText(_ safe: String) {
        for character in safe {
            if preformatted > 0, character == "\n" { lineBreak() } else if Self.isWhitespace(character), preformatted == 0 || character != " " {
                pendingSpace = pendingSpace || !atLineStart
            } else {
                emit(character)
            }
        }
    }

    /// `text` for ASCII outside `<pre>`, a word at a time: the word's first character goes
    /// through `emit` (pending breaks and spaces, style), the rest joins the run it started, as
    /// `emit` would put them one by one.
    mutating func asciiText(_ text: String) {
        let utf8 = text.utf8
        let isSpace = { (byte: UInt8) in byte == 0x20 || (0x09...0x0D).contains(byte) }
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index]
            let next = utf8.index(after: index)
            guard !isSpace(byte) else {
                pendingSpace = pendingSpace || !atLineStart
                index = next
                continue
            }
            var end = next
            while end < utf8.endIndex, !isSpace(utf8[end]) { end = utf8.index(after: end) }
            emit(Character(Unicode.Scalar(byte)))
            if end > next { runs[runs.count - 1].text += text[next..<end] }
            index = end
        }
    }

    mutating func tag(_ tag: HTMLTokens.Tag) {
        guard !conceals(tag) else { return }
        switch (tag.name, tag.closing) {
        case ("style", _), ("script", _): hidden = max(0, hidden + (tag.closing ? -1 : 1))
        case ("br", _): lineBreak()
        case ("hr", _): blockBreak(2)
        case ("b", _), ("strong", _): bold = max(0, bold + (tag.closing ? -1 : 1))
        case ("i", _), ("em", _): italic = max(0, italic + (tag.closing ? -1 : 1))
        case ("u", _): underline = max(0, underline + (tag.closing ? -1 : 1))
        case ("img", false): image(tag.attributes["src"] ?? "")
        case ("li", false): listItem()
        case ("ul", false), ("ol", false): lists.append(tag.name == "ol" ? 0 : nil); blockBreak(1)
        case ("ul", true), ("ol", true): _ = lists.popLast(); blockBreak(1)
        case ("pre", _): preformatted = max(0, preformatted + (tag.closing ? -1 : 1)); blockBreak(1)
        case ("td", true), ("th", true): pendingSpace = true
        case let (name, _) where Self.blocks.contains(name): blockBreak(1)
        default: break
        }
    }

    /// Whether `tag` opens, is inside or closes an element Anki's card never shows: one styled
    /// `display: none` (Image Occlusion keeps its masks' text there) or a button (nothing to press
    /// in a terminal). Its text, images and breaks are left out. The element ends where a browser
    /// ends it (`OpenElements`): at its end tag, or where its end is implied (a hidden `<p>` at the
    /// next block, a hidden `<li>` at the next item, either at its parent's end tag); the tag that
    /// ends it by implication is laid out.
    private mutating func conceals(_ tag: HTMLTokens.Tag) -> Bool {
        let opened = open.apply(tag)
        if let name = concealed {
            guard open.marked == nil else { return true }
            concealed = nil
            hidden -= 1
            if tag.closing { return tag.name == name }
        }
        guard opened else { return false }
        let style = (tag.attributes["style"] ?? "").lowercased().filter { !$0.isWhitespace }
        guard tag.name == "button" || style.contains("display:none") else { return false }
        open.markInnermost()
        concealed = tag.name
        hidden += 1
        return true
    }

    private mutating func image(_ source: String) {
        guard hidden == 0, !source.isEmpty else { return }
        if pendingSpace || !atLineStart { pendingSpace = true }
        for character in "[image: \(HTMLText.safe(source))]" { emit(character) }
    }

    private mutating func listItem() {
        blockBreak(1)
        var marker = "• "
        if let last = lists.last, let number = last {
            lists[lists.count - 1] = number + 1
            marker = "\(number + 1). "
        }
        let indent = String(repeating: "  ", count: max(0, lists.count - 1))
        for character in indent + marker { emit(character, literal: true) }
    }

    private mutating func lineBreak() {
        pendingBreaks = min(pendingBreaks + 1, 2)
        pendingSpace = false
        atLineStart = true
    }

    private mutating func blockBreak(_ count: Int) {
        guard !runs.isEmpty else { return }
        pendingBreaks = max(pendingBreaks, count)
        pendingSpace = false
        atLineStart = true
    }

    private mutating func emit(_ character: Character, literal: Bool = false) {
        if pendingBreaks > 0, !runs.isEmpty {
            append(String(repeating: "\n", count: pendingBreaks), styled: false)
        } else if pendingSpace, !runs.isEmpty {
            // A space inside one emphasis belongs to it ("**a b**", not "**a** **b**").
            let sameStyle = runs.last.map(hasCurrentStyle) ?? false
            append(" ", styled: sameStyle)
        }
        pendingBreaks = 0
        pendingSpace = false
        atLineStart = false
        // The common case, another character of the last run's style, without a new string.
        if let last = runs.last, hasCurrentStyle(last) {
            runs[runs.count - 1].text.append(character)
        } else {
            append(String(character), styled: true)
        }
    }

    private func hasCurrentStyle(_ run: TextRun) -> Bool {
        run.bold == (bold > 0) && run.italic == (italic > 0) && run.underline == (underline > 0)
    }

    private mutating func append(_ text: String, styled: Bool) {
        guard !text.isEmpty else { return }
        let run = TextRun(text, bold: styled && bold > 0, italic: styled && italic > 0, underline: styled && underline > 0)
        if let last = runs.last, last.bold == run.bold, last.italic == run.italic, last.underline == run.underline {
            runs[runs.count - 1].text += text
        } else {
            runs.append(run)
        }
    }

    /// `Character.isWhitespace`, answered without a Unicode property look-up for ASCII (tab,
    /// line feed, vertical tab, form feed, carriage return, space; "\r\n" counts as a line feed).
    static func isWhitespace(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue else { return character.isWhitespace }
        return ascii == 0x20 || (0x09...0x0D).contains(ascii)
    }
}
