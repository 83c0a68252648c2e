import SRSCore
import SRSText

/// The per-deck table: cards, new, due today, mature share and 30-day true retention.
enum StatsDeckTable {
    static let numberHeaders = ["Cards", "New", "Due", "Mature", "Retention"]

    static func lines(_ report: StatsReport, style: TextStyle) -> [String] {
        let rows = report.decks.map { row in
            [Columns.printable(row.name), TextFormat.count(row.cards), TextFormat.count(row.new),
             TextFormat.count(row.due), TextFormat.percent(row.matureShare), TextFormat.percent(row.retention.rate)]
        }
        let numberWidths = numberHeaders.indices.map { column in
            ([numberHeaders[column]] + rows.map { $0[column + 1] }).map(Columns.width).max() ?? 0
        }
        let numbersWidth = numberWidths.reduce(0) { $0 + $1 + 2 }
        let longestName = (["Deck"] + rows.map { $0[0] }).map(Columns.width).max() ?? 4
        let nameWidth = max(8, min(longestName, style.width - numbersWidth - 2))
        func line(_ cells: [String]) -> String {
            "  " + Columns.left(cells[0], nameWidth)
                + zip(cells.dropFirst(), numberWidths).map { "  " + Columns.right($0, $1) }.joined()
        }
        return StatsText.heading("Decks", note: "due today; mature share of cards; retention over 30 days", style: style)
            + [style.dim(line(["Deck"] + numberHeaders))] + rows.map(line)
    }
}
