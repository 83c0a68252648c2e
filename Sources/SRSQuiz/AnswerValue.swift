/// What the value of an `Answer:` line of a multiple-choice item names.
enum AnswerReading: Equatable {
    /// Option `index` (0 is A), by its letter, its text, or both agreeing.
    case option(Int)
    /// A letter past the item's last option.
    case missingOption(Int)
    /// A letter with option text that is not that option's: no key, and a warning.
    case disagreement(String)
    /// A letter and then sentences that open the explanation (`Correct answer: B. Agent i pays
    /// the difference…`): option `index`, and the text.
    case optionThenExplanation(Int, String)
    /// Neither a letter nor an option's text.
    case unreadable

    /// The option named, with or without sentences after its letter.
    var option: Int? {
        switch self {
        case .option(let index), .optionThenExplanation(let index, _): return index
        default: return nil
        }
    }
}

/// Reads `Answer:` values in the shapes exporters write: `B`, `b`, `(B)`, `B.`, `B)`,
/// `B) the option text`, `B - text`, or the option's text alone (any case, final punctuation
/// and quotes ignored). Letter and text must agree: a text that is another option's, or no
/// option's, gives no key.
enum AnswerValue {
    /// `weighing`: the sentences after a letter must not point to another option (off for
    /// true/false, whose options `True` and `False` are verdict words themselves).
    static func read(_ value: String, options: [String], question: String = "", weighing: Bool = true) -> AnswerReading {
        // `Canberra (B)`: an option's text and its letter in brackets.
        if let open = value.lastIndex(of: "("), value.trimmingSpaces.hasSuffix(")"),
           let bracketed = LetterForm(String(value[open...])), bracketed.rest.isEmpty, bracketed.index < options.count {
            let text = String(value[..<open]).trimmingSpaces
            if agrees(text, with: options[bracketed.index]) { return .option(bracketed.index) }
            if uniqueOption(matching: text, in: options, prefix: true) != nil {
                return .disagreement("gives the text of another option than its letter in brackets")   // `Venus (B)`
            }
        }
        // `B/C`, `Either B or C`: several letters.
        let letterWords = words(value).filter { $0 != "either" && $0 != "or" && $0 != "and" }
        if letterWords.count >= 2, letterWords.allSatisfy({ $0.count == 1 && ("a"..."h").contains($0) }), value.count <= 20 {
            return .disagreement("names more than one option (\(letterWords.map { $0.uppercased() }.joined(separator: ", "))); a multiple-choice card has one key")
        }
        let letter = LetterForm(value)
        if let letter, letter.rest.isEmpty { return inRange(letter.index, options) }
        if let whole = uniqueOption(matching: value, in: options, prefix: false) { return .option(whole) }
        guard let letter else {
            // `Answer: A muscular organ that pumps blood…`: sentences that name no option.
            return isProse(value) ? .disagreement("names no option") : .unreadable
        }
        // `E. coli`, `B. subtilis`: an initial and a lower-case word abbreviate a name, the option
        // whose words it abbreviates (`Escherichia coli`), else no option.
        let trimmed = Array(value.trimmingSpaces.unicodeScalars)
        if trimmed.count > 3, trimmed[1] == ".", trimmed[2].isSpaceLike, trimmed[3].properties.isLowercase {
            let initial = String(trimmed[0]).lowercased()
            let rest = words(letter.rest)
            let matching = options.indices.filter { index in
                let optionWords = words(options[index])
                return optionWords.count == rest.count + 1 && optionWords.first?.hasPrefix(initial) == true
                    && Array(optionWords.dropFirst()) == rest
            }
            if matching.count == 1 { return .option(matching[0]) }
            if letter.index >= options.count { return .disagreement("names no option (an abbreviated name?)") }
        }
        guard letter.index < options.count else { return .missingOption(letter.index) }
        let named = Character(UnicodeScalar(UInt8(65 + letter.index)))
        if agrees(letter.rest, with: options[letter.index]) { return .option(letter.index) }
        let restWords = words(letter.rest)
        // `Option B is correct`, `B is the right answer`: the letter and a verdict on it.
        if Self.bareVerdicts.contains(restWords.joined(separator: " ")) { return .option(letter.index) }
        // `B, not A`: another letter denied.
        if restWords.count == 2, restWords[0] == "not", restWords[1].count == 1, restWords[1] != String(named).lowercased() {
            return .option(letter.index)
        }
        let others = otherLetters(letter.rest)
        if !others.isEmpty, uniqueOption(matching: letter.rest, in: options, prefix: true) == nil {
            let all = ([named] + others).map(String.init).joined(separator: ", ")
            return .disagreement("names more than one option (\(all)); a multiple-choice card has one key")
        }
        if let other = uniqueOption(matching: letter.rest, in: options, prefix: true) {
            let otherLetter = Character(UnicodeScalar(UInt8(65 + other)))
            return .disagreement("names option \(named) but gives the text of option \(otherLetter)")
        }
        if isExplanation(letter.rest, options: options, named: letter.index, question: question, weighing: weighing) {
            return .optionThenExplanation(letter.index, letter.rest)
        }
        // `B   (checked 2023)`, `B (see p. 12)`: a remark in brackets that says nothing of any option
        // (none of their words, no letter) keeps the letter; it opens the explanation.
        let remark = letter.rest.trimmingSpaces
        if remark.hasPrefix("("), remark.hasSuffix(")"), remark.dropFirst().firstIndex(of: "(") == nil,
           !restWords.isEmpty, !restWords.contains(where: { $0.count == 1 && ("a"..."h").contains($0) }),
           Set(restWords).isDisjoint(with: Set(options.flatMap(words))) {
            return .optionThenExplanation(letter.index, remark)
        }
        return .disagreement("names option \(named) but its text is not option \(named)'s")
    }

    /// Whether the text after a letter reads as an explanation rather than an option's text: four
    /// words or more, ending as a sentence ends (`.`, `!`, `?`), not opening with another option's
    /// words (`B) three, as it is odd` gives option C's text), and pointing to no other option:
    /// no other letter (`B and C. Both…`, `B (C is also accepted…)`), no other key stated (`B -
    /// wait, no: the answer is A`), nothing against the named one (`B. …Paris, not Rome`), no
    /// other option quoted (`B. The mitochondrion is…` where C is `Mitochondrion`) or said in
    /// three of its own words or more and with more for it than for the named one (`A.
    /// Representations are frozen after initialization…`, B's text); two words of another in
    /// passing (`…in the chosen outcome`) may stand.
    private static func isExplanation(_ text: String, options: [String], named: Int, question: String, weighing: Bool) -> Bool {
        guard isProse(text) else { return false }
        let given = words(text)
        // `B. No, that would be a mistake…`: the sentences answer the letter with a denial.
        if weighing, let first = given.first, ["no", "wrong", "incorrect", "false", "not"].contains(first) { return false }
        let opensWithAnother = options.indices.contains { other in
            let words = words(options[other])
            return other != named && !words.isEmpty && given.starts(with: words)
        }
        let tokens = EvidenceTokens.tokens(text)
        guard !opensWithAnother, !namesAnotherLetter(tokens, count: options.count, named: named) else { return false }
        guard weighing else { return true }
        // `A. Many students pick this, but…`, `A. That is the most common wrong answer`: the
        // sentences undercut the letter.
        if given.contains(where: undercutting.contains)
            || zip(given, given.dropFirst()).contains(where: { picking.contains($0.0) && ["this", "it"].contains($0.1) }) { return false }
        let evidence = OptionEvidence(question: question, options: options, explanation: text)
        // `A. Venus is the hottest, though it is not the closest.` for *Which planet is closest…?*:
        // the sentences deny what the question asks.
        let deniesTheQuestion = tokens.indices.contains { index in
            ["not", "never"].contains(tokens[index].text)
                && tokens[(index + 1)...].prefix(3).contains { evidence.questionFocus.contains($0.stem) }
        }
        if deniesTheQuestion, !evidence.asksForAWrongOne { return false }
        // In a question asking for the one that is not (`Which is NOT a noble gas?`), the named
        // option's denial is what the sentences say of it.
        guard evidence.stated.stated.isSubset(of: [named]),
              evidence.asksForAWrongOne || (!evidence.stated.denied.contains(named) && evidence.against[named] == 0) else { return false }
        // `A. The closest planet is Mercury.`: the sentences name another option and never the
        // named one.
        if !evidence.named.isEmpty, !evidence.named.contains(named) { return false }
        // Another option quoted (`A (Venus is the hottest, but Mercury is the closest)`; not
        // `B. Canberra, not Sydney.`), or said in three of its words with more for it.
        return !options.indices.contains { other in
            other != named && (evidence.quoted[other]
                || (evidence.matchedWords[other] >= 3 && evidence.support[other] > evidence.support[named]))
        }
    }

    /// A capital letter of another option standing alone (`and C.`, `(C is…`, `A is also
    /// accepted`); not the article `A` before a lower-case word that is no verb (`A mitochondrion is…`).
    private static func namesAnotherLetter(_ tokens: [EvidenceToken], count: Int, named: Int) -> Bool {
        tokens.indices.contains { index in
            guard tokens[index].isCapitalLetter, let letter = LetterReference.letter(tokens[index], count, anyCase: false),
                  letter != named else { return false }
            let next = index + 1 < tokens.count ? tokens[index + 1] : nil
            let article = letter == 0 && next.map {
                $0.kind == .word && !$0.isCapitalized && $0.boundary == .none && $0.isContent
                    && !OptionEvidence.auxiliaries.contains($0.text) && !["also", "and", "or", "too"].contains($0.text)
            } == true
            // `B, not A`: a letter denied agrees with the named one.
            let denied = index > 0 && tokens[index - 1].text == "not"
            return !article && !denied
        }
    }

    static let bareVerdicts: Set<String> = ["is correct", "is right", "is the answer", "is the correct answer", "is the right answer",
                                            "is the correct option", "is the right option", "is true"]

    /// Words that say the named option is a trap: after its letter they undercut it.
    static let undercutting: Set<String> = ["wrong", "incorrect", "mistake", "mistaken", "mistakenly", "distractor", "typo",
                                            "misprint", "tempting", "misconception", "wrongly"]
    /// `Many students pick this`, `…choose it by mistake`: picking the named option is the trap.
    static let picking: Set<String> = ["pick", "picks", "picked", "choose", "chooses", "chose"]

    /// Four words or more, ending as a sentence ends (`.`, `!`, `?`), and no longer than an
    /// explanation that is weighed.
    static func isProse(_ text: String) -> Bool {
        guard text.utf8.count <= KeyInference.longestExplanation, words(text).count >= 4,
              let end = text.unicodeScalars.last(where: { !"\"')]”’".unicodeScalars.contains($0) }) else { return false }
        return ".!?".unicodeScalars.contains(end)
    }

    /// The sentences after an answer's letter (`B. The number three is…`), whatever they say:
    /// kept in the explanation even when they disagree with the letter.
    static func sentencesAfterLetter(_ value: String) -> String? {
        guard let letter = LetterForm(value) else { return isProse(value) ? value : nil }
        return isProse(letter.rest) ? letter.rest : nil
    }

    /// `A`, `C and D`, `c, d`: the rest of a value that is only more letters, upper-cased; else empty.
    private static func otherLetters(_ rest: String) -> [Character] {
        let words = rest.split { $0 == "," || $0 == "&" || $0 == "/" || $0.isWhitespace }.filter { $0.lowercased() != "and" }
        guard !words.isEmpty, words.allSatisfy({ $0.count == 1 && $0.first!.isASCII && $0.first!.isLetter }) else { return [] }
        return words.map { Character($0.uppercased()) }
    }

    private static func inRange(_ index: Int, _ options: [String]) -> AnswerReading {
        index < options.count ? .option(index) : .missingOption(index)
    }

    /// The words of `text` (letters and digits, lower case): punctuation, quotes and case are
    /// not part of what an answer names.
    static func words(_ text: String) -> [String] {
        TextTokens.words(text.replacingTruncation)
    }

    /// True when `text` is the option's text, or a truncation of it (`Hydrogen bonds…`).
    static func agrees(_ text: String, with option: String) -> Bool {
        let given = words(text), full = words(option)
        guard !given.isEmpty else { return false }
        return given == full || (text.isTruncated && full.joined(separator: " ").hasPrefix(given.joined(separator: " ")))
    }

    private static func uniqueOption(matching text: String, in options: [String], prefix: Bool) -> Int? {
        // `Answer: The left ventricle.` for the option `Left ventricle`: an article before it.
        let withoutArticle = { (words: [String]) -> [String] in words.first == "the" ? Array(words.dropFirst()) : words }
        let matches = options.indices.filter {
            prefix ? agrees(text, with: options[$0]) : withoutArticle(words(text)) == withoutArticle(words(options[$0]))
        }
        return matches.count == 1 && !words(text).isEmpty ? matches[0] : nil
    }
}

/// `B`, `(B)`, `B.`, `B) text`, `b: text`: a letter A–Z (any case) standing alone, before a
/// separator, or before a space and more text.
private struct LetterForm {
    let index: Int
    let rest: String

    init?(_ value: String) {
        var scalars = Substring(value).unicodeScalars.drop { "([\"'‘“".unicodeScalars.contains($0) || $0.isSpaceLike }
        // `Option B`, `choice (c)`, `It is B`, `Definitely B`, `The correct answer is B`: the words
        // before the letter.
        for words in ["the correct answer is", "the answer is", "it is", "it's", "definitely", "clearly", "option", "choice"] {
            let head = String(String.UnicodeScalarView(scalars.prefix(words.count + 1))).lowercased().replacingOccurrences(of: "’", with: "'")
            if head == words + " " { scalars = scalars.dropFirst(words.count).drop { "([".unicodeScalars.contains($0) || $0.isSpaceLike } }
        }
        guard let first = scalars.first, first.isASCII, first.properties.isAlphabetic else { return nil }
        scalars = scalars.dropFirst()
        if let next = scalars.first, !next.isSpaceLike, !")].:-–—,!\"'’”".unicodeScalars.contains(next) { return nil }
        // `A muscular organ that pumps blood around the body.`: the article opening a sentence,
        // not the letter (`A two` is the letter and option B's text).
        if first == "A", scalars.first?.isSpaceLike == true, AnswerValue.isProse(value) {
            let word = String(String.UnicodeScalarView(scalars.drop { $0.isSpaceLike }.prefix { $0.isWordCharacter }))
            if let initial = word.unicodeScalars.first, initial.isLowercaseLetter,
               !OptionEvidence.auxiliaries.contains(word), !["also", "and", "or", "too"].contains(word) { return nil }
        }
        scalars = scalars.drop { $0.isSpaceLike || ")].:-–—,!\"'’”".unicodeScalars.contains($0) }
        index = Int(first.properties.uppercaseMapping.unicodeScalars.first?.value ?? 65) - 65
        rest = String(String.UnicodeScalarView(scalars)).trimmingSpaces
    }
}

extension String {
    /// Ends with `…` or `...`: an exporter cut the text short.
    var isTruncated: Bool { hasSuffix("…") || hasSuffix("...") }

    var replacingTruncation: String {
        isTruncated ? String(dropLast(hasSuffix("…") ? 1 : 3)) : self
    }
}
