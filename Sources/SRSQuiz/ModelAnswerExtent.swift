/// Where a model answer written after `Model answer: text` ends. The format does not mark it,
/// so it is read from cues (`docs/quiz-format.md`, "Where a model answer ends"): a following
/// line (before any blank line) continues the answer when the answer so far stops mid-sentence
/// (no final `.`, `!`, `?`; or `,`, `:`, `;`), when the line starts in lower case, or when it is
/// an item of a list the answer opened (`1.`, `2)`, `-`, `•`). The first line that continues
/// nothing starts the explanation, and an `Explanation:` label after them ends the answer. When
/// a sentence-complete answer line is followed by more lines and then a blank line and a further
/// paragraph, the cues do not decide: the blank line sets the explanation apart, so the answer
/// runs up to it, and a warning names the line.
enum ModelAnswerExtent {
    struct Extent {
        /// Lines of `following` that belong to the model answer.
        var count: Int
        /// The line whose reading is a guess, when the cues did not decide.
        var undecidedLine: Int?
        /// The guess took the lines up to a blank line into the answer (else it ended the answer
        /// before `undecidedLine`).
        var joinedUpToBlank = false
    }

    static func extent(first: String, following: ArraySlice<QuizLine>) -> Extent {
        // `Model answer: Au` / `Gold's symbol comes from the Latin aurum.`: a short answer without
        // a final stop, then a sentence of its own (capital first, four words or more, ending as
        // a sentence ends): the answer is the short line; a guess, so the line is named.
        if let next = following.first, !next.isBlank, isShortPhrase(first), opensASentence(next.text) {
            return Extent(count: 0, undecidedLine: next.number)
        }
        var last = first, shown = false
        var count = 0
        for line in following {
            // `The formula is:` / `E = mc²` (/ `PE = mgh`…) / `Einstein derived it in 1905.`: short lines
            // shown after a colon, then a sentence of its own, which starts the explanation; a guess,
            // so it is named.
            if shown, isShortPhrase(last), !isListItem(last), opensASentence(line.text) {
                return Extent(count: count, undecidedLine: line.number)
            }
            guard !line.isBlank, continues(last, with: line.text) else { break }
            shown = last.hasSuffix(":") || (shown && isShortPhrase(last) && !isListItem(last))
            last = line.text
            count += 1
        }
        let rest = following.dropFirst(count)
        let paragraph = rest.prefix { !$0.isBlank }
        let later = rest.dropFirst(paragraph.count).contains { !$0.isBlank }
        // `Model answer: Input is run as SQL.` / `It is prevented with…` / `Explanation: …`: the
        // label marks where the explanation starts, so the lines before it are the answer's.
        if let label = paragraph.firstIndex(where: { $0.explanationValue != nil }), label > paragraph.startIndex {
            return Extent(count: count + (label - paragraph.startIndex), undecidedLine: nil)
        }
        // `Model answer: It is so.` / `Maybe more.` / blank / `Why it is.`: the blank line sets the
        // explanation apart, as the warning of the other guesses advises, so the lines before it
        // are the answer; still a guess, so the first of them is named.
        // Only after an answer of eight words or more: a short one (`Paris.`) is whole, what follows
        // it the explanation; and never past an `Explanation:` label.
        if !paragraph.isEmpty, later, endsSentence(last), let line = paragraph.first?.number {
            let joins = TextTokens.words(count == 0 ? first : last).count >= 8
                && !paragraph.contains { $0.text.lowercased().hasPrefix("explanation") }
            return joins ? Extent(count: count + paragraph.count, undecidedLine: line, joinedUpToBlank: true)
                : Extent(count: count, undecidedLine: line)
        }
        return Extent(count: count, undecidedLine: nil)
    }

    /// Five words at most, not ending as a sentence or a clause ends (`Au`, `Paris`, `The Krebs cycle`).
    static func isShortPhrase(_ text: String) -> Bool {
        guard let last = text.unicodeScalars.last, !",:;".unicodeScalars.contains(last), !endsSentence(text) else { return false }
        return TextTokens.words(text).count <= 5
    }

    /// A capital first letter, four words or more, and the end of a sentence; no list item.
    static func opensASentence(_ text: String) -> Bool {
        guard text.unicodeScalars.first?.properties.isUppercase == true, !isListItem(text), endsSentence(text) else { return false }
        return TextTokens.words(text).count >= 4
    }

    static func continues(_ previous: String, with next: String) -> Bool {
        if next.unicodeScalars.first?.isLowercaseLetter == true { return true }
        if isListItem(next) { return previous.hasSuffix(":") || isListItem(previous) }
        // After a list (`1. Mix the flour` / `2. Bake the dough`), a line opening in capitals is no item.
        if isListItem(previous), next.unicodeScalars.first?.properties.isUppercase == true { return false }
        if next.lowercased().hasPrefix("explanation") { return false }
        return !endsSentence(previous)
    }

    static func endsSentence(_ text: String) -> Bool {
        // Closing quotes, brackets and emphasis after the stop (`*It is ATP.*`) aside.
        let trimmed = text.unicodeScalars.reversed().drop { "\"')”’»]*_".unicodeScalars.contains($0) || $0.isSpaceLike }
        guard let last = trimmed.first else { return false }
        return ".!?。！？".unicodeScalars.contains(last)
    }

    /// `1.`, `2)`, `a)`, `-`, `*`, `•`, `–` followed by a space.
    static func isListItem(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars.prefix(5))
        guard let first = scalars.first else { return false }
        if "-*•–".unicodeScalars.contains(first) { return scalars.count > 1 && scalars[1].isSpaceLike }
        let marker = scalars.prefix { $0.isDigitLike }.count
        let at = marker == 0 && first.isLowercaseLetter ? 1 : marker
        guard at > 0, at + 1 < scalars.count else { return false }
        return ".)".unicodeScalars.contains(scalars[at]) && scalars[at + 1].isSpaceLike
    }
}
