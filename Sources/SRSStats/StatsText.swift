import SRSCore
import SRSText

/// The stats report as text for a terminal of `style.width` columns.
public enum StatsText {
    /// Renders the whole report; `user` names whose figures they are in the title.
    public static func render(_ report: StatsReport, user: String, style: TextStyle = TextStyle()) -> String {
        var sections = [title(report, user: user, style: style)]
        if report.hasNoReviews {
            sections.append(welcome(report, style: style))
        } else {
            sections += [summary(report, style: style), forecast(report, style: style),
                         retention(report, style: style), history(report, style: style),
                         distributions(report, style: style)]
        }
        if !report.cards.leeches.isEmpty { sections.append(leeches(report, style: style)) }
        if !report.decks.isEmpty { sections.append(StatsDeckTable.lines(report, style: style)) }
        return sections.map { $0.joined(separator: "\n") }.joined(separator: "\n\n") + "\n"
    }

    /// The leeches by id: cards that lapsed 8 times (and every 4 more), as Anki counts them.
    static func leeches(_ report: StatsReport, style: TextStyle) -> [String] {
        let ids = report.cards.leeches.map { Columns.printable($0.rawValue) }
        let count = ids.count == 1 ? "1 card:" : "\(TextFormat.count(ids.count)) cards:"
        return labelled("Leech", [count] + ids, style: style, separator: ", ", afterFirst: " ")
    }

    static func title(_ report: StatsReport, user: String, style: TextStyle) -> [String] {
        let scope = report.deck.map { "deck \(Columns.printable($0))" } ?? "all decks"
        let date = CivilDate(report.studyDay).map {
            "\(StatsHeatmap.weekdays[$0.weekdayFromMonday]) \($0.day) \($0.monthAbbreviation) \($0.year)"
        } ?? report.studyDay
        let day = "day starts \(TextFormat.twoDigits(report.rolloverHour)):00 \(report.timeZone)"
        return wrap(["Stats for \(Columns.printable(user))", scope, date, day], width: style.width,
                    style: style, first: style.heading)
    }

    /// The summary for a learner who has not answered a card yet.
    static func welcome(_ report: StatsReport, style: TextStyle) -> [String] {
        let c = report.cards
        if c.total == 0 {
            let deck = report.deck.map { "Deck \(Columns.printable($0)) has no cards" } ?? "There are no cards yet"
            return ["\(deck) and no reviews to count.",
                    "Import a quiz with `srs import FILE`, then run `srs review`."]
        }
        return ["No reviews yet: \(TextFormat.count(c.total, "card")) \(c.total == 1 ? "is" : "are") waiting, \(TextFormat.count(c.new)) of them new.",
                "Run `srs review` to start; these figures fill in as you answer."]
    }

    static func summary(_ report: StatsReport, style: TextStyle) -> [String] {
        let t = report.today, d = report.due, c = report.cards
        var todayLine = ["nothing studied yet"]
        if t.answers > 0 {
            let answers = t.answers == t.cards ? "" : " (\(TextFormat.count(t.answers, "answer")))"
            let kinds = [("\(TextFormat.count(t.learn)) new", t.learn), (TextFormat.count(t.review, "review"), t.review),
                         (TextFormat.count(t.repeat, "repeat"), t.repeat), ("\(TextFormat.count(t.practice)) practice", t.practice)]
            todayLine = [
                "\(TextFormat.count(t.cards, "card")) studied\(answers)",
                // The sum of the answers' times, not the sessions' length (the review's summary says that).
                "answer time \(Format.duration(millis: Int64(t.milliseconds)))",
                "Again \(TextFormat.count(t.again))",
                "\(TextFormat.percent(t.correctShare)) correct",
                kinds.filter { $0.1 > 0 }.map(\.0).joined(separator: ", "),
            ]
        }
        // Held-back cards are shown apart, never in "tomorrow" (the end of the review says the same).
        let heldBack = d.heldBack > 0 ? [("held back by today's limit", d.heldBack)] : []
        let dueLine = [("now", d.now), ("later today", d.laterToday), ("tomorrow", d.tomorrow)] + heldBack
            + [("next 7 days", d.next7Days), ("next 30 days", d.next30Days)]
        let cardLine = [("new", c.new), ("learning", c.learning), ("young", c.young), ("mature", c.mature),
                        ("suspended", c.suspended), ("buried", c.buried)]
        let cardParts = cardLine.map { "\($0.0) \(TextFormat.count($0.1))" }
        return labelled("Today", todayLine, style: style)
            + labelled("Due", dueLine.map { "\($0.0) \(TextFormat.count($0.1))" }, style: style)
            + labelled("Cards", ["\(TextFormat.count(c.total)) in all:"] + cardParts, style: style, separator: ", ",
                       afterFirst: " ")
    }

    static func forecast(_ report: StatsReport, style: TextStyle) -> [String] {
        let days = report.due.forecastDays
        let chart = TextCharts.bars(report.due.forecast, xLabel: { i in
            i == 0 ? "today" : TextFormat.shortDate(days[i])
        }, anchor: .first, height: 5, width: min(style.width, 100), style: style)
        return heading("Due in the next 30 days", note: "cards per study day", style: style) + chart
    }

    static func retention(_ report: StatsReport, style: TextStyle) -> [String] {
        let windows = report.retention.map { [$0.young, $0.mature, $0.all] }
        // Rate and count when every cell fits, else the rates alone (a narrow terminal).
        let fullWidth = (windows.flatMap { $0.map { Columns.width(passFail($0)) } }.max() ?? 0) + 2
        let full = 16 + 3 * fullWidth <= style.width
        let cell = full ? min(22, max(fullWidth, (style.width - 16) / 3)) : max(8, (style.width - 16) / 3)
        let header = Columns.left("", 16) + ["young", "mature", "all"].map { Columns.left($0, cell) }.joined()
        let rows = zip(report.retention, windows).map { window, cells in
            let texts = cells.map { full ? passFail($0) : TextFormat.percent($0.rate) }
            return (Columns.left("  last \(window.days) days", 16) + texts.map { Columns.left($0, cell) }.joined())
                .trailingSpacesRemoved
        }
        return heading("True retention", note: "first answer of a card each day, interval ≥ 1 day; Again fails",
                       style: style) + [header.trailingSpacesRemoved] + rows
    }

    /// "91.0% of 300", or "—" with no reviews.
    static func passFail(_ p: PassFail) -> String {
        p.total == 0 ? "—" : "\(TextFormat.percent(p.rate)) of \(TextFormat.count(p.total))"
    }

    static func history(_ report: StatsReport, style: TextStyle) -> [String] {
        let h = report.history
        let chart = TextCharts.bars(h.perDay, xLabel: { i in
            i == h.days - 1 ? "today" : TextFormat.shortDate(h.perDayNames[i])
        }, anchor: .last, height: 5, width: min(style.width, 100), style: style)
        let facts = [
            "studied \(TextFormat.count(h.daysStudied)) of \(TextFormat.days(h.days))",
            "\(h.averagePerStudiedDay.map { TextFormat.decimal($0, places: 1) } ?? "0") answers per studied day",
            "streak \(TextFormat.days(h.currentStreak)) (longest \(TextFormat.days(h.longestStreak)))",
        ]
        let title = heading("Answers per day, last \(TextFormat.days(h.days))",
                            note: h.days > chartColumns(style) ? "a column averages a few days" : nil, style: style)
        return title + chart + wrap(facts, width: style.width, style: style, indent: "  ")
            + [""] + heading("Calendar", note: "last \(StatsReport.calendarWeeks) weeks", style: style)
            + StatsHeatmap.lines(h, style: style)
    }

    private static func chartColumns(_ style: TextStyle) -> Int { min(style.width, 100) - 8 }

    /// Intervals and easiness, side by side when there is room.
    static func distributions(_ report: StatsReport, style: TextStyle) -> [String] {
        let average = report.intervals.average.map { TextFormat.decimal($0, places: 1) + " days" } ?? "—"
        let ease = report.easiness.average.map { TextFormat.decimal($0, places: 2) } ?? "—"
        let sideBySide = style.width >= 100
        let width = sideBySide ? min(56, (style.width - 4) / 2) : min(style.width, 56)
        let left = [style.heading("Intervals") + "  average \(average)"]
            + TextCharts.histogram(trimmed(report.intervals.buckets), width: width, style: style)
        let right = [style.heading("Easiness") + "  average \(ease)"]
            + TextCharts.histogram(trimmed(report.easiness.buckets), width: width, style: style)
        guard sideBySide else { return left + [""] + right }
        return (0..<max(left.count, right.count)).map { i in
            let l = i < left.count ? left[i] : ""
            let r = i < right.count ? right[i] : ""
            return (l + String(repeating: " ", count: max(0, width + 4 - Columns.visibleWidth(l))) + r).trailingSpacesRemoved
        }
    }

    /// The buckets from the first to the last that holds a card: empty ends say nothing.
    static func trimmed(_ buckets: [Distribution.Bucket]) -> [Distribution.Bucket] {
        guard let first = buckets.firstIndex(where: { $0.count > 0 }),
              let last = buckets.lastIndex(where: { $0.count > 0 }) else { return [] }
        return Array(buckets[first...last])
    }

    /// A section title with a dim note after it, or under it when the line would be too long.
    static func heading(_ title: String, note: String?, style: TextStyle) -> [String] {
        guard let note else { return [style.heading(title)] }
        if Columns.width(title) + 4 + Columns.width(note) <= style.width {
            return [style.heading(title) + style.dim("  (\(note))")]
        }
        let words = "(\(note))".split(separator: " ").map(String.init)
        return [style.heading(title)] + wrap(words, width: style.width, style: style, separator: " ").map(style.dim)
    }

    /// A section label followed by `parts` joined with " · ", wrapped under the label.
    static func labelled(_ label: String, _ parts: [String], style: TextStyle, separator: String = " · ",
                         afterFirst: String? = nil) -> [String] {
        let indent = String(repeating: " ", count: 6)
        var lines = wrap(parts, width: style.width - 6, style: style, indent: "", separator: separator,
                         afterFirst: afterFirst)
        lines = lines.enumerated().map { i, line in (i == 0 ? style.heading(Columns.left(label, 6)) : indent) + line }
        return lines
    }

    /// Joins `parts` with `separator` (`afterFirst` after the first), breaking lines (never
    /// inside a part) to fit `width`.
    static func wrap(_ parts: [String], width: Int, style: TextStyle, indent: String = "",
                     separator: String = " · ", afterFirst: String? = nil,
                     first: ((String) -> String)? = nil) -> [String] {
        var lines: [String] = [], line = ""
        for (i, part) in parts.enumerated() {
            let shown = i == 0 ? (first?(part) ?? part) : part
            if line.isEmpty { line = indent + shown; continue }
            let joint = i == 1 ? (afterFirst ?? separator) : separator
            if Columns.visibleWidth(line) + Columns.width(joint) + Columns.width(part) > width {
                lines.append(line.trailingSpacesRemoved)
                line = indent + shown
            } else {
                line += (joint == " · " ? style.dim(joint) : joint) + shown
            }
        }
        return line.isEmpty ? lines : lines + [line]
    }
}
