/// A stable hash: unlike `hashValue`, the same in every process and on every machine. Card ids
/// are made from it (`SRSQuiz.CardIdentity`), and the store and the statistics use it to sort
/// and bucket ids quickly.
public enum StableHash {
    /// 64-bit FNV-1a of a string's UTF-8. Reads the bytes in place.
    public static func fnv1a64(_ text: String) -> UInt64 {
        var text = text
        return text.withUTF8 { fnv1a64($0) }
    }

    /// 64-bit FNV-1a of `bytes`.
    @inlinable
    public static func fnv1a64<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
