/// An explanation cut into segments (comma-separated parts of clauses), each with what it
/// says of the options it names: for them (positive), against them (negative: `not`, `unlike`,
/// `rather than`, `a common mistake is`, `although`), or neither (neutral: hedges such as
/// `many people think`, `might`, and comparisons such as `than`, `before`, `after`).
struct ExplanationReading {
    enum Polarity: Equatable { case positive, negative, neutral }

    struct Segment {
        var range: Range<Int>
        var clause: Int
        var polarity: Polarity
        /// Opened by `not`, `no`, `never`…: a verbal negation.
        var negatedByVerb = false
        /// How much what it says counts: half in a clause that a `but`, `however` or `yet`
        /// clause corrects (`introduced in 1999, but notes only arrived in 2002`).
        var weight = 1.0
        /// Opened by a negation or contrast (`not`, `unlike`, `rather than`), not by a mistake
        /// named in its clause: what follows is denied.
        var opensDenial = false
        /// Read for a question asked in the negative: the segment affirms what it says.
        var affirms = false
    }

    let tokens: [EvidenceToken]
    private(set) var segments: [Segment] = []
    /// Clauses holding a verbal negation anywhere.
    private(set) var negatedClauses: Set<Int> = []

    /// Clauses made hypothetical by a hedge (`many people think`, `might`, an opening `if`).
    private(set) var hedgedClauses: Set<Int> = []
    /// Clauses opened by `if` or `unless`.
    private var conditionalClauses: Set<Int> = []

    /// `options`: each option's tokens, so that abbreviations of them are read (`Abbreviations`).
    init(_ text: String, options: [[EvidenceToken]] = []) {
        tokens = Abbreviations.expand(EvidenceTokens.tokens(text), options: options)
        cut()
        denySubjects()
        applyClauseCues()
        halveConcededClauses()
    }

    /// `a brighter lamp does not change that`, `Mercury is not the hottest`: a verb negated in
    /// the middle of a segment (`not`, `never`, `cannot`, `n't`) denies the subject before it in
    /// that segment too, when the subject is a plain phrase (no `and`, `so`, `because`, `which`…
    /// before it: `so history is not rewritten` denies nothing of what came before). After a
    /// comma (`A, not B`) it denies only what follows; `no` and `none` (`carry no antigens`)
    /// deny only their noun. A comparison before it stays one (`closer than half the wavelength
    /// cannot be told apart` denies nothing of the wavelength).
    private mutating func denySubjects() {
        for index in segments.indices.dropFirst() where segments[index].negatedByVerb {
            let start = segments[index].range.lowerBound
            let token = tokens[start], previous = segments[index - 1]
            guard token.cues.contains(.verbNegation), token.boundary < .comma,
                  previous.clause == segments[index].clause,
                  !tokens[previous.range].contains(where: { $0.cues.contains(.subjectBreak) }),
                  start + 1 >= tokens.count || tokens[start + 1].text != "only",
                  previous.polarity == .positive else { continue }
            segments[index - 1].polarity = .negative
        }
    }

    static let subjectBreaks: Set<String> = ["and", "so", "because", "since", "therefore", "thus", "hence",
                                             "which", "that", "as", "when", "while", "whether", "if"]

    private mutating func halveConcededClauses() {
        var conceded = Set<Int>()
        for segment in segments where segment.range.lowerBound > 0 {
            let first = tokens[segment.range.lowerBound].text
            if ["but", "however", "yet"].contains(first) { conceded.insert(segment.clause - 1) }
        }
        for index in segments.indices where conceded.contains(segments[index].clause) { segments[index].weight = 0.5 }
    }

    // MARK: Cutting

    private mutating func cut() {
        var clause = 0
        var current: Segment?
        var sticky: Polarity?
        // A verbal negation (`cannot be told apart`) denies its predicate: a `, which…` after it
        // speaks of a noun before it, where `unlike X, which…` still speaks of X.
        var stickyVerbal = false
        for index in tokens.indices {
            let token = tokens[index]
            let newClause = index > 0 && (token.boundary >= .clause || token.cues.contains(.clauseWord))
            if newClause { clause += 1; sticky = nil }
            var cue = Self.cue(at: index, in: tokens)
            if token.cues.contains(.conditional) {
                let opening = index == 0 || newClause || current.map({ $0.range.count <= 1 && $0.clause == clause }) == true
                if opening { conditionalClauses.insert(clause) } else { cue = .neutral }
            }
            let comma = token.boundary == .comma
            if index == 0 || newClause || comma || cue != nil {
                if let segment = current { segments.append(segment) }
                if comma, !token.cues.contains(.continuation) || stickyVerbal { sticky = nil }
                if cue != nil { sticky = nil }
                var segment = Segment(range: index..<index, clause: clause, polarity: cue ?? sticky ?? .positive)
                segment.negatedByVerb = token.cues.contains(.verbalNegation)
                segment.opensDenial = cue == .negative
                if cue == .negative || cue == .neutral {
                    sticky = cue
                    stickyVerbal = token.cues.contains(.verbalNegation)
                }
                current = segment
            }
            if token.cues.contains(.verbalNegation) { negatedClauses.insert(clause) }
            if let lower = current?.range.lowerBound { current?.range = lower..<(index + 1) }
        }
        if let segment = current { segments.append(segment) }
    }

    /// The polarity a cue at `index` opens, or nil when the token is no cue.
    static func cue(at index: Int, in tokens: [EvidenceToken]) -> Polarity? {
        let cues = tokens[index].cues
        guard !cues.isDisjoint(with: [.verbalNegation, .forwardNegative, .forwardNeutral, .phrase]) else { return nil }
        let word = tokens[index].text
        let next = index + 1 < tokens.count ? tokens[index + 1].text : ""
        if verbalNegations.contains(word) || forwardNegatives.contains(word) { return .negative }
        if (word == "rather" || word == "other") && next == "than" { return .negative }
        if (word == "instead" && next == "of") || (word == "opposed" || word == "contrary") { return .negative }
        let previous = index > 0 ? tokens[index - 1].text : ""
        if word == "than" && (previous == "rather" || previous == "other") { return nil }
        if forwardNeutrals.contains(word) { return .neutral }
        if word == "such" && next == "as" { return .neutral }
        return nil
    }

    /// Cues that colour a whole clause: a mistake named anywhere makes it negative; a hedge makes
    /// its positive segments neutral.
    private mutating func applyClauseCues() {
        var mistaken = Set<Int>(), hedged = Set<Int>()
        for segment in segments {
            var cues = Cues()
            for index in segment.range where !isEnumeratingEither(tokens[index], segment) && !isAdjective(index)
                && !isAttribution(index) {
                cues.formUnion(tokens[index].cues)
            }
            if cues.contains(.mistake) { mistaken.insert(segment.clause) }
            if cues.contains(.hedge) || conditionalClauses.contains(segment.clause) { hedged.insert(segment.clause) }
        }
        hedgedClauses = hedged
        for index in segments.indices {
            if mistaken.contains(segments[index].clause) { segments[index].polarity = .negative }
            if hedged.contains(segments[index].clause), segments[index].polarity == .positive {
                segments[index].polarity = .neutral
            }
        }
    }

    /// `a confused announcement`, `a confusing name`: `confused` or `confusing` between an
    /// article and a noun describes that noun (`often confused with`, `is confusing`, and
    /// `the wrong answer` still name a mistake).
    private func isAdjective(_ index: Int) -> Bool {
        guard ["confused", "confusing"].contains(tokens[index].text), index + 1 < tokens.count, index > 0
        else { return false }
        let next = tokens[index + 1]
        return next.boundary == .none && next.isContent && next.kind == .word
            && ["a", "an", "the"].contains(tokens[index - 1].text)
    }

    /// `Keynes argued that…`, `Montesquieu argues…`: a named thinker's argument is what the
    /// text attributes to that thinker, not a hedge (`some argue`, `one could argue` still are).
    private func isAttribution(_ index: Int) -> Bool {
        guard ["argue", "argues", "argued"].contains(tokens[index].text), index > 0 else { return false }
        let subject = tokens[index - 1]
        return subject.isCapitalized && subject.isContent && subject.kind == .word
    }

    /// `either slowly underground as granite or quickly at the surface as basalt`: an `either`
    /// with its `or` in the same segment lists alternatives; it hedges nothing.
    private func isEnumeratingEither(_ token: EvidenceToken, _ segment: Segment) -> Bool {
        token.text == "either" && tokens[segment.range].contains { $0.text == "or" }
    }

    /// For a question asked in the negative (`Which is not…`): what the explanation denies is
    /// the key, and what it affirms is the other options.
    mutating func readForNegativeQuestion() {
        for index in segments.indices where segments[index].polarity != .negative || segments[index].negatedByVerb {
            let negated = negatedClauses.contains(segments[index].clause)
            segments[index].affirms = !negated && segments[index].polarity == .positive
            segments[index].polarity = negated ? .positive : .neutral
        }
    }

    /// Marks every segment of `clause` negative.
    mutating func negateClause(_ clause: Int) {
        for index in segments.indices where segments[index].clause == clause { segments[index].polarity = .negative }
    }

    /// Marks the segments of `clause` before segment `index` negative: `A was dictator, not
    /// emperor` denies A what the question asks.
    mutating func negateBefore(_ index: Int) {
        var earlier = index - 1
        while earlier >= 0, segments[earlier].clause == segments[index].clause {
            segments[earlier].polarity = .negative
            earlier -= 1
        }
    }

    /// What a word does to the reading, as flags looked up once per token.
    struct Cues: OptionSet, Sendable {
        let rawValue: UInt16
        static let clauseWord = Cues(rawValue: 1), continuation = Cues(rawValue: 2)
        static let verbalNegation = Cues(rawValue: 4), verbNegation = Cues(rawValue: 8)
        static let forwardNegative = Cues(rawValue: 16), forwardNeutral = Cues(rawValue: 32)
        static let mistake = Cues(rawValue: 64), hedge = Cues(rawValue: 128)
        static let subjectBreak = Cues(rawValue: 256), phrase = Cues(rawValue: 512)
        /// A function word (stop word or cue only): never content.
        static let function = Cues(rawValue: 1024)
        /// `if`, `unless`: opening a clause, they make it hypothetical; inside one, only what follows.
        static let conditional = Cues(rawValue: 2048)
    }

    static let cueTable: [String: Cues] = {
        var table: [String: Cues] = [:]
        let sets: [(Set<String>, Cues)] = [
            (clauseWords, .clauseWord), (continuations, .continuation), (verbalNegations, .verbalNegation),
            (verbNegations, .verbNegation), (forwardNegatives, .forwardNegative), (forwardNeutrals, .forwardNeutral),
            (mistakeWords, .mistake), (hedgeWords, .hedge), (subjectBreaks, .subjectBreak),
            (["rather", "other", "instead", "opposed", "contrary", "such"], .phrase), (["if", "unless"], .conditional),
            (TextTokens.stopWords.union(EvidenceTokens.cueOnly), .function),
        ]
        for (words, cue) in sets { for word in words { table[word, default: []].insert(cue) } }
        return table
    }()

    static let clauseWords: Set<String> = ["but", "however", "whereas", "while", "yet", "nevertheless",
                                           "nonetheless", "although", "though"]
    static let continuations: Set<String> = ["or", "nor", "which", "who", "whose", "whom"]
    static let verbalNegations: Set<String> = ["not", "no", "never", "none", "cannot", "neither", "nor", "nothing"]
    static let verbNegations: Set<String> = ["not", "never", "cannot"]
    static let forwardNegatives: Set<String> = ["unlike", "except", "although", "though", "despite", "spite",
                                                "without"]
    static let forwardNeutrals: Set<String> = ["than", "before", "after", "until", "compared", "versus", "vs",
                                               "above", "below", "beyond",
                                               "earlier", "later", "previously", "formerly"]
    static let mistakeWords: Set<String> = ["mistake", "mistakes", "mistaken", "mistakenly", "misconception",
                                            "misconceptions", "wrong", "wrongly", "incorrect", "incorrectly",
                                            "false", "myth", "distractor", "fallacy", "confuse", "confused",
                                            "confusing", "erroneous", "erroneously", "misleading", "trap"]
    static let hedgeWords: Set<String> = ["think", "thinks", "thought", "believe", "believes", "believed",
                                          "assume", "assumes", "assumed", "guess", "guesses", "seem", "seems",
                                          "might", "could", "would", "tempting", "tempted", "plausible",
                                          "partly", "partially", "sometimes", "pick", "picks", "choose",
                                          "chooses", "popular", "intuitive", "intuitively", "suppose",
                                          "supposed", "either", "argue", "argues", "argued", "arguably", "perhaps",
                                          "possibly", "maybe", "component", "components", "contrast", "comparison"]
}
