import SRSCore
import SRSText

/// Charts drawn with terminal characters; each returns whole lines, none wider than asked.
enum TextCharts {
    /// Eighths of a cell, empty to full.
    static let eighths: [Character] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// Which end of a chart's x axis is labelled for sure: the first bar (a forecast from today)
    /// or the last (a history up to today).
    enum Anchor { case first, last }

    /// A vertical bar chart, one column group per value, with the maximum on a y axis and
    /// labels (`xLabel` of a value's index) every few bars from `anchor`. Values that do not fit
    /// are merged into averages.
    static func bars(_ values: [Int], xLabel: (Int) -> String, anchor: Anchor, height: Int, width: Int,
                     style: TextStyle) -> [String] {
        // Room for the widest peak label (an average with a decimal when bars hold several days).
        let axisWidth = Columns.width(TextFormat.count(values.max() ?? 0)) + 4
        let room = max(1, width - axisWidth - 1)
        let group = max(1, (values.count + room - 1) / room)
        let binned = bin(values, size: group)
        let peak = binned.max() ?? 0
        let column = min(3, max(1, room / max(binned.count, 1)))
        let peakLabel = group == 1 ? TextFormat.count(Int(peak)) : TextFormat.decimal(peak, places: 1)
        let lines = (0..<height).map { row in
            Columns.right(row == 0 ? peakLabel : "", axisWidth - 2) + " " + style.dim(row == 0 ? "┤" : "│")
                + style.bar(barRow(binned, row: row, height: height, peak: peak, column: column).trailingSpacesRemoved)
        }
        let axis = Columns.right("0", axisWidth - 2) + " " + style.dim("└" + String(repeating: "─", count: binned.count * column))
        // The value behind each bar is the last of its bin.
        let labels = XAxis(bars: binned.count, column: column, room: room, anchor: anchor) { bar in
            xLabel(values.count - 1 - (binned.count - 1 - bar) * group)
        }
        return lines + [axis, (String(repeating: " ", count: axisWidth) + labels.line).trailingSpacesRemoved]
    }

    /// Averages of consecutive runs of `size` values, aligned so the last run ends at the last value.
    static func bin(_ values: [Int], size: Int) -> [Double] {
        guard size > 1 else { return values.map(Double.init) }
        var out: [Double] = []
        var end = values.count
        while end > 0 {
            let start = max(0, end - size)
            out.append(Double(values[start..<end].reduce(0, +)) / Double(end - start))
            end = start
        }
        return out.reversed()
    }

    private static func barRow(_ values: [Double], row: Int, height: Int, peak: Double, column: Int) -> String {
        var line = ""
        let barWidth = column == 1 ? 1 : column - 1
        for value in values {
            var level = peak > 0 ? Int((value / peak * Double(height * 8)).rounded()) : 0
            if value > 0 { level = max(level, 1) }
            let cell = min(8, max(0, level - (height - 1 - row) * 8))
            line += String(repeating: String(eighths[cell]), count: barWidth)
            line += String(repeating: " ", count: column - barWidth)
        }
        return line
    }

    /// A horizontal histogram: label, bar, count, one line per bucket.
    static func histogram(_ buckets: [Distribution.Bucket], width: Int, style: TextStyle) -> [String] {
        let labelWidth = buckets.map { Columns.width($0.label) }.max() ?? 0
        let countWidth = buckets.map { Columns.width(TextFormat.count($0.count)) }.max() ?? 1
        let room = max(1, width - labelWidth - countWidth - 2)
        let peak = buckets.map(\.count).max() ?? 0
        return buckets.map { bucket in
            let eighthsLong = peak == 0 ? 0 : max(bucket.count > 0 ? 1 : 0, bucket.count * room * 8 / peak)
            let bar = String(repeating: "█", count: eighthsLong / 8)
                + (eighthsLong % 8 == 0 ? "" : String(horizontalEighths[eighthsLong % 8]))
            return Columns.left(bucket.label, labelWidth) + " " + style.bar(Columns.left(bar, room)) + " "
                + Columns.right(TextFormat.count(bucket.count), countWidth)
        }
    }

    static let horizontalEighths: [Character] = [" ", "▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"]

    /// The heat level (0 none … 4 most) of `count` among days up to `peak`.
    static func heatLevel(_ count: Int, peak: Int) -> Int {
        guard count > 0, peak > 0 else { return 0 }
        return min(4, (count * 4 + peak - 1) / peak)
    }

    static let heatCells: [Character] = ["·", "░", "▒", "▓", "█"]
}

/// The labels under a bar chart: one every few bars (at least 14 columns apart), counted from
/// the anchored end, the last bar's label ending with the chart.
struct XAxis {
    let line: String

    /// `room`: the columns the labels may use (a label may stick out past a short chart).
    init(bars: Int, column: Int, room: Int, anchor: TextCharts.Anchor, label: (Int) -> String) {
        let step = max(1, (14 + column - 1) / column)
        let chosen = anchor == .first ? Array(stride(from: 0, to: bars, by: step))
            : Array(stride(from: bars - 1, through: 0, by: -step).reversed())
        let end = bars * column
        var placed: [(Int, String)] = []
        for bar in chosen {
            let text = label(bar)
            let width = Columns.width(text)
            let start = bar == bars - 1 ? max(0, end - width) : bar * column
            guard start + width <= max(end, room), placed.last.map({ $0.0 + Columns.width($0.1) + 2 <= start }) ?? true else {
                continue
            }
            placed.append((start, text))
        }
        var line = ""
        for (start, text) in placed {
            line += String(repeating: " ", count: max(0, start - Columns.width(line))) + text
        }
        self.line = line
    }
}

extension String {
    var trailingSpacesRemoved: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
