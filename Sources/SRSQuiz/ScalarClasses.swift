import SRSCore
/// Character classes with an ASCII fast path: Unicode property look-ups are slow enough to
/// dominate a 20,000-item import when made for every character.
extension Unicode.Scalar {
    /// A space of any kind, also the byte-order mark and the zero-width space, which quiz
    /// text holds where files were joined or pasted from the web.
    var isSpaceLike: Bool {
        if value < 0x80 { return value == 0x20 || (0x09...0x0D).contains(value) }
        return value == 0xFEFF || value == 0x200B || properties.isWhitespace
    }

    /// A letter or digit of any script: what a word is made of.
    var isWordCharacter: Bool {
        if value < 0x80 {
            return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
        }
        return properties.isAlphabetic || properties.numericType != nil
    }

    var isLowercaseLetter: Bool { value < 0x80 ? (0x61...0x7A).contains(value) : properties.isLowercase }

    var isUppercaseLetter: Bool { value < 0x80 ? (0x41...0x5A).contains(value) : properties.isUppercase }

    var isDigitLike: Bool { value < 0x80 ? (0x30...0x39).contains(value) : properties.numericType != nil }
}
