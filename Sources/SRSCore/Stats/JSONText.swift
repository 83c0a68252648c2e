/// A JSON value whose objects keep their key order, written deterministically: the stats
/// schema reads top-down (`version` first) and golden files compare byte for byte.
indirect enum JSONText: Equatable {
    case null
    case bool(Bool)
    case int(Int)
    /// A number written with at most `places` decimals (trailing zeros dropped).
    case number(Double, places: Int)
    case string(String)
    case array([JSONText])
    case object([(String, JSONText)])

    static func == (a: JSONText, b: JSONText) -> Bool { a.rendered(indent: nil) == b.rendered(indent: nil) }

    static func optional(_ value: Double?, places: Int) -> JSONText {
        value.map { .number($0, places: places) } ?? .null
    }

    /// Pretty-printed with two-space indentation; arrays of scalars and small flat objects are
    /// kept on one line.
    func rendered(indent: Int? = 0) -> String {
        switch self {
        case .null: return "null"
        case let .bool(b): return b ? "true" : "false"
        case let .int(n): return String(n)
        case let .number(x, places): return Self.number(x, places: places)
        case let .string(s): return ImportJSON.quoted(s)
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
            return "{" + members.map { ImportJSON.quoted($0.0) + ": " + $0.1.rendered(indent: nil) }.joined(separator: ", ") + "}"
        }
        guard !members.isEmpty else { return "{}" }
        // Small flat objects (a forecast day, a pass/fail count) read best on one line.
        let inline = object(members, indent: nil)
        if !members.contains(where: { $0.1.isContainer }), inline.count <= 72 { return inline }
        let pad = String(repeating: " ", count: indent + 2)
        return "{\n" + members.map { pad + ImportJSON.quoted($0.0) + ": " + $0.1.rendered(indent: indent + 2) }
            .joined(separator: ",\n") + "\n" + String(repeating: " ", count: indent) + "}"
    }

    private var isContainer: Bool {
        switch self {
        case .array, .object: return true
        default: return false
        }
    }

    private static func number(_ x: Double, places: Int) -> String {
        guard x.isFinite else { return "null" }
        var text = TextFormat.decimal(x, places: places).replacingAll(",", with: "")
        if text.contains(".") {
            while text.last == "0" { text.removeLast() }
            if text.last == "." { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for ch in self { if ch == target { out += replacement } else { out.append(ch) } }
        return out
    }
}
