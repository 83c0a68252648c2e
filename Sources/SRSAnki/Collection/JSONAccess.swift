import SRSJSON

/// Loose look-ups over Anki's JSON, which is not always typed the same way across versions
/// (a number may be stored as a string; a field may be missing).
extension JSONValue {
    var int: Int64? {
        switch self {
        case .number(let value, _): return value.isFinite && abs(value) < 9e18 ? Int64(value) : nil
        case .string(let text): return Int64(text)
        case .bool(let flag): return flag ? 1 : 0
        default: return nil
        }
    }

    var double: Double? {
        switch self {
        case .number(let value, _): return value
        case .string(let text): return Double(text)
        default: return nil
        }
    }

    var text: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    var items: [JSONValue] {
        if case .array(let items) = self { return items }
        return []
    }

    var members: [(String, JSONValue)] {
        if case .object(let members) = self { return members }
        return []
    }

    var bool: Bool { if case .bool(let flag) = self { return flag } else { return (int ?? 0) != 0 } }

    /// The value at a path of keys (`json[path: "new", "delays"]`).
    subscript(path keys: String...) -> JSONValue? {
        keys.reduce(Optional(self)) { value, key in value?[key] }
    }
}

/// Parses Anki's JSON text from a column, naming the column in the error.
func parseJSON(_ text: String, _ what: String) throws -> JSONValue {
    do {
        return try JSONValue.parse(Array(text.utf8))
    } catch {
        throw AnkiError.badCollection("\(what) is not valid JSON: \(error)")
    }
}
