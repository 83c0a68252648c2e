extension JSONText {
    /// Appends the value on one line to `out`.
    public func write(into out: inout String, _ spacing: Spacing = .compact) {
        switch self {
        case .null: out += "null"
        case let .bool(b): out += b ? "true" : "false"
        case let .int(n): out += String(n)
        case let .number(x, places): out += Self.number(x, places: places)
        case let .double(x): out += Self.shortest(x)
        case let .string(s): Self.quote(s, into: &out)
        case let .array(items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += spacing == .compact ? "," : ", " }
                item.write(into: &out, spacing)
            }
            out += "]"
        case let .object(members):
            out += "{"
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { out += spacing == .compact ? "," : ", " }
                Self.quote(key, into: &out)
                out += spacing == .compact ? ":" : ": "
                value.write(into: &out, spacing)
            }
            out += "}"
        }
    }

    /// `x` in the shortest form that reads back as the same `Double`; `null` when not finite.
    public static func shortest(_ x: Double) -> String { x.isFinite ? "\(x)" : "null" }

    /// `x` with at most `places` decimals, rounded half away from zero, trailing zeros dropped.
    static func number(_ x: Double, places: Int) -> String {
        guard x.isFinite else { return "null" }
        var scale: Int64 = 1
        for _ in 0..<places { scale *= 10 }
        guard abs(x) * Double(scale) < 9e18 else { return "\(x)" }
        let scaled = Int64((abs(x) * Double(scale)).rounded())
        var text = String(scaled / scale)
        var fraction = String(scaled % scale)
        if places > 0 {
            fraction = String(repeating: "0", count: places - fraction.count) + fraction
            while fraction.last == "0" { fraction.removeLast() }
            if !fraction.isEmpty { text += "." + fraction }
        }
        return x < 0 && scaled != 0 ? "-" + text : text
    }

    /// A JSON string literal: quotes, backslashes and all controls escaped, the rest as UTF-8.
    public static func quoted(_ text: String) -> String {
        var out = ""
        quote(text, into: &out)
        return out
    }

    /// Appends `text` as a JSON string literal to `out`.
    public static func quote(_ text: String, into out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
