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
    private var matchedWords: [Int]
    private var quoted: [Bool]
    /// The question's own words said of each option.
    private var focusWords: [Int] = []
    let stated: StatedKeys

    var net: [Double] { zip(support, against).map { $0 - $1 } }

    /// A quote or letter reference, or at least two of its distinguishing words (the
    /// question's words said of it add weight, never evidence of their own: one shared word
    /// such as `recall` and the question's `practice` beside it are not enough).
    func isSubstantial(_ option: Int) -> Bool { quoted[option] || matchedWords[option] >= 2 }

    /// 1 for a quote; else the words matched, as a share of three.
    func strength(_ option: Int) -> Double { quoted[option] ? 1 : min(1, Double(words(option)) / 3) }

    private func words(_ option: Int) -> Int { matchedWords[option] + (focusWords.isEmpty ? 0 : focusWords[option]) }

    init(question: String, options: [String], explanation: String) {
        let profile = OptionProfile(question: question, options: options)
        var reading = ExplanationReading(explanation)
        if profile.isNegativeQuestion { reading.readForNegativeQuestion() }
        let count = options.count
        support = Array(repeating: 0, count: count)
        against = support
        matchedWords = Array(repeating: 0, count: count)
        quoted = Array(repeating: false, count: count)
        stated = StatedKeys(reading.tokens, options: profile.sequences)
        var units = Self.units(reading, profile)
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

    struct Mention { var weight: Double; var words: Int; var quoted: Bool }

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
        return parts
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
        }
    }

    private mutating func add(_ units: [Unit], _ reading: ExplanationReading, _ profile: OptionProfile) {
        var focusHits = Array(repeating: Set<String>(), count: support.count)
        var subject: (clause: Int, option: Int)?
        for unit in units {
            let clause = reading.segments[unit.segment].clause
            if !unit.mentions.isEmpty { subject = nil }
            if unit.mentions.isEmpty, let subject, subject.clause == clause,
               reading.segments[unit.segment].polarity == .positive {
                focusHits[subject.option].formUnion(reading.tokens[unit.range].map(\.stem).filter(profile.focus.contains))
            }
            switch reading.segments[unit.segment].polarity {
            case .neutral: continue
            case .negative: for (option, mention) in unit.mentions { against[option] += mention.weight }
            case .positive:
                for (option, mention) in unit.mentions {
                    support[option] += mention.weight
                    matchedWords[option] = max(matchedWords[option], mention.words)
                    quoted[option] = quoted[option] || mention.quoted
                }
                if unit.mentions.count == 1, let option = unit.mentions.keys.first {
                    focusHits[option].formUnion(reading.tokens[unit.range].map(\.stem).filter(profile.focus.contains))
                    subject = (clause, option)
                }
            }
        }
        addFocus(focusHits)
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
