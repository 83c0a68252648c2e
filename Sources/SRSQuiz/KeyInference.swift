import Foundation
import SRSCore

/// Finds the correct option of a multiple-choice item from its explanation, when the text has
/// no `Answer:` line. A wrong key teaches a wrong fact every day after, so no key is named
/// unless the evidence singles out one option (`docs/quiz-format.md`, "How keys are inferred"):
///
/// 1. A key the explanation states outright (`the correct answer is D`, `(C) is correct`) is
///    the key, marked `.stated`; two different stated keys give none.
/// 2. Otherwise each option is weighed by what the explanation says of it (`OptionEvidence`):
///    verbatim quotes of its text, its distinguishing words, numbers and symbols as whole
///    tokens, and the question's own words said of it, each for it or against it by the
///    negation and contrast around them.
/// 3. The best option is the key when it has enough evidence, nothing substantial against
///    it, and a clear lead over every other option; its confidence says how clear. A name that
///    the explanation describes without saying anything the question asks of it, while it
///    denies no other option, is no key: such an explanation may speak of a wrong option only.
public enum KeyInference {
    /// The outcome: a key (`.stated` or `.inferred(confidence:)`), or nil and the reason.
    public struct Result: Equatable, Sendable {
        public var key: AnswerKey?
        public var reason: String
        /// Each option's evidence for it minus against it, for reports and tests.
        public var scores: [Double]
    }

    /// Below this confidence no key is named: the best option needs about 1.8 times the
    /// evidence of any other (a lead of 0.45), discounted when its evidence is thin. At 0.34
    /// (1.5 times), keys whose lead over another quoted option was one word of the question
    /// (0.40) were right only 4 times in 5 on the corpus.
    public static let minimumConfidence = 0.45
    /// The most evidence against the best option, as a share of that for it, that still lets
    /// it be the key.
    public static let maximumContradiction = 0.25
    /// Explanations longer than this (in UTF-8 bytes) are not weighed, nor a question whose text
    /// and options together are: no careful writer's are, and it keeps import fast on any input.
    public static let longestExplanation = 20_000

    /// Infers a key; pure and deterministic.
    public static func infer(question: String = "", options: [String], explanation: String) -> Result {
        guard !explanation.isEmpty else {
            return Result(key: nil, reason: "there is no explanation to infer it from", scores: [])
        }
        // A question or options longer than an explanation may be are no careful writer's either
        // (random bytes make such items): nothing is weighed.
        guard question.utf8.count + options.reduce(0, { $0 + $1.utf8.count }) <= longestExplanation else {
            return Result(key: nil, reason: "the question and its options are too long to weigh", scores: [])
        }
        guard explanation.utf8.count <= longestExplanation else {
            // Not weighed, but a key it states in its opening is still read: the part of it
            // that fits, cut after its last full stop.
            let opening = Self.opening(of: explanation)
            let evidence = OptionEvidence(question: question, options: options, explanation: opening)
            return statedKey(evidence, question: question) ?? Result(key: nil, reason: "the explanation is too long to weigh", scores: [])
        }
        let evidence = OptionEvidence(question: question, options: options, explanation: explanation)
        if let stated = statedKey(evidence, question: question) { return stated }
        let decided = decide(evidence)
        guard evidence.stated.stated.isEmpty,
              let computed = ComputedValue.key(question: question, options: options, explanation: explanation),
              !evidence.stated.denied.contains(computed) else { return decided }
        // A calculation's result is weighed evidence, not a statement: an explanation may work out
        // a step (`2⁶ = 64 addresses`) and then adjust it in words (`two of them cannot be used`).
        if let other = decided.key, other.index != computed {
            return Result(key: nil, reason: "the explanation's calculation gives \(letterOf(computed)) but its words "
                + "point to \(letterOf(other.index))", scores: evidence.net)
        }
        return Result(key: AnswerKey(index: computed, source: .inferred(confidence: 1)), reason: "", scores: evidence.net)
    }

    /// The first `longestExplanation` bytes of `text`, cut after the last `.` in them (a
    /// character cut at the end, when there is no full stop, reads as U+FFFD).
    static func opening(of text: String) -> String {
        let head = String(decoding: text.utf8.prefix(longestExplanation), as: UTF8.self)
        guard let stop = head.lastIndex(of: ".") else { return head }
        return String(head[...stop])
    }

    private static func statedKey(_ evidence: OptionEvidence, question: String) -> Result? {
        var stated = evidence.stated.stated.subtracting(evidence.stated.denied)
        let count = evidence.net.count
        if evidence.stated.stated.isEmpty, count >= 2, evidence.stated.deniedByLetter.count == count - 1,
           evidence.stated.onlyDenialsNameLetters, !evidence.asksForAWrongOne, !evidence.stated.deniedWithAnothersReason {
            // `A, B and D are incorrect`: every option but one is denied by its letter, nothing is
            // stated, no letter stands outside a denial, and the question does not ask for the
            // false or wrong one.
            stated = Set(0..<count).subtracting(evidence.stated.deniedByLetter)
        }
        guard !stated.isEmpty else { return nil }
        if evidence.stated.claimsSeveral {
            return Result(key: nil, reason: "the explanation says more than one option is right", scores: evidence.net)
        }
        guard stated.count == 1, let index = stated.first else {
            let letters = stated.sorted().map { String(letterOf($0)) }.joined(separator: " and ")
            return Result(key: nil, reason: "the explanation states different keys (\(letters))", scores: evidence.net)
        }
        return Result(key: AnswerKey(index: index, source: .stated), reason: "", scores: evidence.net)
    }

    static func decide(_ evidence: OptionEvidence) -> Result {
        let net = evidence.net
        let ranked = net.indices.sorted { (net[$0], -$0) > (net[$1], -$1) }
        guard let best = ranked.first, net[best] > 0, evidence.support[best] > 0 else {
            return Result(key: nil, reason: "the explanation supports no option more than the others", scores: net)
        }
        guard evidence.isSubstantial(best) else {
            return Result(key: nil, reason: "the explanation shares too few words with any option", scores: net)
        }
        guard !evidence.isDescribedWithoutTheQuestion(best) else {
            return Result(key: nil, reason: "the explanation describes \(letterOf(best)) but says nothing of it that the "
                + "question asks, and denies no other option", scores: net)
        }
        guard evidence.against[best] <= maximumContradiction * evidence.support[best] else {
            return Result(key: nil, reason: "the explanation says things both for and against \(letterOf(best))",
                          scores: net)
        }
        let runnerUp = evidence.support.indices.filter { $0 != best }.map { evidence.support[$0] }.max() ?? 0
        let lead = max(0, net[best] - runnerUp) / net[best]
        let confidence = (lead * evidence.strength(best) * 100).rounded() / 100
        guard confidence >= minimumConfidence else {
            let second = ranked.count > 1 ? ranked[1] : best
            let other = evidence.support.indices.filter { $0 != best }.max { evidence.support[$0] < evidence.support[$1] } ?? second
            return Result(key: nil, reason: "the explanation supports \(letterOf(best)) and \(letterOf(other)) "
                + "about equally", scores: net)
        }
        return Result(key: AnswerKey(index: best, source: .inferred(confidence: confidence)), reason: "", scores: net)
    }

    /// Which keys an import takes from explanations (`docs/quiz-format.md`, "How keys are
    /// inferred"): by default only stated ones. On quiz files written by others and read before
    /// srs was ever run on them, stated keys were right 17 times of 17, while keys weighed from
    /// the words an explanation shares with an option were right 21 times of 43 (explanations
    /// name the options they warn of as often as the answer): a wrong key teaches a wrong fact
    /// every day after, so weighing is the learner's choice (`srs import --infer-keys`).
    public enum Reading: Sendable {
        /// Keys stated in the explanation (`The correct answer is D`); other items self-graded,
        /// with the option the evidence points to named in the warning.
        case stated
        /// Stated keys, and keys weighed from the evidence.
        case weighed
    }

    /// Results by item text: a file that repeats an item weighs it once.
    struct Cache {
        let reading: Reading
        private var results: [String: Result] = [:]

        init(reading: Reading) { self.reading = reading }

        mutating func infer(question: String, options: [String], explanation: String) -> Result {
            guard !explanation.isEmpty, explanation.utf8.count <= longestExplanation else {
                return KeyInference.infer(question: question, options: options, explanation: explanation)
            }
            let key = question + "\u{1F}" + options.joined(separator: "\u{1E}") + "\u{1F}" + explanation
            if let known = results[key] { return known }
            let result = KeyInference.infer(question: question, options: options, explanation: explanation)
            results[key] = result
            return result
        }
    }

    static func letterOf(_ index: Int) -> Character { Character(UnicodeScalar(UInt8(65 + index))) }
}
