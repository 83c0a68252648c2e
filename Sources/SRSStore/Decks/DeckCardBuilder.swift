import SRSCore
import SRSText

/// Collects the fields of each card and checks them as the card ends.
struct DeckCardBuilder {
    let path: String
    private var cards: [Card] = []
    /// Each card's line, in order, for the duplicate-id check in `finish`.
    private var cardLines: [Int] = []
    /// The card being read; `hasCurrent` is false before the first `card:`. Kept in place (not
    /// an optional) so that adding a field does not copy the draft.
    private var current = Draft(id: CardID(""), line: 0)
    private var hasCurrent = false

    init(path: String, expectedCards: Int = 0) {
        self.path = path
        cards.reserveCapacity(expectedCards)
        cardLines.reserveCapacity(expectedCards)
    }

    /// The fields of one card as written, before they are checked.
    private struct Draft {
        var id: CardID
        var line: Int
        var type: DeckField?
        var question: DeckField?
        /// The option texts, A first: the very array the card keeps.
        var options: [String] = []
        var key: DeckField?
        var answer: DeckField?
        var modelAnswer: DeckField?
        var explanation: DeckField?
        var cloze: DeckField?
        var tags: DeckField?
        var ankiGuid: DeckField?
    }

    mutating func add(_ field: DeckField) throws {
        if case .card = field.name { return try startCard(field) }
        guard hasCurrent else {
            throw damaged(field.line, "`\(field.name.text):` comes before the first card",
                          "Start each card with a line `card: ID` (any unique word, e.g. `card: my-card-1`).")
        }
        try Self.set(field, in: &current, path: path)
    }

    /// The cards read, each with the line of its `card:`. Ids are checked by `checkUniqueIDs`.
    mutating func finish() throws -> (cards: [Card], lines: [Int]) {
        if hasCurrent { cards.append(try card(from: current)) }
        hasCurrent = false
        return (cards, cardLines)
    }

    /// Ids must be unique: progress is stored by id. Sorting 64-bit hashes of the ids is several
    /// times faster than a `Set<String>` for 100,000 cards; equal hashes are then compared as text.
    static func checkUniqueIDs(_ cards: [Card], path: String, line: (Int) -> Int) throws {
        var hashed = cards.indices.map { (hash: StableHash.fnv1a64(cards[$0].id.rawValue), index: $0) }
        hashed.sort { ($0.hash, $0.index) < ($1.hash, $1.index) }
        for (first, second) in zip(hashed, hashed.dropFirst()) where first.hash == second.hash {
            let (a, b) = (min(first.index, second.index), max(first.index, second.index))
            guard cards[a].id == cards[b].id else { continue }
            throw StoreError.damaged(path: path, line: line(b),
                                     problem: "card id `\(cards[b].id)` is used twice (first on line \(line(a)))",
                                     fix: "Give one of the cards another id; progress is stored by id.")
        }
    }

    private mutating func startCard(_ field: DeckField) throws {
        if hasCurrent { cards.append(try card(from: current)) }
        let id = field.value
        guard CardID.isUsable(id) else {
            throw damaged(field.line, "`card: \(id.prefix(40))` is not a usable id",
                          "Use 1 to 64 characters without spaces, controls or invisible characters, e.g. `card: my-card-1`.")
        }
        cardLines.append(field.line)
        current = Draft(id: CardID(id), line: field.line)
        hasCurrent = true
    }

    /// Static, so that changing the builder's own draft does not copy the builder.
    private static func set(_ field: DeckField, in draft: inout Draft, path: String) throws {
        let once = { (slot: inout DeckField?) throws in try Self.once(field, &slot, path: path) }
        let damaged = { (line: Int, problem: String, fix: String) in
            StoreError.damaged(path: path, line: line, problem: problem, fix: fix)
        }
        switch field.name {
        case .card, .unknown: break
        case .type: try once(&draft.type)
        case .question: try once(&draft.question)
        case .key: try once(&draft.key)
        case .answer: try once(&draft.answer)
        case .modelAnswer: try once(&draft.modelAnswer)
        case .explanation: try once(&draft.explanation)
        case .cloze: try once(&draft.cloze)
        case .tags: try once(&draft.tags)
        case .ankiGuid: try once(&draft.ankiGuid)
        case .option(let index):
            guard index == draft.options.count else {
                let expected = Character(UnicodeScalar(UInt8(65 + draft.options.count)))
                throw damaged(field.line, "option \(field.name.text) is out of order (expected \(expected))",
                              "Write the options as A, B, C… in order, without gaps.")
            }
            draft.options.append(field.value)
        }
    }

    private static func once(_ field: DeckField, _ slot: inout DeckField?, path: String) throws {
        if let earlier = slot {
            throw StoreError.damaged(path: path, line: field.line, problem: "`\(field.name.text):` appears twice in one card (first on line \(earlier.line))",
                                     fix: "Keep one of them.")
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
                          "Add `type: multiple_choice`, `true_false`, `short_answer`, `basic`, `reverse`, `cloze` or `type_in`.")
        }
        let kind = try self.kind(of: draft, type: type)
        let tags = draft.tags.map { $0.value.split(separator: " ").map(String.init) } ?? []
        if let guid = draft.ankiGuid, !Card.isKeepableAnkiGuid(guid.value) {
            throw damaged(guid.line, "card `\(draft.id)` has an `anki_guid:` that is not 1 to 128 bytes without control characters",
                          "Remove the line (the card is then a new note in Anki), or restore the guid the import wrote.")
        }
        return Card(id: draft.id, question: question.value, kind: kind, explanation: draft.explanation?.value ?? "", tags: tags,
                    ankiGuid: draft.ankiGuid?.value)
    }

    private func kind(of draft: Draft, type: DeckField) throws -> CardKind {
        switch Self.lowercasedIfNeeded(type.value) {
        case "multiple_choice", "multiple choice": return try multipleChoice(draft, type)
        case "true_false", "true/false", "true false":
            guard let answer = draft.answer else {
                throw damaged(draft.line, "true/false card `\(draft.id)` has no answer", "Add `answer: true` or `answer: false`.")
            }
            switch Self.lowercasedIfNeeded(answer.value) {
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
        case "basic": return .basic(back: try answerText(draft, "basic"))
        case "reverse": return .reverse(back: try answerText(draft, "reverse"))
        case "type_in", "type in": return .typeIn(answer: try answerText(draft, "type-in"))
        case "cloze": return try cloze(draft)
        default:
            throw damaged(type.line, "unknown type `\(type.value.prefix(40))`",
                          "Use multiple_choice, true_false, short_answer, basic, reverse, cloze or type_in.")
        }
    }

    /// The `answer:` of a basic, reverse or type-in card: the back, or the answer to type.
    private func answerText(_ draft: Draft, _ kind: String) throws -> String {
        guard let answer = draft.answer, !answer.value.isEmpty else {
            throw damaged(draft.line, "\(kind) card `\(draft.id)` has no answer", "Add `answer: …` (the back of the card).")
        }
        return answer.value
    }

    /// `cloze: N` names the deletion `{{cN::…}}` of the question that this card asks.
    private func cloze(_ draft: Draft) throws -> CardKind {
        guard let field = draft.cloze else {
            throw damaged(draft.line, "cloze card `\(draft.id)` has no cloze number", "Add `cloze: 1` to ask `{{c1::…}}`.")
        }
        guard let number = Int(field.value), number > 0, Cloze.numbers(in: draft.question?.value ?? "").contains(number) else {
            throw damaged(field.line, "`cloze: \(field.value.prefix(40))` names no deletion `{{c\(field.value.prefix(10))::…}}` of the question",
                          "Write the question with `{{c1::answer}}` or `{{c1::answer::hint}}` and `cloze: 1`.")
        }
        return .cloze(number: number)
    }

    /// Values as the writer writes them are already lower-case: skip `lowercased()` for them.
    private static func lowercasedIfNeeded(_ value: String) -> String {
        switch value {
        case "multiple_choice", "true_false", "short_answer", "basic", "reverse", "cloze", "type_in", "true", "false": return value
        default: return value.lowercased()
        }
    }

    private func multipleChoice(_ draft: Draft, _ type: DeckField) throws -> CardKind {
        guard draft.options.count >= 2 else {
            throw damaged(draft.line, "multiple-choice card `\(draft.id)` has fewer than two options",
                          "Add options as lines `A: …`, `B: …`.")
        }
        let options = draft.options
        guard let keyField = draft.key else { return .multipleChoice(options: options, key: nil) }
        let key = try DeckKeyText.parse(keyField.value, optionCount: options.count) { problem in
            damaged(keyField.line, problem, "Write `key: B`, `key: B written`, `key: B inferred 0.80` or `key: none`.")
        }
        return .multipleChoice(options: options, key: key)
    }

    private func damaged(_ line: Int, _ problem: String, _ fix: String) -> StoreError {
        StoreError.damaged(path: path, line: line, problem: problem, fix: fix)
    }
}

/// The `key:` value: `B` (corrected: checked by a person), `B written`, `B stated`,
/// `B corrected`, `B inferred 0.71`, or `none`. Version 1's `B explicit` reads as corrected.
enum DeckKeyText {
    static func parse(_ text: String, optionCount: Int, error: (String) -> StoreError) throws -> AnswerKey? {
        if text.utf8.count == 1, let byte = text.utf8.first, (65...72).contains(byte), Int(byte) - 65 < optionCount {
            return AnswerKey(index: Int(byte) - 65, source: .corrected)
        }
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
        case (1, _), (2, "explicit"), (2, "corrected"): return AnswerKey(index: index, source: .corrected)
        case (2, "written"): return AnswerKey(index: index, source: .written)
        case (2, "stated"): return AnswerKey(index: index, source: .stated)
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

extension CardID {
    /// The id rule of `docs/deck-format.md`: 1 to 64 bytes, no spaces, controls or invisible
    /// characters (zero-width space, joiners, word joiner, BOM, soft hyphen, variation
    /// selectors: two ids that look the same must be the same). Deck files and `srs answer`
    /// both check it.
    public static func isUsable(_ id: String) -> Bool {
        var bytes = id
        let suspicious = bytes.withUTF8 { $0.contains { $0 <= 0x20 || $0 >= 0x7F } }
        return !id.isEmpty && id.utf8.count <= 64 && !(suspicious && id.unicodeScalars.contains(where: isBadIDScalar))
    }

    /// Spaces, controls and invisible characters (checked on bytes first: ids are almost
    /// always ASCII).
    private static func isBadIDScalar(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.value >= 0x7F else { return scalar.value <= 0x20 }
        let properties = scalar.properties
        return properties.isWhitespace || TerminalSafe.isUnsafe(scalar) || properties.generalCategory == .format
            || properties.isDefaultIgnorableCodePoint
    }
}
