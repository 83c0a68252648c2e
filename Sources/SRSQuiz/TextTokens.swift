import SRSCore
/// Word tokens for comparing texts: lower-cased runs of letters and digits.
enum TextTokens {
    /// Every token of `text`, in order.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        forEachWord(text) { words.append(String(decoding: $0, as: UTF8.self)) }
        return words
    }

    /// Distinct content stems of `text`: stop words and single letters dropped, each word cut to
    /// its first `stemLength` characters, a cheap stemmer that makes `learns` and `learning`,
    /// `prediction` and `predictions` the same.
    static func stems(_ text: String) -> Set<String> {
        var result = Set<String>()
        forEachWord(text) { word in
            if word.count <= longestStopWord, stopWords.contains(String(decoding: word, as: UTF8.self)) { return }
            if word.count == 1, !(0x30...0x39).contains(word[0]) { return }
            var end = 0, characters = 0
            while end < word.count, characters < stemLength || word[end] & 0xC0 == 0x80 {
                if word[end] & 0xC0 != 0x80 { characters += 1 }
                end += 1
            }
            result.insert(String(decoding: UnsafeBufferPointer(rebasing: word[..<end]), as: UTF8.self))
        }
        return result
    }

    /// Calls `body` with the lower-cased UTF-8 bytes of each run of letters and digits. Works on
    /// the UTF-8 bytes: ASCII is lower-cased in place and only other scripts pay for Unicode
    /// property look-ups, which otherwise dominate a 20,000-item import.
    static func forEachWord(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        var current: [UInt8] = []
        func flush() {
            guard !current.isEmpty else { return }
            current.withUnsafeBufferPointer(body)
            current.removeAll(keepingCapacity: true)
        }
        text.withUTF8 { utf8 in
            var index = 0
            while index < utf8.count {
                let byte = utf8[index]
                if byte < 0x80 {
                    let isWord = (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                    if isWord { current.append((0x41...0x5A).contains(byte) ? byte | 0x20 : byte) } else { flush() }
                    index += 1
                    continue
                }
                let (scalar, length) = decodeScalar(utf8, at: index)
                let end = index + length
                if scalar.isWordCharacter {
                    for lower in scalar.properties.lowercaseMapping.unicodeScalars { UTF8.encode(lower) { current.append($0) } }
                } else {
                    flush()
                }
                index = end
            }
        }
        flush()
    }

    /// The scalar starting at `index` of valid UTF-8 (a `String`'s), and its length in bytes.
    private static func decodeScalar(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = UInt32(utf8[index])
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        guard index + length <= utf8.count else { return (" ", utf8.count - index) }
        var value = lead & (0x7F >> UInt32(length))
        for offset in 1..<length { value = value << 6 | UInt32(utf8[index + offset] & 0x3F) }
        return (Unicode.Scalar(value) ?? " ", length)
    }

    static let stemLength = 5
    static let longestStopWord = 7

    /// Common English function words: they say nothing about which option is meant.
    static let stopWords: Set<String> = [
        "a", "about", "above", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be",
        "because", "been", "being", "between", "both", "but", "by", "can", "could", "do", "does",
        "each", "either", "for", "from", "had", "has", "have", "how", "if", "in", "into", "is", "it",
        "its", "may", "more", "most", "much", "must", "no", "not", "of", "on", "one", "only", "or",
        "other", "our", "same", "should", "so", "some", "such", "than", "that", "the", "their",
        "them", "then", "there", "these", "they", "this", "those", "through", "to", "too", "under",
        "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "why", "will",
        "with", "would", "you", "your",
    ]
}
