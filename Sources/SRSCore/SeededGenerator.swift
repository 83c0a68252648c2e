/// SplitMix64 (Steele, Lea and Flood 2014): a tiny seeded generator, so that whatever is random
/// (option order, generated collections, test inputs) is reproducible from a seed.
public struct SeededGenerator: RandomNumberGenerator, Equatable, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension SeededGenerator {
    /// A seed from text: 64-bit FNV-1a of its UTF-8 bytes, the same on every machine (unlike
    /// `hashValue`, which Swift randomises per process).
    public static func seed(hashing text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }
}
