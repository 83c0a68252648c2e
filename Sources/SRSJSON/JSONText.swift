/// A JSON value whose objects keep their key order, written deterministically: the stats
/// schema reads top-down (`version` first) and golden files compare byte for byte.
public indirect enum JSONText: Equatable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    /// A number written with at most `places` decimals (trailing zeros dropped).
    case number(Double, places: Int)
    case string(String)
    case array([JSONText])
    case object([(String, JSONText)])

    public static func == (a: JSONText, b: JSONText) -> Bool { a.rendered(indent: nil) == b.rendered(indent: nil) }

    /// A number, or `null` when there is none.
    public static func optional(_ value: Double?, places: Int) -> JSONText {
        value.map { .number($0, places: places) } ?? .null
    }

    /// Pretty-printed with two-space indentation; arrays of scalars and small flat objects are
    /// kept on one line.
    public func rendered(indent: Int? = 0) -> String {
        switch self {
        case .null: return "null"
        case let .bool(b): return b ? "true" : "false"
        case let .int(n): return String(n)
        case let .number(x, places): return Self.number(x, places: places)
        case let .string(s): return Self.quoted(s)
        case let .array(items): return Self.array(items, indent: indent)
        case let .object(members): return Self.object(members, indent: indent)
        }
    }

    private static func array(_ items: [JSONText], indent: Int?) -> String {
        guard let indent, items.contains(where: \.isContainer) else {
            return "[" + items.map { $0.rendered(indent: nil) }.joined(separator: ", ") + "]"
        }
        let pad = String(repeating: " ", count: indent + 2)
        return "[\n" + items.map { pad + $0.rendered(indent: indent + 2) }.joined(separator: ",\n")
            + "\n" + String(repeating: " ", count: indent) + "]"
    }

    private static func object(_ members: [(String, JSONText)], indent: Int?) -> String {
        guard let indent else {
            return "{" + members.map { Self.quoted($0.0) + ": " + $0.1.rendered(indent: nil) }.joined(separator: ", ") + "}"
        }
        guard !members.isEmpty else { return "{}" }
        // Small flat objects (a forecast day, a pass/fail count) read best on one line.
        let inline = object(members, indent: nil)
        if !members.contains(where: { $0.1.isContainer }), inline.count <= 72 { return inline }
        let pad = String(repeating: " ", count: indent + 2)
        return "{\n" + members.map { pad + Self.quoted($0.0) + ": " + $0.1.rendered(indent: indent + 2) }
            .joined(separator: ",\n") + "\n" + String(repeating: " ", count: indent) + "}"
    }

    private var isContainer: Bool {
        switch self {
        case .array, .object: return true
        default: return false
        }
    }

    /// `x` with at most `places` decimals, rounded half away from zero, trailing zeros dropped.
    private static func number(_ x: Double, places: Int) -> String {
        guard x.isFinite else { return "null" }
        var scale: Int64 = 1
        for _ in 0..<places { scale *= 10 }
        guard abs(x) * Double(scale) < 9e18 else { return String(x) }
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
        var out = "\""
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
        return out + "\""
    }
}
