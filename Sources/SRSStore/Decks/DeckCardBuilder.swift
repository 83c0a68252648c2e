import SRSCore

/// Collects the fields of each card and checks them as the card ends.
struct DeckCardBuilder {
    let path: String
    private var cards: [Card] = []
    private var seenIDs: [CardID: Int] = [:]
    private var current: Draft?

    init(path: String) { self.path = path }

    /// The fields of one card as written, before they are checked.
    private struct Draft {
        var id: CardID
        var line: Int
        var type: DeckField?
        var question: DeckField?
        var options: [DeckField] = []
        var key: DeckField?
        var answer: DeckField?
        var modelAnswer: DeckField?
        var explanation: DeckField?
    }

    mutating func add(_ field: DeckField) throws {
        if field.name == "card" { return try startCard(field) }
        guard var draft = current else {
            throw damaged(field.line, "`\(field.name):` comes before the first card",
                          "Start each card with a line `card: ID` (any unique word, e.g. `card: my-card-1`).")
        }
        current = nil
        try set(field, in: &draft)
        current = draft
    }

    mutating func finish() throws -> [Card] {
        if let draft = current { cards.append(try card(from: draft)) }
        current = nil
        return cards
    }

    private mutating func startCard(_ field: DeckField) throws {
        if let draft = current { cards.append(try card(from: draft)) }
        let id = field.value
        guard !id.isEmpty, id.utf8.count <= 64, !id.unicodeScalars.contains(where: Self.isBadIDScalar) else {
            throw damaged(field.line, "`card: \(id.prefix(40))` is not a usable id",
                          "Use 1 to 64 characters without spaces, e.g. `card: my-card-1`.")
        }
        if let first = seenIDs[CardID(id)] {
            throw damaged(field.line, "card id `\(id)` is used twice (first on line \(first))",
                          "Give one of the cards another id; progress is stored by id.")
        }
        seenIDs[CardID(id)] = field.line
        current = Draft(id: CardID(id), line: field.line)
    }

    private static func isBadIDScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || TerminalSafe.isUnsafe(scalar)
    }

    private func set(_ field: DeckField, in draft: inout Draft) throws {
        switch field.name {
        case "type": try once(field, &draft.type)
        case "question": try once(field, &draft.question)
        case "key": try once(field, &draft.key)
        case "answer": try once(field, &draft.answer)
        case "model_answer", "model answer": try once(field, &draft.modelAnswer)
        case "explanation": try once(field, &draft.explanation)
        default:
            guard let index = Self.optionIndex(field.name) else {
                throw damaged(field.line, "unknown field `\(field.name.prefix(40))`",
                              "Known fields: card, type, question, A to H, key, answer, model_answer, explanation.")
            }
            guard index == draft.options.count else {
                let expected = Character(UnicodeScalar(UInt8(65 + draft.options.count)))
                throw damaged(field.line, "option \(field.name) is out of order (expected \(expected))",
                              "Write the options as A, B, C… in order, without gaps.")
            }
            draft.options.append(field)
        }
    }

    private static func optionIndex(_ name: String) -> Int? {
        guard name.utf8.count == 1, let byte = name.utf8.first, (65...72).contains(byte) else { return nil }
        return Int(byte) - 65
    }

    private func once(_ field: DeckField, _ slot: inout DeckField?) throws {
        if let earlier = slot {
            throw damaged(field.line, "`\(field.name):` appears twice in one card (first on line \(earlier.line))",
                          "Keep one of them.")
        }
        slot = field
    }

    // MARK: Checking a finished card

    private func card(from draft: Draft) throws -> Card {
        guard let question = draft.question, !question.value.isEmpty else {
            throw damaged(draft.line, "card `\(draft.id)` has no question", "Add a line `question: …` to it.")
        }
        guard let type = draft.type else {
            throw damaged(draft.line, "card `\(draft.id)` has no type",
                          "Add `type: multiple_choice`, `type: true_false` or `type: short_answer`.")
        }
        let kind = try self.kind(of: draft, type: type)
        return Card(id: draft.id, question: question.value, kind: kind, explanation: draft.explanation?.value ?? "")
    }

    private func kind(of draft: Draft, type: DeckField) throws -> CardKind {
        switch type.value.lowercased() {
        case "multiple_choice", "multiple choice": return try multipleChoice(draft, type)
        case "true_false", "true/false", "true false":
            guard let answer = draft.answer else {
                throw damaged(draft.line, "true/false card `\(draft.id)` has no answer", "Add `answer: true` or `answer: false`.")
            }
            switch answer.value.lowercased() {
            case "true": return .trueFalse(answer: true)
            case "false": return .trueFalse(answer: false)
            default: throw damaged(answer.line, "`answer: \(answer.value.prefix(40))` is neither true nor false",
                                   "Write `answer: true` or `answer: false`.")
            }
        case "short_answer", "short answer":
            guard let model = draft.modelAnswer, !model.value.isEmpty else {
                throw damaged(draft.line, "short-answer card `\(draft.id)` has no model answer", "Add `model_answer: …`.")
            }
            return .shortAnswer(modelAnswer: model.value)
        default:
            throw damaged(type.line, "unknown type `\(type.value.prefix(40))`",
                          "Use multiple_choice, true_false or short_answer.")
        }
    }

    private func multipleChoice(_ draft: Draft, _ type: DeckField) throws -> CardKind {
        guard draft.options.count >= 2 else {
            throw damaged(draft.line, "multiple-choice card `\(draft.id)` has fewer than two options",
                          "Add options as lines `A: …`, `B: …`.")
        }
        let options = draft.options.map(\.value)
        guard let keyField = draft.key else { return .multipleChoice(options: options, key: nil) }
        let key = try DeckKeyText.parse(keyField.value, optionCount: options.count) { problem in
            damaged(keyField.line, problem, "Write `key: B`, `key: B inferred 0.80` or `key: none`.")
        }
        return .multipleChoice(options: options, key: key)
    }

    private func damaged(_ line: Int, _ problem: String, _ fix: String) -> StoreError {
        StoreError.damaged(path: path, line: line, problem: problem, fix: fix)
    }
}

/// The `key:` value: `B`, `B explicit`, `B inferred 0.71`, or `none`.
enum DeckKeyText {
    static func parse(_ text: String, optionCount: Int, error: (String) -> StoreError) throws -> AnswerKey? {
        let words = text.split(separator: " ")
        guard let letterWord = words.first else { return nil }
        if words.count == 1, letterWord.lowercased() == "none" { return nil }
        guard letterWord.utf8.count == 1, let byte = letterWord.uppercased().utf8.first, (65...72).contains(byte) else {
            throw error("`key: \(text.prefix(40))` does not start with an option letter")
        }
        let index = Int(byte) - 65
        guard index < optionCount else {
            throw error("`key: \(letterWord)` names an option this card does not have")
        }
        switch (words.count, words.dropFirst().first?.lowercased()) {
        case (1, _), (2, "explicit"): return AnswerKey(index: index, source: .explicit)
        case (3, "inferred"):
            guard let confidence = Double(words[2]), (0...1).contains(confidence) else {
                throw error("`key: \(text.prefix(40))` has a confidence that is not between 0 and 1")
            }
            return AnswerKey(index: index, source: .inferred(confidence: confidence))
        default:
            throw error("`key: \(text.prefix(40))` is not understood")
        }
    }
}
