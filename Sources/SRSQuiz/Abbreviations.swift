/// Abbreviations read as what they abbreviate (`docs/quiz-format.md`, "How keys are inferred"):
/// the initials of consecutive words spell the abbreviation. `Domain Name System` in an
/// explanation quotes the option `DNS`; `DDoS` in an explanation quotes the option
/// `Distributed denial of service`, `ECB` the option `The European Central Bank`.
enum Abbreviations {
    /// `tokens` with each spelled-out form of an option that is one abbreviation replaced by
    /// that abbreviation, and each abbreviation of an option's words replaced by those words.
    static func expand(_ tokens: [EvidenceToken], options: [[EvidenceToken]]) -> [EvidenceToken] {
        let short = options.compactMap(abbreviation)
        let long = options.compactMap(spelledOut)
        guard !short.isEmpty || !long.isEmpty else { return tokens }
        var out: [EvidenceToken] = []
        out.reserveCapacity(tokens.count)
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            if token.isAcronym, let words = long.first(where: { $0.initials == token.text })?.words {
                // `the Volcanic Explosivity Index (VEI)`: in brackets right after the words it
                // abbreviates, it only restates them.
                let restates = token.before == "(" && token.after == ")" && out.count >= words.count
                    && zip(out.suffix(words.count), words).allSatisfy { $0.stem == $1.stem }
                if !restates { out += words.enumerated().map { standIn($1, boundary: $0 == 0 ? token.boundary : .none) } }
                index += 1
            } else if let found = short.first(where: { spells($0.text, at: index, tokens) }) {
                out.append(standIn(found, boundary: token.boundary))
                index += found.text.count
            } else {
                out.append(token)
                index += 1
            }
        }
        return out
    }

    /// The option's one token when it is an abbreviation of letters only (`DNS`, `HTTPS`).
    private static func abbreviation(_ option: [EvidenceToken]) -> EvidenceToken? {
        guard option.count == 1, let only = option.first, only.isAcronym,
              only.text.unicodeScalars.allSatisfy({ (97...122).contains($0.value) }) else { return nil }
        return only
    }

    /// An option of two words or more and their initials (`distributed denial of service`: `ddos`).
    /// A leading article is not abbreviated (`The European Central Bank`: `ecb`).
    private static func spelledOut(_ option: [EvidenceToken]) -> (initials: String, words: [EvidenceToken])? {
        let words = ["the", "a", "an"].contains(option.first?.text ?? "") ? Array(option.dropFirst()) : option
        guard words.count >= 2, words.allSatisfy({ $0.kind == .word }) else { return nil }
        return (String(words.compactMap(\.text.first)), words)
    }

    /// True when `letters.count` words from `index`, capitalised at both ends and not cut by
    /// punctuation, have the initials `letters`.
    private static func spells(_ letters: String, at index: Int, _ tokens: [EvidenceToken]) -> Bool {
        let end = index + letters.count
        guard end <= tokens.count, tokens[index].isCapitalized, tokens[end - 1].isCapitalized else { return false }
        let words = tokens[index..<end]
        return words.allSatisfy { $0.kind == .word } && words.dropFirst().allSatisfy { $0.boundary == .none }
            && String(words.compactMap(\.text.first)) == letters
    }

    private static func standIn(_ token: EvidenceToken, boundary: EvidenceToken.Boundary) -> EvidenceToken {
        var copy = token
        copy.boundary = boundary
        copy.isCapitalLetter = false
        copy.before = nil
        copy.after = nil
        return copy
    }
}
