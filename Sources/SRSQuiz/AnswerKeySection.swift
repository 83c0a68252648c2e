/// An answer key at the end of a quiz file, as printed quizzes and some exporters write it: a
/// title line (`Answer key`, `Answers`, `Answer sheet`, `Solutions`, `Key`; any case, Markdown
/// marks and a final colon aside) and then only lines of numbered answers (`1. B`, `2) True`,
/// `Q3: C`, `3 - C) three`, or several on one line: `1. B  2. True`, `1-B, 2-True`), up to the end
/// of the file. Each answer becomes an `Answer:` line of the item with that number, numbered as
/// the key's line, so it is read, checked and reported like an answer line written in the item.
struct AnswerKeySection {
    /// The index of the section's first line (its title) in the lines: from there on, no item's text.
    let start: Int
    /// The title's line number.
    let titleLine: Int
    /// Item number → the answer lines to add.
    let answers: [(item: Int, line: QuizLine)]
    /// The lines of the section that are no numbered answer (`Good luck!`, `1. Answer: C`): left
    /// out, each with a warning, so that no answer in them counts as the last item's.
    let unreadable: [Int]

    static let titles: Set<String> = ["answer key", "answer keys", "answers", "answer sheet", "solutions", "key", "keys"]

    /// The section at the end of `lines`, if any: the last title line in the last item (at most
    /// `reach` lines from the end), followed by at least one numbered answer.
    static func find(_ lines: [QuizLine], reach: Int = 5000) -> AnswerKeySection? {
        var index = lines.count - 1
        let stop = max(0, lines.count - reach)
        while index >= stop {
            let line = lines[index]
            if !line.isBlank, line.header != nil { return nil }
            if !line.isBlank, let rest = title(line.text) { return section(lines, title: index, rest: rest) }
            index -= 1
        }
        return nil
    }

    private static func section(_ lines: [QuizLine], title: Int, rest: String) -> AnswerKeySection? {
        var answers: [(item: Int, line: QuizLine)] = []
        var unreadable: [Int] = []
        let titleLine = lines[title]
        if !rest.isEmpty {
            if let pairs = pairs(rest) { answers += pairs.map { (item: $0.0, line: QuizLine(number: titleLine.number, text: "Answer: " + $0.1)) } }
            else { unreadable.append(titleLine.number) }
        }
        for line in lines[(title + 1)...] where !line.isBlank && !isTableFrame(line.text) {
            if let pairs = pairs(line.text) {
                answers += pairs.map { (item: $0.0, line: QuizLine(number: line.number, text: "Answer: " + $0.1)) }
            } else {
                unreadable.append(line.number)
            }
        }
        guard !answers.isEmpty else { return nil }
        return AnswerKeySection(start: title, titleLine: titleLine.number, answers: answers, unreadable: unreadable)
    }

    /// `Answer key`, `## Answer Key`, `**Answers:**`, `Answers: 1-B, 2-C`: what follows the
    /// title's colon (empty when nothing does), or nil when the line is no title.
    static func title(_ text: String) -> String? {
        guard text.utf8.count <= 200, let first = text.utf8.first, "#*_aAsSkK".utf8.contains(first) else { return nil }
        var head = Substring(text.drop { $0 == "#" || $0 == "*" || $0 == "_" || $0.unicodeScalars.allSatisfy(\.isSpaceLike) })
        var rest = ""
        if let colon = head.firstIndex(of: ":") {
            rest = String(head[head.index(after: colon)...]).replacingOccurrences(of: "*", with: "").trimmingSpaces
            head = head[..<colon]
        }
        // `Answer key —`, `Answers -`: a dash closing the title.
        while let last = head.last, "-–—".contains(last) || last.unicodeScalars.allSatisfy(\.isSpaceLike) { head = head.dropLast() }
        let words = head.lowercased().split(whereSeparator: { $0 == "*" || $0 == "_" || $0.unicodeScalars.allSatisfy(\.isSpaceLike) })
            .joined(separator: " ")
        return titles.contains(words) ? rest : nil
    }

    /// `1. B`, `2) True`, `Q3: C`, `Question 4 - (D)`, `3 - C) three` (one answer and its option's
    /// text), or several bare ones: `1. B  2. True`, `1-B, 2-True; 3-C`. Nil for anything else.
    static func pairs(_ written: String) -> [(Int, String)]? {
        let text = markdownDropped(written)
        guard let first = text.utf8.first, (0x30...0x39).contains(first) || first | 0x20 == UInt8(ascii: "q") else { return nil }
        let words = text.split(whereSeparator: { " \t,;".contains($0) || $0.unicodeScalars.allSatisfy(\.isSpaceLike) }).map(String.init)
        var result: [(Int, String)] = []
        var index = 0
        while index < words.count {
            var word = words[index]
            if ["question", "q"].contains(word.lowercased()) {
                index += 1
                guard index < words.count else { return nil }
                word = words[index]
            } else {
                word = String(withoutQ(word))   // `Q3:`
            }
            let digits = word.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, digits.count <= 5, let number = Int(digits) else { return nil }
            var value = String(word.dropFirst(digits.count))
            if let separator = value.first, ".):-–=".contains(separator) { value.removeFirst() }
            index += 1
            if value.isEmpty {
                // `1 - B`, `1 B`: the separator and the value as words of their own.
                if index < words.count, ["-", "–", "=", ":", ".", ")"].contains(words[index]) { index += 1 }
                guard index < words.count else { return nil }
                value = words[index]
                index += 1
            }
            // `2. Yes`, `2. No`: a true/false answer as a questionnaire writes it (read as `Answer: Yes`).
            guard QuizLine.bareChoice(value) != nil || ["yes", "no"].contains(value.lowercased()) else { return nil }
            // One answer may carry its option's text (`3 - C) three`), read and checked as an answer
            // line; not a bare letter opening prose (`1. A linear scan checks…`, `Q2: A patient has…`).
            if result.isEmpty, index < words.count, !startsAnAnswer(words[index]) {
                let marked = value.hasSuffix(")") || value.hasSuffix(".") || value.hasSuffix(":") || ["-", "–", "—"].contains(words[index])
                guard marked || QuizLine.bareChoice(value).map({ $0.count > 1 }) == true else { return nil }
                return [(number, ([value] + words[index...]).joined(separator: " "))]
            }
            result.append((number, value))
        }
        return result.isEmpty ? nil : result
    }

    /// The line without Markdown: a list's bullet (`- 1. B`, `* 1. B`, `• 1. B`), emphasis
    /// (`1. **B**`, `**1.** B`, `` `B` ``) and a table row's bars (`| 1 | B |`).
    static func markdownDropped(_ text: String) -> String {
        var line = Substring(QuizLine.withoutCheckMark(text.trimmingSpaces))   // `1. B ✅`
        if let first = line.first, "-*•+".contains(first), line.dropFirst().first == " " { line = line.dropFirst(2) }
        guard line.contains(where: { "*_`|".contains($0) }) else { return String(line) }
        return String(line.map { "*_`".contains($0) ? "" : $0 == "|" ? " " : String($0) }.joined()).trimmingSpaces
    }

    /// A table's header row (`| Question | Answer |`, no cell opening with a number) or its rule
    /// (`|---|:-:|`): no answers, and nothing to warn of.
    static func isTableFrame(_ text: String) -> Bool {
        let line = text.trimmingSpaces
        guard line.hasPrefix("|") else { return false }
        let cells = line.split(separator: "|").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
        if cells.allSatisfy({ $0.allSatisfy { "-:".contains($0) } }) { return true }
        return !cells.contains { cell in withoutQ(cell.replacingOccurrences(of: "*", with: "")).first.map { $0.isASCII && $0.isNumber } == true }
    }

    /// A word that opens a numbered answer: `2.`, `2-B`, `Q2:`, `Question`.
    private static func startsAnAnswer(_ word: String) -> Bool {
        if ["question", "q"].contains(word.lowercased()) { return true }
        return withoutQ(word).first.map { $0.isASCII && $0.isNumber } == true
    }

    /// `Q3:` without its `Q`; any other word as it is.
    private static func withoutQ(_ word: String) -> Substring {
        guard word.first == "q" || word.first == "Q", let next = word.dropFirst().first, next.isASCII, next.isNumber else { return Substring(word) }
        return word.dropFirst()
    }
}
