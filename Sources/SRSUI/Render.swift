import SRSCore
import SRSText

/// Screen layout: header (title, counts, progress bar), body, status line, footer of keys.
extension ReviewSession {
    /// Below this the screen only says the terminal is too small.
    public static let minimumSize = Size(columns: 40, rows: 10)
    /// A notice wraps onto at most this many rows.
    static let maxNoticeRows = 3
    /// Below this many rows the header drops its progress bar and the footer its less used keys.
    static let roomyRows = 16

    /// Draws the session for a terminal of `size`.
    public func render(_ size: Size) -> Screen {
        guard Self.fits(size) else { return tooSmallScreen(size) }
        let header = headerRows(size)
        let footer = footerRows(size)
        let notice = noticeRows(width: size.columns)
        let height = size.rows - header.count - max(notice.count, 1) - footer.count
        let body = visibleBody(width: size.columns, height: height)
        let status = notice.isEmpty ? [scrollHint(width: size.columns, height: height)] : notice
        let rows = header + body + Array(repeating: Row(), count: max(height - body.count, 0)) + status + footer
        return Screen(size: size, rows: rows)
    }

    static func fits(_ size: Size) -> Bool {
        size.columns >= minimumSize.columns && size.rows >= minimumSize.rows
    }

    var isTooSmall: Bool { !Self.fits(size) }

    /// Rows the body has at the current size.
    var bodyHeight: Int {
        max(size.rows - headerRows(size).count - max(noticeRows(width: size.columns).count, 1)
            - footerRows(size).count, 1)
    }

    /// Body width: one column of margin each side, and no wider than lines are easy to read.
    static func bodyWidth(_ columns: Int) -> Int { min(max(columns - 2, 1), maxLineWidth) }

    /// Lines longer than about 100 characters are hard to follow back to the next line's start.
    static let maxLineWidth = 100

    func tooSmallScreen(_ size: Size) -> Screen {
        let lines = ["Terminal too small:", "\(size.columns)×\(size.rows).",
                     "Make it at least", "\(Self.minimumSize.columns)×\(Self.minimumSize.rows).", "q quits."]
        let top = max((size.rows - lines.count) / 2, 0)
        let rows = lines.map { line in
            Row(String(repeating: " ", count: max((size.columns - DisplayWidth.of(line)) / 2, 0)) + line, .bold)
        }
        return Screen(size: size, rows: Array(repeating: Row(), count: top) + rows)
    }

    // MARK: header

    /// Title and counts, then (when there is room) a progress bar and a blank row.
    func headerRows(_ size: Size) -> [Row] {
        guard size.rows >= Self.roomyRows else { return [titleRow(width: size.columns, position: true)] }
        return [titleRow(width: size.columns, position: false), progressRow(width: size.columns), Row()]
    }

    /// The deck name (cut short when needed), the position in compact mode, and the counts.
    func titleRow(width: Int, position: Bool) -> Row {
        let counts = countSpans()
        let countsWidth = counts.reduce(0) { $0 + $1.width }
        let place = position && isReviewing ? "  \(queue.done + 1)/\(queue.total)" : ""
        let name = " " + TextLayout.sanitize(title, keepNewlines: false)
        let room = max(width - countsWidth - DisplayWidth.of(place) - 2, 2)
        let shown = DisplayWidth.of(name) > room ? DisplayWidth.prefix(of: name, fitting: room - 1) + "…" : name
        let gap = String(repeating: " ", count: max(width - DisplayWidth.of(shown + place) - countsWidth - 1, 1))
        return Row([Span(shown, .bold), Span(place), Span(gap)] + counts)
    }

    /// Remaining cards by kind, coloured like Anki's (new blue, relearning red, review green).
    func countSpans() -> [Span] {
        if practice {
            return [Span("practice ", .dim), Span("\(queue.remaining.count)", .color(.yellow, bold: true))]
        }
        // Anki's three counts: new, learning, review; classic SM-2 has same-day repeats instead.
        let (middle, count) = reviewer.repeatsSameDay ? ("repeat", queue.count(.sameDay)) : ("learning", queue.count(.learning))
        return [Span("new ", .dim), Span("\(queue.count(.new))", .color(.blue, bold: true)),
                Span("  \(middle) ", .dim), Span("\(count)", .color(.red, bold: true)),
                Span("  review ", .dim), Span("\(queue.count(.review))", .color(.green, bold: true))]
    }

    func progressRow(width: Int) -> Row {
        let total = max(queue.total, 1)
        let done = isReviewing ? queue.done : total
        let label = isReviewing ? " card \(done + 1) of \(queue.total) " : " done "
        let barWidth = max(width - DisplayWidth.of(label) - 1, 1)
        let filled = barWidth * done / total
        return Row([Span(" "), Span(String(repeating: "━", count: filled), .color(.green)),
                    Span(String(repeating: "─", count: barWidth - filled), .dim), Span(label)])
    }

    // MARK: body and status

    /// All body rows for the current state, before scrolling.
    func bodyRows(width: Int) -> [Row] {
        if showingHelp { return helpRows(width: width) }
        if case let .reviewing(view) = mode, let card = cards[view.entry.card] {
            return cardLayout(view: view, card: card, width: width).rows
        }
        if case let .waiting(due) = mode { return waitingRows(due: due, width: width) }
        return idleRows(width: width)
    }

    var bodyScroll: Int {
        if showingHelp { return helpScroll }
        if case let .reviewing(view) = mode { return view.scroll }
        return idleScroll
    }

    func visibleBody(width: Int, height: Int) -> [Row] {
        guard height > 0 else { return [] }
        let rows = bodyRows(width: Self.bodyWidth(width))
        let start = min(bodyScroll, max(rows.count - height, 0))
        return rows.dropFirst(start).prefix(max(height, 0)).map { Row([Span(" ")] + $0.spans) }
    }

    /// What just happened or what the next key means, wrapped; empty when there is nothing to say.
    func noticeRows(width: Int) -> [Row] {
        var text = notice.map { TextLayout.sanitize($0, keepNewlines: false) }
        if text == nil, case let .reviewing(view) = mode, view.fixingKey {
            text = "Which option is correct? Press its letter (Esc cancels)."
        }
        guard let text else { return [] }
        return TextLayout.wrap(text, width: Self.bodyWidth(width)).prefix(Self.maxNoticeRows)
            .map { Row(" " + $0, .color(.yellow, bold: true)) }
    }

    /// Where the card continues when it does not fit.
    func scrollHint(width: Int, height: Int) -> Row {
        let total = bodyRows(width: Self.bodyWidth(width)).count
        let start = min(bodyScroll, max(total - height, 0))
        let above = start > 0, below = start + height < total
        guard above || below else { return Row() }
        let arrows = (above ? "↑" : "") + (below ? "↓" : "")
        // While choosing an option, ↑↓ move the highlight: only the page keys scroll.
        let keys = keyPlace == .choosing ? "PgUp/PgDn" : "PgUp/PgDn or ↑↓"
        return Row(" \(arrows) more: \(keys) to scroll", .dim)
    }

    /// The largest useful scroll position of the body.
    var maxBodyScroll: Int {
        max(bodyRows(width: Self.bodyWidth(size.columns)).count - bodyHeight, 0)
    }

    /// Scrolls so the highlighted option is fully on screen.
    mutating func keepHighlightVisible() {
        guard case let .reviewing(view) = mode, let card = cards[view.entry.card],
              case let .choosing(highlighted?) = view.phase else { return }
        let layout = cardLayout(view: view, card: card, width: Self.bodyWidth(size.columns))
        guard layout.optionRows.indices.contains(highlighted) else { return }
        let rows = layout.optionRows[highlighted]
        let height = bodyHeight
        var scroll = min(view.scroll, max(layout.rows.count - height, 0))
        if rows.lowerBound < scroll { scroll = rows.lowerBound }
        if rows.upperBound > scroll + height { scroll = rows.upperBound - height }
        modifyView { $0.scroll = max(scroll, 0) }
    }
}
