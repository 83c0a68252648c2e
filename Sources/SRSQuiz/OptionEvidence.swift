import Foundation

/// What an explanation says for and against each option of an item (see `KeyInference`).
///
/// A word weighs ln(n / k) when k of the n options contain it, and nothing when it is in the
/// question: words every option shares, or that only repeat the question, tell nothing. An
/// option is *mentioned* in a segment by a verbatim quote of its text (all its content words in
/// order: `99.7%`, `Vitamin D`, `git revert`), by a letter reference (`option B`, `(B)`), or
/// by its distinguishing words; a segment that quotes some option credits no other by shared
/// words. The question's own words (not in any option) said in a segment that mentions one
/// option count for that option, the more the fewer options they are said of: this weighs
/// options that are all named by what is said of each.
struct OptionEvidence {
    private(set) var support: [Double]
    private(set) var against: [Double]
    private(set) var matchedWords: [Int]
    private(set) var quoted: [Bool]
    /// The question's own words said of each option.
    private(set) var focusWords: [Int] = []
    /// The options the explanation names at all, for or against or neither: quoted, by letter,
    /// or by a distinguishing word that is not also the question's.
    private(set) var named: Set<Int> = []
    /// Options that are names (`HTTP`, `Eventual consistency`) quoted in a part of the
    /// explanation that says something more of them (`Plain HTTP sends everything in the clear`),
    /// not just the option as the answer (`It is 99.7%.`, `In 1989.`).
    private(set) var describedNames: Set<Int> = []
    private(set) var isNegativeQuestion = false
    /// The question is in the negative or asks for a false, wrong or incorrect statement (`Which
    /// statement is false?`): there `B is false` may name the key.
    private(set) var asksForAWrongOne = false
    /// The question's own words, found in no option (`OptionProfile.focus`).
    private(set) var questionFocus: Set<String> = []
    let stated: StatedKeys

    var net: [Double] { zip(support, against).map { $0 - $1 } }

    /// Whether `option` is a name that the explanation describes without saying anything of it
    /// that the question asks, and without denying any other option: `Eventual consistency only
    /// promises that replicas converge…` for *which model guarantees that every later read
    /// returns a write?*, or `The Bilbao museum is Frank Gehry's, and the Pompidou was the work
    /// of Renzo Piano` for *designed by Zaha Hadid?*, read just as an explanation of the key
    /// would, and may speak of wrong options only. (An explanation that restates an option's
    /// content in its words, gives just the option, `In 1989.`, or sets the key against a
    /// denied option, `Although Mercury is closest…, Venus is hotter`, does not.) In a question
    /// asked in the negative, only a name named alone.
    func isDescribedWithoutTheQuestion(_ option: Int) -> Bool {
        guard describedNames.contains(option), focusWords.isEmpty || focusWords[option] == 0,
              !against.indices.contains(where: { $0 != option && against[$0] > 0 }) else { return false }
        return !isNegativeQuestion || named.subtracting([option]).isEmpty
    }

    /// A quote or letter reference, or at least two of its distinguishing words, or one with
    /// at least three of the question's own words said of it (the question's words add weight,
    /// not evidence of their own: one shared word such as `recall` and the question's
    /// `practice` beside it are not enough).
    func isSubstantial(_ option: Int) -> Bool {
        quoted[option] || matchedWords[option] >= 2
            || (matchedWords[option] == 1 && !focusWords.isEmpty && focusWords[option] >= 3)
    }

    /// 1 for a quote; else the words matched, as a share of three.
    func strength(_ option: Int) -> Double { quoted[option] ? 1 : min(1, Double(words(option)) / 3) }

    private func words(_ option: Int) -> Int { matchedWords[option] + (focusWords.isEmpty ? 0 : focusWords[option]) }

    /// The keys `explanation` states, read as `init` reads them but without weighing the options
    /// (an explanation beside a written key is read only for a key stated against it).
    static func statedKeys(question: String, options: [String], explanation: String) -> StatedKeys {
        let profile = OptionProfile(question: question, options: options)
        return statedKeys(reading(explanation, profile), profile)
    }

    private static func reading(_ explanation: String, _ profile: OptionProfile) -> ExplanationReading {
        var reading = ExplanationReading(explanation, options: profile.optionTokens)
        if profile.isNegativeQuestion { reading.readForNegativeQuestion() }
        return reading
    }

    private static func statedKeys(_ reading: ExplanationReading, _ profile: OptionProfile) -> StatedKeys {
        StatedKeys(reading.tokens, options: profile.sequences, asked: profile.questionWords,
                   asksForAWrongOne: profile.asksForAWrongOne, symbolLetters: profile.symbolLetters,
                   optionSymbolLetters: profile.optionSymbolLetters,
                   verdictWordsAsked: profile.verdictWordsAsked)
    }

    init(question: String, options: [String], explanation: String) {
        let profile = OptionProfile(question: question, options: options)
        var reading = Self.reading(explanation, profile)
        let count = options.count
        support = Array(repeating: 0, count: count)
        against = support
        matchedWords = Array(repeating: 0, count: count)
        quoted = Array(repeating: false, count: count)
        stated = Self.statedKeys(reading, profile)
        isNegativeQuestion = profile.isNegativeQuestion
        asksForAWrongOne = profile.asksForAWrongOne
        questionFocus = profile.focus
        var units = Self.units(reading, profile)
        for unit in units {
            named.formUnion(unit.mentions.filter { $0.value.quoted || !$0.value.stems.isSubset(of: profile.questionWords) }.keys)
            guard unit.mentions.count == 1, let option = unit.mentions.keys.first, profile.isName(option) else { continue }
            let own = profile.sequences[option]
            if reading.tokens[unit.range].contains(where: {
                $0.isContent && !own.contains($0.stem) && !profile.questionWords.contains($0.stem)
            }) {
                describedNames.insert(option)
            }
        }
        Self.denyWhatTheQuestionAsks(&reading, &units, profile)
        add(units, reading, profile)
        for option in stated.denied { against[option] += 3 }
    }

    /// One part of a segment and the options it mentions.
    struct Unit {
        var segment: Int
        var range: Range<Int>
        var mentions: [Int: Mention]
    }

    /// An option named in a unit: by which of its words (all of them for a quote).
    struct Mention {
        var stems: Set<String>
        var quoted: Bool
        var weight: Double
    }

    /// The segments, a segment naming several options split at `and`/`or` when each part then
    /// names one (`iron is a metal and argon a noble gas`).
    static func units(_ reading: ExplanationReading, _ profile: OptionProfile) -> [Unit] {
        var units: [Unit] = []
        for (index, segment) in reading.segments.enumerated() {
            let whole = Unit(segment: index, range: segment.range,
                             mentions: profile.mentions(in: segment.range, reading.tokens))
            let parts = split(whole, reading, profile)
            units += parts.filter { !$0.mentions.isEmpty }.count >= 2
                && parts.allSatisfy({ $0.mentions.count <= 1 }) ? parts : [whole]
        }
        return units
    }

    private static func split(_ unit: Unit, _ reading: ExplanationReading, _ profile: OptionProfile) -> [Unit] {
        guard unit.mentions.count >= 2 else { return [unit] }
        var parts: [Unit] = []
        var start = unit.range.lowerBound
        for index in unit.range where index > start && ["and", "or"].contains(reading.tokens[index].text) {
            parts.append(Unit(segment: unit.segment, range: start..<index, mentions: profile.mentions(in: start..<index, reading.tokens)))
            start = index
        }
        let end = unit.range.upperBound
        parts.append(Unit(segment: unit.segment, range: start..<end, mentions: profile.mentions(in: start..<end, reading.tokens)))
        // `both the Mariana and the Tonga trenches plunge…`: a part that is only an option's
        // name shares the next part's predicate, so the segment names both.
        let bare = parts.dropLast().contains { part in
            part.mentions.count == 1 && reading.tokens[part.range].filter(\.isContent)
                .allSatisfy { token in part.mentions.values.contains { $0.stems.contains(token.stem) } }
        }
        return bare ? [unit] : parts
    }

    /// `A was dictator, not emperor`: a denial of the question's own words that names no
    /// option denies them to the options named before it in the clause.
    private static func denyWhatTheQuestionAsks(_ reading: inout ExplanationReading, _ units: inout [Unit],
                                                _ profile: OptionProfile) {
        for unit in units where unit.mentions.isEmpty {
            let segment = reading.segments[unit.segment]
            guard segment.opensDenial, segment.polarity == .negative,
                  reading.tokens[unit.range].contains(where: { profile.focus.contains($0.stem) }) else { continue }
            reading.negateBefore(unit.segment)
            if segment.clause > 0, opensWithoutSubject(segment.clause, reading) { reading.negateClause(segment.clause - 1) }
        }
    }

    /// `DHCP hands out addresses but does not resolve names`: a clause of `but`, `yet` or `and`
    /// and a negated verb, with no subject of its own, says its denial of the previous clause's
    /// subject.
    static func opensWithoutSubject(_ clause: Int, _ reading: ExplanationReading) -> Bool {
        guard let first = reading.segments.first(where: { $0.clause == clause })?.range.lowerBound,
              ["but", "yet", "and"].contains(reading.tokens[first].text) else { return false }
        var index = first + 1
        while index < reading.tokens.count, auxiliaries.contains(reading.tokens[index].text) { index += 1 }
        return index < reading.tokens.count && reading.tokens[index].cues.contains(.verbNegation)
    }

    static let pronouns: Set<String> = ["it", "its", "this", "they", "their", "he", "his", "she", "her"]

    static let auxiliaries: Set<String> = ["does", "do", "did", "is", "are", "was", "were", "can", "could", "will",
                                           "would", "has", "have", "had", "should", "may", "might", "must"]

    /// Adds what the units say, each piece of evidence once: an option quoted three times, or a
    /// word of it said in three places, is not three times as likely the key.
    private mutating func add(_ units: [Unit], _ reading: ExplanationReading, _ profile: OptionProfile) {
        var focusHits = Array(repeating: Set<String>(), count: support.count)
        var tally = Array(repeating: Tally(), count: support.count)
        var subject: (clause: Int, option: Int)?
        var named: (option: Int, mention: Mention)?
        let hedged = Self.hedgedOptions(units, reading)
        let otherWay = Self.anotherWayTaken(units, reading) ?? Self.theQuestionsCase(reading)
        var deniedByQuote: [Int: Set<Int>] = [:]
        for unit in units where reading.segments[unit.segment].polarity == .negative {
            deniedByQuote[reading.segments[unit.segment].clause, default: []].formUnion(unit.mentions.filter(\.value.quoted).keys)
        }
        for (index, var unit) in units.enumerated() {
            var segment = reading.segments[unit.segment]
            if let otherWay, unit.segment < otherWay, segment.polarity == .positive { segment.polarity = .neutral }
            if profile.specifics.speakOfAnotherCase(unit.range, reading.tokens)
                || profile.ranksByAnotherMeasure(unit.range, reading.tokens)
                || profile.saysTheOpposite(unit.range, reading.tokens) { segment.polarity = .neutral }
            if profile.asksForTheMost, segment.polarity == .positive,
               OptionProfile.givesOnlyALittle(unit.range, reading.tokens) { segment.polarity = .negative }
            if profile.asksSuperlative, segment.polarity == .positive,
               OptionProfile.ranksBelowFirst(unit.range, reading.tokens) {
                segment.polarity = .negative
                // `The Paraná flows… Its basin is the second largest`: a pronoun speaks of the
                // option named last.
                if unit.mentions.isEmpty, let named, Self.pronouns.contains(reading.tokens[unit.range.lowerBound].text) {
                    tally[named.option].add(named.mention, positive: false, factor: 1)
                }
            }
            if unit.mentions.count == 1, let only = unit.mentions.first { named = (only.key, only.value) }
            if unit.mentions.count > 1 { named = nil }
            let recounted = profile.specifics.countingSomethingElse(unit.range, reading.tokens)
            if !recounted.isEmpty {
                unit.mentions = unit.mentions.filter { !profile.sequences[$0.key].contains(where: recounted.contains) }
            }
            if let corrected = hedged[segment.clause - 1], Self.opensCorrection(segment.clause, reading) {
                unit.mentions = unit.mentions.filter { !corrected.contains($0.key) }
            }
            let opening = reading.tokens[unit.range.lowerBound].text
            if !unit.mentions.isEmpty || segment.polarity == .negative || ["and", "or", "but"].contains(opening) {
                subject = nil
            }
            if unit.mentions.isEmpty, let subject, subject.clause == segment.clause, segment.polarity == .positive,
               !Self.isBareNoun(unit, reading) {
                focusHits[subject.option].formUnion(Self.focusSaid(in: unit.range, reading, profile))
            }
            if unit.mentions.count == 1, let option = unit.mentions.keys.first, segment.polarity == .positive,
               Self.restates(unit, reading) {
                focusHits[option].formUnion(Self.earlierWords(index, units, reading).filter(profile.focus.contains))
            }
            guard segment.polarity != .neutral else { continue }
            for (option, mention) in unit.mentions {
                guard let positive = Self.says(option, unit, segment, reading, profile) else { continue }
                // `instead of a pitched roof, a usable roof garden`: a word of an option its clause
                // denies by quote names what replaces it, not the option.
                if positive, !mention.quoted, deniedByQuote[segment.clause, default: []].contains(option) { continue }
                tally[option].add(mention, positive: positive, factor: segment.weight)
            }
            if segment.polarity == .positive, unit.mentions.count == 1, let option = unit.mentions.keys.first,
               Self.says(option, unit, segment, reading, profile) == true {
                focusHits[option].formUnion(Self.focusSaid(in: unit.range, reading, profile))
                subject = (segment.clause, option)
            }
        }
        for option in tally.indices {
            support[option] = tally[option].sum(positive: true, profile.weights)
            against[option] = tally[option].sum(positive: false, profile.weights)
            matchedWords[option] = tally[option].positiveWords.count
            quoted[option] = tally[option].positiveQuote > 0
        }
        addFocus(focusHits)
        if profile.isNegativeQuestion { eliminate(units, reading, profile) }
    }

    /// `Which is NOT by Tolstoy?` — `War and Peace, Anna Karenina and The Death of Ivan Ilyich
    /// are all Tolstoy's; Crime and Punishment is by Dostoevsky`: in a question asked in the
    /// negative, every option but one named in a clause that affirms the question's own words,
    /// and that one named elsewhere, is the key, as if quoted.
    private mutating func eliminate(_ units: [Unit], _ reading: ExplanationReading, _ profile: OptionProfile) {
        var affirmed = Set<Int>(), named: [Int: Double] = [:]
        var clauses: [Int: (options: Set<Int>, focus: Bool)] = [:]
        for unit in units where !unit.mentions.isEmpty {
            let segment = reading.segments[unit.segment]
            for (option, mention) in unit.mentions { named[option] = max(named[option] ?? 0, mention.weight) }
            guard segment.affirms else { continue }
            clauses[segment.clause, default: ([], false)].options.formUnion(unit.mentions.keys)
        }
        for segment in reading.segments where segment.affirms && clauses[segment.clause] != nil {
            if reading.tokens[segment.range].contains(where: { profile.focus.contains($0.stem) }) {
                clauses[segment.clause]?.focus = true
            }
        }
        for clause in clauses.values where clause.focus { affirmed.formUnion(clause.options) }
        let left = support.indices.filter { !affirmed.contains($0) }
        guard left.count == 1, let key = left.first, let weight = named[key], against[key] == 0,
              affirmed.allSatisfy({ support[$0] == 0 }) else { return }
        support[key] += weight
        quoted[key] = true
    }

    /// Whether a unit speaks for (true) or against (false) an option it names, nil for neither.
    /// An option that is a negative statement (`Rome had no written laws`) is denied by a
    /// clause without a negation that says all the words its negation denies (`Rome had
    /// written law`).
    static func says(_ option: Int, _ unit: Unit, _ segment: ExplanationReading.Segment,
                     _ reading: ExplanationReading, _ profile: OptionProfile) -> Bool? {
        guard segment.polarity != .neutral else { return nil }
        let denied = profile.negatedWords[option]
        guard segment.polarity == .positive, !denied.isEmpty, !profile.isNegativeQuestion,
              !reading.negatedClauses.contains(segment.clause) else { return segment.polarity == .positive }
        return !denied.isSubset(of: Set(reading.tokens[unit.range].map(\.stem)))
    }

    /// Per hedged clause, the options it names: `It is tempting to think of phishing here, but
    /// phishing tricks people…` names phishing as what one might think, and the clause that
    /// answers it with `but` describes it without making it the key.
    static func hedgedOptions(_ units: [Unit], _ reading: ExplanationReading) -> [Int: Set<Int>] {
        var result: [Int: Set<Int>] = [:]
        for unit in units where !unit.mentions.isEmpty {
            let clause = reading.segments[unit.segment].clause
            if reading.hedgedClauses.contains(clause) { result[clause, default: []].formUnion(unit.mentions.keys) }
        }
        return result
    }

    static func opensCorrection(_ clause: Int, _ reading: ExplanationReading) -> Bool {
        guard let first = reading.segments.first(where: { $0.clause == clause })?.range.lowerBound else { return false }
        return ["but", "however", "yet"].contains(reading.tokens[first].text)
    }

    /// `…, that is 20%`, `i.e. X`, `namely X`, `…, which rounds to X`: the unit names what the
    /// units before it in its clause described.
    static func restates(_ unit: Unit, _ reading: ExplanationReading) -> Bool {
        let words = reading.tokens[unit.range].prefix(2).map(\.text)
        return words == ["that", "is"] || words == ["i", "e"] || words.first == "namely"
            || (words.first == "which" && words.count == 2 && restatingVerbs.contains(words[1])
                && !["why", "how", "what", "where", "when", "who"].contains(reading.tokens[unit.range].dropFirst(2).first?.text ?? ""))
    }

    /// `Load-bearing masonry reaches its limit at sixteen storeys… Jenney's building took a
    /// different route`: a part that names no option and says that another way was taken says
    /// that what was described before it is not the answer. Its segment, when there is one.
    static func anotherWayTaken(_ units: [Unit], _ reading: ExplanationReading) -> Int? {
        let tokens = reading.tokens
        guard let firstNaming = units.lazy.filter({ !$0.mentions.isEmpty }).map(\.segment).min() else { return nil }
        for unit in units where unit.mentions.isEmpty && unit.segment > firstNaming {
            let found = unit.range.dropLast().contains { index in
                ["different", "another", "other"].contains(tokens[index].text)
                    && ways.contains(tokens[index + 1].text) && tokens[index + 1].boundary == .none
            }
            if found { return unit.segment }
        }
        return nil
    }

    /// `Preimage resistance is about inverting a given output; second-preimage resistance fixes
    /// one input… Here the attacker is free to choose both inputs…`: a sentence opened by `Here`
    /// or `In this case` turns to the question's case; what the sentences before it described
    /// were the cases it is told apart from. Its first segment, when there is one.
    static func theQuestionsCase(_ reading: ExplanationReading) -> Int? {
        let tokens = reading.tokens
        return reading.segments.firstIndex { segment in
            let start = segment.range.lowerBound
            guard start > 0, tokens[start].boundary == .sentence else { return false }
            if tokens[start].text == "here" { return start + 1 < tokens.count && tokens[start + 1].boundary == .none }
            return tokens[start...].prefix(3).map(\.text) == ["in", "this", "case"]
        }
    }

    static let ways: Set<String> = ["route", "approach", "way", "path", "solution", "method", "tack", "direction", "design"]

    /// The question's own words in `range`, but not one after a comparative (`usually has fewer
    /// keys` for *Which instrument has 88 keys?* compares, it does not say `keys` of it).
    static func focusSaid(in range: Range<Int>, _ reading: ExplanationReading, _ profile: OptionProfile) -> [String] {
        range.compactMap { index in
            let token = reading.tokens[index]
            guard profile.focus.contains(token.stem) else { return nil }
            if index > range.lowerBound, comparatives.contains(reading.tokens[index - 1].text) { return nil }
            return token.stem
        }
    }

    static let comparatives: Set<String> = ["fewer", "more", "less", "greater", "smaller", "larger", "higher", "lower",
                                            "longer", "shorter", "older", "younger", "heavier", "lighter"]

    /// `…the primary, yeast fermentation`: a part of two content words or fewer, nothing else,
    /// that ends its clause qualifies the noun before it, and says nothing of the clause's
    /// subject. (Three words are as often a predicate: `…, spans seven semitones`.)
    static func isBareNoun(_ unit: Unit, _ reading: ExplanationReading) -> Bool {
        let tokens = reading.tokens
        let end = unit.range.upperBound
        return unit.range.count <= 2 && (end == tokens.count || tokens[end].boundary >= .clause)
            && tokens[unit.range].allSatisfy { $0.isContent && $0.kind == .word }
    }

    static let restatingVerbs: Set<String> = ["is", "rounds", "comes", "amounts", "equals", "makes", "gives"]

    static func earlierWords(_ index: Int, _ units: [Unit], _ reading: ExplanationReading) -> [String] {
        let clause = reading.segments[units[index].segment].clause
        var words: [String] = []
        var earlier = index - 1
        while earlier >= 0, reading.segments[units[earlier].segment].clause == clause, units[earlier].mentions.isEmpty {
            words += reading.tokens[units[earlier].range].map(\.stem)
            earlier -= 1
        }
        return words
    }

    /// One option's evidence, each word and quote counted once at its largest weight.
    struct Tally {
        var positiveWords: [String: Double] = [:], negativeWords: [String: Double] = [:]
        var positiveQuote = 0.0, negativeQuote = 0.0

        mutating func add(_ mention: Mention, positive: Bool, factor: Double) {
            for stem in mention.stems {
                if positive { positiveWords[stem] = max(positiveWords[stem] ?? 0, factor) } else { negativeWords[stem] = 1 }
            }
            guard mention.quoted else { return }
            if positive { positiveQuote = max(positiveQuote, factor) } else { negativeQuote = 1 }
        }

        func sum(positive: Bool, _ weights: [String: Double]) -> Double {
            let words = positive ? positiveWords : negativeWords
            return (positive ? positiveQuote : negativeQuote) + words.reduce(0) { $0 + (weights[$1.key] ?? 0) * $1.value }
        }
    }

    private mutating func addFocus(_ hits: [Set<String>]) {
        focusWords = hits.map(\.count)
        var saidOf: [String: Int] = [:]
        for words in hits { for word in words { saidOf[word, default: 0] += 1 } }
        let count = Double(support.count + 1)
        for option in hits.indices {
            support[option] += hits[option].reduce(0) { $0 + log(count / Double(saidOf[$1] ?? 1)) }
        }
    }
}
