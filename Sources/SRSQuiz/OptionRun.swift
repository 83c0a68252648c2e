import SRSCore

/// The options of a multiple-choice item: consecutive letters from A, blank lines between them
/// allowed, two to eight of them. `start` is the index of the A line, `end` is one past the last.
struct OptionRun: Equatable, Sendable {
    var start: Int
    var end: Int
    var options: [QuizOptionLine]
    /// The line where the end of the options was a guess (the cues did not decide), if any.
    var undecidedLine: Int?

    /// The first A line followed (after blank lines) by a B line starts the run; it grows while
    /// the next non-blank line carries the next letter and does not read as prose. When a run
    /// is followed by a line that asks (ends with `?`) and then by another run, the first was
    /// part of a question over several lines (`Alice…` / `Bob…` / `Who…?`) and the later run
    /// holds the options.
    /// Not when the lines before the run already ask (`…largest?`) and a blank line or a number
    /// (`2. Which…?`) sets the asking line apart: that is the next item's question.
    static func find(in lines: [QuizLine]) -> OptionRun? {
        find(in: lines, from: 0, scan: nil)
    }

    /// `find(in: Array(lines[base...]))`, in the indices of `lines`; with `scan` (made from
    /// `lines`), without reading every line after the runs it finds.
    static func find(in lines: [QuizLine], from base: Int, scan: LineScan?) -> OptionRun? {
        func first(from start: Int) -> OptionRun? { scan.map { $0.firstRun(from: start) } ?? Self.first(in: lines, from: start) }
        func nonBlank(from start: Int) -> Int? { scan.map { $0.first(.nonBlank, from: start) } ?? lines[start...].firstIndex { !$0.isBlank } }
        guard var run = first(from: base) else { return nil }
        // once: the run's own question
        let asked = scan?.asks(base..<run.start) ?? lines[base..<run.start].contains { $0.text.hasSuffix("?") }
        while let at = nonBlank(from: run.end), lines[at].text.hasSuffix("?"),
              let later = first(from: run.end) {
            if asked, at > run.end || QuizLine.numberedQuestion(lines[at].text) != nil { break }
            run = later
        }
        // `Assume the bank raises rates.` / `Based on this, what happens…?` / `AThey rise` / `BThey
        // fall`: lines that read as glued options only as words (a lower-case letter after each
        // letter), right before a run that does not, were the question's.
        while run.options.allSatisfy({ $0.glued && $0.text.first?.isLowercase == true && OptionShape.endsSentence($0.text) }),
              let next = nonBlank(from: run.end), lines[next].optionIndex == 0,
              lines[next].answerValue == nil, lines[next].bareAnswerValue == nil,
              let later = first(from: next), later.start == next,
              !later.options.allSatisfy({ $0.glued && $0.text.first?.isLowercase == true }) {
            run = later
        }
        run.dropSharedSeparator()
        return run
    }

    /// `A.Rome`, `B.Paris` (or `A:Rome`): a `.` or `:` glued to every letter of the run is a
    /// separator, not text; one option's `.NET` among others is its text, and so is `.txt` after
    /// `A) ` (a separator already stands there).
    private mutating func dropSharedSeparator() {
        for separator in [".", ":"] where options.count >= 2
            && options.allSatisfy({ $0.glued && $0.text.hasPrefix(separator) && $0.text.count > 1 }) {
            options = options.map {
                QuizOptionLine(index: $0.index, text: String($0.text.dropFirst()).trimmingSpaces, marked: $0.marked)
            }
            return
        }
    }

    /// This run reviews `own`, the item's options, rather than being another item's: an option
    /// opens with the same letter's text of `own` and goes on (`A) Mars is cold…` for `A) Mars`),
    /// or with a verdict (`A) Incorrect – Venus is second.`).
    func reviews(_ own: OptionRun) -> Bool {
        options.contains { option in
            let words = TextTokens.words(option.text)
            if let first = words.first, ["correct", "incorrect", "wrong", "right", "true", "false", "yes", "no"].contains(first) {
                return true
            }
            guard own.options.indices.contains(option.index) else { return false }
            let ownWords = TextTokens.words(own.options[option.index].text)
            return words.count > ownWords.count && words.starts(with: ownWords)
        }
    }

    /// The first run at or after `start` that does not open with an answer line (`Answer = B` /
    /// `Because.` read as glued `A` and `B` lines): another item's options, where it has no header.
    static func another(in lines: [QuizLine], from start: Int) -> OptionRun? {
        var from = start
        while let run = first(in: lines, from: from) {
            if lines[run.start].answerValue == nil, lines[run.start].bareAnswerValue == nil { return run }
            from = run.start + 1
        }
        return nil
    }

    static func first(in lines: [QuizLine], from start: Int) -> OptionRun? {
        for index in lines.indices.dropFirst(start) {
            if let run = run(at: index, in: lines) { return run }
        }
        return nil
    }

    /// Whether a run starts at `index`: an A line with a B line next (`run(at:in:)`).
    static func opens(at index: Int, in lines: [QuizLine]) -> Bool {
        opening(at: index, in: lines) != nil
    }

    /// The run that starts at `index`, if one does; it is told from the lines from `index` on.
    static func run(at index: Int, in lines: [QuizLine]) -> OptionRun? {
        guard let (first, next, second) = opening(at: index, in: lines) else { return nil }
        var run = OptionRun(start: index, end: next + 1, options: [first, second])
        run.extend(in: lines)
        return run
    }

    private static func opening(at index: Int, in lines: [QuizLine]) -> (QuizOptionLine, Int, QuizOptionLine)? {
        guard lines[index].optionIndex == 0, let (next, wrapped) = nextLetterLine(in: lines, after: index, letter: 1),
              let first = lines[index].option, let second = lines[next].option, second.index == 1 else { return nil }
        return (first.continued(by: wrapped, in: lines), next, second)
    }

    private mutating func extend(in lines: [QuizLine]) {
        while options.count < maximumOptionCount,
              let (next, wrapped) = Self.nextLetterLine(in: lines, after: end - 1, letter: options.count),
              let option = lines[next].option, option.index == options.count {
            let shape = OptionShape(candidate: option, siblings: options, afterBlank: lines[end..<next].contains { $0.isBlank },
                                    siblingsSpaced: spaced(lines), nextLetterFollows: Self.nextLetter(after: next, in: lines))
            if shape.verdict == .prose { return }
            if shape.verdict == .undecided, undecidedLine == nil { undecidedLine = lines[next].number }
            if shape.verdict == .undecided, shape.leansToProse { return }
            options[options.count - 1] = options[options.count - 1].continued(by: wrapped, in: lines)
            options.append(option)
            end = next + 1
        }
    }

    /// The line of option `letter` after the line at `index`, past blank lines and at most two
    /// lines that continue the option before it (a wrapped option: `A) Representations change,
    /// allowing` / `layers to specialize` / `B) …`): each opens in lower case or with a digit, the
    /// line before it ends no sentence, and the next letter's line follows them.
    private static func nextLetterLine(in lines: [QuizLine], after index: Int, letter: Int) -> (Int, [Int])? {
        var wrapped: [Int] = []
        var previous = index
        var position = index + 1
        while position < lines.count {
            let line = lines[position]
            if line.isBlank { position += 1; continue }
            if line.optionIndex == letter {
                // Only options written with a separator wrap (`A) …`): a question line that
                // opens with a capital A–H word (`Assume…`, `Alice…`) reads as a glued option.
                guard wrapped.isEmpty || (lines[index].option?.glued == false && line.option?.glued == false) else { return nil }
                return (position, wrapped)
            }
            guard wrapped.count < 2, line.optionIndex == nil, line.answerValue == nil, line.bareAnswerValue == nil, !line.looksLikeHeader,
                  let first = line.text.unicodeScalars.first, first.properties.isLowercase || ("0"..."9").contains(first),
                  !OptionShape.endsSentence(lines[previous].text) else { return nil }
            wrapped.append(position)
            previous = position
            position += 1
        }
        return nil
    }

    /// True when blank lines stand between the options so far.
    private func spaced(_ lines: [QuizLine]) -> Bool {
        lines[start..<end].contains { $0.isBlank }
    }

    /// True when the line after `index` carries the letter after `index`'s and reads as an
    /// option (glued, not lower-case after upper-case): the options go on.
    private static func nextLetter(after index: Int, in lines: [QuizLine]) -> Bool {
        guard let letter = lines[index].optionIndex, let next = nextNonBlank(in: lines, after: index),
              let option = lines[next].option else { return false }
        return option.index == letter + 1
    }

    private static func nextNonBlank(in lines: [QuizLine], after index: Int) -> Int? {
        lines[(index + 1)...].firstIndex { !$0.isBlank }
    }
}

/// Whether a line carrying the next option's letter is that option or the explanation, from
/// its likeness to the options before it (`docs/quiz-format.md`, "Where the options end").
struct OptionShape {
    enum Verdict { case option, prose, undecided }

    let verdict: Verdict
    /// For an undecided line: it ends a sentence and is longer than every option, so it is read
    /// as the explanation; otherwise as an option.
    let leansToProse: Bool

    init(candidate: QuizOptionLine, siblings: [QuizOptionLine], afterBlank: Bool, siblingsSpaced: Bool,
         nextLetterFollows: Bool = false) {
        let texts = siblings.map(\.text)
        let sentence = Self.endsSentence(candidate.text)
        let words = Self.wordCount(candidate.text), longest = texts.map(Self.wordCount).max() ?? 0
        leansToProse = sentence && words > longest
        if nextLetterFollows, !sentence || texts.contains(where: Self.endsSentence) {
            verdict = .option   // `Ctanh` between `BSigmoid` and `DLeaky ReLU`
            return
        }
        if candidate.glued, Self.opensAWordOfItsOwn(candidate.text) {
            verdict = .option   // `DThe inductive…`, `Dthe regularity…`: no word starts so
            return
        }
        if Self.startsLowercase(candidate.text), !texts.contains(where: Self.startsLowercase) {
            // `Dresting the index finger…` after `AWrapping…`, `BThe pinch grip…`: no sentence, as none
            // of its siblings is, and no longer than they are, it may be an option typed in lower case
            // (`During the 1990s…` ends a sentence: prose).
            let optionLike = candidate.glued && !sentence && !texts.contains(where: Self.endsSentence) && words <= max(3, 2 * longest)
            verdict = optionLike ? .undecided : .prose
            return
        }
        var cues = 0
        if sentence, !texts.contains(where: Self.endsSentence) { cues += 1 }
        if words >= 4, words >= 2 * longest { cues += 1 }
        if afterBlank, !siblingsSpaced { cues += 1 }
        verdict = cues >= 2 ? .prose : cues == 1 ? .undecided : .option
    }

    /// The text after a glued letter opens with a word of its own: a capitalised word (`The`,
    /// `Public-key`; a capital and then a lower-case letter) or `the`. Glued to the letter, it makes
    /// no word of an explanation (`DThe…`, `Dthe…`), as `During` (`D` + `uring`) or `DNA` would.
    static func opensAWordOfItsOwn(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars.prefix(4))
        if scalars.count >= 2, scalars[0].isUppercaseLetter, scalars[1].isLowercaseLetter { return true }
        return text.hasPrefix("the ")
    }

    static func startsLowercase(_ text: String) -> Bool {
        text.unicodeScalars.first?.isLowercaseLetter ?? false
    }

    static func endsSentence(_ text: String) -> Bool { ModelAnswerExtent.endsSentence(text) }

    /// Runs of characters between spaces. ASCII text is counted on its bytes; other text by
    /// characters, where a space with a combining mark on it is no space.
    static func wordCount(_ text: String) -> Int {
        let utf8 = text.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return text.split { $0 == " " }.count }
        var count = 0, previous: UInt8 = 0x20
        for byte in utf8 {
            if byte != 0x20, previous == 0x20 { count += 1 }
            previous = byte
        }
        return count
    }
}
