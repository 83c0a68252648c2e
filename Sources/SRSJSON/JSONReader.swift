/// Why a JSON text could not be read: what was expected and the byte offset where.
public struct JSONError: Error, Equatable, CustomStringConvertible {
    public let offset: Int
    public let problem: String
    /// The object keys leading to the value that is wrong, outermost first (`["new_today",
    /// "limit"]`); empty when the error is not inside an object member.
    public var path: [String] = []
    public var description: String { "\(located) at byte \(offset + 1)" }
    /// The problem, after the member it is in when there is one: `"limit": a number with a
    /// leading zero`; nested keys are joined by dots (`"new_today.limit"`).
    public var located: String { path.isEmpty ? problem : "\"\(path.joined(separator: "."))\": \(problem)" }
    public init(offset: Int, problem: String) {
        self.offset = offset
        self.problem = problem
    }
}

/// A small, fast, allocation-light JSON reader over UTF-8 bytes, for the files srs writes
/// (progress snapshots and review logs are read at tens of MB per start; Foundation's decoder
/// manages 12 to 19 MB/s here). It reads exactly RFC 8259 JSON, numbers included (`.5`, `5.`,
/// `01` and `+1` are refused, each with its own message); a caller walks the structure it
/// expects and gets a `JSONError` with the offset, and the member's key, for anything else.
public struct JSONReader {
    public let bytes: UnsafeBufferPointer<UInt8>
    public var offset: Int

    public init(_ bytes: UnsafeBufferPointer<UInt8>, offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    public var atEnd: Bool { offset >= bytes.count }

    @inlinable
    public func error(_ problem: String) -> JSONError { JSONError(offset: offset, problem: problem) }

    /// Skips spaces, tabs, carriage returns and line feeds.
    @inlinable
    public mutating func skipWhitespace() { offset = Self.whitespaceEnd(bytes, from: offset) }

    /// JSON's whitespace: space, tab, carriage return, line feed.
    @inlinable
    public static func isWhitespace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }

    /// The offset of the first byte at or after `start` that is not whitespace (or the end).
    @inlinable
    public static func whitespaceEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = start
        while i < bytes.count, isWhitespace(bytes[i]) { i += 1 }
        return i
    }

    /// The next non-blank byte, not consumed (nil at the end).
    @inlinable
    public mutating func peek() -> UInt8? {
        skipWhitespace()
        return offset < bytes.count ? bytes[offset] : nil
    }

    /// Consumes `byte` (after blanks) or throws naming it.
    @inlinable
    public mutating func expect(_ byte: UInt8) throws {
        guard peek() == byte else { throw error("expected '\(Character(UnicodeScalar(byte)))'") }
        offset += 1
    }

    /// Consumes `byte` if it comes next; tells whether it did.
    @inlinable
    public mutating func consume(_ byte: UInt8) -> Bool {
        guard peek() == byte else { return false }
        offset += 1
        return true
    }

    /// Reads an object, calling `field` with each key; `field` must read the value.
    public mutating func readObject(_ field: (inout JSONReader, String) throws -> Void) throws {
        try expect(UInt8(ascii: "{"))
        if consume(UInt8(ascii: "}")) { return }
        repeat {
            let key = try readString()
            try expect(UInt8(ascii: ":"))
            do { try field(&self, key) } catch var error as JSONError {
                error.path.insert(key, at: 0)
                throw error
            }
        } while consume(UInt8(ascii: ","))
        guard consume(UInt8(ascii: "}")) else { throw error("expected ',' or '}' after a value") }
    }

    /// Reads an array, calling `element` once per element; `element` must read it.
    public mutating func readArray(_ element: (inout JSONReader) throws -> Void) throws {
        try expect(UInt8(ascii: "["))
        if consume(UInt8(ascii: "]")) { return }
        repeat { try element(&self) } while consume(UInt8(ascii: ","))
        guard consume(UInt8(ascii: "]")) else { throw error("expected ',' or ']' after a value") }
    }

    /// Reads a string, unescaping it; rejects raw control characters and invalid UTF-8.
    @inlinable
    public mutating func readString() throws -> String {
        try expect(UInt8(ascii: "\""))
        let start = offset
        var ascii = true
        while offset < bytes.count {
            let b = bytes[offset]
            if b == UInt8(ascii: "\"") {
                let raw = UnsafeBufferPointer(rebasing: bytes[start..<offset])
                offset += 1
                if ascii { return String(decoding: raw, as: UTF8.self) }
                guard let text = String(validating: raw, as: UTF8.self) else {
                    throw JSONError(offset: start, problem: "invalid UTF-8 in a string")
                }
                return text
            }
            ascii = ascii && b < 0x80
            if b == UInt8(ascii: "\\") { offset = start; return try readEscapedString() }
            if b < 0x20 { throw error("a control character inside a string") }
            offset += 1
        }
        throw error("a string that does not end")
    }

    @usableFromInline mutating func readEscapedString() throws -> String {
        var out: [UInt8] = []
        while offset < bytes.count {
            let b = bytes[offset]
            offset += 1
            switch b {
            case UInt8(ascii: "\""):
                guard let text = String(validating: out, as: UTF8.self) else { throw error("invalid UTF-8 in a string") }
                return text
            case UInt8(ascii: "\\"): try readEscape(into: &out)
            case ..<0x20: offset -= 1; throw error("a control character inside a string")
            default: out.append(b)
            }
        }
        throw error("a string that does not end")
    }

    private mutating func readEscape(into out: inout [UInt8]) throws {
        guard offset < bytes.count else { throw error("a string that does not end") }
        let b = bytes[offset]
        offset += 1
        switch b {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(b)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"): out.append(contentsOf: try readUnicodeEscape())
        default: offset -= 1; throw error("an unknown escape in a string")
        }
    }

    private mutating func readUnicodeEscape() throws -> [UInt8] {
        var code = try readHex4()
        if (0xD800..<0xDC00).contains(code) {
            guard offset + 1 < bytes.count, bytes[offset] == UInt8(ascii: "\\"), bytes[offset + 1] == UInt8(ascii: "u") else {
                throw error("a lone UTF-16 surrogate in a string")
            }
            offset += 2
            let low = try readHex4()
            guard (0xDC00..<0xE000).contains(low) else { throw error("a lone UTF-16 surrogate in a string") }
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
        } else if (0xDC00..<0xE000).contains(code) {
            throw error("a lone UTF-16 surrogate in a string")
        }
        guard let scalar = Unicode.Scalar(code) else { throw error("an invalid \\u escape") }
        return Array(String(Character(scalar)).utf8)
    }

    private mutating func readHex4() throws -> UInt32 {
        guard offset + 4 <= bytes.count else { throw error("a \\u escape cut short") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[offset]
            let digit: UInt32
            switch b {
            case 48...57: digit = UInt32(b - 48)
            case 65...70: digit = UInt32(b - 55)
            case 97...102: digit = UInt32(b - 87)
            default: throw error("a \\u escape with a non-hex digit")
            }
            value = value << 4 | digit
            offset += 1
        }
        return value
    }

    /// Reads `true` or `false`.
    public mutating func readBool() throws -> Bool {
        if consumeWord("true") { return true }
        if consumeWord("false") { return false }
        throw error("expected true or false")
    }

    /// Consumes `null` if it comes next.
    @inlinable
    public mutating func consumeNull() -> Bool { consumeWord("null") }

    /// Skips one value of any kind. Arrays and objects nested deeper than `JSONValue` reads
    /// (512) are refused: each level costs a stack frame, and a hostile file could nest until
    /// the stack overflows.
    public mutating func skipValue() throws {
        try skipValue(depth: 0)
    }

    private mutating func skipValue(depth: Int) throws {
        switch peek() {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            guard depth < JSONValue.maximumDepth else { throw error("nesting deeper than \(JSONValue.maximumDepth)") }
            if bytes[offset] == UInt8(ascii: "{") {
                try readObject { reader, _ in try reader.skipValue(depth: depth + 1) }
            } else {
                try readArray { try $0.skipValue(depth: depth + 1) }
            }
        case UInt8(ascii: "\""): try skipString()
        case UInt8(ascii: "t"), UInt8(ascii: "f"): _ = try readBool()
        case UInt8(ascii: "n"): guard consumeNull() else { throw error("expected a value") }
        default: _ = try readDouble()
        }
    }

    /// Skips a string, refusing what `readString` refuses with the same message at the same
    /// offset, without building it: a 200 MB member srs does not read costs no copy of it.
    mutating func skipString() throws {
        try expect(UInt8(ascii: "\""))
        let start = offset
        var segment = start, ascii = true, escaped = false, valid = true
        var scratch: [UInt8] = []
        while offset < bytes.count {
            let b = bytes[offset]
            switch b {
            case UInt8(ascii: "\""):
                valid = valid && (ascii || Self.isUTF8(bytes[segment..<offset]))
                offset += 1
                guard valid else {
                    // readString names the string's start, or (with escapes) the byte after it.
                    throw escaped ? error("invalid UTF-8 in a string") : JSONError(offset: start, problem: "invalid UTF-8 in a string")
                }
                return
            case UInt8(ascii: "\\"):
                // An escape yields whole characters: the text is valid when each run between escapes is.
                valid = valid && (ascii || Self.isUTF8(bytes[segment..<offset]))
                escaped = true
                ascii = true
                offset += 1
                scratch.removeAll(keepingCapacity: true)
                try readEscape(into: &scratch)
                segment = offset
            case ..<0x20:
                throw error("a control character inside a string")
            default:
                ascii = ascii && b < 0x80
                offset += 1
            }
        }
        throw error("a string that does not end")
    }

    /// Whether `bytes` are valid UTF-8, as `String(validating:as:)` judges them.
    private static func isUTF8(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    @usableFromInline mutating func consumeByte(_ byte: UInt8) -> Bool {
        guard offset < bytes.count, bytes[offset] == byte else { return false }
        offset += 1
        return true
    }

    @usableFromInline mutating func consumeWord(_ word: StaticString) -> Bool {
        skipWhitespace()
        let n = word.utf8CodeUnitCount
        guard offset + n <= bytes.count else { return false }
        for i in 0..<n where bytes[offset + i] != word.utf8Start[i] { return false }
        offset += n
        return true
    }
}
