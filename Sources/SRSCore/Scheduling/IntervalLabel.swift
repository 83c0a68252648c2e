/// Interval labels as Anki's answer buttons show them (`rslib/src/scheduler/timespan.rs`,
/// `answer_button_time`): the unit is the largest of s, m, h, d, mo, y the span reaches (a
/// month is 365/12 days, a year 365 days); seconds, minutes and days are rounded to whole
/// units, hours, months and years to one decimal (f32, half away from zero), so 38 days show
/// as `1.2mo` and 95 days as `3.1mo`, never `1mo` or `3mo`.
public enum IntervalLabel {
    static let minute: Float = 60
    static let hour: Float = 3600
    static let day: Float = 86_400
    static let year: Float = 365 * 86_400
    static let month: Float = year / 12

    /// The label for a span of `seconds`.
    public static func label(seconds: Float) -> String {
        let span = abs(seconds)
        let (unit, size, whole): (String, Float, Bool)
        if span < minute { (unit, size, whole) = ("s", 1, true) }
        else if span < hour { (unit, size, whole) = ("m", minute, true) }
        else if span < day { (unit, size, whole) = ("h", hour, false) }
        else if span < month { (unit, size, whole) = ("d", day, true) }
        else if span < year { (unit, size, whole) = ("mo", month, false) }
        else { (unit, size, whole) = ("y", year, false) }
        let amount = seconds / size
        let rounded = whole ? amount.rounded() : (amount * 10).rounded() / 10
        return number(rounded) + unit
    }

    /// The label for an interval of whole days.
    public static func label(days: Int) -> String { label(seconds: Float(days) * day) }

    /// `1`, `1.3`: at most one decimal, none when whole (as Anki's Fluent numbers).
    static func number(_ value: Float) -> String {
        guard value.isFinite else { return "∞" }
        let tenths = Saturating.int(Double((value * 10).rounded()), in: -Int(Int32.max)...Int(Int32.max))
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }
}
