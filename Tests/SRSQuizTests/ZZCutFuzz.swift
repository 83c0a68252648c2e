import Foundation
import Testing
import SRSCore
@testable import SRSQuiz

@Suite struct ZZCutFuzz {
    @Test func many() throws {
        guard let n = ProcessInfo.processInfo.environment["FUZZ_N"].flatMap(Int.init) else { return }
        let natural = quizRepositoryRoot.appendingPathComponent("Tests/SRSQuizTests/Fixtures/quiz-heldout-natural")
        let names = try FileManager.default.contentsOfDirectory(atPath: natural.path).filter { $0.hasSuffix(".txt") }
        let samples = try names.map { Array(try Data(contentsOf: natural.appendingPathComponent($0))) }
        var rng = SeededGenerator(seed: UInt64(n))
        for _ in 0..<n { QuizPropertyTests.checkInvariants(QuizInputs.random(&rng, samples: samples)) }
        print("fuzzed", n)
    }
}
