import Foundation

/// The options of an item as evidence is matched against them: each option's content stems in
/// order, each stem's weight, and the question's own words.
struct OptionProfile {
    /// Each option's content stems, in order (`3×10⁸ m/s` → `3×10⁸`, `m`, `s`).
    let sequences: [[String]]
    /// ln(n / options containing the stem); half that for a stem the question has too (an
    /// option that echoes the question is not made likelier by an explanation that does), and
    /// nothing for a number the question gives.
    let weights: [String: Double]
    /// Stems of the question found in no option: what it asks about.
    let focus: Set<String>
    /// All the question's content stems.
    let questionWords: Set<String>
    /// `Which is not…`, `…except`: the explanation's denials point at the key.
    let isNegativeQuestion: Bool
    /// In the negative, or asking for a false, wrong or incorrect statement (`Which statement is
    /// false?`).
    let asksForAWrongOne: Bool
    /// The letters (0 is A) the options or the question write as words of their own: `C major`,
    /// `Vitamin C`, the language `C`, `If A then B`, `angle C` (not the article in `A process…`).
    let symbolLetters: Set<Int>
    /// Those of `symbolLetters` that the options write.
    let optionSymbolLetters: Set<Int>
    /// Verdict words the question itself uses (`right` in *In a right triangle…*): in the
    /// explanation they describe, they do not judge (`Angle C is right`).
    let verdictWordsAsked: Set<String>
    /// For an option that is a name of several capitalised words (`Charles Darwin`), its last
    /// word when no other option has it: `Darwin` in the explanation quotes it.
    let surnames: [Int: String]
    private let totals: [Double]
    /// Each option's stems as a set.
    private let distinct: [Set<String>]
    /// For each option, the longer options whose text holds its text.
    private let containers: [[Int]]
    /// Each stem of a weight that only one option has, and that option: the words that tell it
    /// apart from the others.
    private let ownStems: [String: Int]

    /// Each option's tokens, function words too (for abbreviations).
    let optionTokens: [[EvidenceToken]]
    /// Per option, the content words a negation in it denies (`written`, `laws` in `Rome had
    /// no written laws`), empty when it has none.
    let negatedWords: [Set<String>]
    /// What the question specifies: its numbers and ordinals (not an option's), and the words it
    /// quotes. A part of the explanation that gives other ones speaks of another case.
    let specifics: Specifics

    init(question: String, options: [String]) {
        let questionTokens = EvidenceTokens.tokens(question)
        let questionStems = Set(questionTokens.filter(\.isContent).map(\.stem))
        // `With a replication factor of 3 and quorums of 2, how many failures…?`: the question's
        // numbers are its data; an explanation that repeats them tells nothing of the options 3 and 2.
        let questionNumbers = Set(questionTokens.filter { $0.kind == .number }.map(\.stem))
        optionTokens = options.map { EvidenceTokens.tokens($0) }
        negatedWords = optionTokens.map { tokens in
            guard let negation = tokens.firstIndex(where: { $0.cues.contains(.verbalNegation) }) else { return [] }
            return Set(tokens[(negation + 1)...].filter(\.isContent).map(\.stem))
        }
        let optionTokens = self.optionTokens.map { $0.filter(\.isContent) }
        sequences = optionTokens.map { $0.map(\.stem) }
        var containing: [String: Int] = [:]
        for stems in sequences { for stem in Set(stems) { containing[stem, default: 0] += 1 } }
        let count = Double(options.count)
        var weighed: [String: Double] = [:]
        for (stem, options) in containing {
            let weight = log(count / Double(options))
            weighed[stem] = questionNumbers.contains(stem) ? 0 : questionStems.contains(stem) ? weight / 2 : weight
        }
        weights = weighed
        let notInOptions = questionStems.subtracting(containing.keys)
        focus = notInOptions.subtracting(Self.answerType(questionTokens))
        questionWords = questionStems
        surnames = Self.surnames(optionTokens, containing)
        let stems = sequences
        distinct = stems.map(Set.init)
        var own: [String: Int] = [:]
        for (option, words) in distinct.enumerated() {
            for word in words where containing[word] == 1 && (weighed[word] ?? 0) > 0 { own[word] = option }
        }
        ownStems = own
        totals = stems.map { Set($0).reduce(0) { $0 + (weighed[$1] ?? 0) } }
        containers = stems.indices.map { option in
            stems.indices.filter { other in
                other != option && stems[other].count > stems[option].count
                    && Self.occurrences(of: stems[option], in: stems[other]) > 0
            }
        }
        let negative = Self.asksInTheNegative(questionTokens)
        isNegativeQuestion = negative.countingNo
        // Also `least like the others`, `unlike the others`: the odd one out.
        asksForAWrongOne = negative.withoutNo || questionTokens.contains { Self.wrongOnes.contains($0.text) }
            // `least likely`, `least accurate`: the one that is not.
            || zip(questionTokens, questionTokens.dropFirst()).contains { $0.text == "least" && Self.truthAdjectives.contains($1.text) }
            // `Spot the error`, `Find the mistake in…`, `Identify the error`: not `the standard error`.
            || questionTokens.indices.dropFirst().contains { index in
                guard ["error", "errors"].contains(questionTokens[index].text) else { return false }
                let before = questionTokens[max(0, index - 3)..<index]
                // `Which statement contains an error?`, `In which step is the error?`
                return before.contains { Self.findVerbs.contains($0.text) || Self.containVerbs.contains($0.text) }
                    || index >= 2 && questionTokens[index - 1].text == "the" && ["is", "was", "lies"].contains(questionTokens[index - 2].text)
                        && questionTokens.contains { ["which", "where"].contains($0.text) }
            }
            || zip(questionTokens, questionTokens.dropFirst()).contains { ["least", "unlike"].contains($0.text) && ["like", "the"].contains($1.text) }
        optionSymbolLetters = Self.symbolLetters(in: self.optionTokens, count: options.count)
        symbolLetters = optionSymbolLetters.union(Self.symbolLetters(in: [questionTokens], count: options.count))
        verdictWordsAsked = Set(questionTokens.map(\.text)).intersection(StatedKeys.rightWords.union(StatedKeys.wrongWords))
        asksSuperlative = Self.asksSuperlative(questionTokens)
        asksForTheMost = asksSuperlative || questionTokens.contains { ["most", "majority"].contains($0.text) }
        superlatives = Set(questionTokens.map(\.text).filter(Self.isRankingWord))
        // The question's superlatives (`largest`, or the word after `the most`), by stem.
        rankings = Set(questionTokens.indices.dropFirst().compactMap { index -> String? in
            guard questionTokens[index - 1].text == "the" else { return nil }
            let word = questionTokens[index].text
            if ["most", "least"].contains(word) { return index + 1 < questionTokens.count ? questionTokens[index + 1].stem : nil }
            return Self.isSuperlative(word) ? questionTokens[index].stem : nil
        })
        optionWords = Set(containing.keys)
        opposites = notInOptions.reduce(into: Set<String>()) { $0.formUnion(Self.antonyms[$1] ?? []) }
        specifics = Specifics(questionTokens, optionStems: Set(containing.keys))
    }

    /// After `least`, words of truth or likelihood: `least likely`, `least accurate`.
    static let truthAdjectives: Set<String> = ["likely", "probable", "plausible", "accurate", "true", "correct", "valid",
                                               "supported", "reasonable", "appropriate", "consistent", "justified"]
    static let containVerbs: Set<String> = ["contains", "contain", "containing", "has", "have", "with", "makes", "make"]
    static let findVerbs: Set<String> = ["spot", "find", "identify", "locate", "catch", "detect", "pick"]
    static let wrongOnes: Set<String> = ["false", "wrong", "incorrect", "untrue", "inaccurate", "not", "except",
                                         // asked in other words (ninth review)
                                         "misconception", "misconceptions", "myth", "myths", "exception", "odd", "fails",
                                         "fail", "lacks", "lack", "wrongly", "mistakenly", "incorrectly", "falsely",
                                         "fallacy", "fallacious", "mistake", "mistakes", "misleading", "flawed", "invalid",
                                         "rejected", "outlier", "belong", "misbelief", "misbeliefs", "misunderstanding",
                                         "misnomer",
                                         // eleventh review: `Which statement is erroneous?` (not `error`: the
                                         // generalisation error, the standard error)
                                         "erroneous", "mistaken"]

    private static func symbolLetters(in texts: [[EvidenceToken]], count: Int) -> Set<Int> {
        var letters = Set<Int>()
        for tokens in texts {
            for index in tokens.indices where tokens[index].isCapitalLetter && tokens[index].before != "°" {   // not `100 °C`
                guard let letter = LetterReference.letter(tokens[index], count, anyCase: false) else { continue }
                let next = index + 1 < tokens.count ? tokens[index + 1] : nil
                // The article opens its sentence (`A process…`); mid-sentence it is written `a`, so
                // `Point A is…`, `vitamin A deficiency` write the letter.
                let opens = index == 0 || tokens[index].boundary >= .clause
                let article = letter == 0 && opens && next.map { $0.kind == .word && !$0.isCapitalized && $0.boundary == .none } == true
                if !article { letters.insert(letter) }
            }
        }
        return letters
    }

    /// `year` in `In what year were the Twelve Tables drawn up?`, `building` in `Which building…`:
    /// the word right after `what`, `which` or `whose` names the kind of thing the answer is, and
    /// every option is one; an explanation that says it of an option (`AD 533 is the year
    /// Justinian's Digest took effect`) says nothing of what the question asks.
    static func answerType(_ tokens: [EvidenceToken]) -> Set<String> {
        // `How many…`, `How much…`: the question's form, not what it asks.
        if tokens.indices.contains(where: { $0 > 0 && ["many", "much"].contains(tokens[$0].text) && tokens[$0 - 1].text == "how" }) {
            return ["many", "much"]
        }
        guard let wh = tokens.firstIndex(where: { ["what", "which", "whose"].contains($0.text) }),
              wh + 1 < tokens.count, tokens[wh + 1].isContent, tokens[wh + 1].kind == .word,
              tokens[wh + 1].boundary == .none else { return [] }
        return [tokens[wh + 1].stem]
    }

    /// `the longest river`, `the most populous`: the question asks for the first of a ranking.
    let asksSuperlative: Bool
    /// `the longest`, `most of the carbon`, `the majority`: the question asks for the largest share.
    let asksForTheMost: Bool

    /// `only around 1% of the carbon is carbonic acid` for a question asking for the most: `only`
    /// before a quantity says the options there have little of it.
    static func givesOnlyALittle(_ range: Range<Int>, _ tokens: [EvidenceToken]) -> Bool {
        range.contains { index in
            guard tokens[index].text == "only" else { return false }
            let next = tokens[(index + 1)..<min(range.upperBound, index + 3)]
                .drop { ["about", "around", "roughly", "some", "approximately", "a"].contains($0.text) }
            return next.first.map { $0.kind == .number || $0.text == "few" || $0.text == "small" || $0.text == "fraction" } ?? false
        }
    }

    /// `the second most populous`, `the second largest`, `in third place`: the segment ranks
    /// what it names below the first.
    static func ranksBelowFirst(_ range: Range<Int>, _ tokens: [EvidenceToken]) -> Bool {
        range.contains { index in
            let word = tokens[index].text
            guard word != "first", Specifics.ordinalWords.contains(word) else { return false }
            return tokens[(index + 1)..<min(range.upperBound, index + 3)].contains { isSuperlative($0.text) || $0.text == "place" }
        }
    }

    /// `Glucagon raises blood sugar` for *Which hormone regulates blood sugar by lowering it?*: a
    /// part with the opposite of one of the question's words, and not that word, says the
    /// opposite of what is asked.
    func saysTheOpposite(_ range: Range<Int>, _ tokens: [EvidenceToken]) -> Bool {
        guard !opposites.isEmpty, tokens[range].contains(where: { opposites.contains($0.stem) }) else { return false }
        return !tokens[range].contains { questionWords.contains($0.stem) && Self.antonyms[$0.stem] != nil }
    }

    /// Opposite pairs of common words, by stem (five letters at most, as the tokens have them).
    static let antonyms: [String: Set<String>] = {
        let pairs: [([String], [String])] = [
            (["raise", "rais"], ["lower"]), (["incre"], ["decre"]), (["rise", "risin", "rose", "risen"], ["fall", "falli", "fell", "falle"]),
            (["begin", "began", "begun", "start"], ["end", "ended", "endin", "finis"]), (["open", "opene"], ["close", "closi"]),
            (["absor"], ["relea", "emit", "emitt"]), (["gain", "gaine"], ["lose", "losin", "lost"]),
            (["heat", "heate", "warm", "warme"], ["cool", "coole"]), (["expor"], ["impor"]), (["maxim"], ["minim"]),
            (["enter", "enters"], ["leave", "leavi", "exit"]), (["speed"], ["slow", "slowe"]),
            (["donor"], ["recip"]), (["give", "gives", "gave", "givin"], ["recei"]), (["send", "sende", "sent"], ["recei"]),
            (["buy", "buyer", "bought"], ["sell", "selle", "sold"]), (["push", "pushe"], ["pull", "pulle"]),
            (["accep"], ["rejec"]), (["attra"], ["repel"]), (["inhal"], ["exhal"]),
        ]
        var table: [String: Set<String>] = [:]
        for (one, other) in pairs {
            for word in one { table[word, default: []].formUnion(other) }
            for word in other { table[word, default: []].formUnion(one) }
        }
        return table
    }()

    /// A superlative of one word: `largest`, `best`, not `most` or `least` (which rank the word after them).
    static func isRankingWord(_ word: String) -> Bool {
        word != "most" && word != "least" && isSuperlative(word)
    }

    static let notSuperlatives: Set<String> = ["forest", "interest", "request", "harvest", "conquest", "contest",
                                               "protest", "manifest", "modest", "honest", "digest", "suggest",
                                               "arrest", "invest", "attest", "detest", "molest"]

    /// `most`, `least`, `best`, `worst`, or a word of six letters or more ending in `est` that is
    /// not one of `notSuperlatives` (`forest`, `interest`).
    static func isSuperlative(_ word: String) -> Bool {
        ["most", "least", "best", "worst"].contains(word)
            || (word.utf8.count >= 6 && word.hasSuffix("est") && !notSuperlatives.contains(word))
    }

    /// The question's superlatives of one word (`closest`, `largest`, `best`).
    let superlatives: Set<String>
    /// The stems of the question's superlatives, and of the word after its `the most`.
    private let rankings: Set<String>
    private let optionWords: Set<String>
    /// The opposites of the question's own words (`raise` for `lowering`).
    private let opposites: Set<String>

    /// `Venus is the hottest planet` for `Which planet is closest to the Sun?`: a superlative of
    /// one word other than the question's ranks by another measure.
    func ranksByAnotherMeasure(_ range: Range<Int>, _ tokens: [EvidenceToken]) -> Bool {
        // `Sydney is the largest city in Australia` for *What is the capital of Australia?*: a
        // ranking the question does not ask for.
        guard asksSuperlative else {
            return range.contains { index in
                index > range.lowerBound && tokens[index - 1].text == "the" && Self.isRankingWord(tokens[index].text)
            }
        }
        return range.contains { index in
            let word = tokens[index].text
            if let head = rankedClass(at: index, tokens), !optionWords.contains(head),
               !questionWords.contains(where: { $0 == head || (min($0.count, head.count) >= 4 && ($0.hasPrefix(head) || head.hasPrefix($0))) }) {
                return true
            }
            return !superlatives.isEmpty && Self.isRankingWord(word) && !superlatives.contains(word) && index > range.lowerBound && tokens[index - 1].text == "the"
        }
    }

    /// `Aluminium is the most abundant metal` for *Which element is the most abundant in the
    /// crust?*: the question's superlative followed by a noun (one the question does not put after
    /// it) ranks within another class. The noun, when the superlative at `index` is the question's.
    private func rankedClass(at index: Int, _ tokens: [EvidenceToken]) -> String? {
        guard index > 0, tokens[index - 1].text == "the" else { return nil }
        var end = index
        if ["most", "least"].contains(tokens[index].text) { end += 1 } else if !Self.isSuperlative(tokens[index].text) { return nil }
        guard end + 1 < tokens.count, rankings.contains(tokens[end].stem) else { return nil }
        let next = tokens[end + 1]
        guard next.boundary == .none, next.isContent, next.kind == .word, !next.isCapitalized else { return nil }
        return next.stem
    }

    static func asksSuperlative(_ tokens: [EvidenceToken]) -> Bool {
        tokens.indices.dropFirst().contains { tokens[$0 - 1].text == "the" && isSuperlative(tokens[$0].text) }
    }

    /// `Which is not a vertebrate?`, `…all of these except`: a negation of what is asked. One
    /// inside a relative or compared clause (`What can a vector clock detect that a Lamport
    /// timestamp cannot?`) qualifies a noun and leaves the question positive.
    /// Both readings in one pass. `countingNo`: `no` counts too (`Which key has no sharps?` is read
    /// as the negative for weighing, where the explanation's denials point to the key). `withoutNo`,
    /// for stated keys: `with no pronounced peak`, `has no backbone` describe the answer, and
    /// `Option C is correct` names it.
    static func asksInTheNegative(_ tokens: [EvidenceToken]) -> (countingNo: Bool, withoutNo: Bool) {
        var subordinate = false, content = false, countingNo = false
        for token in tokens {
            if content, subordinators.contains(token.text) { subordinate = true }
            content = content || token.isContent
            guard !subordinate else { continue }
            if token.text == "except" || token.cues.contains(.verbalNegation) && token.text != "no" { return (true, true) }
            if token.cues.contains(.verbalNegation) { countingNo = true }
        }
        return (countingNo, false)
    }

    static let subordinators: Set<String> = ["that", "which", "who", "whom", "whose", "than", "whereas", "while"]

    private static func surnames(_ options: [[EvidenceToken]], _ containing: [String: Int]) -> [Int: String] {
        var result: [Int: String] = [:]
        for (index, words) in options.enumerated() {
            guard words.count >= 2, words.allSatisfy({ $0.isCapitalized && $0.kind == .word }),
                  let last = words.last, containing[last.stem] == 1 else { continue }
            result[index] = last.stem
        }
        return result
    }

    /// `the Crescent City` for the option `Kansas City`, `Erasmus Darwin` for `Charles Darwin`: the
    /// last word of a name after another capitalised word (not at a sentence's start) is that
    /// other name's.
    private func isAnotherName(_ index: Int, _ option: Int, _ tokens: [EvidenceToken]) -> Bool {
        guard index > 0, tokens[index].boundary == .none else { return false }
        let previous = tokens[index - 1], words = sequences[option]
        return previous.isCapitalized && previous.kind == .word && previous.boundary != .sentence
            && (words.count < 2 || previous.stem != words[words.count - 2])
    }

    /// An option that names a thing (`Lead`, `Eventual consistency`, `3×10⁸ m/s`): at most
    /// three content words and no verb such as `is`, `are`, `has`, `can` (`Kernels are fixed`
    /// is a statement: quoting it says it).
    func isName(_ option: Int) -> Bool {
        sequences[option].count <= 3
            && !optionTokens[option].contains { OptionEvidence.auxiliaries.contains($0.text) }
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
            range.contains { tokens[$0].isCapitalized && tokens[$0].stem == surname && !isAnotherName($0, option, tokens) }
        }.keys
        var quotes = quotedOptions(in: stems).union(lettered).union(named)
        if !quotes.isEmpty { quotes.formUnion(elidedQuotes(in: range, tokens, stems: Set(stems), quoted: quotes)) }
        if !quotes.isEmpty {
            return Dictionary(uniqueKeysWithValues: quotes.map {
                ($0, OptionEvidence.Mention(stems: distinct[$0], quoted: true, weight: 1 + totalWeight($0)))
            })
        }
        return wordMentions(Set(stems))
    }

    /// `the Mariana and the Tonga trenches`: an option whose own words stand right before `and`
    /// or `or` and a quoted option that holds its other words (the head they share, said once)
    /// is quoted too.
    private func elidedQuotes(in range: Range<Int>, _ tokens: [EvidenceToken], stems: Set<String>,
                              quoted: Set<Int>) -> Set<Int> {
        let quotedWords = quoted.reduce(into: Set<String>()) { $0.formUnion(distinct[$1]) }
        return Set(sequences.indices.filter { option in
            let own = distinct[option].subtracting(quotedWords)
            guard !quoted.contains(option), !own.isEmpty, own.count < distinct[option].count,
                  distinct[option].isSubset(of: stems) else { return false }
            return range.contains { index in
                index + 1 < range.upperBound && tokens[index].isContent && own.contains(tokens[index].stem)
                    && ["and", "or"].contains(tokens[index + 1].text)
            }
        })
    }

    /// Options whose distinguishing words are in `stems`; a word that several options share
    /// tells none of them apart, and counts for none.
    private func wordMentions(_ stems: Set<String>) -> [Int: OptionEvidence.Mention] {
        var result: [Int: OptionEvidence.Mention] = [:]
        for stem in stems {
            guard let option = ownStems[stem] else { continue }
            result[option, default: OptionEvidence.Mention(stems: [], quoted: false, weight: 0)].stems.insert(stem)
            result[option]?.weight += weights[stem] ?? 0
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

/// The numbers, ordinals and quoted words of a question. `one standard deviation` where the
/// question asks about three standard deviations, `the second shell` where it asks about the
/// first electron shell, `(−1, 1)` where it asks for values between 0 and 1, `begins "When in the
/// Course…"` where it asks for the one that begins "We the People": such a part of an
/// explanation is about another case, and says nothing for or against the options it names. A
/// number or ordinal stands for the question's when one of the two content words after it is
/// one of the two after the question's (`231` in `article 231 made it…` does not stand for the
/// year `1919` of the question).
struct Specifics {
    private enum Kind { case number, ordinal, name }
    /// A number, ordinal or name and the words it qualifies: the two content words after a number
    /// or ordinal, the word a name completes with `of` or `in` (`capital` in `capital of Germany`).
    private struct Specific { var value: String; var kind: Kind; var context: Set<String> }
    private var specifics: [Specific] = []
    private var quoted: [String] = []
    /// What a `How many …` question counts: its words from `many` to the first function word
    /// (`members sit` in `How many members sit in the United States Senate?`).
    private var counted: Set<String> = []
    /// The question's content words.
    private var asked: Set<String> = []
    /// The question's last two content words when they stand side by side (and are no
    /// option's), by the first: `causes` → `scurvy` in `Which vitamin deficiency causes scurvy?`.
    private var frames: [String: String] = [:]
    private let optionStems: Set<String>
    /// The question's pairs of content words side by side (the first not capitalised, neither an
    /// option's), by the second: `blood` → `pumps` in `Which organ pumps blood around the body?`.
    private var verbs: [String: Set<String>] = [:]

    init(_ question: [EvidenceToken], optionStems: Set<String>) {
        self.optionStems = optionStems
        if let many = question.indices.first(where: { $0 > 0 && question[$0].text == "many" && question[$0 - 1].text == "how" }) {
            counted = Set(question[(many + 1)...].prefix(while: \.isContent).map(\.stem))
        }
        asked = Set(question.filter(\.isContent).map(\.stem))
        for index in question.indices {
            if let specific = Self.specific(at: index, question), !optionStems.contains(specific.value) {
                specifics.append(specific)
            }
            if Self.inQuote(index, question), question[index].isContent { quoted.append(question[index].stem) }
        }
        // The two words that end the question say what is asked of the answer.
        if let last = question.lastIndex(where: \.isContent), last > 0, let pair = Self.pair(at: last, question),
           !optionStems.contains(pair.first), !optionStems.contains(pair.second) {
            frames[pair.first] = pair.second
        }
        for index in question.indices.dropFirst() where !question[index - 1].isCapitalized {
            if let pair = Self.pair(at: index, question), !optionStems.contains(pair.first), !optionStems.contains(pair.second) {
                verbs[pair.second, default: []].insert(pair.first)
            }
        }
    }

    /// The content words at `index - 1` and `index`, when both are words written side by side.
    private static func pair(at index: Int, _ tokens: [EvidenceToken]) -> (first: String, second: String)? {
        let first = tokens[index - 1], second = tokens[index]
        guard first.kind == .word, second.kind == .word, first.isContent, second.isContent,
              second.boundary == .none else { return nil }
        return (first.stem, second.stem)
    }

    /// `Vitamin D deficiency causes rickets` for `Which vitamin deficiency causes scurvy?`: the
    /// question's words followed by another word than the question's (one neither the question
    /// nor an option has) say the same of another thing.
    private func replacesTheQuestionsWord(_ index: Int, _ tokens: [EvidenceToken]) -> Bool {
        if replacesTheQuestionsVerb(index, tokens) { return true }
        guard index > 0, let pair = Self.pair(at: index, tokens), let asked = frames[pair.first] else { return false }
        return isAnotherWord(pair.second, than: asked)
    }

    /// A word neither the question nor an option has, nor a form of `word` (`wings` for
    /// `wingspan`, `longer` for `longest`).
    private func isAnotherWord(_ stem: String, than word: String) -> Bool {
        stem != word && !asked.contains(stem) && !optionStems.contains(stem)
            && !(min(stem.count, word.count) >= 4 && (stem.hasPrefix(word) || word.hasPrefix(stem)))
    }

    /// `The liver filters the blood` for `Which organ pumps blood around the body?`: another
    /// word, then an article, then a word of the question where the question has its own word
    /// right before it.
    private func replacesTheQuestionsVerb(_ index: Int, _ tokens: [EvidenceToken]) -> Bool {
        guard index >= 2, tokens[index].boundary == .none, tokens[index - 1].boundary == .none,
              ["the", "a", "an"].contains(tokens[index - 1].text) else { return false }
        let verb = tokens[index - 2]
        guard verb.isContent, verb.kind == .word else { return false }
        guard let firsts = verbs[tokens[index].stem] else { return false }
        return !firsts.contains(verb.stem) && firsts.allSatisfy { isAnotherWord(verb.stem, than: $0) }
    }

    /// True when `range` gives another number or ordinal in the place of one of the question's,
    /// or quotes text without the question's quoted words (where it quotes some).
    func speakOfAnotherCase(_ range: Range<Int>, _ tokens: [EvidenceToken]) -> Bool {
        var quotes: [String] = [], quoteFound = false
        for index in range {
            if !frames.isEmpty || !verbs.isEmpty, replacesTheQuestionsWord(index, tokens) { return true }
            if !specifics.isEmpty, let found = Self.specific(at: index, tokens), !optionStems.contains(found.value),
               specifics.contains(where: { $0.kind == found.kind && $0.value != found.value
                   && !$0.context.isDisjoint(with: found.context) }),
               !specifics.contains(where: { $0.kind == found.kind && $0.value == found.value }) {
                return true
            }
            if !quoted.isEmpty, Self.inQuote(index, tokens) {
                quoteFound = true
                if tokens[index].isContent { quotes.append(tokens[index].stem) }
            }
        }
        return quoteFound && !quoted.allSatisfy(quotes.contains)
    }

    /// `Each of the 50 states elects two senators` for `How many members sit in the United States
    /// Senate?`: the options' numbers in `range` followed by another thing the question names,
    /// which they count instead, or by a word the question does not have and then what it counts
    /// (`ten outfield players` for `How many players…`: a part of them).
    func countingSomethingElse(_ range: Range<Int>, _ tokens: [EvidenceToken]) -> Set<String> {
        guard !counted.isEmpty else { return [] }
        return Set(range.compactMap { index -> String? in
            guard let number = Self.number(tokens[index]), optionStems.contains(number),
                  index + 1 < range.upperBound else { return nil }
            let next = tokens[index + 1]
            guard next.boundary == .none else { return nil }
            if asked.contains(next.stem) { return counted.contains(next.stem) ? nil : number }
            // `ten outfield players` for `How many players…`: a part of what is counted.
            let after = index + 2 < range.upperBound ? tokens[index + 2] : nil
            return next.isContent && next.kind == .word && after.map({ $0.boundary == .none && counted.contains($0.stem) }) == true
                ? number : nil
        })
    }

    /// A number (digits, or a number word, `one` included) or an ordinal at `index`, with the
    /// two content words after it.
    private static func specific(at index: Int, _ tokens: [EvidenceToken]) -> Specific? {
        let token = tokens[index]
        let after = { wordsAfter(index, tokens) }
        // `95% within two` after `68% within one standard deviation`: the word before a
        // number says what it measures as well (`within`).
        let before = { () -> Set<String> in
            guard index > 0, token.boundary == .none, tokens[index - 1].isContent, tokens[index - 1].kind == .word
            else { return [] }
            return [tokens[index - 1].stem]
        }
        if let number = number(token) { return Specific(value: number, kind: .number, context: after().union(before())) }
        if isOrdinalWord(token) { return Specific(value: token.text, kind: .ordinal, context: after()) }
        guard let head = nameHead(index, tokens) else { return nil }
        return Specific(value: token.stem, kind: .name, context: [head])
    }

    /// The stems of the next two content words after `index`, looked for among the next
    /// `lookAhead` tokens only: in a run of number words with no word after them (`one; one; …`)
    /// each look-ahead would otherwise run to the explanation's end.
    static func wordsAfter(_ index: Int, _ tokens: [EvidenceToken]) -> Set<String> {
        Set(tokens[(index + 1)...].prefix(lookAhead).lazy.filter(\.isContent).prefix(2).map(\.stem))
    }

    static let lookAhead = 64

    /// For a name after `of` or `in` and a word (`capital of Germany`), that word's stem.
    private static func nameHead(_ index: Int, _ tokens: [EvidenceToken]) -> String? {
        let token = tokens[index]
        guard index >= 2, token.kind == .word, token.isCapitalized, token.boundary != .sentence,
              !token.isCapitalLetter, token.isContent, ["of", "in"].contains(tokens[index - 1].text),
              tokens[index - 2].isContent, tokens[index - 2].kind == .word else { return nil }
        return tokens[index - 2].stem
    }


    /// `first` … `tenth`, `last`; the length and first letter are looked at before the set.
    private static func isOrdinalWord(_ token: EvidenceToken) -> Bool {
        guard token.kind == .word, (4...7).contains(token.text.utf8.count), let first = token.text.utf8.first
        else { return false }
        switch first {
        case UInt8(ascii: "f"), UInt8(ascii: "s"), UInt8(ascii: "t"), UInt8(ascii: "n"), UInt8(ascii: "e"),
             UInt8(ascii: "l"): return ordinalWords.contains(token.text)
        default: return false
        }
    }

    private static func number(_ token: EvidenceToken) -> String? {
        token.kind == .number ? token.stem : token.text == "one" ? "1" : numberWord(token)
    }

    /// The digits a number word reads as (`fourteen` → `14`), from its stem.
    private static func numberWord(_ token: EvidenceToken) -> String? {
        guard token.kind == .word, token.stem != token.text,
              let first = token.stem.utf8.first, (48...57).contains(first) else { return nil }
        return token.stem
    }

    /// True when the token stands between quotation marks: a mark before it or before an
    /// earlier token of the same sentence, with no closing mark between.
    static func inQuote(_ index: Int, _ tokens: [EvidenceToken]) -> Bool {
        var earlier = index
        while earlier >= 0 {
            let token = tokens[earlier]
            if earlier < index, let after = token.after, isClosing(after) { return false }
            if let before = token.before, isOpening(before) { return true }
            if token.boundary == .sentence || index - earlier > 40 { return false }
            earlier -= 1
        }
        return false
    }

    /// `"`, `“`, `«`, `„` (compared, not hashed: this runs for every token of a question).
    static func isOpening(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\"" || scalar == "“" || scalar == "«" || scalar == "„"
    }

    /// `"`, `”`, `»`.
    static func isClosing(_ scalar: Unicode.Scalar) -> Bool { scalar == "\"" || scalar == "”" || scalar == "»" }
    static let ordinalWords: Set<String> = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh",
                                            "eighth", "ninth", "tenth", "last"]
}
