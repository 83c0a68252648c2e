/// The one JSON writer: a value whose objects keep their key order, written deterministically.
/// The stats schema reads top-down (`version` first), golden files compare byte for byte, and
/// the progress files are written in a fixed form (`docs/progress-format.md`).
///
/// Three layouts: `rendered()` pretty-prints with two-space indentation; `rendered(indent: nil)`
/// writes one line with `", "` and `": "`; `compact` writes one line without spaces. Formats that
/// stream many values one per line (the snapshot's rows, an import's items) write each value
/// with `write(into:)` and choose the line breaks themselves.
public enum JSONText: Equatable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    /// A number written with at most `places` decimals (trailing zeros dropped).
    case number(Double, places: Int)
    /// A number in the shortest form that reads back as the same `Double` (`2.5`, `1.36`).
    case double(Double)
    case string(String)
    case array([JSONText])
    case object([(String, JSONText)])

    /// Spacing of a value written on one line.
    public enum Spacing: Sendable {
        /// `{"a":1,"b":[1,2]}`
        case compact
        /// `{"a": 1, "b": [1, 2]}`
        case spaced
    }

    public static func == (a: JSONText, b: JSONText) -> Bool { a.compact == b.compact }

    /// A number, or `null` when there is none.
    public static func optional(_ value: Double?, places: Int) -> JSONText {
        value.map { .number($0, places: places) } ?? .null
    }

    /// One line without spaces.
    public var compact: String {
        var out = ""
        write(into: &out, .compact)
        return out
    }

    /// Pretty-printed with two-space indentation from `indent`; arrays of scalars and small flat
    /// objects are kept on one line. With `indent` nil: one line, spaced.
    public func rendered(indent: Int? = 0) -> String {
        guard let indent else {
            var out = ""
            write(into: &out, .spaced)
            return out
        }
        switch self {
        case let .array(items): return Self.array(items, indent: indent)
        case let .object(members): return Self.object(members, indent: indent)
        default: return rendered(indent: nil)
        }
    }

    private static func array(_ items: [JSONText], indent: Int) -> String {
        guard items.contains(where: \.isContainer) else { return JSONText.array(items).rendered(indent: nil) }
        let pad = String(repeating: " ", count: indent + 2)
        return "[\n" + items.map { pad + $0.rendered(indent: indent + 2) }.joined(separator: ",\n")
            + "\n" + String(repeating: " ", count: indent) + "]"
    }

    private static func object(_ members: [(String, JSONText)], indent: Int) -> String {
        guard !members.isEmpty else { return "{}" }
        // Small flat objects (a forecast day, a pass/fail count) read best on one line.
        let inline = JSONText.object(members).rendered(indent: nil)
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
}
