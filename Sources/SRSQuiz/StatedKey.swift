/// Keys an explanation states outright: `the correct answer is D`, `option B is right`, `(C) is
/// correct`, `answer: C`, `the answer is Canberra` (an option's text), and the denials
/// `the answer is not brass`, `A is wrong`.
struct StatedKeys {
    private(set) var stated: Set<Int> = []
    private(set) var denied: Set<Int> = []
    /// The options denied by their letter (`A is wrong`, `A, B and D are incorrect`), not by text.
    private(set) var deniedByLetter: Set<Int> = []
    /// Capital letters that could name an option, and the denials by letter: equal when every
    /// letter the explanation writes is in a denial (`A is wrong. B is wrong. In fact A is
    /// correct.` has a third).
    private var letters = 0, letterDenials = 0
    var onlyDenialsNameLetters: Bool { letters == letterDenials }

    /// The question's own content words, by stem (`the selective one` names what it asks for).
    private let asked: Set<String>

    /// The question asks for the false, wrong or NOT one: there `A is true`, `Helium is correct`
    /// and `The true statement is C` judge a statement, not the key; only verdicts on the answer
    /// itself (`the correct answer is B`, `B is the right option`) name it.
    private let asksForAWrongOne: Bool
    /// A verdict says that more than one option is right (`B is also correct`, `…is correct as
    /// well`): no key is stated.
    private(set) var claimsSeveral = false
    /// The question asks for the false, wrong or NOT one (`asksForAWrongOne`).
    var judgesStatements: Bool { asksForAWrongOne }
    /// The options such a verdict names by letter (`C is also correct`): beside a written key,
    /// another right one.
    private(set) var alsoRight: Set<Int> = []
    /// A denial by letter gives a reason that names another option and never its own (`B:
    /// incorrect, oxygen is only 21 percent`, where A is Oxygen): the options may have been
    /// reshuffled, so no key is left by elimination.
    private(set) var deniedWithAnothersReason = false
    /// The first sentence that corrects what came before (`Wait,`, `Sorry,`, `Correction:`,
    /// `Update:`, `Oops`, `Hmm`, `Actually, it is…`, `…I meant D`, `just kidding`), and the
    /// sentence being read.
    private var correctionSentence: Int?
    private var currentSentence = 0
    /// Verdict words the question uses itself (`right` in *a right triangle*): not verdicts here.
    private let verdictWordsAsked: Set<String>
    /// The options a letter names from the explanation's first correction on (`Erratum: should
    /// be C.`, `Update: C.`, `Sorry, typo: C`, `Wait, it is C`, `I meant C`), but not after `not`,
    /// `than` or `unlike` (`Edit: C, not B.`) nor where denied: beside a written key, a
    /// correction naming another letter leaves that key in doubt.
    private(set) var correctedTo: Set<Int> = []
    /// The letters `the correct|right answer is X` names anywhere, doubt, case or concession
    /// before it or not (`Although B looks right, the correct answer is C`): beside a written
    /// key, another so named leaves it in doubt.
    private(set) var plainlyStated: Set<Int> = []
    /// The options a letter names where the explanation speaks against it in any words (`The
    /// answer cannot be A`, `A can't be right`, `It isn't A`, `We can eliminate A`, `A is a
    /// distractor`, `Don't pick A`), doubt or no doubt: looser than `denied`, so read only against
    /// a written key, which such words leave in doubt.
    private(set) var spokenAgainst: Set<Int> = []

    /// - Parameters:
    ///   - symbolLetters: letters the options or the question use as words (`C major`,
    ///     `Vitamin C`, the language `C`, `If A then B`, `angle C`): a bare capital letter then
    ///     names no option (`Only C is correct: vitamin C…`); `option C` still does.
    ///   - optionSymbolLetters: those of `symbolLetters` the options write.
    init(_ tokens: [EvidenceToken], options: [[String]], asked: Set<String> = [], asksForAWrongOne: Bool = false,
         symbolLetters: Set<Int> = [], optionSymbolLetters: Set<Int> = [], verdictWordsAsked: Set<String> = []) {
        self.asked = asked
        self.verdictWordsAsked = verdictWordsAsked
        self.asksForAWrongOne = asksForAWrongOne
        var tokens = tokens
        let optionsAreValues = !options.isEmpty && options.allSatisfy { option in
            !option.isEmpty && option.allSatisfy { $0.first.map { $0.isNumber || "−-+.".contains($0) } ?? false }
        }
        // A bare letter that is also a symbol names nothing (`The answer is C` where the options are
        // vitamins); `(B)` and `B)` still name option B.
        for index in tokens.indices where tokens[index].isCapitalLetter && tokens[index].after != ")" {
            if let letter = LetterReference.letter(tokens[index], options.count, anyCase: false), symbolLetters.contains(letter) {
                // `The correct answer is A:` where only the question writes `A` as a word (an
                // event) and every option is a number (`0.2`): the answer is a value, so the letter
                // is an option's. Not where options are words (`The first one`, `The point at
                // (3,4)`): there `A` may be the event or point they speak of.
                let namedAnswer = index >= 3 && optionsAreValues && !optionSymbolLetters.contains(letter) && tokens[index - 1].text == "is"
                    && tokens[index - 2].text == "answer" && Self.rightWords.contains(tokens[index - 3].text)
                    && (index + 1 == tokens.count || tokens[index].after.map(Self.closing.contains) == true)
                // `The answer is A, protein;`, `A (protein)` where B is `Vitamin A`: the letter's own
                // option's whole text after it says it is that option's letter.
                let ownText = index + 1 < tokens.count && !options[letter].isEmpty
                    && (tokens[index + 1].boundary == .comma || tokens[index + 1].before == "(")
                    && Self.skippingText(of: options[letter], from: index + 1, tokens) > index + 1
                if !namedAnswer && !ownText { tokens[index].isCapitalLetter = false }
            }
        }
        // `the second, which relates force…` where the options are `First law` and `Second law`:
        // the place and the option's word cannot be told apart.
        let optionWords = Set(options.joined())
        for index in tokens.indices where LetterReference.ordinals.contains(tokens[index].text) && optionWords.contains(tokens[index].stem) {
            let noun = index + 1 < tokens.count && tokens[index + 1].boundary == .none
                && LetterReference.referenceNouns.contains(tokens[index + 1].text)
            if !noun { tokens[index].mayNamePlace = false }
        }
        letters = tokens.filter { $0.isCapitalLetter && LetterReference.letter($0, options.count, anyCase: false) != nil }.count
        let doubtful = Self.doubtfulSentences(tokens)
        // `Methane, B, is correct as well`, `B is also correct`, `C is right too`, `B is also accepted`:
        // more than one option right (`claimsSeveral`), and the letters such verdicts speak of
        // (`alsoRight`, also after `both` in the sentence: `Both B and C are correct`).
        for index in tokens.indices where Self.rightWords.contains(tokens[index].text) || Self.acceptedWords.contains(tokens[index].text) {
            var last = index
            while last + 1 < min(tokens.count, index + 5), tokens[last + 1].boundary != .sentence { last += 1 }
            let near = tokens[max(0, index - 2)...last].map(\.text)
            let several = near.contains("also") || near.contains("too")
                || zip(near, near.dropFirst()).contains { $0 == ("as", "well") || $0 == ("so", "is") || $0 == ("so", "are") }
            if several { claimsSeveral = true }
            guard !asksForAWrongOne else { continue }
            let sentenceStart = tokens[..<index].lastIndex { $0.boundary == .sentence } ?? 0
            guard several || tokens[sentenceStart..<index].contains(where: { $0.text == "both" }) else { continue }
            var start = index
            while start > 0, start > index - 6, tokens[start].boundary != .sentence { start -= 1 }
            for position in start...last where tokens[position].isCapitalLetter {
                if let option = LetterReference.letter(tokens[position], options.count, anyCase: false) { alsoRight.insert(option) }
            }
        }
        correctionSentence = Self.correction(tokens, doubtful.starts)
        var sentence = 0, fronted = false
        for index in tokens.indices {
            if index > 0, tokens[index].boundary == .sentence
                || (tokens[index].boundary >= .comma && ["but", "however", "yet"].contains(tokens[index].text)) { fronted = false }
            while sentence + 1 < doubtful.starts.count, doubtful.starts[sentence + 1] <= index { sentence += 1 }
            // A condition or a case before the statement in its sentence (`If you count moons, the
            // answer is A`, `Before 2006, the correct answer was A`, `For newborns the answer is A`).
            let kind = doubtful.classes[index]
            if kind & Self.frontingWord != 0 || (kind & Self.scopeWord != 0 && Self.opensACase(at: index, tokens)) { fronted = true }
            // `C: correct.`, `A, B and D: wrong.`: feedback per option, the letters as labels.
            var feedback = false
            if tokens[index].after == ":", !fronted, !doubtful.contains(sentence) {
                currentSentence = sentence
                feedback = readLetterLabels(endingAt: index, tokens, options)
            }
            // `Hottest: A is correct. Closest: B.`: a label before the statement names its case.
            if tokens[index].after == ":", !feedback, !Self.answerLabels.contains(tokens[index].text) { fronted = true }
            // `It is false that the answer is A`, `…, so in 1910 the answer was C`.
            if index + 1 < tokens.count, ["false", "untrue", "true"].contains(tokens[index].text), tokens[index + 1].text == "that" { fronted = true }
            if index + 1 < tokens.count, kind & Self.scopeWord != 0, tokens[index + 1].kind == .number { fronted = true }
            // `Correction: Question 5's correct answer is A`, `…for question 3, …`: another item's.
            if index + 1 < tokens.count, ["question", "questions", "item", "items"].contains(tokens[index].text),
               tokens[index + 1].kind == .number { fronted = true }
            currentSentence = sentence
            guard !doubtful.contains(sentence), !fronted else { continue }
            readAnswerIs(at: index, tokens, options)
            readLetterIs(at: index, tokens, options)
            readTextIs(at: index, tokens, options)
            readInstruction(at: index, tokens, options)
            readItIs(at: index, tokens, options)
            readMakes(at: index, tokens, options)
            readLetterSentence(at: index, tokens, options)
            readLettersAre(at: index, tokens, options.count)
            readShortDenial(at: index, tokens, options)
            readOddOneOut(at: index, tokens, options)
        }
        for index in tokens.indices.dropFirst(3) where tokens[index].isCapitalLetter
            && tokens[index - 1].text == "is" && tokens[index - 2].text == "answer" && Self.rightWords.contains(tokens[index - 3].text) {
            guard let option = LetterReference.letter(tokens[index], options.count, anyCase: false),
                  tokens[index].after.map(Self.closing.contains) == true || index + 1 == tokens.count || tokens[index + 1].boundary >= .comma
            else { continue }
            plainlyStated.insert(option)
        }
        for index in tokens.indices where tokens[index].isCapitalLetter && !asksForAWrongOne {
            guard let option = LetterReference.letter(tokens[index], options.count, anyCase: false),
                  Self.speaksAgainst(index, tokens) else { continue }
            spokenAgainst.insert(option)
        }
        if let cue = Self.correctionCue(tokens, doubtful.starts) {
            for index in cue..<tokens.count where !(index > 0 && ["not", "than", "unlike"].contains(tokens[index - 1].text)) {
                let token = tokens[index]
                if let (option, _) = LetterReference.at(index, tokens, options.count, bareAtStart: false) { correctedTo.insert(option); continue }
                // A bare letter closing its clause (`should be C.`) or before `is` (`C is right`),
                // not the article (`Erratum: A typo…`).
                guard token.isCapitalLetter, let option = LetterReference.letter(token, options.count, anyCase: false) else { continue }
                let closed = token.after.map(Self.closing.contains) == true || index + 1 == tokens.count
                    || tokens[index + 1].boundary >= .comma || ["is", "are", "was"].contains(tokens[index + 1].text)
                if closed { correctedTo.insert(option) }
            }
            correctedTo.subtract(denied)
        }
    }

    /// Whether the words around the letter at `index` speak against its option: `not`, `eliminate`,
    /// `avoid`, `rule out` or `not pick|choose|select` before it; `cannot|can't|must not`, `is|are
    /// not|never|wrong|incorrect|false` or `is a distractor|trap|mistake|decoy` after it.
    static func speaksAgainst(_ index: Int, _ tokens: [EvidenceToken]) -> Bool {
        let before = index > 0 ? tokens[index - 1].text : ""
        let before2 = index > 1 ? tokens[index - 2].text : ""
        // `We cannot eliminate B`, `We can't rule out B`: a denied denial speaks for it.
        let deniedDenial = ["eliminate", "exclude", "avoid"].contains(before) && ["cannot", "not", "never"].contains(before2)
            || before == "out" && index > 2 && ["cannot", "not", "never"].contains(tokens[index - 3].text)
        if deniedDenial { return false }
        if ["not", "eliminate", "eliminates", "eliminating", "eliminated", "exclude", "excludes", "avoid", "cannot"].contains(before)
            || (before == "out" && ["rule", "rules", "ruled", "ruling"].contains(before2))
            || (["pick", "choose", "select"].contains(before) && before2 == "not")
            || (before == "be" && ["cannot", "not"].contains(before2)) { return true }
        let after = tokens[(index + 1)...].prefix(3).map(\.text)
        guard let first = after.first else { return false }
        if ["cannot", "can", "ca", "must", "could"].contains(first), after.dropFirst().first == "not" || first == "cannot" {
            // `B can't be beaten`, `B cannot be faulted`: praise in a negation.
            let verb = tokens[(index + 1)...].prefix(4).map(\.text).drop { $0 != "be" }.dropFirst().first
            return !(verb.map(Self.praisedInNegation.contains) ?? false)
        }
        guard ["is", "are"].contains(first), let second = after.dropFirst().first else { return false }
        // `B is not only…`, `…not just…`, `…not merely…`: more is said for it.
        if second == "not", after.count == 3, ["only", "just", "merely", "simply"].contains(after[2]) {
            return index + 4 < tokens.count && wrongWords.contains(tokens[index + 4].text)   // but `B is not only wrong…`
        }
        if ["not", "never"].contains(second) || wrongWords.contains(second) { return true }
        return ["a", "an", "the"].contains(second) && after.count == 3
            && ["distractor", "trap", "mistake", "decoy", "misconception"].contains(after[2])
    }

    /// Verbs that praise after `cannot be`: `B can't be beaten`, `cannot be faulted`.
    static let praisedInNegation: Set<String> = ["beaten", "bettered", "topped", "faulted", "bested", "surpassed", "improved",
                                                 "matched", "overstated", "overlooked", "ignored", "denied", "missed"]

    /// `Not C.`, `Not C: three is odd.`, `C - wrong.`, `C – incorrect: …`: a sentence opening with
    /// `not` and a letter that closes its clause, or with a letter and a verdict word closing its
    /// clause (the dash between them is no token).
    private mutating func readShortDenial(at index: Int, _ tokens: [EvidenceToken], _ options: [[String]]) {
        guard index == 0 || tokens[index].boundary == .sentence, index + 1 < tokens.count else { return }
        let count = options.count
        if tokens[index].text == "not", tokens[index + 1].isCapitalLetter,
           let option = LetterReference.letter(tokens[index + 1], count, anyCase: false),
           tokens[index + 1].after.map(Self.closing.contains) == true || index + 2 == tokens.count || tokens[index + 2].boundary >= .clause {
            record(option, negated: true, byLetter: true)
            return
        }
        // `C) Correct – Mercury is first.`: feedback per option, the letter as its label.
        guard !asksForAWrongOne, tokens[index].isCapitalLetter, tokens[index].after == nil || tokens[index].after == ")",
              tokens[index + 1].boundary <= .clause,
              let option = LetterReference.letter(tokens[index], count, anyCase: false),
              !verdictWordsAsked.contains(tokens[index + 1].text), Self.closesClause(after: index + 1, tokens) else { return }
        if Self.wrongWords.contains(tokens[index + 1].text) { record(option, negated: true, byLetter: true) }
        else if Self.rightWords.contains(tokens[index + 1].text) { record(option, negated: false) }
    }

    /// The first token of the explanation's first correction: a sentence (the first too) opening
    /// with `Wait`, `Sorry`, `Correction`, `Update`, `Oops`, `Actually`, `Erratum`, `Edit`, or a
    /// later one with `No,`; or `typo`, `I meant`, `should be`, `scratch that`… anywhere.
    static func correctionCue(_ tokens: [EvidenceToken], _ starts: [Int]) -> Int? {
        for index in tokens.indices {
            let word = tokens[index].text
            let opens = index == 0 || tokens[index].boundary == .sentence
            if opens, correctionOpeners.contains(word) || word == "corrected" || (index > 0 && word == "no" && tokens[index].after == ",") { return index }
            let pair = index + 1 < tokens.count ? [word, tokens[index + 1].text] : []
            if ["kidding", "typo", "erratum", "correction"].contains(word) || correctionPairs.contains(pair) { return index }
        }
        return nil
    }

    /// Words opening a sentence that corrects what came before (`Wait,`, `Erratum:`, `Actually…`).
    static let correctionOpeners: Set<String> = ["wait", "sorry", "correction", "update", "oops", "actually", "erratum", "edit"]
    static let correctionPairs: Set<[String]> = [["i", "meant"], ["just", "kidding"], ["scratch", "that"], ["no", "wait"],
                                                 ["should", "be"], ["never", "mind"], ["my", "bad"], ["ignore", "that"],
                                                 ["no", "sorry"], ["updated", "to"], ["changed", "to"], ["corrected", "to"]]

    /// The sentences where nothing states a key: a belief, a hedge or a condition (`Many think A
    /// is correct, but…`, `You might think the answer is A`, `A is correct only if…`, `or so the
    /// old textbook claimed`, `If bcrypt is…`), a question (`A is right? No.`), or a quote (`"A is
    /// correct," a student might say`). `starts` holds each sentence's first token.
    struct Doubtful {
        var starts: [Int] = []
        /// Per token, its word classes (`doubtWord`, `frontingWord`, `scopeWord`): one look-up each.
        var classes: [UInt8] = []
        var sentences: Set<Int> = []
        func contains(_ sentence: Int) -> Bool { sentences.contains(sentence) }
    }

    static func doubtfulSentences(_ tokens: [EvidenceToken]) -> Doubtful {
        var result = Doubtful()
        result.classes = tokens.map { token in token.kind == .word ? wordClasses[token.text] ?? 0 : 0 }
        // A contrast after a comma or a semicolon (`Many think A, but the correct answer is C`) opens a
        // part of its own: the doubt before it is not the statement's after it.
        for index in tokens.indices where index == 0 || tokens[index].boundary == .sentence
            || (tokens[index].boundary >= .comma && ["but", "however", "yet"].contains(tokens[index].text)) { result.starts.append(index) }
        // A quotation that runs over sentences (`Wrong reasoning: "Venus is the brightest.
        // Therefore, A."`): each sentence it opens or runs through; an unclosed one to the end.
        var quoting = false
        for (sentence, start) in result.starts.enumerated() {
            let end = sentence + 1 < result.starts.count ? result.starts[sentence + 1] : tokens.count
            let part = tokens[start..<end]
            // A quoted title or term (`including "The Blue Danube"`) holds no verdict, answer noun or
            // letter: it quotes no one's answer.
            var quoted = quoting
            var opened: Int?
            for index in part.indices {
                let token = tokens[index]
                if let before = token.before, quotes.contains(before) { quoting = true; opened = index }
                if let after = token.after, quotes.contains(after) {
                    let span = tokens[(opened ?? start)...index]
                    if opened == nil || span.contains(where: { rightWords.contains($0.text) || wrongWords.contains($0.text)
                        || answerNouns.contains($0.text) || $0.isCapitalLetter }) { quoted = true }
                    quoting = false
                    opened = nil
                }
            }
            if quoting { quoted = true }   // a quotation running on past the sentence
            // `only` restricts when a case follows (`only for gases`, `only in the sense`), not in
            // `Only C is correct` or `the only correct option`.
            let restricted = part.indices.contains { index in
                tokens[index].text == "only" && index + 1 < end && ["for", "in", "to", "under", "at", "as", "about", "with"].contains(tokens[index + 1].text)
            }
            // `tend` in the reason after `because` or `since` (`B is right because defects tend to
            // cluster…`) says how often, not who holds the view; a belief there still does (`A is
            // incorrect because some claim the answer is C`, `…, some students argue`).
            let reason = part.firstIndex { ["because", "since"].contains($0.text) } ?? end
            if quoted || restricted || part.indices.contains(where: { index in
                result.classes[index] & doubtWord != 0 && (index < reason || !["tend", "tends"].contains(tokens[index].text))
            })
                || part.last?.after == "?" {
                result.sentences.insert(sentence)
            }
        }
        return result
    }

    /// The classes of `doubtWords`, `fronting` and `scopes`, as bits.
    static let doubtWord: UInt8 = 1, frontingWord: UInt8 = 2, scopeWord: UInt8 = 4
    static let wordClasses: [String: UInt8] = {
        var classes: [String: UInt8] = [:]
        for word in doubtWords { classes[word, default: 0] |= doubtWord }
        for word in fronting { classes[word, default: 0] |= frontingWord }
        for word in scopes { classes[word, default: 0] |= scopeWord }
        return classes
    }()

    /// Words of belief, report or hedge: anywhere in a sentence they make its statement someone's
    /// view (`Many think A is correct`, `A is correct — or so the old textbook claimed`).
    static let doubtWords: Set<String> = [
        "think", "thinks", "thought", "believe", "believes", "believed", "belief", "assume", "assumes", "assumed",
        "say", "says", "said", "claim", "claims", "claimed", "suppose", "supposed", "seems", "seem", "appears",
        "guess", "guesses", "tempting", "tempted", "mistake", "mistaken", "mistakenly", "wrongly", "misconception",
        "confuse", "confuses", "confused", "according", "misprint", "trap", "conclude", "concludes", "insist",
        "insists", "intuitive", "intuitively", "naive", "naively", "obvious", "popular", "glance", "widely", "tend", "tends",
        "reply", "replies", "feel", "feels", "expect", "expects", "judging", "argue", "argues", "ago",
        "suspect", "suspects", "imagine", "imagines", "legend", "rumour", "rumor", "kidding", "allegedly", "reportedly",
        "supposedly", "folk", "thinking", "distractor",
    ]

    /// Words of condition, concession or doubt: before a statement in its sentence they restrict it
    /// (`If…, the answer is A`); after it they may be its reason (`…is B because when water freezes…`).
    static let fronting: Set<String> = ["if", "unless", "when", "whenever", "although", "though", "except", "would",
                                        "could", "might", "may", "assuming", "ask",
                                        // hedges, past times, viewpoints and frequencies (fifth review)
                                        "perhaps", "possibly", "arguably", "presumably", "likely", "probably", "maybe",
                                        "ostensibly", "apparently", "conceivably", "plausibly", "historically", "originally",
                                        "traditionally", "formerly", "earlier", "previously", "once", "back",
                                        "technically", "colloquially", "culturally", "superficially", "practically",
                                        "realistically", "empirically", "commonly", "usually", "often", "sometimes",
                                        "occasionally", "typically", "generally", "formally", "numerically", "loosely",
                                        "strictly", "informally", "speaking", "nominally", "wise"]

    /// The first sentence from which statements count again after a correction (`correctionSentence`).
    static func correction(_ tokens: [EvidenceToken], _ starts: [Int]) -> Int? {
        for (sentence, start) in starts.enumerated() where sentence > 0 {
            let first = tokens[start].text
            if correctionOpeners.contains(first) || ["hmm", "rather", "ignore", "disregard"].contains(first) {
                return sentence
            }
            // `No, sorry, B.`, `No, it is Mercury.`, `…because... no. The cerebellum is.` after a
            // statement (not `No other planet…`).
            if first == "no", let after = tokens[start].after, [",", ".", ":", "!"].contains(after) { return sentence }
        }
        // Within a sentence: `…A... no, it is Mercury`, `A, no wait, B`, `A (typo; should be B)`,
        // `I meant D`, `just kidding`, `scratch that`, `never mind`, `my bad`, `ignore that`.
        let pairs = correctionPairs
        for index in tokens.indices {
            let word = tokens[index].text
            let pair = index + 1 < tokens.count ? [word, tokens[index + 1].text] : []
            let clauseNo = word == "no" && index > 0 && tokens[index].boundary >= .comma
                && tokens[index].after.map { [",", ":"].contains($0) } == true
            if ["kidding", "typo", "edit"].contains(word) || pairs.contains(pair) || clauseNo {
                let sentence = starts.lastIndex { $0 <= index } ?? 0
                // Opening its sentence, the word corrects the sentences before; inside one, that
                // sentence too (`The answer is A... just kidding, it is D`: none).
                return index == starts[sentence] ? sentence : sentence + 1
            }
        }
        return nil
    }

    /// A sentence opening with a preposition of time, place or case (`Before 2006,`, `For newborns`,
    /// `At sea level`, `In rugby league,`, `With categorical data,`): what follows holds in that
    /// case only. Not the connectives `In fact`, `In short`, `In this case`, `For this reason`.
    static func opensACase(at index: Int, _ tokens: [EvidenceToken]) -> Bool {
        // Also right after a label: `Wait: in fish, the correct answer is B`.
        guard index == 0 || tokens[index].boundary == .sentence || tokens[index - 1].after == ":",
              scopes.contains(tokens[index].text) else { return false }
        let words = tokens[index...].prefix(3).map(\.text)
        return !caseConnectives.contains(words.prefix(2).joined(separator: " ")) && !caseConnectives.contains(words.joined(separator: " "))
    }

    static let scopes: Set<String> = ["for", "in", "on", "at", "before", "after", "during", "with", "under", "among",
                                      "within", "without", "until", "by", "from", "to", "per"]
    static let caseConnectives: Set<String> = ["in fact", "in short", "in summary", "in conclusion", "in other words", "in this case",
                                           "in reality", "in truth", "in actual fact",
                                           "in this question", "in the end", "in particular", "in brief", "in sum",
                                           "for this reason", "by contrast", "in contrast", "on balance", "in this item",
                                           "to sum up", "to summarize", "to summarise", "to conclude"]

    static let quotes: Set<Unicode.Scalar> = ["\"", "“", "”", "«", "»", "„"]

    /// `It is C, the compass rose.`, `It's B.`: a sentence opening `it is` and a bare capital
    /// letter closed by punctuation; words after a comma that name an option must name the same.
    /// Not `This is option A, the most common mistake`: `this` may be what the explanation warns of.
    private mutating func readItIs(at index: Int, _ tokens: [EvidenceToken], _ options: [[String]]) {
        // Also after a correction's opening word: `Actually, it is D.`, `Wait, it's D.`
        let opens = index == 0 || tokens[index].boundary == .sentence
            || (index == 1 || (index > 1 && tokens[index - 1].boundary == .sentence)) && ["actually", "wait", "sorry", "no"].contains(tokens[index - 1].text)
        guard tokens[index].text == "it", opens,
              index + 2 < tokens.count, ["is", "s"].contains(tokens[index + 1].text) else { return }
        // `It's C. S. Lewis, of course.`: an option's name in initials.
        if let (option, end) = Self.abbreviated(from: index + 2, tokens, options),
           end == tokens.count || tokens[end].boundary >= .comma || tokens[end - 1].after.map(Self.closing.contains) == true {
            record(option, negated: false)
            return
        }
        let letter = tokens[index + 2]
        guard !Self.opensInitials(at: index + 2, tokens), !Self.initialOfAnother(at: index + 2, tokens, options), let option = LetterReference.letter(letter, options.count, anyCase: false),
              letter.after.map({ Self.closing.contains($0) }) ?? (index + 3 == tokens.count) else { return }
        if letter.after == ",", index + 3 < tokens.count, let named = Self.named(at: index + 3, tokens, options),
           named != option { return }
        record(option, negated: false)
    }

    /// `Paul Desmond is the right choice here`, `Canberra is the correct answer`: an option's
    /// whole text, opening its clause, then `is|are|was [not] the correct|right answer|option|choice`.
    /// A part of one option's text will do (`Parameterized queries are the right answer here:` for
    /// `Using parameterized queries (prepared statements)`) when its words are in that option only,
    /// one of them in no other option, and `the right answer` closes the clause (not `…the right
    /// answer to a different question`).
    private mutating func readTextIs(at index: Int, _ tokens: [EvidenceToken], _ options: [[String]]) {
        guard ["is", "are"].contains(tokens[index].text), index > 0 else { return }
        var next = index + 1
        var negated = false
        if next < tokens.count, tokens[next].text == "not" { negated = true; next += 1 }
        let answerVerdict = next + 2 < tokens.count && tokens[next].text == "the"
            && Self.rightWords.contains(tokens[next + 1].text) && Self.answerNouns.contains(tokens[next + 2].text)
        let bareVerdict = Self.isBareVerdict(at: next, tokens) && !verdictWordsAsked.contains(tokens[next].text)   // not a right angle
        guard Self.isPick(at: next, tokens, asked: asked) || answerVerdict || bareVerdict else { return }
        var start = index - 1
        while start > 0, tokens[start].boundary < .comma { start -= 1 }
        // `That is why a stack is right`: the subject after the lead-in.
        if start + 3 < index, ["that", "this", "which"].contains(tokens[start].text), tokens[start + 1].text == "is",
           tokens[start + 2].text == "why" { start += 3 }
        // No denial or condition in the subject: `Canberra, not Sydney, is the correct answer`
        // does not make Sydney the key, nor `If bcrypt is the right answer, why…` bcrypt.
        guard !tokens[start..<index].contains(where: { $0.cues.contains(.verbalNegation) || Self.conditions.contains($0.text) })
        else { return }
        guard !(start..<index).contains(where: { Self.numbersAnOption(at: $0, tokens) }) else { return }   // `Option 3 is correct`
        let stems = tokens[start..<index].filter(\.isContent).map(\.stem)
        var matching = options.indices.filter { !options[$0].isEmpty && options[$0] == stems }
        let opening = start == 0 || tokens[start].boundary >= .comma ? start : start + 1
        if matching.isEmpty, let (option, end) = Self.abbreviated(from: opening, tokens, options), end == index { matching = [option] }
        // `The liver is the right answer to a different question`, `…the correct answer for
        // detoxification`: the verdict must close its clause. In a question asking for the false
        // one, only a verdict on the answer itself (`Helium is correct: it is a noble gas` judges
        // helium, for *Which is NOT a noble gas?*).
        if answerVerdict, !Self.closesClause(after: next + 1, tokens) { return }
        if asksForAWrongOne, !answerVerdict || tokens[next + 2].text == "statement" { return }
        if matching.count == 1 { record(matching[0], negated: negated); return }
        // A part of an option's text: opening its sentence, with `is|are`, the verdict ending the
        // sentence or before a colon (`Hashing is the right answer, but to a different question`,
        // `For XSS, output encoding is the right answer; for SQL…` name other cases).
        guard answerVerdict, !stems.isEmpty, tokens[index].text != "was", start == 0 || tokens[start].boundary == .sentence,
              Self.closesAnswerVerdict(after: next + 2, tokens) else { return }
        let words = Set(stems)
        let holding = options.indices.filter { words.isSubset(of: Set(options[$0])) }
        guard holding.count == 1, let option = holding.first,
              words.contains(where: { word in options.indices.allSatisfy { $0 == option || !options[$0].contains(word) } })
        else { return }
        record(option, negated: negated)
    }

    /// Words that make a subject a denial, a condition or a case apart: `not Sydney`, `If bcrypt`,
    /// `where stored procedures`.
    static let conditions: Set<String> = ["not", "no", "never", "if", "when", "whenever", "whether", "unless", "although",
                                          "though", "while", "where", "only", "before", "after", "since", "because", "why", "how"]

    /// The answer noun at `index` ends its sentence or stands before a colon, `here` aside.
    static func closesAnswerVerdict(after index: Int, _ tokens: [EvidenceToken]) -> Bool {
        var last = index
        if last + 1 < tokens.count, tokens[last + 1].text == "here", tokens[last + 1].boundary == .none { last += 1 }
        return last + 1 >= tokens.count || tokens[last + 1].boundary == .sentence || tokens[last].after == ":"
    }

    /// `correct`, `right` or `accurate` closing its clause (`The heart is correct: …`, `…is right,
    /// as…`), or before `because`; not `right at the centre`, `correctly placed`.
    static func isBareVerdict(at index: Int, _ tokens: [EvidenceToken]) -> Bool {
        guard index < tokens.count, ["correct", "right", "accurate"].contains(tokens[index].text) else { return false }
        guard index + 1 < tokens.count else { return true }
        if tokens[index + 1].boundary == .comma, fronting.contains(tokens[index + 1].text) { return false }   // `…, although…`
        return tokens[index + 1].boundary >= .comma || tokens[index].after.map(closing.contains) == true
            || tokens[index + 1].text == "because"
    }

    /// `C: correct.`, `A: incorrect, the liver filters.`, `A, B and D: wrong.`: feedback per
    /// option, capital letters (joined by commas and `and`) opening their clause before a colon,
    /// then `correct`, `right`, `wrong`, `incorrect`… closing its clause (not `C: right ventricle`,
    /// `C: correct only in mammals`). Not in a question asking for the false or NOT one, where
    /// `A: true` judges a statement.
    private mutating func readLetterLabels(endingAt colon: Int, _ tokens: [EvidenceToken], _ options: [[String]]) -> Bool {
        let count = options.count
        guard !asksForAWrongOne, colon + 1 < tokens.count,
              tokens[colon].isCapitalLetter, let last = LetterReference.letter(tokens[colon], count, anyCase: false) else { return false }
        var letters = [last]
        var position = colon
        // Back over `A, B and` to the first letter, which opens its sentence or clause.
        while position > 0, letters.count < count {
            var previous = position - 1
            if tokens[previous].text == "and", previous > 0 { previous -= 1 } else if tokens[previous].after != "," { break }
            guard tokens[previous].isCapitalLetter, let option = LetterReference.letter(tokens[previous], count, anyCase: false) else { break }
            letters.append(option)
            position = previous
        }
        guard position == 0 || tokens[position].boundary >= .comma else { return false }
        let word = colon + 1
        guard !verdictWordsAsked.contains(tokens[word].text), Self.closesClause(after: word, tokens) else { return false }
        let verdict: Bool
        if Self.rightWords.contains(tokens[word].text) { verdict = true }
        else if Self.wrongWords.contains(tokens[word].text) { verdict = false }
        else { return false }
        if letters.count == 1, Self.reasonNamesOnlyAnother(than: letters[0], from: word + 1, tokens, options) {
            guard !verdict else { return true }
            deniedWithAnothersReason = true
        }
        for option in letters { record(option, negated: !verdict, byLetter: true) }
        return true
    }

    /// `So C.`, `Therefore, C.`, `Answer C.`, `Answer (C).`: a sentence that is only `so`, `thus`,
    /// `therefore`, `hence` or `answer` and a letter (not `So C and D remain`, `Answer C, then D`).
    /// Not when a letter is an option's word (`B) C` the language, `D) C major`): there `So C.`
    /// may name that.
    private mutating func readLetterSentence(at index: Int, _ tokens: [EvidenceToken], _ options: [[String]]) {
        let count = options.count
        guard index == 0 || tokens[index].boundary == .sentence, index + 1 < tokens.count,
              ["so", "thus", "therefore", "hence", "answer"].contains(tokens[index].text) else { return }
        let start = index + 1
        guard let (option, length) = LetterReference.at(start, tokens, count, bareAtStart: false)
                ?? LetterReference.bareLetter(at: start, tokens, count) else { return }
        let end = start + length
        guard end == tokens.count || tokens[end].boundary == .sentence else { return }
        let letter = String(Character(UnicodeScalar(UInt8(97 + option))))
        guard !options.contains(where: { $0.contains(letter) }) else { return }
        record(option, negated: false)
    }

    /// `This makes C the best choice`, `which makes option B the correct answer`.
    private mutating func readMakes(at index: Int, _ tokens: [EvidenceToken], _ options: [[String]]) {
        let count = options.count
        // Only `This makes…`, `which makes…`: `Forgetting X would make A the correct answer` and
        // `Confusing X makes A the right answer` name what a mistake leads to.
        let verb = tokens[index].text
        guard verb == "makes" || verb == "made", index > 0, index + 1 < tokens.count,
              ["this", "that", "which", "it"].contains(tokens[index - 1].text) else { return }
        let start = index + 1
        // `which makes phenolphthalein the right choice`: words of one option only, then the verdict.
        if LetterReference.at(start, tokens, count, bareAtStart: false) == nil, !tokens[start].isCapitalLetter,
           let the = tokens[start...].prefix(6).firstIndex(where: { $0.text == "the" }), the > start,
           !tokens[start...the].contains(where: { $0.boundary >= .comma && $0 != tokens[start] }),
           let verdict = Self.verdict(at: the, tokens), verdict, Self.namesTheAnswer(after: Self.verdictWord(at: the, tokens), tokens),
           Self.closesClause(after: Self.verdictWord(at: the, tokens), tokens) {
            let words = Set(tokens[start..<the].filter(\.isContent).map(\.stem))
            let holding = options.indices.filter { !words.isEmpty && words.isSubset(of: Set(options[$0])) }
            if holding.count == 1 { record(holding[0], negated: false) }
            return
        }
        guard let (option, length) = LetterReference.at(start, tokens, count, bareAtStart: false)
                ?? (tokens[start].after == nil ? LetterReference.bareLetter(at: start, tokens, count) : nil),
              start + length < tokens.count, tokens[start + length].text == "the",
              let verdict = Self.verdict(at: start + length, tokens), verdict,
              Self.closesClause(after: Self.verdictWord(at: start + length, tokens), tokens) else { return }
        record(option, negated: false)   // not `…makes A the best choice for the hottest planet`
    }

    /// `A, B and D are incorrect`, `Options A, B, and D are all wrong`: a list of letters joined by
    /// commas and `and` opening its clause (or after `options`), then `are [all] [not]
    /// wrong|incorrect|correct…` closing the clause or before `because` (not `were wrong in the
    /// 1990 edition`, `are wrong only if…`).
    private mutating func readLettersAre(at index: Int, _ tokens: [EvidenceToken], _ count: Int) {
        guard tokens[index].text == "are" else { return }
        var letters: [Int] = []
        var position = index - 1
        while position >= 0, tokens[position].isCapitalLetter, tokens[position].after == nil || tokens[position].after == ",",
              let option = LetterReference.letter(tokens[position], count, anyCase: false) {
            letters.append(option)
            guard position > 0 else { position -= 1; break }
            if tokens[position].boundary == .comma, position > 0 { position -= 1; continue }
            if tokens[position - 1].text == "and" { position -= 2; continue }
            if tokens[position - 1].after == "," { position -= 1; continue }
            position -= 1
            break
        }
        guard letters.count >= 2 else { return }
        let opening = position < 0 || tokens[position + 1].boundary >= .comma
            || ["options", "choices", "answers", "statements", "both"].contains(tokens[position].text)
        guard opening else { return }
        var next = index + 1
        if next < tokens.count, tokens[next].text == "all" { next += 1 }
        var negated = false
        if next < tokens.count, tokens[next].text == "not" { negated = true; next += 1 }
        guard next < tokens.count, let verdict = Self.verdict(at: next, tokens), Self.closesClause(after: next, tokens) else { return }
        for option in letters { record(option, negated: verdict ? negated : !negated, byLetter: true) }
    }

    /// `[the] [correct|right|best] answer|option|choice [here] is|: [not] X`, and `Correct: X`
    /// opening a sentence.
    private mutating func readAnswerIs(at index: Int, _ tokens: [EvidenceToken], _ options: [[String]]) {
        guard index + 1 < tokens.count else { return }
        let label = tokens[index].text == "correct" && tokens[index].after == ":"
            && (index == 0 || tokens[index].boundary == .sentence)
        guard Self.answerNouns.contains(tokens[index].text) || label else { return }
        // `The obvious answer is A`, `Most people's first answer is A`, `The crowd's answer is A`:
        // an answer someone gives.
        if index > 0, Self.givenAnswers.contains(tokens[index - 1].text) || tokens[index - 1].after == "'" || tokens[index - 1].after == "’" { return }
        let qualified = index > 0 && Self.rightWords.contains(tokens[index - 1].text)
        guard qualified || label || tokens[index].text == "answer" else { return }
        var next = index + 1
        if tokens[next].text == "here" { next += 1 }
        // `The answer to this question is C`.
        if next + 2 < tokens.count, ["to", "for"].contains(tokens[next].text), ["this", "the"].contains(tokens[next + 1].text),
           ["question", "item"].contains(tokens[next + 2].text) { next += 3 }
        // `in this case`, `in this question`; `, therefore,` set off by commas. Not a modal: `the
        // answer would be D` is a condition (`If the question asked for…`), `should be C` a doubt.
        if next + 2 < tokens.count, tokens[next].text == "in", tokens[next + 1].text == "this",
           ["case", "question", "instance"].contains(tokens[next + 2].text) { next += 3 }
        if next < tokens.count, Self.connectives.contains(tokens[next].text), tokens[next].boundary == .comma { next += 1 }
        let colon = tokens[next - 1].after == ":"
        if !colon {
            // Not `was`: `Twenty years ago the answer was A`, `in 1910 the answer was C` tell the past.
            guard next < tokens.count, ["is", "be"].contains(tokens[next].text) else { return }
            next += 1
        }
        next = Self.skippingIntensifiers(from: next, tokens)   // `The answer is clearly B`
        var negated = false
        if next < tokens.count, tokens[next].text == "not" { negated = true; next += 1 }
        guard next < tokens.count, let option = Self.named(at: next, tokens, options) else { return }
        // `Correct: C.`, but not `Correct: A common mistake…` (the article) or `Correct: Option A fails…`.
        if label, !(next + 1 == tokens.count || tokens[next].after.map(Self.closing.contains) == true
                    || tokens[next + 1].boundary >= .comma) || (label && tokens[next].text == "option") { return }
        // The option named closes its clause: not `The answer is A only in the sense…`, `…is A
        // for the hottest planet`, `…is oxygen-free`; nor the idiom `the answer is the same`.
        guard Self.closesMention(from: next, of: option, tokens, options, asked: asked),
              !(tokens[next].text == "the" && next + 1 < tokens.count && tokens[next + 1].text == "same") else { return }
        // `The correct answer is A (Nitrogen).` where A is Oxygen: the letter and the text that
        // follows it disagree (options reshuffled after the explanation was written).
        if let (_, length) = LetterReference.at(next, tokens, options.count, bareAtStart: false) ?? LetterReference.bareLetter(at: next, tokens, options.count),
           Self.textAfterLetterNamesAnother(from: next + length, option, tokens, options) { return }
        // `The true statement is C` judges a statement: in a question asking for the false one
        // it does not name the key.
        if asksForAWrongOne, tokens[index].text == "statement" { return }
        // `The correct answer is C because the liver filters`, where A is the liver.
        if tokens[next].isCapitalLetter || tokens[next].text == "option",
           Self.reasonNamesOnlyAnother(than: option, from: next + 1, tokens, options) { return }
        record(option, negated: negated, byLetter: LetterReference.letter(tokens[next], options.count, anyCase: true) != nil
               || tokens[next].text == "option" || tokens[next].before == "(")
    }

    /// The text right after a letter (in brackets, after a comma, colon or dash) is another
    /// option's whole text.
    static func textAfterLetterNamesAnother(from start: Int, _ option: Int, _ tokens: [EvidenceToken], _ options: [[String]]) -> Bool {
        guard start < tokens.count, tokens[start].boundary <= .clause else { return false }
        return options.indices.contains { other in
            other != option && !options[other].isEmpty && skippingText(of: options[other], from: start, tokens) > start
                && !(options[option].starts(with: options[other]))
        }
    }

    /// The option named at `start` (by letter, place or text) is followed by the end of its clause,
    /// or by `because`, `since`, `as`.
    static func closesMention(from start: Int, of option: Int, _ tokens: [EvidenceToken], _ options: [[String]],
                              asked: Set<String> = []) -> Bool {
        var end: Int
        if let (_, length) = LetterReference.at(start, tokens, options.count, bareAtStart: false) {
            end = start + length
        } else if tokens[start].text == "the", start + 1 < tokens.count,
                  LetterReference.ordinal(at: start + 1, tokens, options.count) != nil {
            end = start + 2
            if end < tokens.count, tokens[end].boundary == .none,
               LetterReference.referenceNouns.contains(tokens[end].text) || tokens[end].text == "one" { end += 1 }
        } else if tokens[start].isCapitalLetter {
            end = start + 1
        } else {
            let past = skippingText(of: options[option], from: start, tokens)
            if past > start { end = past } else {
                // A part of the option's text: up to the next punctuation.
                end = start + 1
                while end < tokens.count, tokens[end].boundary == .none, tokens[end - 1].after == nil, end - start < 6 { end += 1 }
            }
        }
        // `C) Frog`: the letter and its option's text.
        if tokens[end - 1].after == ")", tokens[end - 1].isCapitalLetter { end = max(end, skippingText(of: options[option], from: end, tokens)) }
        // `B (SMTP)`, `the Volcanic Explosivity Index (VEI)`: a bracket after the option.
        if end < tokens.count, tokens[end].before == "(" {
            while end < tokens.count, tokens[end].after != ")" { end += 1 }
            end += 1
        }
        if end < tokens.count, tokens[end].text == "here", tokens[end].boundary == .none { end += 1 }
        // `The correct answer is elliptical galaxies.` for *Which type of galaxy…?*: the question's noun.
        if end < tokens.count, end > start, tokens[end].boundary == .none, tokens[end].isContent, asked.contains(tokens[end].stem),
           !tokens[start].isCapitalLetter { end += 1 }
        guard end < tokens.count else { return true }
        // `The correct answer is A, if you count…`, `…is A, at birth`: a condition or a case opening
        // the next clause.
        // (`…, at roughly 4,806 m`, `…, at about 88 days` measure it.)
        let measure = end + 1 < tokens.count && measureWords.contains(tokens[end + 1].text)
        if tokens[end].boundary == .comma, fronting.contains(tokens[end].text) || scopes.contains(tokens[end].text), !measure { return false }
        return tokens[end].boundary >= .comma || tokens[end - 1].after.map(closing.contains) == true
            || ["because", "since", "as"].contains(tokens[end].text)
    }

    /// Words after a comma that measure the option named (`…, at roughly 4,806 m`), no case.
    static let measureWords: Set<String> = ["roughly", "about", "around", "approximately", "nearly", "almost"]

    /// `option B|(B)|B is [not] correct|right|true|wrong|incorrect|false|the [correct] answer`.
    /// The letter may follow a lead-in word: `Only C is correct`, `That is why C is right`. A verdict
    /// adverb and a verb (`Option A correctly notes that…`, `B best illustrates the misconception…`)
    /// state nothing: they judge a part of the option, or what it illustrates.
    /// The letter's own option text may follow it: `C) The heart is correct`.
    private mutating func readLetterIs(at index: Int, _ tokens: [EvidenceToken], _ options: [[String]]) {
        let count = options.count
        guard let (option, length) = LetterReference.at(index, tokens, count, bareAtStart: true)
                ?? Self.letterAfterLeadIn(at: index, tokens, count) else { return }
        var next = Self.skippingText(of: options[option], from: index + length, tokens)
        guard next < tokens.count, tokens[next].text == "is" else { return }   // not the past: `Formerly, C was correct`
        next = Self.skippingIntensifiers(from: next + 1, tokens)
        var negated = false
        if next < tokens.count, tokens[next].text == "not" { negated = true; next += 1 }
        guard next < tokens.count else { return }
        if Self.isPick(at: next, tokens, asked: asked) {
            // `the right one` closing its clause (not `…the right one for filtering`).
            let rightOne = next + 2 < tokens.count && Self.rightWords.contains(tokens[next + 1].text) && tokens[next + 2].text == "one"
            if !rightOne || Self.closesClause(after: next + 1, tokens) { record(option, negated: negated) }
            return
        }
        guard let verdict = Self.verdict(at: next, tokens) else { return }
        // The verdict closes its clause (not `A is correct only if…`, `A is right for Earth-based
        // distance`), and in a question asking for the false one it judges the answer, not a
        // statement (`A is true: the Sun is a star` names no key there).
        let word = Self.verdictWord(at: next, tokens)
        // `Angle C is right` where the question asks about a right triangle: the question's word.
        guard Self.closesClause(after: word, tokens), !verdictWordsAsked.contains(tokens[word].text) else { return }
        if asksForAWrongOne, !Self.namesTheAnswer(after: word, tokens) { return }
        let denies = verdict == negated
        if Self.reasonNamesOnlyAnother(than: option, from: word + 1, tokens, options) {
            // `B is wrong: three is larger` compares; `C is correct because the liver filters` was
            // written for other options. A denial still counts, but no key is left by elimination.
            guard denies else { return }
            deniedWithAnothersReason = true
        }
        record(option, negated: denies, byLetter: true)
    }

    /// The rest of the sentence from `start` names another option's whole text and never
    /// `option`'s (`C is correct because the liver filters blood`, where A is the liver: the
    /// options were reshuffled after the explanation was written). A mention after `not`,
    /// `unlike`, `than`, `instead of`, `rather than` sets the other option apart and does not count.
    static func reasonNamesOnlyAnother(than option: Int, from start: Int, _ tokens: [EvidenceToken], _ options: [[String]]) -> Bool {
        var other = false
        var index = start
        while index < tokens.count, tokens[index].boundary < .clause || (index == start && tokens[index].boundary != .sentence) {
            for candidate in options.indices where !options[candidate].isEmpty && tokens[index].isContent
                && tokens[index].stem == options[candidate][0] && skippingText(of: options[candidate], from: index, tokens) > index {
                if candidate == option { return false }
                // The word before the mention, past an article: `not`, `unlike`, `than`, `nor`, `instead of`.
                var lead = index - 1
                if lead >= 0, ["the", "a", "an"].contains(tokens[lead].text) { lead -= 1 }
                let word = lead >= 0 ? tokens[lead].text : ""
                let setApart = ["not", "unlike", "than", "nor"].contains(word) || (word == "of" && lead > 0 && tokens[lead - 1].text == "instead")
                if !setApart { other = true }
            }
            index += 1
        }
        return other
    }

    /// The verdict word of the verdict at `index`: `correct` in `correct`, `the correct answer`,
    /// `the only correct option`.
    static func verdictWord(at index: Int, _ tokens: [EvidenceToken]) -> Int {
        guard tokens[index].text == "the" else { return index }
        var next = index + 1
        if next < tokens.count, ["only", "most"].contains(tokens[next].text) { next += 1 }
        return min(next, tokens.count - 1)
    }

    /// A noun of the answer itself after the verdict word (`the correct answer`, `the right option`),
    /// not `true` alone or `the true statement`.
    static func namesTheAnswer(after word: Int, _ tokens: [EvidenceToken]) -> Bool {
        if ["answer", "option", "choice"].contains(tokens[word].text) { return true }   // `C is the answer`
        return word + 1 < tokens.count && ["answer", "option", "choice", "alternative", "response"].contains(tokens[word + 1].text)
    }

    /// Past the option's whole text starting at `start` (its content words in order, in one
    /// clause), or `start` when it is not there.
    static func skippingText(of option: [String], from start: Int, _ tokens: [EvidenceToken]) -> Int {
        guard !option.isEmpty else { return start }
        var index = start, matched = 0
        let limit = start + 2 * option.count + 4   // the option's words and the articles between them
        while index < tokens.count, index < limit, matched < option.count, index == start || tokens[index].boundary < .clause {
            if tokens[index].isContent {
                guard tokens[index].stem == option[matched] else { return start }
                matched += 1
            } else if mentionBreakers.contains(tokens[index].text) {
                return start   // `C is correct because the heart pumps`: the verdict is no part of C's text
            }
            index += 1
        }
        return matched == option.count ? index : start
    }

    /// Function words that end an option's mention rather than stand inside its text: a verb of
    /// the verdict, a verdict word, a reason.
    static let mentionBreakers: Set<String> = rightWords.union(wrongWords).union(["is", "are", "was", "were", "because", "since"])

    /// Past `indeed`, `clearly`, `certainly`…: words that stress a verdict without changing it.
    static func skippingIntensifiers(from start: Int, _ tokens: [EvidenceToken]) -> Int {
        var index = start
        while index < tokens.count, intensifiers.contains(tokens[index].text) { index += 1 }
        return index
    }

    static let intensifiers: Set<String> = ["indeed", "clearly", "certainly", "definitely", "obviously", "actually",
                                            "really", "undoubtedly", "unambiguously",
                                            // a conclusion drawn: `Option A is therefore correct`, `the answer is thus B`
                                            "therefore", "thus", "hence"]

    /// A bare capital letter after a word that leads into a verdict (`Only C`, `why C`, `and C`).
    private static func letterAfterLeadIn(at index: Int, _ tokens: [EvidenceToken], _ count: Int) -> (Int, Int)? {
        guard index > 0, leadIns.contains(tokens[index - 1].text), tokens[index].boundary == .none,
              tokens[index].after == nil else { return nil }
        return LetterReference.bareLetter(at: index, tokens, count)
    }

    /// Not `so` or `and`: `so C is true for every n`, `Angle A is acute and C is right` judge a
    /// letter of the subject, not an option.
    static let leadIns: Set<String> = ["only", "why", "thus", "hence", "therefore", "but", "however"]

    /// The verdict word at `index` (or the noun after it) ends its clause, or `because`/`since` follows.
    static func closesClause(after index: Int, _ tokens: [EvidenceToken]) -> Bool {
        var end = index + 1
        if end < tokens.count, tokens[end].boundary == .none, verdictNouns.contains(tokens[end].text) || answerNouns.contains(tokens[end].text) {
            end += 1
        }
        if end < tokens.count, tokens[end].text == "here", tokens[end].boundary == .none { end += 1 }
        // `The liver is correct, although…`, `A is right, if…`: a condition opening the next clause.
        if end < tokens.count, tokens[end].boundary == .comma, fronting.contains(tokens[end].text) || scopes.contains(tokens[end].text) {
            return false   // `…, per the 1990 key`
        }
        return end >= tokens.count || tokens[end].boundary >= .comma || ["because", "since"].contains(tokens[end].text)
    }

    /// After `is`: true for `correct`, `the [only|most] correct answer|statement|…`, false for
    /// `wrong`, `the incorrect option`; nil for anything else.
    static func verdict(at index: Int, _ tokens: [EvidenceToken]) -> Bool? {
        guard index < tokens.count else { return nil }
        var next = index
        if tokens[next].text == "the" {
            next += 1
            if next < tokens.count, ["only", "most"].contains(tokens[next].text) { next += 1 }
            let qualified = next > index + 1  // `only` or `most` came first
            guard next + 1 < tokens.count, tokens[next + 1].boundary == .none,
                  verdictNouns.contains(tokens[next + 1].text) || answerNouns.contains(tokens[next + 1].text) else {
                // `C is the answer`
                return !qualified && next < tokens.count && answerNouns.contains(tokens[next].text) ? true : nil
            }
        }
        guard next < tokens.count else { return nil }
        let word = tokens[next].text
        if rightWords.contains(word) { return true }
        if wrongWords.contains(word) { return false }
        return nil
    }

    /// The nouns a verdict may qualify besides the answer nouns: `the most accurate statement`.
    static let verdictNouns: Set<String> = ["description", "explanation", "one", "pick"]

    /// `the one to pick`, `the one to choose`, `the one to go for`, `the right one`, `the correct one`,
    /// and `the one` ending its clause (`ECB is the one: each block…`).
    /// Not `the noble one` even with the question's own words: `Argon is the noble one, but not the
    /// lightest` names a class word of the question, not what it asks.
    static func isPick(at index: Int, _ tokens: [EvidenceToken], asked: Set<String> = []) -> Bool {
        guard index < tokens.count else { return false }
        if index + 1 < tokens.count, tokens[index].text == "the", tokens[index + 1].text == "one",
           index + 2 == tokens.count || tokens[index + 2].boundary >= .clause { return true }
        // `the one that pumps blood` for *Which organ pumps blood?*: every content word of the
        // relative clause is the question's own.
        if index + 3 < tokens.count, tokens[index].text == "the", tokens[index + 1].text == "one",
           ["that", "which", "who"].contains(tokens[index + 2].text), tokens[index + 2].boundary == .none {
            let clause = tokens[(index + 3)...].prefix { $0.boundary < .comma }.prefix(10)
            let content = clause.filter(\.isContent)
            if !content.isEmpty, content.allSatisfy({ asked.contains($0.stem) }),
               !clause.contains(where: { $0.cues.contains(.verbalNegation) || $0.text == "not" }) { return true }
        }
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
        guard next < tokens.count, let option = Self.named(at: next, tokens, options),
              Self.closesMention(from: next, of: option, tokens, options) else { return }   // not `Choose the liver and you…`
        record(option, negated: false)
    }

    static let pickVerbs: Set<String> = ["pick", "choose", "select"]
    static let closing: Set<Unicode.Scalar> = [",", ".", ";", ":"]

    /// `The odd one out is nitrogen`, `Nitrogen is the odd one out`, for a question asking for the
    /// false, wrong or NOT one (elsewhere the odd one out is a wrong option): the option named
    /// closes its clause, or its whole text opens the clause before `is the odd one out`.
    private mutating func readOddOneOut(at index: Int, _ tokens: [EvidenceToken], _ options: [[String]]) {
        guard asksForAWrongOne, index + 2 < tokens.count, tokens[index].text == "odd", tokens[index + 1].text == "one",
              tokens[index + 2].text == "out", index > 0, tokens[index - 1].text == "the" else { return }
        let after = index + 3
        // Not a denial: `The odd one out is not mercury`, `…isn't the bat`.
        guard !tokens[index...].prefix(6).contains(where: { $0.cues.contains(.verbalNegation) || ["not", "never", "t"].contains($0.text) })
        else { return }
        if after + 1 < tokens.count, tokens[after].text == "is", tokens[after + 1].boundary == .none,
           let option = Self.named(at: after + 1, tokens, options), Self.closesMention(from: after + 1, of: option, tokens, options) {
            record(option, negated: false)
            return
        }
        // `Nitrogen is the odd one out`: the subject is one option's whole text, opening its clause.
        guard index >= 2, tokens[index - 2].text == "is", after == tokens.count || tokens[after].boundary >= .comma else { return }
        let verb = index - 2
        var start = verb - 1
        while start > 0, tokens[start].boundary < .comma { start -= 1 }
        guard start >= 0, start < verb else { return }
        let stems = tokens[start..<verb].filter(\.isContent).map(\.stem)
        let matching = options.indices.filter { !options[$0].isEmpty && options[$0] == stems }
        if matching.count == 1 { record(matching[0], negated: false) }
    }

    private mutating func record(_ option: Int, negated: Bool, byLetter: Bool = false) {
        // A statement before the explanation corrects itself (`The answer is B. Wait, actually it
        // is D.`) no longer counts.
        if let correction = correctionSentence, currentSentence < correction { return }
        if negated { denied.insert(option) } else { stated.insert(option) }
        if negated, byLetter { deniedByLetter.insert(option); letterDenials += 1 }
    }

    /// `C. elegans`, `E. coli`: an initial and a full stop, then the rest of an option's words
    /// (`Caenorhabditis elegans`), that option's only: the option and one past the last token.
    static func abbreviated(from start: Int, _ tokens: [EvidenceToken], _ options: [[String]]) -> (option: Int, end: Int)? {
        guard start + 1 < tokens.count, tokens[start].isCapitalized, tokens[start].after == ".",
              tokens[start].text.unicodeScalars.count == 1, let initial = tokens[start].text.first else { return nil }
        // Further initials (`C. S. Lewis`) are passed over on both sides: an option's own may be no word of it.
        var position = start + 1
        while position < tokens.count, tokens[position].text.unicodeScalars.count == 1, tokens[position].after == "." { position += 1 }
        let rests = options.map { Array($0.dropFirst().filter { $0.unicodeScalars.count > 1 }) }
        // `A. A. Milne`, `A. Milne`: the initial `a` is an article to the option's words, which keep only
        // `milne`; so are two initials or more (`J. R. R. Tolkien` for the option `Tolkien`).
        let bareName = initial == "A" || position - start >= 2
        var ends: [Int: Int] = [:]
        for option in options.indices {
            let words = options[option]
            if words.count >= 2, words[0].first == initial, !rests[option].isEmpty,
               tokens[position...].prefix(rests[option].count).map(\.stem).elementsEqual(rests[option]) {
                ends[option] = position + rests[option].count
            } else if bareName, !words.isEmpty, words.allSatisfy({ $0.unicodeScalars.count > 1 }),
                      tokens[position...].prefix(words.count).map(\.stem).elementsEqual(words) {
                ends[option] = position + words.count
            }
        }
        guard ends.count == 1, let (option, end) = ends.first else { return nil }
        return (option, end)
    }

    /// `C. Darwin` where Darwin is another option than C: the initial of a name or the letter
    /// before a sentence on that name; which cannot be told.
    static func initialOfAnother(at index: Int, _ tokens: [EvidenceToken], _ options: [[String]]) -> Bool {
        guard index + 1 < tokens.count, tokens[index].isCapitalLetter, tokens[index].after == ".", tokens[index + 1].isCapitalized,
              let letter = LetterReference.letter(tokens[index], options.count, anyCase: false) else { return false }
        // The name closes its clause (`It's C. Darwin, in 1859.`); `B. Rome and Paris are…` is a letter
        // and a sentence.
        return options.indices.contains { option in
            let end = index + 1 + options[option].count
            return option != letter && !options[option].isEmpty && end <= tokens.count
                && tokens[(index + 1)..<end].map(\.stem).elementsEqual(options[option])
                && (end == tokens.count || tokens[end].boundary >= .comma)
        }
    }

    /// Two initials or more from `index` (`A. A. Milne`, `J. R. R. Tolkien`): a name, no letter.
    static func opensInitials(at index: Int, _ tokens: [EvidenceToken]) -> Bool {
        index + 2 < tokens.count && (index...index + 1).allSatisfy {
            tokens[$0].isCapitalized && tokens[$0].after == "." && tokens[$0].text.unicodeScalars.count == 1
        } && tokens[index + 2].isCapitalized
    }

    /// The option named at `index`: a letter reference, a bare capital letter, or the start of
    /// an option's text (the longest that matches, when only one does).
    static func named(at index: Int, _ tokens: [EvidenceToken], _ options: [[String]]) -> Int? {
        // `option 3`: the third option, or the option whose text is 3; neither is told.
        if numbersAnOption(at: index, tokens) { return nil }
        if let (option, _) = LetterReference.at(index, tokens, options.count, bareAtStart: false) { return option }
        if let (option, _) = abbreviated(from: index, tokens, options) { return option }   // `C. elegans`
        // `A. A. Milne` naming no option's words: initials of a name, no letter.
        if Self.opensInitials(at: index, tokens) || Self.initialOfAnother(at: index, tokens, options) { return nil }
        // A single letter that names no option by itself (a symbol, `Influenza B`, or lower case)
        // is not read as a part of an option's text either.
        if tokens[index].text.unicodeScalars.count == 1, LetterReference.letter(tokens[index], options.count, anyCase: true) != nil,
           !tokens[index].isCapitalLetter { return nil }
        if tokens[index].text == "the", index + 1 < tokens.count,
           let option = LetterReference.ordinal(at: index + 1, tokens, options.count) { return option }
        // `the second,` alone, where an option is `Second law`: its place or that option.
        if tokens[index].text == "the", index + 1 < tokens.count, !tokens[index + 1].mayNamePlace,
           index + 2 == tokens.count || tokens[index + 2].boundary >= .comma { return nil }
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

    /// `option 3`, `choice 2`, `answer 4`: a reference noun and a number, which may be the option's
    /// place or an option's text.
    static func numbersAnOption(at index: Int, _ tokens: [EvidenceToken]) -> Bool {
        index + 1 < tokens.count && LetterReference.referenceNouns.contains(tokens[index].text)
            && tokens[index + 1].kind == .number && tokens[index + 1].boundary == .none
    }

    /// `the correct answer is the cuckoo: …` for the option `Common cuckoo`: a phrase up to the
    /// next punctuation whose words are all in one option, and in no other.
    private static func namedInPart(from start: Int, _ tokens: [EvidenceToken], _ options: [[String]]) -> Int? {
        guard start < tokens.count else { return nil }
        var end = start + 1
        while end < tokens.count, tokens[end].boundary == .none, tokens[end - 1].after == nil, end - start < 6 { end += 1 }
        let content = tokens[start..<end].filter(\.isContent).map(\.stem)
        guard let head = content.first else { return nil }
        let words = Set(content)
        let holding = options.indices.filter { words.isSubset(of: Set(options[$0])) }
        if holding.count == 1 { return holding[0] }
        // `the score function` for the option `The score of the noisy marginal`: the words any
        // option has, the first among them, are all in one option and in no other.
        let known = words.filter { word in options.contains { $0.contains(word) } }
        let holdingKnown = options.indices.filter { known.isSubset(of: Set(options[$0])) }
        guard holding.isEmpty, known.contains(head), holdingKnown.count == 1 else { return nil }
        let other = options.indices.filter { $0 != holdingKnown[0] }
        return other.contains { !Set(options[$0]).isDisjoint(with: known) } ? nil : holdingKnown[0]
    }

    static let answerNouns: Set<String> = ["answer", "option", "choice", "response", "alternative", "statement"]
    /// Words a colon may follow before a statement without naming a case: `Correct: C`, `Answer: C`.
    static let answerLabels: Set<String> = ["answer", "correct", "explanation", "solution", "key", "why", "reason", "note",
                                            "hint", "rationale", "feedback", "here", "so", "thus", "therefore", "hence",
                                            // a correction's own label (`Correction: the answer is C`)
                                            "correction", "update", "erratum", "edit", "wait",
                                            // a verdict on what came before (`Wrong: the answer is C`, `B? No: …`)
                                            "wrong", "incorrect", "no", "nope"]
    static let givenAnswers: Set<String> = ["obvious", "intuitive", "common", "popular", "expected", "first", "naive", "usual",
                                            "typical", "tempting", "instinctive", "quick", "wrong", "incorrect"]
    static let connectives: Set<String> = ["therefore", "thus", "then", "again", "clearly", "hence"]
    static let rightWords: Set<String> = ["correct", "right", "true", "best", "accurate"]
    /// Words that grant an option credit without calling it right: with `also` or `too` they give a
    /// second key (`B is also accepted by some graders`).
    static let acceptedWords: Set<String> = ["accepted", "acceptable", "valid", "allowed", "credited", "defensible", "accept",
                                             "accepts"]
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
        if ["option", "choice", "answer", "letter", "statement"].contains(token.text), index + 1 < tokens.count,
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
        guard index > 0, tokens[index - 1].text == "the", tokens[index].boundary == .none, tokens[index].mayNamePlace,
              let place = ordinals.firstIndex(of: tokens[index].text) else { return nil }
        let option = place == ordinals.count - 1 ? count - 1 : place
        guard option >= 0, option < count else { return nil }
        let next = index + 1 < tokens.count ? tokens[index + 1] : nil
        if let next, next.boundary == .none {
            // `the third one` closing its clause names the option; `the last one left` does not.
            if next.text == "one" {
                let after = index + 2 < tokens.count ? tokens[index + 2] : nil
                return after == nil || after!.boundary >= .comma ? option : nil
            }
            return referenceNouns.contains(next.text) ? option : nil
        }
        var earlier = index - 1
        // Back through its clause, at most twelve words: `the second, ` repeated is no long walk.
        while earlier > 0, earlier > index - 13, tokens[earlier].boundary < .clause {
            earlier -= 1
            if ["option", "options", "choice", "choices", "answer", "answers"].contains(tokens[earlier].text) { return option }
        }
        return nil
    }

    /// The nouns an ordinal names an option with: `the second option`, `the third choice`.
    static let referenceNouns: Set<String> = ["option", "choice", "answer", "alternative", "statement"]

    static let ordinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "last"]

    /// A capital letter naming an option, wherever it stands (`So C.`): the option, one token.
    static func bareLetter(at index: Int, _ tokens: [EvidenceToken], _ count: Int) -> (Int, Int)? {
        guard tokens[index].isCapitalLetter, let option = letter(tokens[index], count, anyCase: false) else { return nil }
        return (option, 1)
    }

    static func letter(_ token: EvidenceToken, _ count: Int, anyCase: Bool) -> Int? {
        guard token.text.unicodeScalars.count == 1, let scalar = token.text.unicodeScalars.first,
              (97...104).contains(scalar.value), anyCase || token.isCapitalLetter else { return nil }
        let option = Int(scalar.value) - 97
        return option < count ? option : nil
    }
}
