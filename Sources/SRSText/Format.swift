/// Short human forms of numbers the screen shows.
public enum Format {
    /// A duration such as `45 s`, `4 min 10 s` or `1 h 5 min` (whole seconds, rounded down): the
    /// one duration format of srs, in the review's summary and in `srs stats` alike.
    public static func duration(millis: Int64) -> String {
        let seconds = Int(max(millis, 0) / 1000)
        if seconds < 60 { return "\(seconds) s" }
        if seconds < 3600 { return seconds % 60 == 0 ? "\(seconds / 60) min" : "\(seconds / 60) min \(seconds % 60) s" }
        return "\(seconds / 3600) h \(seconds % 3600 / 60) min"
    }

    /// `part` of `whole` as a whole percentage, rounded down so 99.6% never shows as 100%.
    public static func percent(_ part: Int, of whole: Int) -> Int {
        whole > 0 ? part * 100 / whole : 0
    }

    /// `1 card`, `3 cards`.
    public static func count(_ n: Int, _ noun: String) -> String {
        "\(n) \(noun)\(n == 1 ? "" : "s")"
    }
}
