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
            readTextIs(at: index, tokens, options)
            readInstruction(at: index, tokens, options)
            readItIs(at: index, tokens, options)
        }
    }

    /// `It is C, the compass rose.`, `It's B.`: a sentence opening `it is|was` and a bare capital
    /// letter closed by punctuation; words after a comma that name an option must name the same.
    private mutating func readItIs(at index: Int, _ tokens: [EvidenceToken], _ options: [[String]]) {
        guard tokens[index].text == "it", index == 0 || tokens[index].boundary == .sentence,
              index + 2 < tokens.count, ["is", "was", "s"].contains(tokens[index + 1].text) else { return }
        let letter = tokens[index + 2]
        guard let option = LetterReference.letter(letter, options.count, anyCase: false),
              letter.after.map({ Self.closing.contains($0) }) ?? (index + 3 == tokens.count) else { return }
        if letter.after == ",", index + 3 < tokens.count, let named = Self.named(at: index + 3, tokens, options),
           named != option { return }
        record(option, negated: false)
    }

    /// `Paul Desmond is the right choice here`, `Canberra is the correct answer`: an option's
    /// whole text, opening its clause, then `is|was [not] the correct|right answer|option|choice`.
    private mutating func readTextIs(at index: Int, _ tokens: [EvidenceToken], _ options: [[String]]) {
        guard ["is", "was"].contains(tokens[index].text), index > 0 else { return }
        var next = index + 1
        var negated = false
        if next < tokens.count, tokens[next].text == "not" { negated = true; next += 1 }
        guard Self.isPick(at: next, tokens) || (next + 2 < tokens.count && tokens[next].text == "the"
            && Self.rightWords.contains(tokens[next + 1].text) && Self.answerNouns.contains(tokens[next + 2].text))
        else { return }
        var start = index - 1
        while start > 0, tokens[start].boundary < .comma { start -= 1 }
        let stems = tokens[start..<index].filter(\.isContent).map(\.stem)
        let matching = options.indices.filter { !options[$0].isEmpty && options[$0] == stems }
        if matching.count == 1 { record(matching[0], negated: negated) }
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
        if Self.isPick(at: next, tokens) { record(option, negated: negated); return }
        var word = tokens[next].text
        if word == "the", next + 1 < tokens.count {
            let rest = tokens[(next + 1)...].prefix(2).map(\.text)
            guard rest.contains(where: Self.answerNouns.contains) else { return }
            word = rest.first.map { Self.rightWords.contains($0) || Self.answerNouns.contains($0) ? "correct" : $0 } ?? ""
        }
        if Self.rightWords.contains(word) { record(option, negated: negated) }
        if Self.wrongWords.contains(word) { record(option, negated: !negated) }
    }

    /// `the one to pick`, `the one to choose`, `the one to go for`, `the right one`, `the correct one`,
    /// and `the one` ending its clause (`ECB is the one: each block…`).
    static func isPick(at index: Int, _ tokens: [EvidenceToken]) -> Bool {
        if index + 1 < tokens.count, tokens[index].text == "the", tokens[index + 1].text == "one",
           index + 2 == tokens.count || tokens[index + 2].boundary >= .clause { return true }
        let words = tokens[index...].prefix(4).map(\.text)
        guard words.count >= 3, words[0] == "the" else { return false }
        if words[1] == "one", words[2] == "to", words.count == 4 { return Self.pickVerbs.contains(words[3]) || words[3] == "go" }
        return rightWords.contains(words[1]) && words[2] == "one"
    }

    /// `Go with A here.`, `Pick B.`, `Choose the third option`: an instruction opening a
    /// sentence, naming one option.
    private mutating func readInstruction(at index: Int, _ tokens: [EvidenceToken], _ options: [[String]]) {
        guard index == 0 || tokens[index].boundary == .sentence else { return }
        var next = index + 1
        if tokens[index].text == "go" {
            guard next < tokens.count, ["with", "for"].contains(tokens[next].text) else { return }
            next += 1
        } else if !Self.pickVerbs.contains(tokens[index].text) { return }
        guard next < tokens.count, let option = Self.named(at: next, tokens, options) else { return }
        record(option, negated: false)
    }

    static let pickVerbs: Set<String> = ["pick", "choose", "select"]
    static let closing: Set<Unicode.Scalar> = [",", ".", ";", ":"]

    private mutating func record(_ option: Int, negated: Bool) {
        if negated { denied.insert(option) } else { stated.insert(option) }
    }

    /// The option named at `index`: a letter reference, a bare capital letter, or the start of
    /// an option's text (the longest that matches, when only one does).
    static func named(at index: Int, _ tokens: [EvidenceToken], _ options: [[String]]) -> Int? {
        if let (option, _) = LetterReference.at(index, tokens, options.count, bareAtStart: false) { return option }
        if tokens[index].text == "the", index + 1 < tokens.count,
           let option = LetterReference.ordinal(at: index + 1, tokens, options.count) { return option }
        if let option = LetterReference.letter(tokens[index], options.count, anyCase: false) { return option }
        var start = index
        while start < tokens.count, !tokens[start].isContent { start += 1 }
        let stems = tokens[start...].prefix(12).filter(\.isContent).map(\.stem)
        let matching = options.indices.filter { !options[$0].isEmpty && stems.starts(with: options[$0]) }
        let longest = matching.map { options[$0].count }.max()
        let best = matching.filter { options[$0].count == longest }
        if best.count == 1 { return best[0] }
        return best.isEmpty ? namedInPart(from: start, tokens, options) : nil
    }

    /// `the correct answer is the cuckoo: …` for the option `Common cuckoo`: a phrase up to the
    /// next punctuation whose words are all in one option, and in no other.
    private static func namedInPart(from start: Int, _ tokens: [EvidenceToken], _ options: [[String]]) -> Int? {
        guard start < tokens.count else { return nil }
        var end = start + 1
        while end < tokens.count, tokens[end].boundary == .none, tokens[end - 1].after == nil, end - start < 6 { end += 1 }
        let words = Set(tokens[start..<end].filter(\.isContent).map(\.stem))
        guard !words.isEmpty else { return nil }
        let holding = options.indices.filter { words.isSubset(of: Set(options[$0])) }
        return holding.count == 1 ? holding[0] : nil
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
        if let option = ordinal(at: index, tokens, count) {
            // `the first option is…`: the noun is part of the reference.
            let noun = index + 1 < tokens.count && tokens[index + 1].boundary == .none
                && referenceNouns.contains(tokens[index + 1].text)
            return (option, noun ? 2 : 1)
        }
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

    /// `the second option`, `the third choice`, `the last answer`, and a bare `the second` that
    /// ends a clause speaking of an option (`The option most often picked wrongly is the second`).
    static func ordinal(at index: Int, _ tokens: [EvidenceToken], _ count: Int) -> Int? {
        guard index > 0, tokens[index - 1].text == "the", tokens[index].boundary == .none,
              let place = ordinals.firstIndex(of: tokens[index].text) else { return nil }
        let option = place == ordinals.count - 1 ? count - 1 : place
        guard option < count else { return nil }
        let next = index + 1 < tokens.count ? tokens[index + 1] : nil
        if let next, next.boundary == .none { return referenceNouns.contains(next.text) ? option : nil }
        var earlier = index - 1
        while earlier > 0, tokens[earlier].boundary < .clause {
            earlier -= 1
            if ["option", "options", "choice", "choices", "answer", "answers"].contains(tokens[earlier].text) { return option }
        }
        return nil
    }

    /// The nouns an ordinal names an option with: `the second option`, `the third choice`.
    static let referenceNouns: Set<String> = ["option", "choice", "answer", "alternative"]

    static let ordinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "last"]

    static func letter(_ token: EvidenceToken, _ count: Int, anyCase: Bool) -> Int? {
        guard token.text.unicodeScalars.count == 1, let scalar = token.text.unicodeScalars.first,
              (97...104).contains(scalar.value), anyCase || token.isCapitalLetter else { return nil }
        let option = Int(scalar.value) - 97
        return option < count ? option : nil
    }
}
