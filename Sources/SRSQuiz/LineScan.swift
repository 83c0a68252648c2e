/// The first index at or after each index of a block's lines where a kind of line stands,
/// found in one backward pass. `QuizParser.splitHeaderless` asks, for each item it splits off,
/// where the next option run, true/false pair or answer line is; read again from the item's
/// first line each time, the rest of the block was read once per item (quadratic in the items
/// of a file without headers: 100,000 numbered items took minutes).
struct NextIndex {
    /// `next[i]`: the first index at or after `i` that holds; `count` when none does. 32 bits
    /// each: a block of ten million lines keeps eight of these.
    private var next: [Int32]

    init(count: Int, where holds: (Int) -> Bool) {
        precondition(count < Int(Int32.max), "a block of over two billion lines")
        next = Array(repeating: Int32(count), count: count + 1)
        var index = count - 1
        while index >= 0 {
            next[index] = holds(index) ? Int32(index) : next[index + 1]
            index -= 1
        }
    }

    /// The first index at or after `index` that holds, if any.
    func first(from index: Int) -> Int? {
        let count = next.count - 1
        guard index < count else { return nil }
        let found = Int(next[max(0, index)])
        return found < count ? found : nil
    }

    /// Sets whether `index` holds, after its line changed; later indices are unchanged.
    mutating func update(at index: Int, holds: Bool) {
        guard index < next.count - 1 else { return }
        next[index] = holds ? Int32(index) : next[index + 1]
    }
}

/// What a line of a block is, for `LineScan`: a bit for each kind of line it looks for.
struct LineKinds: OptionSet, Sendable {
    let rawValue: UInt16
    static let blank = LineKinds(rawValue: 1 << 0)
    static let rule = LineKinds(rawValue: 1 << 1)
    /// `Answer: B` (`QuizLine.answerValue`).
    static let answer = LineKinds(rawValue: 1 << 2)
    /// `Ans. B`, `Key: F` (`QuizLine.bareAnswerValue`).
    static let bareAnswer = LineKinds(rawValue: 1 << 3)
    /// `Model answer: …` or a short answer's `Answer: …` (`QuizLine.shortAnswerValue`).
    static let shortAnswer = LineKinds(rawValue: 1 << 4)
    /// `Model answer: …`, `Suggested answer: …` (`QuizLine.modelAnswerValue`).
    static let modelAnswer = LineKinds(rawValue: 1 << 5)
    static let markedTrue = LineKinds(rawValue: 1 << 6)
    static let markedFalse = LineKinds(rawValue: 1 << 7)
    /// Ends in `?`.
    static let asks = LineKinds(rawValue: 1 << 8)
    /// An option run starts here (`OptionRun.opens`).
    static let opensRun = LineKinds(rawValue: 1 << 9)
    /// A `TTrue` line with an `FFalse` line next, blank lines between.
    static let opensTrueFalsePair = LineKinds(rawValue: 1 << 10)
    /// After a blank line or a rule, a numbered paragraph holding an answer line or a model
    /// answer (`2. The Sun is a star.` / `Answer: True`), or a question (`…?`, no model answer
    /// itself) with a model answer on the next line.
    static let opensNumberedAnswer = LineKinds(rawValue: 1 << 11)

    /// The kinds a line is of by itself (all but the two pairs, which need the lines after it).
    init(_ index: Int, in lines: [QuizLine]) {
        let line = lines[index]
        var kinds: LineKinds = line.isBlank ? .blank : []
        guard !line.isBlank else { self = kinds; return }
        if line.isRule { kinds.insert(.rule) }
        if line.answerValue != nil { kinds.insert(.answer) }
        if line.bareAnswerValue != nil { kinds.insert(.bareAnswer) }
        if line.shortAnswerValue != nil { kinds.insert(.shortAnswer) }
        if line.modelAnswerValue != nil { kinds.insert(.modelAnswer) }
        if let marker = line.trueFalseMarker { kinds.insert(marker ? .markedTrue : .markedFalse) }
        if line.text.hasSuffix("?") { kinds.insert(.asks) }
        if OptionRun.opens(at: index, in: lines) { kinds.insert(.opensRun) }
        self = kinds
    }

    init(rawValue: UInt16) { self.rawValue = rawValue }
}

/// A block's lines with the indices `QuizParser.splitHeaderless` looks for, found once. Its
/// answers are those of the plain scans over `lines[base...]` (`OptionRun.find(in:)`,
/// `firstIndex(where:)`) for any `base` at or after the last line changed by `replace`: every
/// kind of line here is told from its own line and the lines after it, and a line before
/// `base` is never read. In a block of more than `tablesAbove` lines each line's kinds are read
/// once, and `NextIndex` tables then answer each question at once; in a shorter one a search
/// reads the lines from its start, as the plain scans do (cheaper than reading every kind of
/// every line, and the rest of a short block is short).
final class LineScan {
    /// What `first(_:from:)` looks for.
    enum Looked: Int, CaseIterable {
        case nonBlank, run, otherRun, answer, shortAnswer, modelAnswer, trueFalsePair, numberedAnswer, asking

        func holds(_ kinds: LineKinds) -> Bool {
            switch self {
            case .nonBlank: !kinds.contains(.blank)
            case .run: kinds.contains(.opensRun)
            // A run that does not open with an answer line (`OptionRun.another`).
            case .otherRun: kinds.contains(.opensRun) && kinds.isDisjoint(with: [.answer, .bareAnswer])
            case .answer: !kinds.isDisjoint(with: [.answer, .bareAnswer])
            case .shortAnswer: kinds.contains(.shortAnswer)
            // In an item of no known type only `Model answer:`… (an `Answer:` line may be any type's).
            case .modelAnswer: kinds.contains(.shortAnswer) && !kinds.contains(.answer)
            case .trueFalsePair: kinds.contains(.opensTrueFalsePair)
            case .numberedAnswer: kinds.contains(.opensNumberedAnswer)
            case .asking: kinds.contains(.asks)
            }
        }
    }

    private(set) var lines: [QuizLine]
    /// One for each of `Looked`, or none in a short block.
    private var tables: [NextIndex] = []
    /// `OptionRun.find` from a first run's start, by whether the lines before that run ask.
    private var found: [Int: [Bool: OptionRun]] = [:]

    init(_ lines: [QuizLine], tablesAbove: Int = 64) {
        self.lines = lines
        guard lines.count > tablesAbove else { return }
        var kinds = lines.indices.map { LineKinds($0, in: lines) }
        // The pairs, from the end: the next non-blank line, and the next blank or answer line.
        var nextNonBlank: Int?
        var nextStop: Int?
        for index in lines.indices.reversed() {
            if kinds[index].contains(.markedTrue), let next = nextNonBlank, kinds[next].contains(.markedFalse) {
                kinds[index].insert(.opensTrueFalsePair)
            }
            if index > 0, !kinds[index].contains(.blank), !kinds[index - 1].isDisjoint(with: [.blank, .rule]) {
                let opens: Bool
                if QuizLine.numberedQuestion(lines[index].text) != nil {
                    opens = nextStop.map { !kinds[$0].contains(.blank) } ?? false
                } else {
                    opens = kinds[index].contains(.asks) && !kinds[index].contains(.modelAnswer) && index + 1 < lines.count
                        && kinds[index + 1].contains(.modelAnswer)
                }
                if opens { kinds[index].insert(.opensNumberedAnswer) }
            }
            if !kinds[index].contains(.blank) { nextNonBlank = index }
            if !kinds[index].isDisjoint(with: [.blank, .answer, .bareAnswer, .modelAnswer]) { nextStop = index }
        }
        tables = Looked.allCases.map { looked in NextIndex(count: kinds.count) { looked.holds(kinds[$0]) } }
    }

    /// The first index at or after `start` whose line is what `looked` looks for.
    func first(_ looked: Looked, from start: Int) -> Int? {
        if !tables.isEmpty { return tables[looked.rawValue].first(from: start) }
        var index = max(0, start)
        while index < lines.count {
            if holds(looked, at: index) { return index }
            index += 1
        }
        return nil
    }

    /// `looked.holds(kinds[index])`, read from the lines (a short block has no kinds: a search
    /// there stops at the first line found, as the plain scans did, and reads no more of them).
    private func holds(_ looked: Looked, at index: Int) -> Bool {
        let line = lines[index]
        switch looked {
        case .nonBlank: return !line.isBlank
        case .run: return OptionRun.opens(at: index, in: lines)
        case .otherRun: return OptionRun.opens(at: index, in: lines) && line.answerValue == nil && line.bareAnswerValue == nil
        case .answer: return line.answerValue != nil || line.bareAnswerValue != nil
        case .shortAnswer: return line.shortAnswerValue != nil
        case .modelAnswer: return line.shortAnswerValue != nil && line.answerValue == nil
        case .trueFalsePair:
            guard line.trueFalseMarker == true, let next = first(.nonBlank, from: index + 1) else { return false }
            return lines[next].trueFalseMarker == false
        case .numberedAnswer:
            guard index > 0, lines[index - 1].isBlank || lines[index - 1].isRule, !line.isBlank else { return false }
            if QuizLine.numberedQuestion(line.text) != nil {
                return lines[(index + 1)...].prefix { !$0.isBlank }
                    .contains { $0.answerValue != nil || $0.bareAnswerValue != nil || $0.modelAnswerValue != nil }
            }
            return line.text.hasSuffix("?") && line.modelAnswerValue == nil && index + 1 < lines.count
                && lines[index + 1].modelAnswerValue != nil
        case .asking: return line.text.hasSuffix("?")
        }
    }

    /// Puts `line` at `index` (a question without its number); only lines from `index` on are
    /// read after this.
    func replace(at index: Int, with line: QuizLine) {
        lines[index] = line
        found[index] = nil
        guard !tables.isEmpty else { return }
        var kinds = LineKinds(index, in: lines)
        if kinds.contains(.markedTrue), let next = first(.nonBlank, from: index + 1), lines[next].trueFalseMarker == false {
            kinds.insert(.opensTrueFalsePair)
        }
        // (Never `.opensNumberedAnswer`: that is asked for only after a line before it.)
        for looked in Looked.allCases { tables[looked.rawValue].update(at: index, holds: looked.holds(kinds)) }
    }

    /// `OptionRun.first(in: lines, from: start)`.
    func firstRun(from start: Int) -> OptionRun? {
        first(.run, from: start).flatMap { OptionRun.run(at: $0, in: lines) }
    }

    /// `OptionRun.another(in: lines, from: start)`.
    func anotherRun(from start: Int) -> OptionRun? {
        first(.otherRun, from: start).flatMap { OptionRun.run(at: $0, in: lines) }
    }

    /// `OptionRun.find` over `lines[base...]`, in the indices of `lines`.
    func findRun(from base: Int) -> OptionRun? {
        guard let first = first(.run, from: base) else { return nil }
        let asked = asks(base..<first)
        if let known = found[first]?[asked] { return known }
        let run = OptionRun.find(in: lines, from: base, scan: self)
        if let run { found[first, default: [:]][asked] = run }
        return run
    }

    /// Whether a line of `range` ends in `?`.
    func asks(_ range: Range<Int>) -> Bool {
        guard !range.isEmpty, let index = first(.asking, from: range.lowerBound) else { return false }
        return index < range.upperBound
    }
}
