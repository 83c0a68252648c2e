/// Charts drawn with terminal characters; each returns whole lines, none wider than asked.
enum TextCharts {
    /// Eighths of a cell, empty to full.
    static let eighths: [Character] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// A vertical bar chart, one column group per value, with the maximum on a y axis and
    /// `xLabels` (index, text) under the bars. Values that do not fit are merged into
    /// averages; `caption` says so.
    static func bars(_ values: [Int], xLabels: (Int) -> String?, height: Int, width: Int,
                     style: TextStyle) -> [String] {
        let axisWidth = Columns.width(TextFormat.count(values.max() ?? 0)) + 2
        let room = max(1, width - axisWidth - 1)
        let group = max(1, (values.count + room - 1) / room)
        let binned = bin(values, size: group)
        let peak = binned.max() ?? 0
        let column = min(3, max(1, room / max(binned.count, 1)))
        var lines = (0..<height).map { row in
            barRow(binned, row: row, height: height, peak: peak, column: column)
        }
        let peakLabel = group == 1 ? TextFormat.count(Int(peak)) : TextFormat.decimal(peak, places: 1)
        lines = lines.enumerated().map { i, bars in
            let label = i == 0 ? peakLabel : ""
            return Columns.right(label, axisWidth - 2) + " " + style.dim(i == 0 ? "┤" : "│")
                + style.bar(bars.trailingSpacesRemoved)
        }
        let axis = Columns.right("0", axisWidth - 2) + " " + style.dim("└" + String(repeating: "─", count: binned.count * column))
        let labels = String(repeating: " ", count: axisWidth) + xAxis(binned.count, column: column, group: group,
                                                                       total: values.count, xLabels: xLabels)
        return lines + [axis, labels.trailingSpacesRemoved]
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

    /// Labels under the bars, left-aligned at their bar, skipping any that would collide.
    private static func xAxis(_ bars: Int, column: Int, group: Int, total: Int, xLabels: (Int) -> String?) -> String {
        var line = "", used = 0
        for bar in 0..<bars {
            let lastValue = total - 1 - (bars - 1 - bar) * group
            guard let text = xLabels(lastValue) else { continue }
            let position = bar * column
            guard position >= used + (used == 0 ? 0 : 2), position + Columns.width(text) <= bars * column + 4 else {
                continue
            }
            line += String(repeating: " ", count: position - used) + text
            used = position + Columns.width(text)
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

extension String {
    var trailingSpacesRemoved: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
