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

    /// A JSON string literal: quotes, backslashes, controls (C0, DEL, C1), format characters
    /// (bidi controls, zero-width characters, BOM, …) and line or paragraph separators escaped
    /// as `\uXXXX`, so no terminal that shows the JSON can be driven by it; the rest as UTF-8.
    public static func quoted(_ text: String) -> String {
        var out = ""
        quote(text, into: &out)
        return out
    }

    /// Appends `text` as a JSON string literal to `out`.
    public static func quote(_ text: String, into out: inout String) {
        out += "\""
        // Printable ASCII without a quote or a backslash (ids, most values) goes in as it is.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }) {
            out += text
            out += "\""
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if mustEscape(scalar) {
                    escape(scalar, into: &out)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }

    /// Controls, format characters (Unicode category Cf), line and paragraph separators.
    static func mustEscape(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 || (0x7F...0x9F).contains(value) || value == 0xAD { return true }
        guard value >= 0x600 else { return false }
        let category = scalar.properties.generalCategory
        return category == .format || category == .lineSeparator || category == .paragraphSeparator
    }

    /// `\uXXXX`, as a surrogate pair above U+FFFF.
    private static func escape(_ scalar: Unicode.Scalar, into out: inout String) {
        func unit(_ value: UInt32) {
            let hex = String(value, radix: 16)
            out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        }
        guard scalar.value > 0xFFFF else { return unit(scalar.value) }
        let offset = scalar.value - 0x10000
        unit(0xD800 + (offset >> 10))
        unit(0xDC00 + (offset & 0x3FF))
    }
}
