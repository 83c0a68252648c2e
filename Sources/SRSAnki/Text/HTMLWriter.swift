/// Lays text and tags out as terminal text: whitespace collapsed as a browser does, at most one
/// blank line between blocks, nothing trailing.
struct HTMLWriter {
    private(set) var runs: [TextRun] = []
    private var bold = 0, italic = 0, underline = 0, hidden = 0, preformatted = 0
    private var lists: [Int?] = []
    private var pendingBreaks = 0
    private var pendingSpace = false
    private var atLineStart = true

    static let blocks: Set<String> = ["div", "p", "ul", "ol", "table", "tr", "blockquote", "h1", "h2", "h3",
                                      "h4", "h5", "h6", "pre", "section", "article", "header", "footer", "dl", "dt", "dd"]

    mutating func text(_ text: String) {
        guard hidden == 0 else { return }
        let safe = HTMLText.safe(HTMLText.soundTags(text))
        for character in safe {
            if preformatted > 0, character == "\n" { lineBreak() } else if character.isWhitespace, preformatted == 0 || character != " " {
                pendingSpace = pendingSpace || !atLineStart
            } else {
                emit(character)
            }
        }
    }

    mutating func tag(_ tag: HTMLTokens.Tag) {
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
        var prefix = ""
        if pendingBreaks > 0, !runs.isEmpty {
            prefix = String(repeating: "\n", count: pendingBreaks)
        } else if pendingSpace, !runs.isEmpty {
            prefix = " "
        }
        pendingBreaks = 0
        pendingSpace = false
        atLineStart = false
        // A space inside one emphasis belongs to it ("**a b**", not "**a** **b**").
        let sameStyle = runs.last.map { $0.bold == (bold > 0) && $0.italic == (italic > 0) && $0.underline == (underline > 0) } ?? false
        append(prefix, styled: prefix == " " && sameStyle)
        append(String(character), styled: true)
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
}
