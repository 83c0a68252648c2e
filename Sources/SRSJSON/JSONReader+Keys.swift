/// Objects whose keys come from a known list, read without making a `String` of each key: the
/// review log and the snapshot hold a million small state objects, where building, hashing and
/// comparing key strings cost more than the numbers in them.
extension JSONReader {
    /// A list of names (keys or enumeration values) to match strings against as bytes: the
    /// first 16 bytes of a name as two integers, found through a small open-addressing table.
    public struct Names: Sendable {
        @usableFromInline let utf8: [[UInt8]]
        @usableFromInline let packed: [Packed]
        /// Slot → 1 + the name's position (0: empty); a power of two at least four times the names.
        @usableFromInline let slots: [Int]

        public init(_ names: [String]) {
            utf8 = names.map { Array($0.utf8) }
            packed = utf8.map { name in name.withUnsafeBufferPointer(Packed.init) }
            var slots = [Int](repeating: 0, count: max(16, 1 << (Int.bitWidth - (4 * names.count).leadingZeroBitCount)))
            for (position, name) in packed.enumerated() {
                var slot = name.hash & (slots.count - 1)
                while slots[slot] != 0 { slot = (slot + 1) & (slots.count - 1) }
                slots[slot] = position + 1
            }
            self.slots = slots
        }

        /// The first 16 bytes of a name as two little-endian integers, and its length.
        @usableFromInline struct Packed: Equatable, Sendable {
            @usableFromInline var low: UInt64 = 0, high: UInt64 = 0, count = 0

            @inlinable init() {}

            @inlinable init(_ bytes: UnsafeBufferPointer<UInt8>) {
                for b in bytes { append(b) }
            }

            /// Adds the next byte of the name.
            @inlinable mutating func append(_ byte: UInt8) {
                if count < 8 {
                    low |= UInt64(byte) << (8 * count)
                } else if count < 16 {
                    high |= UInt64(byte) << (8 * (count - 8))
                }
                count += 1
            }

            /// The name of at most 15 plain ASCII bytes that ends with a `"` within the 16 bytes at
            /// `i`, read as two words (nil for anything else: a longer name, an escape, a control
            /// or non-ASCII byte). Each word is checked for those bytes all at once.
            @inlinable static func word(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (Packed, end: Int)? {
                guard let base = bytes.baseAddress, i + 16 <= bytes.count else { return nil }
                let raw = UnsafeRawPointer(base + i)
                let w0 = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
                let w1 = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
                var key = Packed()
                if let n = firstSpecial(w0) {
                    key.low = n == 0 ? 0 : w0 & (UInt64.max >> (64 - 8 * n))
                    key.count = n
                } else if let n = firstSpecial(w1) {
                    key.low = w0
                    key.high = n == 0 ? 0 : w1 & (UInt64.max >> (64 - 8 * n))
                    key.count = 8 + n
                } else {
                    return nil
                }
                guard bytes[i + key.count] == UInt8(ascii: "\"") else { return nil }
                return (key, i + key.count)
            }

            /// The index of the first byte of `w` that is `"`, a backslash, below 0x20 or above 0x7F. The
            /// lowest flag of these bit tricks is exact (a borrow only runs upwards).
            @inlinable static func firstSpecial(_ w: UInt64) -> Int? {
                let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
                let quote = w ^ (ones &* 0x22), backslash = w ^ (ones &* 0x5C)
                let flags = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | ((w &- ones &* 0x20) & ~w) | w
                let found = flags & highs
                return found == 0 ? nil : found.trailingZeroBitCount / 8
            }

            @inlinable var hash: Int { Int(truncatingIfNeeded: ((low ^ high &* 31 ^ UInt64(count)) &* 0x9E37_79B9_7F4A_7C15) >> 40) }
        }

        /// The position of the name `key` packs (whose bytes are `bytes`) in the list, or nil.
        @inlinable
        func index(of key: Packed, _ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
            var slot = key.hash & (slots.count - 1)
            while slots[slot] != 0 {
                let i = slots[slot] - 1
                if packed[i] == key, key.count <= 16 || utf8[i].withUnsafeBufferPointer({ $0.elementsEqual(bytes) }) { return i }
                slot = (slot + 1) & (slots.count - 1)
            }
            return nil
        }
    }

    /// Reads a string and returns its position in `names`, or nil when it is not one of them
    /// (the string is read and checked either way).
    @inlinable
    public mutating func readString(matching names: Names) throws -> Int? {
        if offset >= bytes.count || bytes[offset] != UInt8(ascii: "\"") { try expect(UInt8(ascii: "\"")) } else { offset += 1 }
        if let (key, end) = Names.Packed.word(bytes, at: offset) {
            defer { offset = end + 1 }
            return names.index(of: key, UnsafeBufferPointer(rebasing: bytes[offset..<end]))
        }
        let start = offset
        var key = Names.Packed()
        while offset < bytes.count {
            let b = bytes[offset]
            if b == UInt8(ascii: "\"") {
                offset += 1
                return names.index(of: key, UnsafeBufferPointer(rebasing: bytes[start..<(offset - 1)]))
            }
            // Escapes, control characters and non-ASCII bytes take the general path.
            guard b >= 0x20, b < 0x80, b != UInt8(ascii: "\\") else {
                offset = start - 1
                let text = Array(try readString().utf8)
                return text.withUnsafeBufferPointer { names.index(of: Names.Packed($0), $0) }
            }
            key.append(b)
            offset += 1
        }
        throw error("a string that does not end")
    }

    /// Reads an object, calling `field` with the position of each key in `keys` (nil for any
    /// other key); `field` must read the value. Errors name the member, as `readObject` does.
    @inlinable
    public mutating func readObject(keys: Names, _ field: (inout JSONReader, Int?) throws -> Void) throws {
        try expect(UInt8(ascii: "{"))
        if consume(UInt8(ascii: "}")) { return }
        repeat {
            skipWhitespace()
            let keyStart = offset
            let key = try readString(matching: keys)
            if !consumeByte(UInt8(ascii: ":")) { try expect(UInt8(ascii: ":")) }
            do { try field(&self, key) } catch var error as JSONError {
                var again = JSONReader(bytes, offset: keyStart)
                error.path.insert((try? again.readString()) ?? "", at: 0)
                throw error
            }
        } while consumeByte(UInt8(ascii: ",")) || consume(UInt8(ascii: ","))
        guard consume(UInt8(ascii: "}")) else { throw error("expected ',' or '}' after a value") }
    }
}
