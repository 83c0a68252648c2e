/// A parsed JSON value, for small inputs whose shape is checked field by field
/// (e.g. `srs schedule`'s review lines). Object keys keep their order.
public enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    /// The number and whether it was written as a whole number (no fraction or exponent).
    case number(Double, isInteger: Bool)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.number(x, i), .number(y, j)): return x == y && i == j
        case let (.string(x), .string(y)): return x == y
        case let (.array(x), .array(y)): return x == y
        case let (.object(x), .object(y)): return x.map(\.0) == y.map(\.0) && x.map(\.1) == y.map(\.1)
        default: return false
        }
    }

    /// Parses one complete JSON text; anything after the value but blanks is an error.
    public static func parse<Bytes: Collection>(_ bytes: Bytes) throws -> JSONValue where Bytes.Element == UInt8 {
        let array = Array(bytes)
        return try array.withUnsafeBufferPointer { buffer in
            var reader = JSONReader(buffer)
            let value = try read(&reader, depth: 0)
            guard reader.peek() == nil else { throw reader.error("unexpected text after the value") }
            return value
        }
    }

    /// The value of `key` in an object (nil for other values or a missing key).
    public subscript(key: String) -> JSONValue? {
        guard case let .object(fields) = self else { return nil }
        return fields.first { $0.0 == key }?.1
    }

    /// Nesting beyond this is refused rather than risking the stack.
    static let maximumDepth = 512

    private static func read(_ reader: inout JSONReader, depth: Int) throws -> JSONValue {
        guard depth < maximumDepth else { throw reader.error("nesting deeper than \(maximumDepth)") }
        switch reader.peek() {
        case nil: throw reader.error("expected a value")
        case UInt8(ascii: "{"):
            var fields: [(String, JSONValue)] = []
            try reader.readObject { r, key in fields.append((key, try read(&r, depth: depth + 1))) }
            return .object(fields)
        case UInt8(ascii: "["):
            var items: [JSONValue] = []
            try reader.readArray { items.append(try read(&$0, depth: depth + 1)) }
            return .array(items)
        case UInt8(ascii: "\""): return .string(try reader.readString())
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool(try reader.readBool())
        case UInt8(ascii: "n"):
            guard reader.consumeNull() else { throw reader.error("expected a value") }
            return .null
        default:
            let start = reader.offset
            let value = try reader.readDouble()
            let text = UnsafeBufferPointer(rebasing: reader.bytes[start..<reader.offset])
            let isInteger = !text.contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
            return .number(value, isInteger: isInteger)
        }
    }
}
