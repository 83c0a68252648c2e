/// The elements open at a point of a card's HTML, opened and closed as HTML's tree construction
/// does ("in body"), for the elements a card uses: an end tag closes its element and those open
/// inside it; an end tag whose element is not open is ignored; and the end tags HTML lets one
/// omit are implied: a `<p>` ends at the next block or list start (or the end of its parent),
/// an `<li>` at the next `<li>`, a `<dt>`/`<dd>` at the next `<dt>`/`<dd>`, a heading at the next
/// heading, a cell at the next cell or row, a row at the next row, an `<option>` at the next option.
/// A formatting element (`<b>`, `<span>`'s kin) closed around a block leaves the block open, as
/// the adoption agency algorithm does. `HTMLWriter` uses it to know where a hidden element ends.
struct OpenElements {
    /// An open element: its name and what HTML's rules make of it.
    struct Element {
        let name: String
        let kind: Kind
    }

    private(set) var elements: [Element] = []
    /// The position of one element the caller marked (the hidden element), while it is open.
    private(set) var marked: Int?

    /// At most this many elements are open: a start tag beyond it ends the innermost one first,
    /// so that no look-up walks further on hostile input.
    static let maximumDepth = 512

    /// Opens or closes what `tag` opens or closes; true when it opened an element (the innermost now).
    mutating func apply(_ tag: HTMLTokens.Tag) -> Bool {
        let kind = Self.kinds[tag.name] ?? []
        if tag.closing {
            close(tag.name, kind)
            return false
        }
        closeImplied(by: tag.name, kind)
        guard !kind.contains(.void) else { return false }
        if elements.count == Self.maximumDepth { removeFrom(elements.count - 1) }
        elements.append(Element(name: tag.name, kind: kind))
        return true
    }

    /// Marks the innermost element.
    mutating func markInnermost() { marked = elements.indices.last }

    /// Closes the element at `index` and every element inside it.
    private mutating func removeFrom(_ index: Int) {
        elements.removeSubrange(index...)
        if let mark = marked, mark >= index { marked = nil }
    }

    /// Closes the element at `index` and those inside it that are not special, leaving the
    /// special ones (blocks, items, cells) open.
    private mutating func closeLeavingSpecial(from index: Int) {
        var kept: [Element] = []
        for (position, element) in elements[index...].enumerated() {
            if position > 0, element.kind.contains(.special) {
                if index + position == marked { marked = index + kept.count }
                kept.append(element)
            } else if index + position == marked {
                marked = nil
            }
        }
        elements.replaceSubrange(index..., with: kept)
    }

    // MARK: start tags

    private mutating func closeImplied(by name: String, _ kind: Kind) {
        if kind.contains(.listItem) {
            closeItem(.listItem)
        } else if kind.contains(.definition) {
            closeItem(.definition)
        } else if kind.contains(.button) {
            closeInScope(.button, .scopeBoundary)
        } else if kind.contains(.cell) {
            closeInScope(.cell, [.row, .tableBoundary])
        } else if kind.contains(.row) {
            closeInScope(.row, .tableBoundary)
        } else if kind.contains(.tableSection) {
            closeInScope(.tableSection, .tableBoundary)
        } else if kind.contains(.option) {
            if elements.last?.name == "option" { removeFrom(elements.count - 1) }
        } else if kind.contains(.ruby), let last = elements.last, last.kind.contains(.rubyText) {
            removeFrom(elements.count - 1)
        }
        if kind.contains(.closesParagraph) { closeParagraph() }
        if kind.contains(.heading), let last = elements.last, last.kind.contains(.heading) { removeFrom(elements.count - 1) }
    }

    /// `<li>` (or `<dd>`/`<dt>`): the open item of `item`'s kind nearest the top ends, unless a
    /// block other than `<address>`, `<div>` or `<p>` is open inside it.
    private mutating func closeItem(_ item: Kind) {
        for index in elements.indices.reversed() {
            let kind = elements[index].kind
            if kind.contains(item) { removeFrom(index); return }
            if kind.contains(.special), !kind.contains(.passedByItems) { return }
        }
    }

    /// A `<p>` open in button scope ends, and everything inside it.
    private mutating func closeParagraph() { closeInScope(.paragraph, [.scopeBoundary, .button]) }

    /// The open element of `kind` nearest the top ends, with everything inside it, if no element
    /// of `boundary` is open above it.
    private mutating func closeInScope(_ kind: Kind, _ boundary: Kind) {
        if let index = inScope(boundary, where: { $0.kind.contains(kind) }) { removeFrom(index) }
    }

    // MARK: end tags

    private mutating func close(_ name: String, _ kind: Kind) {
        if kind.contains(.heading) {
            closeInScope(.heading, .scopeBoundary)
        } else if kind.contains(.listItem) {
            closeInScope(.listItem, [.scopeBoundary, .list])
        } else if kind.contains(.paragraph) {
            closeParagraph()
        } else if kind.contains(.tablePart) {
            if let index = inScope(.tableBoundary, where: { $0.name == name }) { removeFrom(index) }
        } else if kind.contains(.special) {
            if let index = inScope(.scopeBoundary, where: { $0.name == name }) { removeFrom(index) }
        } else if kind.contains(.formatting) {
            closeFormatting(name)
        } else {
            closeOther(name)
        }
    }

    /// A formatting element's end: the element nearest the top of that name ends, and the
    /// inline elements inside it with it; the blocks opened inside it stay open (the adoption
    /// agency algorithm moves them out of it).
    private mutating func closeFormatting(_ name: String) {
        guard let index = inScope(.scopeBoundary, where: { $0.name == name }) else { return }
        closeLeavingSpecial(from: index)
    }

    /// Any other end tag: the nearest open element of its name ends, unless a special element
    /// (a block, a list item, a cell) is open inside it: then the tag is ignored.
    private mutating func closeOther(_ name: String) {
        for index in elements.indices.reversed() {
            if elements[index].name == name { removeFrom(index); return }
            if elements[index].kind.contains(.special) { return }
        }
    }

    /// The index of the open element nearest the top that `matches`, if no element of
    /// `boundary` is open above it.
    private func inScope(_ boundary: Kind, where matches: (Element) -> Bool) -> Int? {
        for index in elements.indices.reversed() {
            if matches(elements[index]) { return index }
            if !elements[index].kind.isDisjoint(with: boundary) { return nil }
        }
        return nil
    }

    // MARK: HTML's element categories

    /// What HTML's tree construction makes of an element, by its name (one look-up a tag).
    struct Kind: OptionSet {
        let rawValue: UInt32
        static let void = Kind(rawValue: 1 << 0)
        /// HTML's "special" elements: an end tag of another kind does not close them.
        static let special = Kind(rawValue: 1 << 1)
        static let formatting = Kind(rawValue: 1 << 2)
        static let heading = Kind(rawValue: 1 << 3)
        /// The start tags that end an open `<p>`.
        static let closesParagraph = Kind(rawValue: 1 << 4)
        /// Where a look-up "in scope" stops; with `.button` for button scope, `.list` for list item scope.
        static let scopeBoundary = Kind(rawValue: 1 << 5)
        static let tableBoundary = Kind(rawValue: 1 << 6)
        static let tablePart = Kind(rawValue: 1 << 7)
        static let paragraph = Kind(rawValue: 1 << 8)
        static let listItem = Kind(rawValue: 1 << 9)
        static let list = Kind(rawValue: 1 << 10)
        static let definition = Kind(rawValue: 1 << 11)
        /// The blocks a new `<li>`, `<dd>` or `<dt>` looks past for the item it ends.
        static let passedByItems = Kind(rawValue: 1 << 12)
        static let button = Kind(rawValue: 1 << 13)
        static let cell = Kind(rawValue: 1 << 14)
        static let row = Kind(rawValue: 1 << 15)
        static let tableSection = Kind(rawValue: 1 << 16)
        static let option = Kind(rawValue: 1 << 17)
        static let ruby = Kind(rawValue: 1 << 18)
        static let rubyText = Kind(rawValue: 1 << 19)
    }

    static let headings = ["h1", "h2", "h3", "h4", "h5", "h6"]

    static let kinds: [String: Kind] = {
        var kinds: [String: Kind] = [:]
        func add(_ kind: Kind, _ names: [String]) { for name in names { kinds[name, default: []].formUnion(kind) } }
        add(.void, ["area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param",
                    "source", "track", "wbr"])
        add(.special, headings + [
            "address", "applet", "area", "article", "aside", "base", "basefont", "bgsound", "blockquote", "body", "br",
            "button", "caption", "center", "col", "colgroup", "dd", "details", "dir", "div", "dl", "dt", "embed",
            "fieldset", "figcaption", "figure", "footer", "form", "frame", "frameset", "head", "header", "hgroup", "hr",
            "html", "iframe", "img", "input", "keygen", "li", "link", "listing", "main", "marquee", "menu", "meta", "nav",
            "noembed", "noframes", "noscript", "object", "ol", "p", "param", "plaintext", "pre", "script", "search",
            "section", "select", "source", "style", "summary", "table", "tbody", "td", "template", "textarea", "tfoot",
            "th", "thead", "title", "tr", "track", "ul", "wbr", "xmp",
        ])
        add(.formatting, ["a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u"])
        add(.heading, headings)
        add(.closesParagraph, headings + [
            "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset",
            "figcaption", "figure", "footer", "header", "hgroup", "main", "menu", "nav", "ol", "p", "search", "section",
            "summary", "ul", "pre", "listing", "form", "li", "dd", "dt", "plaintext", "table", "hr", "xmp",
        ])
        add(.scopeBoundary, ["applet", "caption", "html", "table", "td", "th", "marquee", "object", "template"])
        add(.tableBoundary, ["html", "table", "template"])
        add(.tablePart, ["table", "caption", "colgroup", "tbody", "thead", "tfoot", "tr", "td", "th"])
        add(.paragraph, ["p"])
        add(.listItem, ["li"])
        add(.list, ["ol", "ul"])
        add(.definition, ["dd", "dt"])
        add(.passedByItems, ["address", "div", "p"])
        add(.button, ["button"])
        add(.cell, ["td", "th"])
        add(.row, ["tr"])
        add(.tableSection, ["thead", "tbody", "tfoot"])
        add(.option, ["option", "optgroup"])
        add(.ruby, ["rb", "rt", "rp", "rtc"])
        add(.rubyText, ["rb", "rt", "rp"])
        return kinds
    }()
}
