import Foundation

/// The options of an item as evidence is matched against them: each option's content stems in
/// order, each stem's weight, and the question's own words.
struct OptionProfile {
    /// Each option's content stems, in order (`3×10⁸ m/s` → `3×10⁸`, `m`, `s`).
    let sequences: [[String]]
    /// ln(n / options containing the stem); half that for a stem the question has too (an
    /// option that echoes the question is not made likelier by an explanation that does).
    let weights: [String: Double]
    /// Stems of the question found in no option: what it asks about.
    let focus: Set<String>
    /// `Which is not…`, `…except`: the explanation's denials point at the key.
    let isNegativeQuestion: Bool
    /// For an option that is a name of several capitalised words (`Charles Darwin`), its last
    /// word when no other option has it: `Darwin` in the explanation quotes it.
    let surnames: [Int: String]
    private let totals: [Double]
    /// Each option's stems as a set.
    private let distinct: [Set<String>]
    /// For each option, the longer options whose text holds its text.
    private let containers: [[Int]]

    init(question: String, options: [String]) {
        let questionTokens = EvidenceTokens.tokens(question)
        let questionStems = Set(questionTokens.filter(\.isContent).map(\.stem))
        let optionTokens = options.map { EvidenceTokens.tokens($0).filter(\.isContent) }
        sequences = optionTokens.map { $0.map(\.stem) }
        var containing: [String: Int] = [:]
        for stems in sequences { for stem in Set(stems) { containing[stem, default: 0] += 1 } }
        let count = Double(options.count)
        var weighed: [String: Double] = [:]
        for (stem, options) in containing {
            let weight = log(count / Double(options))
            weighed[stem] = questionStems.contains(stem) ? weight / 2 : weight
        }
        weights = weighed
        focus = questionStems.subtracting(containing.keys)
        surnames = Self.surnames(optionTokens, containing)
        let stems = sequences
        distinct = stems.map(Set.init)
        totals = stems.map { Set($0).reduce(0) { $0 + (weighed[$1] ?? 0) } }
        containers = stems.indices.map { option in
            stems.indices.filter { other in
                other != option && stems[other].count > stems[option].count
                    && Self.occurrences(of: stems[option], in: stems[other]) > 0
            }
        }
        isNegativeQuestion = questionTokens.contains {
            $0.cues.contains(.verbalNegation) || $0.text == "except"
        }
    }

    private static func surnames(_ options: [[EvidenceToken]], _ containing: [String: Int]) -> [Int: String] {
        var result: [Int: String] = [:]
        for (index, words) in options.enumerated() {
            guard words.count >= 2, words.allSatisfy({ $0.isCapitalized && $0.kind == .word }),
                  let last = words.last, containing[last.stem] == 1 else { continue }
            result[index] = last.stem
        }
        return result
    }

    /// The summed weight of the option's distinct stems.
    func totalWeight(_ option: Int) -> Double { totals[option] }

    /// The options mentioned in `range` of `tokens`: quoted or referred to by letter, else by
    /// their distinguishing words (only when no option is quoted there).
    func mentions(in range: Range<Int>, _ tokens: [EvidenceToken]) -> [Int: OptionEvidence.Mention] {
        var lettered = Set<Int>(), skipped = Set<Int>()
        for index in range {
            if let (option, length) = LetterReference.at(index, tokens, sequences.count, bareAtStart: false) {
                lettered.insert(option)
                skipped.formUnion(index..<min(range.upperBound, index + length))
            }
        }
        var stems: [String] = []
        stems.reserveCapacity(range.count)
        for index in range where tokens[index].isContent && !skipped.contains(index) { stems.append(tokens[index].stem) }
        let named = surnames.filter { option, surname in
            range.contains { tokens[$0].isCapitalized && tokens[$0].stem == surname }
        }.keys
        let quotes = quotedOptions(in: stems).union(lettered).union(named)
        if !quotes.isEmpty {
            return Dictionary(uniqueKeysWithValues: quotes.map {
                ($0, OptionEvidence.Mention(stems: distinct[$0], quoted: true, weight: 1 + totalWeight($0)))
            })
        }
        return wordMentions(Set(stems))
    }

    /// Options whose distinguishing words are in `stems`; a word that several options found
    /// there share tells none of them apart, and counts for none.
    private func wordMentions(_ stems: Set<String>) -> [Int: OptionEvidence.Mention] {
        let found = distinct.map { $0.filter { stems.contains($0) && (weights[$0] ?? 0) > 0 } }
        var sharedBy: [String: Int] = [:]
        for words in found { for word in words { sharedBy[word, default: 0] += 1 } }
        var result: [Int: OptionEvidence.Mention] = [:]
        for option in sequences.indices {
            let matched = found[option].filter { sharedBy[$0] == 1 }
            guard !matched.isEmpty else { continue }
            let weight = matched.reduce(0) { $0 + (weights[$1] ?? 0) }
            result[option] = OptionEvidence.Mention(stems: matched, quoted: false, weight: weight)
        }
        return result
    }

    /// Options whose whole text appears in `stems` more often than inside a longer option's
    /// text that contains it (`Paris` in `Paris, Texas` is not a quote of `Paris`).
    func quotedOptions(in stems: [String]) -> Set<Int> {
        let counts = sequences.indices.map { option in
            totalWeight(option) > 0 ? occurrences(of: sequences[option], in: stems) : 0
        }
        return Set(sequences.indices.filter { option in
            counts[option] > containers[option].reduce(0) { $0 + counts[$1] }
        })
    }

    private func occurrences(of needle: [String], in haystack: [String]) -> Int {
        Self.occurrences(of: needle, in: haystack)
    }

    private static func occurrences(of needle: [String], in haystack: [String]) -> Int {
        guard !needle.isEmpty, needle.count <= haystack.count else { return 0 }
        var found = 0
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) { found += 1 }
        }
        return found
    }
}
