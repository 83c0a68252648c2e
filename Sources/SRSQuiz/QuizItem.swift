import SRSCore
/// One item read from quiz text, before it has a card id.
public struct QuizItem: Equatable, Sendable {
    /// 1-based position among the file's items (valid and invalid), as `--key N=X` counts.
    public var position: Int
    /// 1-based line where the item starts: its header, or its question when it has none.
    public var line: Int
    public var question: String
    /// Options, key, answer or model answer; a multiple-choice key may be inferred or nil.
    public var kind: CardKind
    /// Paragraphs after the options or answer; may be empty.
    public var explanation: String

    public init(position: Int, line: Int, question: String, kind: CardKind, explanation: String) {
        self.position = position
        self.line = line
        self.question = question
        self.kind = kind
        self.explanation = explanation
    }
}

/// A problem found in quiz text: `line` is 1-based, `message` says what is wrong and how to fix it.
public struct QuizDiagnostic: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable { case warning, error }

    public var severity: Severity
    public var line: Int
    /// The item's position, when the problem belongs to one item.
    public var position: Int?
    public var message: String

    public init(_ severity: Severity, line: Int, position: Int?, _ message: String) {
        self.severity = severity
        self.line = line
        self.position = position
        self.message = message
    }

    /// `line: message`, for a caller to prefix with the file name.
    public var description: String { "\(line): \(message)" }

    /// `file:line: message`, or `file:line: warning: message` for a warning.
    public func located(in file: String) -> String {
        severity == .warning ? "\(file):\(line): warning: \(message)" : "\(file):\(line): \(message)"
    }
}

/// What `QuizParser.parse` found: the valid items in file order, the errors of the invalid
/// items (each names its line), and warnings about valid ones.
public struct QuizParseResult: Equatable, Sendable {
    public var items: [QuizItem]
    public var errors: [QuizDiagnostic]
    public var warnings: [QuizDiagnostic]
    /// Number of items found, valid or not: positions run from 1 to `itemCount`.
    public var itemCount: Int

    public init(items: [QuizItem] = [], errors: [QuizDiagnostic] = [], warnings: [QuizDiagnostic] = [],
                itemCount: Int = 0) {
        self.items = items
        self.errors = errors
        self.warnings = warnings
        self.itemCount = itemCount
    }
}
