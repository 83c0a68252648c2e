/// Word tokens for comparing texts: lower-cased runs of letters and digits.
enum TextTokens {
    /// Every token of `text`, in order.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                current.append(scalar)
            } else if !current.isEmpty {
                words.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
    }

    /// Distinct content stems of `text`: stop words and single letters dropped, each word cut to
    /// its first `stemLength` characters, a cheap stemmer that makes `learns` and `learning`,
    /// `prediction` and `predictions` the same.
    static func stems(_ text: String) -> Set<String> {
        var result = Set<String>()
        for word in words(text) where !stopWords.contains(word) {
            guard word.count > 1 || word.unicodeScalars.allSatisfy({ $0.properties.numericType != nil })
            else { continue }
            result.insert(String(word.prefix(stemLength)))
        }
        return result
    }

    static let stemLength = 5

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
