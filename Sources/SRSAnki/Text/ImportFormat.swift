import Foundation

/// What kind of file `srs import` was given, guessed from its name and first bytes; the CLI's
/// `--format` overrides the guess (a `.txt` may be quiz text or a notes file).
public enum ImportFormat: String, Sendable, CaseIterable {
    case ankiPackage = "apkg"
    case delimited = "csv"
    case quizText = "quiz"

    /// The header keys of Anki's text files.
    static let headerKeys = ["separator", "html", "tags", "columns", "notetype", "deck", "tags column",
                             "deck column", "notetype column", "guid column", "if matches"]

    /// `.apkg`/`.colpkg`: a package; `.csv`/`.tsv`: delimited; `.txt`: delimited when it starts
    /// with an Anki header line or every line of its first 8 KiB holds a tab between its text, else
    /// quiz text.
    /// Nil for other names.
    public static func guess(fileName: String, head: Data) -> ImportFormat? {
        switch (fileName as NSString).pathExtension.lowercased() {
        case "apkg", "colpkg": return .ankiPackage
        case "csv", "tsv": return .delimited
        case "txt": return looksDelimited(head.prefix(8192)) ? .delimited : .quizText
        default: return nil
        }
    }

    static func looksDelimited(_ head: Data) -> Bool {
        let text = String(decoding: head, as: UTF8.self)
        // Lone CRs end lines too (`QuizText` reads them so), else a file of them is one line.
        var lines = text.split(omittingEmptySubsequences: true) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        if head.count == 8192, lines.count > 1 { lines.removeLast() }
        guard let first = lines.first else { return false }
        if first.hasPrefix("tags:") { return true }
        if first.hasPrefix("#"), let colon = first.firstIndex(of: ":") {
            let key = first[first.index(after: first.startIndex)..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            if headerKeys.contains(key) { return true }
        }
        // A tab between fields, not only indenting a line or after its text (quiz text pasted
        // from a word processor is indented by tabs); blank lines aside.
        let filled = lines.filter { !$0.allSatisfy(\.isWhitespace) }
        return !filled.isEmpty && filled.allSatisfy { $0.trimmingCharacters(in: .whitespaces).contains("\t") }
    }
}
