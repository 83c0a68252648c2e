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
        if !report.decks.isEmpty { sections.append(StatsDeckTable.lines(report, style: style)) }
        return sections.map { $0.joined(separator: "\n") }.joined(separator: "\n\n") + "\n"
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
        return ["No reviews yet: \(TextFormat.count(c.total)) cards are waiting, \(TextFormat.count(c.new)) of them new.",
                "Run `srs review` to start; these figures fill in as you answer."]
    }

    static func summary(_ report: StatsReport, style: TextStyle) -> [String] {
        let t = report.today, d = report.due, c = report.cards
        var todayLine = t.answers == 0 ? ["nothing studied yet"] : [
            "\(TextFormat.count(t.cards)) cards studied in \(TextFormat.duration(milliseconds: t.milliseconds))",
            "\(TextFormat.count(t.answers)) answers",
            "Again \(TextFormat.count(t.again))",
            "\(TextFormat.percent(t.correctShare)) correct",
        ]
        if t.answers > 0 {
            let kinds = [("new", t.learn), ("reviews", t.review), ("repeats", t.repeat), ("practice", t.practice)]
            todayLine.append(kinds.filter { $0.1 > 0 }.map { "\(TextFormat.count($0.1)) \($0.0)" }.joined(separator: ", "))
        }
        let dueLine = [("now", d.now), ("later today", d.laterToday), ("tomorrow", d.tomorrow),
                       ("next 7 days", d.next7Days), ("next 30 days", d.next30Days)]
        let cardLine = [("new", c.new), ("learning", c.learning), ("young", c.young), ("mature", c.mature),
                        ("suspended", c.suspended), ("buried", c.buried)]
        return labelled("Today", todayLine, style: style)
            + labelled("Due", dueLine.map { "\($0.0) \(TextFormat.count($0.1))" }, style: style)
            + labelled("Cards", ["\(TextFormat.count(c.total)) in all"]
                        + cardLine.map { "\($0.0) \(TextFormat.count($0.1))" }, style: style)
    }

    static func forecast(_ report: StatsReport, style: TextStyle) -> [String] {
        let days = report.due.forecastDays
        let chart = TextCharts.bars(report.due.forecast, xLabels: { i in
            i == 0 ? "today" : (i % 5 == 0 && i < days.count ? TextFormat.shortDate(days[i]) : nil)
        }, height: 5, width: min(style.width, 100), style: style)
        return [style.heading("Due in the next 30 days") + style.dim("  (cards per study day)")] + chart
    }

    static func retention(_ report: StatsReport, style: TextStyle) -> [String] {
        let cell = style.width >= 100 ? 22 : 18
        let header = Columns.left("", 16) + ["young", "mature", "all"].map { Columns.left($0, cell) }.joined()
        var lines = [style.heading("True retention") + style.dim("  (first answer of a card each day, interval ≥ 1 day; Again fails)"),
                     header.trailingSpacesRemoved]
        for window in report.retention {
            let cells = [window.young, window.mature, window.all].map { Columns.left(passFail($0), cell) }
            lines.append((Columns.left("  last \(window.days) days", 16) + cells.joined()).trailingSpacesRemoved)
        }
        return lines.map { Columns.fit($0, style.width) }
    }

    /// "91.0% of 300", or "—" with no reviews.
    static func passFail(_ p: PassFail) -> String {
        p.total == 0 ? "—" : "\(TextFormat.percent(p.rate)) of \(TextFormat.count(p.total))"
    }

    static func history(_ report: StatsReport, style: TextStyle) -> [String] {
        let h = report.history
        let chart = TextCharts.bars(h.perDay, xLabels: { i in
            i == h.days - 1 ? "today" : (((h.days - 1 - i) % 7 == 0) ? TextFormat.shortDate(h.perDayNames[i]) : nil)
        }, height: 5, width: min(style.width, 100), style: style)
        let facts = [
            "studied \(TextFormat.count(h.daysStudied)) of \(TextFormat.days(h.days))",
            "\(h.averagePerStudiedDay.map { TextFormat.decimal($0, places: 1) } ?? "0") answers per studied day",
            "streak \(TextFormat.days(h.currentStreak)) (longest \(TextFormat.days(h.longestStreak)))",
        ]
        let title = style.heading("Answers per day, last \(TextFormat.days(h.days))")
            + (h.days > chartColumns(style) ? style.dim("  (averaged over a few days per column)") : "")
        return [title] + chart + wrap(facts, width: style.width, style: style, indent: "  ")
            + [""] + [style.heading("Calendar") + style.dim("  (last \(StatsReport.calendarWeeks) weeks)")]
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
            + TextCharts.histogram(report.intervals.buckets, width: width, style: style)
        let right = [style.heading("Easiness") + "  average \(ease)"]
            + TextCharts.histogram(report.easiness.buckets, width: width, style: style)
        guard sideBySide else { return left + [""] + right }
        return (0..<max(left.count, right.count)).map { i in
            let l = i < left.count ? left[i] : ""
            let r = i < right.count ? right[i] : ""
            return (l + String(repeating: " ", count: max(0, width + 4 - visibleWidth(l))) + r).trailingSpacesRemoved
        }
    }

    /// A section label followed by `parts` joined with " · ", wrapped under the label.
    static func labelled(_ label: String, _ parts: [String], style: TextStyle) -> [String] {
        let indent = String(repeating: " ", count: 8)
        var lines = wrap(parts, width: style.width - 8, style: style, indent: "")
        lines = lines.enumerated().map { i, line in (i == 0 ? style.heading(Columns.left(label, 8)) : indent) + line }
        return lines
    }

    /// Joins `parts` with " · ", breaking lines (never inside a part) to fit `width`.
    static func wrap(_ parts: [String], width: Int, style: TextStyle, indent: String = "",
                     first: ((String) -> String)? = nil) -> [String] {
        var lines: [String] = [], line = ""
        for (i, part) in parts.enumerated() {
            let shown = i == 0 ? (first?(part) ?? part) : part
            if line.isEmpty { line = indent + shown; continue }
            if visibleWidth(line) + 3 + Columns.width(part) > width {
                lines.append(line)
                line = indent + shown
            } else {
                line += style.dim(" · ") + shown
            }
        }
        return line.isEmpty ? lines : lines + [line]
    }

    /// The width of text that may hold colour escapes.
    static func visibleWidth(_ s: String) -> Int {
        var width = 0, inEscape = false
        for scalar in s.unicodeScalars {
            if inEscape { if scalar == "m" { inEscape = false }; continue }
            if scalar == "\u{1B}" { inEscape = true; continue }
            width += Columns.width(of: scalar)
        }
        return width
    }
}
