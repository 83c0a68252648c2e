import Foundation
import SRSCore
@testable import SRSQuiz

/// The repository root, found from this file's path (tests run from the source tree).
let quizRepositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The bytes of a quiz sample kept in `decks/sources/`.
func quizSample(_ name: String) throws -> Data {
    try Data(contentsOf: quizRepositoryRoot.appendingPathComponent("decks/sources/\(name)"))
}

func parseQuiz(_ text: String) -> QuizParseResult { QuizParser.parse(text: text, keys: .weighed) }

extension CardKind {
    var options: [String]? {
        if case .multipleChoice(let options, _) = self { return options }
        return nil
    }
    var key: AnswerKey? {
        if case .multipleChoice(_, let key) = self { return key }
        return nil
    }
}
