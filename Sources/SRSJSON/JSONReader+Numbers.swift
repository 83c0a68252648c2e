#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Numbers, strictly as RFC 8259 writes them.
extension JSONReader {
    /// Reads an integer (no fraction, no exponent) that fits in 64 bits.
    @inlinable
    public mutating func readInt() throws -> Int64 {
        skipWhitespace()
        let start = offset
        let negative = offset < bytes.count && bytes[offset] == UInt8(ascii: "-")
        if negative { offset += 1 }
        let digitsStart = offset
        var value: UInt64 = 0
        while offset < bytes.count {
            let digit = bytes[offset] &- 48
            guard digit < 10 else { break }
            value = value &* 10 &+ UInt64(digit)
            offset += 1
        }
        let digits = offset - digitsStart
        guard digits > 0 else {
            offset = start
            throw error(offset < bytes.count && bytes[offset] == UInt8(ascii: "+") ? Self.plusSign : "expected an integer")
        }
        guard digits == 1 || bytes[digitsStart] != UInt8(ascii: "0") else { offset = start; throw error(Self.leadingZero) }
        // 18 digits always fit; beyond that, check against the exact limit.
        guard digits <= 18 || (digits == 19 && value <= UInt64(Int64.max) + (negative ? 1 : 0) && value >= 1_000_000_000_000_000_000) else {
            offset = start
            throw error("an integer too large")
        }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: ".") || bytes[offset] | 0x20 == UInt8(ascii: "e") {
            offset = start
            throw error("expected a whole number")
        }
        return negative ? Int64(bitPattern: 0 &- value) : Int64(value)
    }

    /// Reads any JSON number as a Double, exactly as `strtod` rounds it.
    @inlinable
    public mutating func readDouble() throws -> Double {
        skipWhitespace()
        let start = offset
        if let problem = skipNumber() {
            offset = start
            throw error(problem)
        }
        let count = offset - start
        guard count < 64 else { offset = start; throw error("a number longer than 63 characters") }
        if let exact = Self.exactDouble(bytes, start..<offset) { return exact }
        return try slowDouble(start: start, count: count)
    }

    @usableFromInline static let plusSign = "a number with a '+' sign (write 1, not +1)"
    @usableFromInline static let leadingZero = "a number with a leading zero (write 7, not 07)"

    /// Moves past one number of RFC 8259's grammar, `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`;
    /// tells what is wrong when the text is not one.
    @usableFromInline mutating func skipNumber() -> String? {
        if consumeByte(UInt8(ascii: "+")) { return Self.plusSign }
        _ = consumeByte(UInt8(ascii: "-"))
        guard offset < bytes.count, bytes[offset] &- 48 < 10 else {
            let point = offset < bytes.count && bytes[offset] == UInt8(ascii: ".")
            return point ? "a number without a digit before its '.' (write 0.5, not .5)" : "expected a number"
        }
        let zero = bytes[offset] == UInt8(ascii: "0")
        if skipDigits() > 1 && zero { return Self.leadingZero }
        if consumeByte(UInt8(ascii: ".")), skipDigits() == 0 {
            return "a number without a digit after its '.' (write 5 or 5.0, not 5.)"
        }
        if consumeByte(UInt8(ascii: "e")) || consumeByte(UInt8(ascii: "E")) {
            if !consumeByte(UInt8(ascii: "+")) { _ = consumeByte(UInt8(ascii: "-")) }
            if skipDigits() == 0 { return "a number without digits in its exponent (write 1e5)" }
        }
        return nil
    }

    /// Moves past ASCII digits; returns how many.
    @usableFromInline mutating func skipDigits() -> Int {
        let start = offset
        while offset < bytes.count, bytes[offset] &- 48 < 10 { offset += 1 }
        return offset - start
    }

    /// Powers of ten that a Double holds exactly.
    @usableFromInline static let exactPowersOfTen: [Double] = (0...22).map { (0..<$0).reduce(1.0) { r, _ in r * 10 } }

    /// Clinger's fast path: `-ddd.ddd` whose digits make an integer of at most 2^53 (every
    /// 15-digit one, and 16-digit ones up to 9007199254740992, as many shortest forms of
    /// stabilities and difficulties are) is an exact integer divided by an exact power of ten,
    /// so one division rounds it correctly, as strtod would.
    /// Nil for anything else, RFC 8259's refusals (`.5`, `5.`, `01`) among them.
    @inlinable public static func exactDouble(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Double? {
        var i = range.lowerBound
        guard i < range.upperBound else { return nil }
        let negative = bytes[i] == UInt8(ascii: "-")
        if negative { i += 1 }
        // A digit first, and no zero before another digit.
        guard i < range.upperBound, bytes[i] &- 48 < 10 else { return nil }
        if bytes[i] == UInt8(ascii: "0"), i + 1 < range.upperBound, bytes[i + 1] &- 48 < 10 { return nil }
        var mantissa: UInt64 = 0, digits = 0, fraction = 0, seenPoint = false
        while i < range.upperBound {
            let b = bytes[i]
            if b == UInt8(ascii: ".") {
                guard !seenPoint else { return nil }
                seenPoint = true
            } else if b >= 48 && b <= 57 {
                mantissa = mantissa &* 10 &+ UInt64(b - 48)
                digits += 1
                if seenPoint { fraction += 1 }
            } else {
                return nil
            }
            i += 1
        }
        guard digits <= 19, mantissa <= 1 << 53, fraction <= 22, !seenPoint || fraction > 0 else { return nil }
        let value = Double(mantissa) / exactPowersOfTen[fraction]
        return negative ? -value : value
    }

    @usableFromInline mutating func slowDouble(start: Int, count: Int) throws -> Double {
        var buffer = (0 as UInt64, 0 as UInt64, 0 as UInt64, 0 as UInt64, 0 as UInt64, 0 as UInt64, 0 as UInt64, 0 as UInt64)
        let parsed: Double? = withUnsafeMutableBytes(of: &buffer) { raw in
            let text = raw.bindMemory(to: CChar.self)
            guard let base = text.baseAddress else { return nil }
            for i in 0..<count { text[i] = CChar(bitPattern: bytes[start + i]) }
            text[count] = 0
            var end: UnsafeMutablePointer<CChar>?
            let value = strtod(base, &end)
            return end == base + count ? value : nil
        }
        guard let parsed, parsed.isFinite else { offset = start; throw error("expected a number") }
        return parsed
    }
}
