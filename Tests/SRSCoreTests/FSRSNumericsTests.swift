import Foundation
import Testing
@testable import SRSCore

/// Hand-written tables for FSRS-6 as py-fsrs 6.3.2 computes it (values from the library).
@Suite struct FSRSNumericsTests {
    static let fsrs = FSRSScheduler(fuzz: false)
    /// 2025-03-01T12:00:00Z
    static let t: EpochSeconds = 1_740_830_400

    static func reviewCard(stability: Double, difficulty: Double, state: FSRSCard.State = .review, step: Int? = nil) -> FSRSCard {
        FSRSCard(state: state, step: step, stability: stability, difficulty: difficulty, due: t, lastReview: t, reps: 3, lapses: 0)
    }

    static func close(_ a: Double?, _ b: Double) -> Bool { a.map { abs($0 - b) <= 1e-12 * max(abs(b), 1) } ?? false }

    /// Elapsed time counts in whole 24-hour periods: 23:59:59 later is "the same day" (S_short).
    @Test(arguments: [(EpochSeconds(86_399), 10.0, 10), (86_400, 13.047176010567354, 13)])
    func wholeDayPeriods(after seconds: EpochSeconds, stability: Double, interval: Int) {
        let card = Self.fsrs.review(Self.reviewCard(stability: 10, difficulty: 5), grade: .good, at: Self.t + seconds, fuzz: nil)
        #expect(Self.close(card.stability, stability))
        #expect(Self.close(card.difficulty, 4.9902283692968386))
        #expect(card.intervalDays == interval)
    }

    /// Within 24 h, S_short: Hard, Good and Easy never lower S (the clamp is for rating ≥ 2).
    @Test(arguments: [(Grade.again, 26.222714157316744, 8.341762369296838), (.hard, 100.0, 6.665995369296838),
                      (.good, 100.0, 4.9902283692968386), (.easy, 133.5032721130538, 3.3144613692968385)])
    func shortTermClamp(grade: Grade, stability: Double, difficulty: Double) {
        let card = Self.fsrs.review(Self.reviewCard(stability: 100, difficulty: 5), grade: grade, at: Self.t + 3600, fuzz: nil)
        #expect(Self.close(card.stability, stability))
        #expect(Self.close(card.difficulty, difficulty))
        #expect(card.state == (grade == .again ? .relearning : .review))
        #expect(card.lapses == (grade == .again ? 1 : 0))
    }

    /// Hard: the mean of the first two steps on step 0, 1.5 × a single step, else the step.
    @Test func hardDelays() {
        let hard = Self.fsrs.review(.new, grade: .hard, at: Self.t, fuzz: nil)
        #expect(hard.due == Self.t + 330 && hard.step == 0)
        #expect(Self.close(hard.stability, 1.2931) && Self.close(hard.difficulty, 5.112170705601056))
        let second = Self.fsrs.review(Self.fsrs.review(.new, grade: .good, at: Self.t, fuzz: nil), grade: .hard, at: Self.t + 600, fuzz: nil)
        #expect(second.due == Self.t + 1200 && second.step == 1)
        let relearning = Self.fsrs.review(Self.reviewCard(stability: 3, difficulty: 6, state: .relearning, step: 0), grade: .hard, at: Self.t + 600, fuzz: nil)
        #expect(relearning.due == Self.t + 1500 && relearning.step == 0)
        var oneStep = FSRSOptions()
        oneStep.learningSteps = [600]
        #expect(FSRSScheduler(options: oneStep, fuzz: false).review(.new, grade: .hard, at: Self.t, fuzz: nil).due == Self.t + 900)
    }

    @Test func easyGraduatesANewCardAtOnce() {
        let easy = Self.fsrs.review(.new, grade: .easy, at: Self.t, fuzz: nil)
        #expect(easy.state == .review && easy.step == nil && easy.intervalDays == 8)
        #expect(easy.stability == 8.2956 && easy.difficulty == 1.0)
    }

    /// interval(S) at retention 0.9 is S rounded half to even, at least 1, at most the maximum.
    @Test(arguments: [(2.5, 2), (3.5, 4), (0.4, 1), (1e300, 36_500)])
    func intervalRounding(stability: Double, days: Int) {
        #expect(Self.fsrs.model.interval(stability, retention: 0.9, maximum: 36_500) == days)
    }

    @Test func theMaximumIntervalHoldsWhileStabilityGrows() {
        let card = Self.fsrs.review(Self.reviewCard(stability: 50_000, difficulty: 1), grade: .easy, at: Self.t + 36_500 * 86_400, fuzz: nil)
        #expect(card.intervalDays == 36_500)
        #expect(Self.close(card.stability, 115_898.63152196829))
    }

    @Test func retrievabilityUsesWholeDaysAndIsZeroForANewCard() {
        #expect(Self.fsrs.retrievability(.new, at: Self.t) == 0)
        let card = Self.reviewCard(stability: 10, difficulty: 5)
        #expect(Self.fsrs.retrievability(card, at: Self.t + 86_399) == 1)
        #expect(abs(Self.fsrs.retrievability(card, at: Self.t + 10 * 86_400) - 0.9) < 1e-12)
    }

    @Test func parametersOutOfBoundsAreNamed() {
        var options = FSRSOptions()
        #expect(options.problem() == nil)
        options.parameters[20] = 0.9
        #expect(options.problem() == "parameters[20] must be between 0.1 and 0.8 (is 0.9)")
        options = FSRSOptions()
        options.desiredRetention = 1.2
        #expect(options.problem()?.hasPrefix("desired_retention") == true)
    }
}
