/// Keys an explanation states outright: `the correct answer is D`, `option B is right`, `(C) is
/// correct`, `answer: C`, `the answer is Canberra` (an option's text), and the denials
/// `the answer is not brass`, `A is wrong`.
struct StatedKeys {
    private(set) var stated: Set<Int> = []
    private(set) var denied: Set<Int> = []

    init(_ tokens: [EvidenceToken], options: [[String]]) {
        for index in tokens.indices {
            readAnswerIs(at: index, tokens, options)
            readLetterIs(at: index, tokens, options.count)
        }
    }

    /// `[the] [correct|right|best] answer|option|choice [here] is|was|: [not] X`.
    private mutating func readAnswerIs(at index: Int, _ tokens: [EvidenceToken], _ options: [[String]]) {
        guard Self.answerNouns.contains(tokens[index].text), index + 1 < tokens.count else { return }
        let qualified = index > 0 && Self.rightWords.contains(tokens[index - 1].text)
        guard qualified || tokens[index].text == "answer" else { return }
        var next = index + 1
        if tokens[next].text == "here" { next += 1 }
        let colon = tokens[next - 1].after == ":"
        if !colon {
            guard next < tokens.count, ["is", "was", "be"].contains(tokens[next].text) else { return }
            next += 1
        }
        var negated = false
        if next < tokens.count, tokens[next].text == "not" { negated = true; next += 1 }
        guard next < tokens.count, let option = Self.named(at: next, tokens, options) else { return }
        record(option, negated: negated)
    }

    /// `option B|(B)|B is|was [not] correct|right|true|wrong|incorrect|false|the [correct] answer`.
    private mutating func readLetterIs(at index: Int, _ tokens: [EvidenceToken], _ count: Int) {
        guard let (option, length) = LetterReference.at(index, tokens, count, bareAtStart: true) else { return }
        var next = index + length
        guard next < tokens.count, ["is", "was"].contains(tokens[next].text) else { return }
        next += 1
        var negated = false
        if next < tokens.count, tokens[next].text == "not" { negated = true; next += 1 }
        guard next < tokens.count else { return }
        var word = tokens[next].text
        if word == "the", next + 1 < tokens.count {
            let rest = tokens[(next + 1)...].prefix(2).map(\.text)
            guard rest.contains(where: Self.answerNouns.contains) else { return }
            word = rest.first.map { Self.rightWords.contains($0) || Self.answerNouns.contains($0) ? "correct" : $0 } ?? ""
        }
        if Self.rightWords.contains(word) { record(option, negated: negated) }
        if Self.wrongWords.contains(word) { record(option, negated: !negated) }
    }

    private mutating func record(_ option: Int, negated: Bool) {
        if negated { denied.insert(option) } else { stated.insert(option) }
    }

    /// The option named at `index`: a letter reference, a bare capital letter, or the start of
    /// an option's text (the longest that matches, when only one does).
    static func named(at index: Int, _ tokens: [EvidenceToken], _ options: [[String]]) -> Int? {
        if let (option, _) = LetterReference.at(index, tokens, options.count, bareAtStart: false) { return option }
        if tokens[index].isCapitalLetter, let letter = tokens[index].text.unicodeScalars.first,
           Int(letter.value) - 97 < options.count { return Int(letter.value) - 97 }
        var start = index
        while start < tokens.count, !tokens[start].isContent { start += 1 }
        let stems = tokens[start...].prefix(12).filter(\.isContent).map(\.stem)
        let matching = options.indices.filter { !options[$0].isEmpty && stems.starts(with: options[$0]) }
        let longest = matching.map { options[$0].count }.max()
        let best = matching.filter { options[$0].count == longest }
        return best.count == 1 ? best[0] : nil
    }

    static let answerNouns: Set<String> = ["answer", "option", "choice", "response", "alternative"]
    static let rightWords: Set<String> = ["correct", "right", "true", "best", "accurate"]
    static let wrongWords: Set<String> = ["wrong", "incorrect", "false", "inaccurate"]
}

/// `option B`, `choice b`, `(B)`, `B)`; with `bareAtStart` also a capital letter opening a
/// clause (`B is correct`). Returns the option and the tokens the reference takes.
enum LetterReference {
    static func at(_ index: Int, _ tokens: [EvidenceToken], _ count: Int, bareAtStart: Bool) -> (Int, Int)? {
        let token = tokens[index]
        if ["option", "choice", "answer", "letter"].contains(token.text), index + 1 < tokens.count,
           let option = letter(tokens[index + 1], count, anyCase: true) {
            return (option, 2)
        }
        guard token.isCapitalLetter, let option = letter(token, count, anyCase: false) else { return nil }
        if token.before == "(" && token.after == ")" { return (option, 1) }
        if token.after == ")" && token.boundary >= .comma { return (option, 1) }
        if bareAtStart && (index == 0 || token.boundary >= .comma) && token.after == nil { return (option, 1) }
        return nil
    }

    private static func letter(_ token: EvidenceToken, _ count: Int, anyCase: Bool) -> Int? {
        guard token.text.unicodeScalars.count == 1, let scalar = token.text.unicodeScalars.first,
              (97...104).contains(scalar.value), anyCase || token.isCapitalLetter else { return nil }
        let option = Int(scalar.value) - 97
        return option < count ? option : nil
    }
}
