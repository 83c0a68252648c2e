import Foundation
import SRSCore

/// srs cards and answers as CSV for spreadsheets and scripts (RFC 4180: a header row, commas,
/// fields quoted when they hold a comma, a quote or a line break, quotes doubled, CRLF after
/// each row). The columns are listed in `docs/anki-export.md`.
public enum CSVExport {
    public static let cardColumns = ["deck", "card", "type", "question", "answer", "options", "explanation", "tags"]
    public static let progressColumns = ["due", "interval", "ease", "reps", "lapses", "suspended"]
    public static let logColumns = ["time", "deck", "card", "grade", "kind", "ms", "interval", "ease", "due"]

    /// One row a card; with `days`, the progress columns too (due as the study day's date).
    public static func cards(_ items: [AnkiExport.Item], days: AnkiDays?) -> String {
        var out = row(cardColumns + (days == nil ? [] : progressColumns))
        for item in items {
            var cells = [item.deck, item.card.id.rawValue, item.card.kind.typeName, item.card.question,
                         answer(item.card), options(item.card), item.card.explanation, item.card.tags.joined(separator: " ")]
            if let days { cells += progress(item.progress, days) }
            out += row(cells)
        }
        return out
    }

    /// One row a graded answer, oldest first (`deck` names each card's deck).
    public static func log(_ answers: [AnkiExport.Answer], deck: [CardID: String]) -> String {
        var out = row(logColumns)
        for answer in answers.sorted(by: { $0.time < $1.time }) {
            out += row([ISOTime.format(answer.time), deck[answer.card] ?? "", answer.card.rawValue,
                        answer.grade.name.lowercased(), answer.kind.rawValue, String(answer.millis),
                        answer.intervalAfter.map(String.init) ?? "", answer.easeAfter.map(ease) ?? "",
                        answer.dueAfter.map(ISOTime.format) ?? ""])
        }
        return out
    }

    /// What counts as the answer: the back, the text to type, the model answer, the revealed
    /// cloze text, the key's letter (empty without one) or `true`/`false`.
    static func answer(_ card: Card) -> String {
        switch card.kind {
        case let .multipleChoice(_, key): return key.map { String($0.letter) } ?? ""
        case let .trueFalse(answer): return answer ? "true" : "false"
        default: return card.revealedAnswer ?? ""
        }
    }

    /// Multiple choice: `A. …` one option a line.
    static func options(_ card: Card) -> String {
        guard case let .multipleChoice(options, _) = card.kind else { return "" }
        return options.enumerated().map { "\(Character(UnicodeScalar(UInt8(65 + min($0.offset, 25))))). \($0.element)" }
            .joined(separator: "\n")
    }

    static func progress(_ progress: CardProgress?, _ days: AnkiDays) -> [String] {
        guard let progress, let state = progress.state else { return ["", "", "", "", "", progress?.suspended == true ? "yes" : ""] }
        let due = AnkiDays.dateName(ofDay: days.today(at: progress.due))
        return [due, String(progress.intervalDays ?? 0), progress.ease.map(ease) ?? "", String(state.reps),
                String(state.lapses), progress.suspended ? "yes" : ""]
    }

    /// The ease as a factor with two decimals (`2.50`), as Anki shows 250%.
    static func ease(_ value: Double) -> String { String(format: "%.2f", value) }

    static func row(_ cells: [String]) -> String {
        cells.map(quoted).joined(separator: ",") + "\r\n"
    }

    /// The bytes that make a cell quoted.
    private static let special: Set<UInt8> = [UInt8(ascii: ","), UInt8(ascii: "\""), UInt8(ascii: "\n"), UInt8(ascii: "\r")]

    static func quoted(_ cell: String) -> String {
        // Bytes, not Characters: a million rows of the log would spend seconds on Unicode properties.
        guard cell.utf8.contains(where: Self.special.contains) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
