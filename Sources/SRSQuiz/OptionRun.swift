import SRSCore
/// The options of a multiple-choice item: consecutive letters from A, blank lines between them
/// allowed, two to eight of them. `start` is the index of the A line, `end` is one past the last.
struct OptionRun: Equatable, Sendable {
    var start: Int
    var end: Int
    var options: [QuizOptionLine]

    /// The first A line followed (after blank lines) by a B line starts the run; it grows while
    /// the next non-blank line carries the next letter and does not read as prose.
    static func find(in lines: [QuizLine]) -> OptionRun? {
        for index in lines.indices where lines[index].optionIndex == 0 {
            guard let next = nextNonBlank(in: lines, after: index), lines[next].optionIndex == 1,
                  let first = lines[index].option, let second = lines[next].option, second.index == 1
            else { continue }
            var run = OptionRun(start: index, end: next + 1, options: [first, second])
            run.extend(in: lines)
            return run
        }
        return nil
    }

    private mutating func extend(in lines: [QuizLine]) {
        while options.count < maximumOptionCount,
              let next = Self.nextNonBlank(in: lines, after: end - 1),
              lines[next].optionIndex == options.count, let option = lines[next].option,
              option.index == options.count,
              !Self.readsAsProse(option, after: options) {
            options.append(option)
            end = next + 1
        }
    }

    private static func nextNonBlank(in lines: [QuizLine], after index: Int) -> Int? {
        lines[(index + 1)...].firstIndex { !$0.isBlank }
    }

    /// An explanation that happens to start with the next letter (`Every…` after option D) is
    /// told from an option by its shape: its text starts lower-case where no option's does, or
    /// it is a sentence (ends with `.`, `!` or `?`, where no option does) much longer than them.
    static func readsAsProse(_ candidate: QuizOptionLine, after options: [QuizOptionLine]) -> Bool {
        let texts = options.map(\.text)
        if startsLowercase(candidate.text), !texts.contains(where: startsLowercase) { return true }
        let longest = texts.map(\.count).max() ?? 0
        return endsSentence(candidate.text) && !texts.contains(where: endsSentence)
            && candidate.text.count > max(60, 2 * longest)
    }

    private static func startsLowercase(_ text: String) -> Bool {
        text.unicodeScalars.first?.isLowercaseLetter ?? false
    }

    private static func endsSentence(_ text: String) -> Bool {
        let trimmed = text.unicodeScalars.reversed().drop { "\"')”’»".unicodeScalars.contains($0) }
        guard let last = trimmed.first else { return false }
        return ".!?。！？".unicodeScalars.contains(last)
    }
}
