import SRSCore
/// Reads quiz text (the format in `docs/quiz-format.md`) into items, errors and warnings.
///
/// Pure and total: any bytes give a result, in time linear in their length. Items are split at
/// header lines (`Question N …`); text before the first header is an item of its own when it
/// is not blank. Each item is then read by its type, from the header or from its content.
public enum QuizParser {
    /// `Answer:` alone on its line, then `B` (or `(B)`, `True`…) alone on the next: one answer line,
    /// numbered as the label's. Only a bare choice is joined; any other next line stays what it
    /// is (an empty `Answer:` before a sentence is still an error naming its line).
    /// `B) two`, `B. two`, `Option B`, `Choice (b)`: a line led by a choice as an answer line's value
    /// is (the value reading then checks the letter against the text); not `B vitamins…`, `C is…`.
    static func letterLed(_ text: String) -> String? {
        let value = text.trimmingSpaces
        let words = value.split(separator: " ", maxSplits: 2)
        guard let head = words.first else { return nil }
        if ["option", "choice"].contains(head.lowercased()), words.count == 2, QuizLine.bareChoice(String(words[1])) != nil { return value }
        // `True, mammals have four chambers.`: a truth word and its reason.
        if words.count > 1, let last = head.last, ",.".contains(last), ["true", "false"].contains(head.dropLast().lowercased()) { return value }
        guard head.utf8.count == 2, let letter = head.utf8.first, (65...72).contains(letter) || (97...104).contains(letter),
              [UInt8(ascii: ")"), UInt8(ascii: ".")].contains(head.utf8.last!), words.count > 1 else { return nil }
        return value
    }

    /// The nearest header before `index` (at most 100 lines back) is a `Short Answer` one: there
    /// `Answer:` alone takes the whole next paragraph as the model answer.
    static func underShortAnswerHeader(_ lines: [QuizLine], before index: Int) -> Bool {
        for line in lines[max(0, index - 100)..<index].reversed() {
            if let header = line.header { return header.type == .shortAnswer }
        }
        return false
    }

    /// `Mitochondrion`, `Two`: six words at most ending no sentence, and no line of another kind (a
    /// header, an option, an answer, true/false or model answer line): an option's text as a value
    /// (the value reading then finds the option, or refuses the line as it refused `Answer:` alone).
    static func shortValue(_ line: QuizLine) -> String? {
        let text = line.text.trimmingSpaces
        guard !text.isEmpty, text.utf8.count <= 60, TextTokens.words(text).count <= 6, !ModelAnswerExtent.endsSentence(text),
              !text.hasSuffix(":"), line.optionIndex == nil, line.answerValue == nil, line.bareAnswerValue == nil,
              line.modelAnswerValue == nil, line.trueFalseMarker == nil, line.header == nil, !line.looksLikeHeader else { return nil }
        return text
    }

    /// The text without Markdown emphasis around it (`**B**`, `__True__`), trimmed; nil when long
    /// or when it is no bare choice.
    static func unemphasized(_ text: String) -> String? {
        guard text.utf8.count <= 16 else { return nil }
        var core = Substring(text.trimmingSpaces)
        for mark in ["**", "__", "*", "_"] where core.count > 2 * mark.count && core.hasPrefix(mark) && core.hasSuffix(mark) {
            core = core.dropFirst(mark.count).dropLast(mark.count)
            break
        }
        return QuizLine.bareChoice(String(core)) != nil ? String(core) : nil
    }

    static func joiningAnswerValues(_ lines: [QuizLine]) -> [QuizLine] {
        var out: [QuizLine] = []
        out.reserveCapacity(lines.count)
        var index = 0
        while index < lines.count {
            let line = lines[index]
            // An empty value leaves the label's colon (or emphasis, or the full-width `：`) last.
            if index + 1 < lines.count, line.text.utf8.count <= 40, let last = line.text.utf8.last,
               last == UInt8(ascii: ":") || last == UInt8(ascii: "*") || last == UInt8(ascii: "_") || last == 0x9A,
               line.answerValue == "", let value = Self.unemphasized(lines[index + 1].text) ?? Self.letterLed(lines[index + 1].text)
                ?? (Self.underShortAnswerHeader(lines, before: index) ? nil : Self.shortValue(lines[index + 1])) {
                out.append(QuizLine(number: line.number, text: line.text + " " + value))
                index += 2
                continue
            }
            out.append(line)
            index += 1
        }
        return out
    }

    /// Parses UTF-8 quiz text (or UTF-16 with its byte-order mark). Invalid UTF-8 becomes U+FFFD,
    /// with a warning naming the first line that has it, and control characters are replaced
    /// (see `TerminalSafe`), so nothing that reaches a card can drive a terminal. `keys` says
    /// which keys explanations give (`KeyInference.Reading`: stated ones only, by default).
    public static func parse<Bytes: Collection<UInt8>>(_ bytes: Bytes, keys: KeyInference.Reading = .stated) -> QuizParseResult {
        var result = QuizParseResult()
        var inferences = KeyInference.Cache(reading: keys)
        let text = QuizText.lines(bytes)
        if let line = text.firstInvalidLine {
            result.warnings.append(QuizDiagnostic(.warning, line: line, position: nil, "bytes that are not UTF-8, "
                + "first on this line, are shown as \u{FFFD}; if the file is in Latin-1 or Windows-1252, save it as UTF-8 "
                + "and import it again"))
        }
        // An answer key at the end (`Answer key` / `1. B` / `2. False`): its answers join their items.
        var lines = text.lines
        var keyed: [Int: [QuizLine]] = [:]
        let section = AnswerKeySection.find(lines)
        if let section {
            lines.removeSubrange(section.start...)
            for (item, line) in section.answers { keyed[item, default: []].append(line) }
            for line in section.unreadable {
                result.warnings.append(QuizDiagnostic(.warning, line: line, position: nil, "this line of the answer key is not a "
                    + "numbered answer such as `1. B` or `2) True`; it is left out"))
            }
        }
        lines = joiningAnswerValues(lines)
        var allBlocks = blocks(lines)
        // `Biology Quiz - Chapter 3` before the first header: a title, no item (it has no options,
        // true/false lines, model answer or answer line), left out with a warning.
        if allBlocks.count > 1, let first = allBlocks.first, first.header == nil,
           QuizItemReader(block: first, position: 1).type == nil,
           !first.body.contains(where: { $0.answerValue != nil || $0.shortAnswerValue != nil }) {
            let line = first.body.first { !$0.isBlank }
            result.warnings.append(QuizDiagnostic(.warning, line: first.startLine, position: nil, "the text before the first "
                + "header (`\(line?.text.prefix(40) ?? "")`) has no options, true/false lines or model answer, so it is read as "
                + "a title and left out"))
            allBlocks.removeFirst()
        }
        let numbers = allBlocks.indices.map { allBlocks[$0].header?.number ?? $0 + 1 }
        if let section, !keyed.isEmpty, Set(numbers).count < numbers.count {
            // Two worksheets pasted together, an example item before `Question 1`: which item an
            // answer is for cannot be told.
            result.warnings.append(QuizDiagnostic(.warning, line: section.titleLine, position: nil, "the answer key is not used: "
                + "question numbers repeat in this file, so its answers could be for either item; number the questions apart, "
                + "or write each answer in its item as `Answer: X`"))
            keyed = [:]
        }
        for (position, var block) in allBlocks.enumerated() {
            result.itemCount += 1
            if let answers = keyed.removeValue(forKey: numbers[position]) {
                if QuizItemReader(block: block, position: result.itemCount).type == .shortAnswer {
                    result.warnings.append(QuizDiagnostic(.warning, line: answers[0].number, position: nil, "the answer key gives "
                        + "item \(numbers[position]) an answer, but it is a short-answer item; the line is left out"))
                } else {
                    block.body += answers
                }
            }
            for line in block.notHeaders {
                result.warnings.append(QuizDiagnostic(.warning, line: line, position: result.itemCount, "this line starts like "
                    + "an item header, but no options, true/false lines or answer follow it, so it is read as part of item "
                    + "\(result.itemCount)'s text; if it begins an item, give it a type: `Question N Multiple Choice`"))
            }
            // `2. Which planet…?` after item 1: the number the author wrote says an item starts, so
            // only an item set apart without it (or with another number) is a guess worth a warning.
            if block.split, block.header?.number != result.itemCount {
                let type = QuizItemReader(block: block, position: result.itemCount).type
                let header = "Question \(result.itemCount) " + (type == .trueFalse ? "True / False" : type == .shortAnswer ? "Short Answer" : "Multiple Choice")
                result.warnings.append(QuizDiagnostic(.warning, line: block.startLine, position: result.itemCount, "an item without a "
                    + "header is read from this line, as item \(result.itemCount), since options or true/false lines follow it; "
                    + "write a header such as `\(header)` before it to make it clear"))
            }
            var reader = QuizItemReader(block: block, position: result.itemCount)
            let item = reader.read(inferences: &inferences)
            result.warnings += reader.warnings
            switch item {
            case .success(let item): result.items.append(item)
            case .failure(let error): result.errors.append(error)
            }
        }
        for (item, answers) in keyed {
            result.warnings.append(QuizDiagnostic(.warning, line: answers[0].number, position: nil, "the answer key gives "
                + "item \(item), which this file does not have (it has \(result.itemCount) items); fix the number or remove the line"))
        }
        result.warnings += DuplicateItems.warnings(result.items)
        result.warnings = result.warnings.enumerated()
            .sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
        return result
    }

    /// Parses quiz text held in a `String`.
    public static func parse(text: String, keys: KeyInference.Reading = .stated) -> QuizParseResult {
        parse(Array(text.utf8), keys: keys)
    }

    /// Splits lines into items at header lines, dropping interface text.
    static func blocks(_ lines: [QuizLine]) -> [QuizBlock] {
        var blocks: [QuizBlock] = []
        var current = QuizBlock(header: nil, headerLine: nil, body: [])
        for line in lines where !line.isInterfaceText {
            if let header = line.header {
                if current.hasContent { blocks.append(current) }
                current = QuizBlock(header: header, headerLine: line.number,
                                    body: header.question.map { [QuizLine(number: line.number, text: $0)] } ?? [])
                current.headerText = line.text
            } else if let header = current.header, header.type == nil, !current.body.contains(where: { !$0.isBlank }),
                      let type = line.bareItemType {
                // `Question 1` and, on the next line, `Multiple Choice`.
                current.header = QuizHeader(number: header.number, type: type)
            } else {
                current.body.append(line)
            }
        }
        if current.hasContent { blocks.append(current) }
        // `Problem 1: The counter starts at 1, so…` inside an explanation reads as a header with its
        // question, but nothing after it is an item of any type: it stays the text of the item before.
        var merged: [QuizBlock] = []
        for block in blocks {
            if let header = block.header, header.type == nil, header.question != nil, let text = block.headerText,
               let last = merged.indices.last, QuizItemReader(block: block, position: 0).type == nil {
                merged[last].body += [QuizLine(number: block.headerLine ?? 0, text: text)] + block.body.dropFirst()
                merged[last].notHeaders.append(block.headerLine ?? 0)
                continue
            }
            merged.append(block)
        }
        if let first = merged.first, first.header == nil, let (title, rest) = titleBeforeNumberedItem(first) {
            merged.replaceSubrange(0...0, with: [title, rest])
        }
        return merged.flatMap { block in
            var items = splitHeaderless(block)
            // Lines that read as headers but begin no item are warned of in the item that holds them.
            if items.count > 1 {
                for line in block.notHeaders {
                    items.lastIndex { $0.body.first.map { $0.number <= line } ?? false }.map { items[$0].notHeaders.append(line) }
                }
            }
            return items
        }
    }

    /// `Biology Quiz - Chapter 3` / `1. Which gas…?` opening a file: at most three lines, none an
    /// option, an answer line or a sentence ending in `?` or `:` (a lead-in to a numbered list),
    /// before the first numbered question, which options or true/false lines follow. The title is
    /// a block of its own, which `parse` leaves out with a warning.
    static func titleBeforeNumberedItem(_ block: QuizBlock) -> (title: QuizBlock, rest: QuizBlock)? {
        guard let first = block.body.firstIndex(where: { !$0.isBlank }),
              QuizLine.numberedQuestion(block.body[first].text) == nil,
              let numbered = block.body.indices.dropFirst(first + 1).prefix(5).first(where: { QuizLine.numberedQuestion(block.body[$0].text) != nil })
        else { return nil }
        let title = block.body[first..<numbered].filter { !$0.isBlank }
        // No line of a title is an option, an answer or a true/false line, or asks a question.
        func isNoItemLine(_ line: QuizLine) -> Bool {
            // A letter glued to a word (`Biology Quiz`) is an option only in a run from `A`.
            let option = line.optionIndex != nil && (line.text.hasPrefix("(") || line.text.dropFirst().first.map { ").: ".contains($0) } ?? true)
            return !option && line.answerValue == nil && line.bareAnswerValue == nil && line.trueFalseMarker == nil
                && !line.text.hasSuffix("?") && !line.text.contains("=")
        }
        // A title line has no final stop and no formula (`Consider a triangle…`, `Read the passage
        // below.`, `x = 3` are the question's), and no colon ending a lead-in to a numbered list.
        func isTitleLine(_ line: QuizLine) -> Bool {
            isNoItemLine(line) && !ModelAnswerExtent.endsSentence(line.text) && TextTokens.words(line.text).count <= 10
                && !line.text.hasSuffix(":")
        }
        // `Chemistry Revision Quiz` / `Choose the best answer for each question.` / blank / `1. …`:
        // a title opening the file, then instructions, set apart from the first question by a blank
        // line, are the file's, not the question's.
        let heading = isTitleLine(title[0]) && block.body[numbered - 1].isBlank
            && title.dropFirst().allSatisfy { isNoItemLine($0) && TextTokens.words($0.text).count <= 30 }
        guard title.count <= 3, heading || title.allSatisfy(isTitleLine) else { return nil }
        let rest = QuizBlock(header: nil, headerLine: nil, body: Array(block.body[numbered...]))
        guard QuizItemReader(block: rest, position: 1).type != nil else { return nil }
        return (QuizBlock(header: nil, headerLine: nil, body: Array(block.body[..<numbered])), rest)
    }

    /// The block and the items without a header inside it. After the block's own options (or
    /// true/false lines, or model answer), a paragraph set apart by a blank line or a rule, or
    /// opening with a number (`2. Which planet…?`), and followed by option lines or true/false
    /// lines, is the question of another item: read as one, with a warning (`split`), rather
    /// than as this item's explanation, whose key its answer line could otherwise give.
    /// Linear in the block's lines (`LineScan`; `tablesAbove` as there, a parameter for the tests).
    static func splitHeaderless(_ block: QuizBlock, tablesAbove: Int = 64) -> [QuizBlock] {
        var result: [QuizBlock] = []
        var current = block
        // `1. Which planet…?` opening the text before the first header: the item's number.
        if current.header == nil, let first = current.body.firstIndex(where: { !$0.isBlank }),
           let (number, question) = QuizLine.numberedQuestion(current.body[first].text) {
            current.body[first] = QuizLine(number: current.body[first].number, text: question)
            current.header = QuizHeader(number: number, type: nil)
            current.headerLine = current.body[first].number
        } else if current.header == nil, let numbered = numberedAfterLeadIn(current.body),
                  let (number, question) = QuizLine.numberedQuestion(current.body[numbered].text) {
            // `Consider a triangle with sides 3, 4 and 5.` / `1. Which kind is it?`: the lead-in is the
            // question's, the number the item's.
            current.body[numbered] = QuizLine(number: current.body[numbered].number, text: question)
            current.header = QuizHeader(number: number, type: nil)
        }
        // One scan of the block finds where each item's structure is (see `LineScan`); an item is
        // cut from `base` on, and only its own lines are copied.
        let scan = LineScan(current.body, tablesAbove: tablesAbove)
        current.body = []   // the lines are the scan's now (one owner: a replaced line copies nothing)
        var base = 0
        while let cut = foreignStart(scan, from: base, type: current.header?.type) {
            result.append(QuizBlock(header: current.header, headerLine: current.headerLine, body: Array(scan.lines[base..<cut]),
                                    split: current.split))
            base = cut
            current = QuizBlock(header: nil, headerLine: nil, body: [], split: true)
            if let (number, question) = QuizLine.numberedQuestion(scan.lines[cut].text) {
                scan.replace(at: cut, with: QuizLine(number: scan.lines[cut].number, text: question))
                current.header = QuizHeader(number: number, type: nil)
                current.headerLine = scan.lines[cut].number
            }
        }
        current.body = base > 0 ? Array(scan.lines[base...]) : scan.lines
        result.append(current)
        return result
    }

    /// The one numbered line (`1. Which…?`) among the lines before the first item's options,
    /// true/false lines or answer, when it is the last of them and lines stand before it: a
    /// question after its lead-in (not a list, `1. Mix` / `2. Bake`, inside a question).
    static func numberedAfterLeadIn(_ body: [QuizLine]) -> Int? {
        let marker = body.firstIndex(where: { $0.trueFalseMarker != nil || $0.answerValue != nil
            || $0.modelAnswerValue != nil || $0.shortAnswerValue != nil })
        guard let end = [OptionRun.find(in: body)?.start, marker].compactMap({ $0 }).min() else { return nil }
        let question = body[..<end].indices.filter { !body[$0].isBlank }
        let numbered = question.filter { QuizLine.numberedQuestion(body[$0].text) != nil }
        guard numbered.count == 1, let line = numbered.first, line == question.last, question.count > 1 else { return nil }
        return line
    }

    /// Where another item's question starts in `scan.lines[base...]` (see `splitHeaderless`), if
    /// anywhere. Indices are those of `scan.lines`.
    private static func foreignStart(_ scan: LineScan, from base: Int, type: QuizItemType?) -> Int? {
        let body = scan.lines
        guard let (own, run) = ownStructure(scan, from: base, type: type), own < body.count else { return nil }
        let foreignRun = scan.anotherRun(from: own)
        let pair = scan.first(.trueFalsePair, from: own)
        // `2. The Sun is a star.` / `Answer: True`: a numbered paragraph after a blank line holding
        // an answer line or a model answer.
        // Also `What is the capital of Spain?` / `Model answer: Madrid.`: a question set apart, with a
        // model answer of its own (no explanation holds one).
        let numberedAnswer = scan.first(.numberedAnswer, from: own + 1)
        guard let structure = [foreignRun?.start, pair, numberedAnswer].compactMap({ $0 }).min() else { return nil }
        if structure == numberedAnswer { return structure }
        // `Why not the others?` / `A) Mars is cold…`: options that open with this item's own
        // options review them; a lead-in ending in `:` (`Review each option:`) introduces them.
        if structure == foreignRun?.start, let foreignRun, let ownRun = run ?? scan.findRun(from: base), ownRun.end <= own,
           foreignRun.reviews(ownRun) { return nil }
        var start = structure
        while start > own, !body[start - 1].isBlank, !body[start - 1].isRule { start -= 1 }
        if body[structure - 1].text.hasSuffix(":") { return nil }
        // A numbered line opens the question: the one right before the options (`Reasons:` / `1) …`
        // / `2. Which is odd?`), or else the paragraph's only one (`…as Earth.` / `2. Which…?`; not
        // `1. Water boils…` / `2. Ice sinks…` / `Which are true?`, a list in the question).
        if structure - 1 >= own, QuizLine.numberedQuestion(body[structure - 1].text) != nil { return structure - 1 }
        let numbered = body[start..<structure].indices.filter { QuizLine.numberedQuestion(body[$0].text) != nil }
        if numbered.count == 1, let line = numbered.first { return line }
        guard start < structure, start > own, body[start - 1].isBlank || body[start - 1].isRule else { return nil }
        return start
    }

    /// One past the item's own options, true/false lines or model answer line (those of its
    /// header's type, or else the first of them), and its options when they were looked for; the
    /// item's lines are `scan.lines[base...]`.
    private static func ownStructure(_ scan: LineScan, from base: Int, type: QuizItemType?) -> (end: Int, run: OptionRun?)? {
        let run = type == nil || type == .multipleChoice ? scan.findRun(from: base) : nil
        let pair = type == nil || type == .trueFalse ? scan.first(.trueFalsePair, from: base) : nil
        // A short-answer item's `Answer:` line too; in an item of no known type only `Model answer:`,
        // `Suggested answer:`… (an `Answer:` line may be any type's).
        let model = type == .shortAnswer ? scan.first(.shortAnswer, from: base) : type == nil ? scan.first(.modelAnswer, from: base) : nil
        // A true/false item may have only its answer line (`Answer: True`).
        // (`Ans. B` too, after options this reads in no run: `A - Venus` / `B - Mercury`.)
        let answer = type == nil || type == .trueFalse ? scan.first(.answer, from: base) : nil
        let starts = [run?.start, pair, model, answer].compactMap { $0 }
        guard let first = starts.min() else { return nil }
        if first == run?.start, let run { return (run.end, run) }
        if first == pair, let pair { return ((scan.first(.nonBlank, from: pair + 1) ?? pair) + 1, run) }
        return (first + 1, run)
    }
}

/// The lines of one item: its header, if any, and the lines up to the next header.
struct QuizBlock: Equatable, Sendable {
    var header: QuizHeader?
    var headerLine: Int?
    var body: [QuizLine]
    /// Read as an item of its own though no header opens it (`QuizParser.splitHeaderless`).
    var split = false
    /// The header line as written.
    var headerText: String?
    /// Lines in the body that read as headers but begin no item (`Problem 1: The counter…`).
    var notHeaders: [Int] = []

    var hasContent: Bool { header != nil || body.contains { !$0.isBlank } }

    /// The header's line, or the first non-blank line.
    var startLine: Int { headerLine ?? body.first { !$0.isBlank }?.number ?? 1 }
}

/// Joins lines into text: lines are kept, runs of blank lines become one blank line, and
/// blank lines at either end are dropped.
func paragraphs<Lines: Sequence<QuizLine>>(_ lines: Lines) -> String {
    var result = ""
    var pendingBlank = false
    for line in lines {
        if line.isBlank { pendingBlank = !result.isEmpty; continue }
        if !result.isEmpty { result += pendingBlank ? "\n\n" : "\n" }
        result += line.text
        pendingBlank = false
    }
    return result
}
