import SRSCore
import Foundation

/// Finds the correct option of a multiple-choice item from its explanation, when the text has
/// no `Answer:` line.
///
/// Each option is scored by the content words it shares with the explanation. A word counts
/// for more the fewer options contain it (weight ln(n / options containing it)): words every
/// option shares, like the subject of the question, count for nothing. The best option becomes
/// the key only when at least `minimumEvidence` of its distinguishing words appear in the
/// explanation and its lead is clear; otherwise no key is named and the card is self-graded,
/// because a wrong key would teach a wrong fact. (One shared word is weak evidence: an
/// explanation that says "…for facts as well as skills" does not make "only physical skills"
/// the answer.)
public enum KeyInference {
    /// The outcome: a key with `.inferred(confidence:)`, or nil and the reason in words.
    public struct Result: Equatable, Sendable {
        public var key: AnswerKey?
        public var reason: String
        /// Each option's score, for reports and tests.
        public var scores: [Double]
    }

    /// Below this confidence no key is named. Confidence is the winner's lead over the runner-up
    /// as a share of the winner's score (1 when no other option is supported at all), times
    /// min(1, distinguishing words matched / `fullEvidence`).
    public static let minimumConfidence = 0.25
    /// The fewest distinguishing words of the winning option the explanation must contain.
    public static let minimumEvidence = 2
    /// Matched distinguishing words at which the evidence counts in full.
    public static let fullEvidence = 3

    /// Infers a key from `explanation`; pure and deterministic.
    public static func infer(options: [String], explanation: String) -> Result {
        let explanationStems = TextTokens.stems(explanation)
        guard !explanationStems.isEmpty else {
            return Result(key: nil, reason: "there is no explanation to infer it from", scores: [])
        }
        let support = optionSupport(options.map(TextTokens.stems), against: explanationStems)
        return decide(support.map(\.score), evidence: support.map(\.matches))
    }

    /// Per option: the summed weight of its words found in the explanation, and how many of
    /// them distinguish it (are not in every option).
    static func optionSupport(_ optionStems: [Set<String>], against explanation: Set<String>)
        -> [(score: Double, matches: Int)] {
        var containing: [String: Int] = [:]
        for stems in optionStems { for stem in stems { containing[stem, default: 0] += 1 } }
        let count = Double(optionStems.count)
        return optionStems.map { stems in
            var score = 0.0, matches = 0
            for stem in stems where explanation.contains(stem) {
                let weight = log(count / Double(containing[stem] ?? optionStems.count))
                if weight > 0 { score += weight; matches += 1 }
            }
            return (score, matches)
        }
    }

    static func decide(_ scores: [Double], evidence: [Int]) -> Result {
        let ranked = scores.indices.sorted { scores[$0] > scores[$1] }
        guard let best = ranked.first, scores[best] > 0 else {
            return Result(key: nil, reason: "the explanation supports no option more than the others",
                          scores: scores)
        }
        guard evidence[best] >= minimumEvidence else {
            return Result(key: nil, reason: "the explanation shares too few words with any option",
                          scores: scores)
        }
        let runnerUp = ranked.count > 1 ? scores[ranked[1]] : 0
        let lead = (scores[best] - runnerUp) / scores[best]
        let strength = min(1, Double(evidence[best]) / Double(fullEvidence))
        let confidence = (lead * strength * 100).rounded() / 100
        guard confidence >= minimumConfidence else {
            let letters = ranked.prefix(2).map { String(Character(UnicodeScalar(UInt8(65 + $0)))) }
            return Result(key: nil, reason: "the explanation supports \(letters.joined(separator: " and ")) "
                + "about equally", scores: scores)
        }
        let key = AnswerKey(index: best, source: .inferred(confidence: confidence))
        return Result(key: key, reason: "", scores: scores)
    }
}
