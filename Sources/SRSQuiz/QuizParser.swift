import SRSCore
/// Reads quiz text (the format in `docs/quiz-format.md`) into items, errors and warnings.
///
/// Pure and total: any bytes give a result, in time linear in their length. Items are split at
/// header lines (`Question N …`); text before the first header is an item of its own when it
/// is not blank. Each item is then read by its type, from the header or from its content.
public enum QuizParser {
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
        let allBlocks = blocks(lines)
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
            } else if let header = current.header, header.type == nil, !current.body.contains(where: { !$0.isBlank }),
                      let type = line.bareItemType {
                // `Question 1` and, on the next line, `Multiple Choice`.
                current.header = QuizHeader(number: header.number, type: type)
            } else {
                current.body.append(line)
            }
        }
        if current.hasContent { blocks.append(current) }
        return blocks
    }
}

/// The lines of one item: its header, if any, and the lines up to the next header.
struct QuizBlock: Equatable, Sendable {
    var header: QuizHeader?
    var headerLine: Int?
    var body: [QuizLine]

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
