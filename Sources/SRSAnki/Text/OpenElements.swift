/// The elements open at a point of a card's HTML, opened and closed as HTML's tree construction
/// does ("in body"), for the elements a card uses: an end tag closes its element and those open
/// inside it; an end tag whose element is not open is ignored; and the end tags HTML lets one
/// omit are implied: a `<p>` ends at the next block or list start (or the end of its parent),
/// an `<li>` at the next `<li>`, a `<dt>`/`<dd>` at the next `<dt>`/`<dd>`, a heading at the next
/// heading, a cell at the next cell or row, a row at the next row, an `<option>` at the next option.
/// A formatting element (`<b>`, `<span>`'s kin) closed around a block leaves the block open, as
/// the adoption agency algorithm does. `HTMLWriter` uses it to know where a hidden element ends.
struct OpenElements {
    private(set) var names: [String] = []
    /// The position of one element the caller marked (the hidden element), while it is open.
    private(set) var marked: Int?

    /// At most this many elements are open: a start tag beyond it ends the innermost one first,
    /// so that no look-up walks further on hostile input.
    static let maximumDepth = 512

    /// Opens or closes what `tag` opens or closes; true when it opened an element (the innermost now).
    mutating func apply(_ tag: HTMLTokens.Tag) -> Bool {
        if tag.closing {
            close(tag.name)
            return false
        }
        closeImplied(by: tag.name)
        guard !Self.voidElements.contains(tag.name) else { return false }
        if names.count == Self.maximumDepth { removeFrom(names.count - 1) }
        names.append(tag.name)
        return true
    }

    /// Marks the innermost element.
    mutating func markInnermost() { marked = names.indices.last }

    /// Closes the element at `index` and every element inside it.
    private mutating func removeFrom(_ index: Int) {
        names.removeSubrange(index...)
        if let mark = marked, mark >= index { marked = nil }
    }

    /// Closes the element at `index` alone, leaving the ones inside it open.
    private mutating func remove(at index: Int) {
        names.remove(at: index)
        guard let mark = marked, mark >= index else { return }
        marked = mark == index ? nil : mark - 1
    }

    // MARK: start tags

    private mutating func closeImplied(by name: String) {
        switch name {
        case "li": closeItem(["li"])
        case "dd", "dt": closeItem(["dd", "dt"])
        case "button": if let index = inScope(["button"], Self.defaultScope) { removeFrom(index) }
        case "td", "th": popThrough(["td", "th"], stoppingAt: ["tr", "table", "template", "html"])
        case "tr": popThrough(["tr"], stoppingAt: Self.tableScope)
        case "thead", "tbody", "tfoot": popThrough(["thead", "tbody", "tfoot"], stoppingAt: Self.tableScope)
        case "option", "optgroup": if names.last == "option" { removeFrom(names.count - 1) }
        case "rb", "rt", "rp", "rtc": if let last = names.last, ["rb", "rt", "rp"].contains(last) { removeFrom(names.count - 1) }
        default: break
        }
        if Self.closesParagraph.contains(name) { closeParagraph() }
        if Self.headings.contains(name), let last = names.last, Self.headings.contains(last) { removeFrom(names.count - 1) }
    }

    /// `<li>` (or `<dd>`/`<dt>`): the open item of `kinds` nearest the top ends, unless a block
    /// other than `<address>`, `<div>` or `<p>` is open inside it.
    private mutating func closeItem(_ kinds: Set<String>) {
        for index in names.indices.reversed() {
            if kinds.contains(names[index]) { removeFrom(index); return }
            if Self.special.contains(names[index]), !["address", "div", "p"].contains(names[index]) { return }
        }
    }

    /// A `<p>` open in button scope ends, and everything inside it.
    private mutating func closeParagraph() {
        if let index = inScope(["p"], Self.buttonScope) { removeFrom(index) }
    }

    private mutating func popThrough(_ kinds: Set<String>, stoppingAt boundary: Set<String>) {
        if let index = inScope(kinds, boundary) { removeFrom(index) }
    }

    // MARK: end tags

    private mutating func close(_ name: String) {
        if Self.headings.contains(name) {
            if let index = inScope(Self.headings, Self.defaultScope) { removeFrom(index) }
        } else if name == "li" {
            if let index = inScope(["li"], Self.listItemScope) { removeFrom(index) }
        } else if name == "p" {
            closeParagraph()
        } else if Self.tableParts.contains(name) {
            popThrough([name], stoppingAt: Self.tableScope)
        } else if Self.special.contains(name) {
            if let index = inScope([name], Self.defaultScope) { removeFrom(index) }
        } else if Self.formatting.contains(name) {
            closeFormatting(name)
        } else {
            closeOther(name)
        }
    }

    /// A formatting element's end: the element nearest the top of that name ends; the blocks
    /// opened inside it stay open (moved out of it), inline elements inside it end with it.
    private mutating func closeFormatting(_ name: String) {
        guard let index = inScope([name], Self.defaultScope) else { return }
        if names[(index + 1)...].contains(where: Self.special.contains) {
            remove(at: index)
        } else {
            removeFrom(index)
        }
    }

    /// Any other end tag: the nearest open element of its name ends, unless a special element
    /// (a block, a list item, a cell) is open inside it: then the tag is ignored.
    private mutating func closeOther(_ name: String) {
        for index in names.indices.reversed() {
            if names[index] == name { removeFrom(index); return }
            if Self.special.contains(names[index]) { return }
        }
    }

    /// The index of the open element of `kinds` nearest the top, if no element of `boundary` is
    /// open above it.
    private func inScope(_ kinds: Set<String>, _ boundary: Set<String>) -> Int? {
        for index in names.indices.reversed() {
            if kinds.contains(names[index]) { return index }
            if boundary.contains(names[index]) { return nil }
        }
        return nil
    }

    // MARK: HTML's element categories

    /// The elements without content or end tag.
    static let voidElements: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link",
                                            "meta", "param", "source", "track", "wbr"]

    static let headings: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]
    static let defaultScope: Set<String> = ["applet", "caption", "html", "table", "td", "th", "marquee", "object", "template"]
    static let buttonScope = defaultScope.union(["button"])
    static let listItemScope = defaultScope.union(["ol", "ul"])
    static let tableScope: Set<String> = ["html", "table", "template"]
    static let tableParts: Set<String> = ["table", "caption", "colgroup", "tbody", "thead", "tfoot", "tr", "td", "th"]
    /// The start tags that end an open `<p>`.
    static let closesParagraph: Set<String> = headings.union([
        "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset",
        "figcaption", "figure", "footer", "header", "hgroup", "main", "menu", "nav", "ol", "p", "search", "section",
        "summary", "ul", "pre", "listing", "form", "li", "dd", "dt", "plaintext", "table", "hr", "xmp",
    ])
    static let formatting: Set<String> = ["a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u"]
    /// HTML's "special" elements: an end tag of another kind does not close them.
    static let special: Set<String> = headings.union([
        "address", "applet", "area", "article", "aside", "base", "basefont", "bgsound", "blockquote", "body", "br",
        "button", "caption", "center", "col", "colgroup", "dd", "details", "dir", "div", "dl", "dt", "embed",
        "fieldset", "figcaption", "figure", "footer", "form", "frame", "frameset", "head", "header", "hgroup", "hr",
        "html", "iframe", "img", "input", "keygen", "li", "link", "listing", "main", "marquee", "menu", "meta", "nav",
        "noembed", "noframes", "noscript", "object", "ol", "p", "param", "plaintext", "pre", "script", "search",
        "section", "select", "source", "style", "summary", "table", "tbody", "td", "template", "textarea", "tfoot",
        "th", "thead", "title", "tr", "track", "ul", "wbr", "xmp",
    ])
}
