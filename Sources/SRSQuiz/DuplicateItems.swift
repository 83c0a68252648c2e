/// Items that repeat an earlier item of the same file exactly (type, question, options or
/// answer, explanation): each copy still becomes a card of its own, with the ids the import
/// always gave them, but the learner is told once per repeated item.
enum DuplicateItems {
    static func warnings(_ items: [QuizItem]) -> [QuizDiagnostic] {
        guard items.count > 1 else { return [] }
        var first: [String: Int] = [:]
        var copies: [Int: [Int]] = [:]
        for (index, item) in items.enumerated() {
            let key = signature(item)
            if let original = first[key] { copies[original, default: []].append(index) } else { first[key] = index }
        }
        return copies.keys.sorted().compactMap { original in
            guard let repeats = copies[original], let firstRepeat = repeats.first else { return nil }
            let source = items[original], copy = items[firstRepeat]
            let more = repeats.count == 1 ? "" : " (and \(repeats.count - 1) more cop\(repeats.count == 2 ? "y" : "ies") after it)"
            return QuizDiagnostic(.warning, line: copy.line, position: copy.position,
                "item \(copy.position) repeats item \(source.position) (line \(source.line)) word for word\(more); "
                + "each copy becomes a card of its own. Delete the copies unless you want them")
        }
    }

    private static func signature(_ item: QuizItem) -> String {
        var parts = [item.kind.typeName, item.question, item.explanation]
        switch item.kind {
        case .multipleChoice(let options, let key): parts += options + [key.map { String($0.letter) } ?? "-"]
        case .trueFalse(let answer): parts.append(answer ? "t" : "f")
        case .shortAnswer(let model), .basic(let model), .reverse(let model), .typeIn(let model): parts.append(model)
        case .cloze(let number): parts.append(String(number))
        }
        return parts.joined(separator: "\u{1F}")
    }
}
