import SRSCore
import SRSText

/// The calendar heatmap: one column per week (Monday at the top), one cell per study day.
enum StatsHeatmap {
    static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

    static func lines(_ history: HistorySummary, style: TextStyle) -> [String] {
        guard let start = CivilDate(history.calendarStart) else { return [] }
        let weeks = history.calendar.count / 7
        let cell = style.width >= 110 ? 3 : 2
        let peak = history.calendar.compactMap { $0 }.max() ?? 0
        var lines = ["    " + monthRow(start: start, weeks: weeks, cell: cell)]
        for weekday in 0..<7 {
            var line = weekdays[weekday] + " "
            for week in 0..<weeks {
                guard let count = history.calendar[week * 7 + weekday] else { break }
                let level = TextCharts.heatLevel(count, peak: peak)
                // Empty days are a single dot, so that the weeks studied stand out.
                let mark = String(repeating: String(TextCharts.heatCells[level]), count: level == 0 ? 1 : cell - 1)
                line += style.heat(mark, level: level) + String(repeating: " ", count: cell - Columns.width(mark))
            }
            lines.append(line.trailingSpacesRemoved)
        }
        return lines + [legend(peak: peak, style: style)]
    }

    /// Month names over the week in which each month begins.
    private static func monthRow(start: CivilDate, weeks: Int, cell: Int) -> String {
        var row = "", used = 0
        for week in 0..<weeks {
            let monday = start.adding(days: week * 7)
            let sunday = monday.adding(days: 6)
            let label: String
            if sunday.month != monday.month || monday.day == 1 { label = sunday.monthAbbreviation }
            else if week == 0 { label = monday.monthAbbreviation }
            else { continue }
            let position = week * cell
            guard position >= used + (used == 0 ? 0 : 1) else { continue }
            row += String(repeating: " ", count: position - used) + label
            used = position + label.count
        }
        return row
    }

    /// What each shade stands for, in answers per day.
    private static func legend(peak: Int, style: TextStyle) -> String {
        var parts = [style.heat(String(TextCharts.heatCells[0]), level: 0) + " none"]
        guard peak > 0 else { return "    " + parts[0] }
        var low = 1
        for level in 1...4 {
            let high = (peak * level) / 4
            guard high >= low else { continue }
            let range = low == high ? TextFormat.count(low) : "\(TextFormat.count(low))–\(TextFormat.count(high))"
            parts.append(style.heat(String(TextCharts.heatCells[level]), level: level) + " " + range)
            low = high + 1
        }
        return "    " + parts.joined(separator: "  ") + "  answers a day"
    }
}
