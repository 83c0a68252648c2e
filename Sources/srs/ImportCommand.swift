import ArgumentParser
import Foundation
import SRSCore
import SRSQuiz
import SRSStore
import SRSText

/// `srs import`: converts quiz text into decks in the data directory.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Convert quiz text files into decks (format: docs/quiz-format.md).",
        discussion: """
            Each FILE becomes the deck named after it (without extension) unless --deck names it. \
            Importing again updates the deck and keeps each card's id, so no progress is lost. \
            A malformed item is reported as FILE:LINE and nothing is written (exit 65) unless \
            --skip-invalid is given. Warnings and errors go to standard error.
            """)

    @Argument(help: ArgumentHelp("Quiz text files.", valueName: "file"))
    var files: [String]

    @Option(help: ArgumentHelp("The deck's name (only with a single file).", valueName: "name"))
    var deck: String?

    @Flag(help: "Check and report, but write nothing.")
    var dryRun = false

    @Flag(help: "Import the valid items and list the invalid ones as warnings.")
    var skipInvalid = false

    @Option(name: .customLong("key"), help: ArgumentHelp(
        "Set the key of item N (as the report numbers them) to option X; FILE:N=X with several files.",
        valueName: "N=X"))
    var keys: [String] = []

    @Flag(help: "Print what was converted as JSON (schema: docs/quiz-format.md).")
    var json = false

    @OptionGroup var user: UserOptions

    func validate() throws {
        if deck != nil && files.count > 1 {
            throw ValidationError("--deck names one deck; import several files without it, or one at a time.")
        }
        if let deck, let problem = DeckLibrary.problem(withName: deck) {
            throw ValidationError("--deck '\(TerminalSafe.sanitize(deck))' cannot name a deck: \(problem).")
        }
        for key in keys where KeyOverride(parsing: key) == nil {
            throw ValidationError("--key \(TerminalSafe.sanitize(key)): write N=X (e.g. --key 4=D), or FILE:N=X.")
        }
    }

    func run() throws {
        try reportingErrors {
            let importer = QuizImporter(library: DeckLibrary(location: try user.location()))
            let names = try deckNames()
            var parsed = try files.map { try importer.parse(path: $0) }
            try applyKeys(to: &parsed)
            try check(parsed)
            var taken = try importer.takenIDs(excluding: Set(names.map { $0.lowercased() }))
            let converted = try zip(files, zip(parsed, names)).map { path, pair in
                try importer.convert(pair.0, path: path, deckName: pair.1, taken: &taken)
            }.filter { !$0.deck.cards.isEmpty }
            let written = dryRun ? [] : try converted.map(importer.save)
            try Output.out(json ? ImportJSON.text(converted.map(jsonFile)) : report(converted, written))
        }
    }

    /// The file name without its folder and extension, as given (Foundation's URL would drop
    /// some characters, such as a BOM, that the name check must see).
    static func baseName(of path: String) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = file.lastIndex(of: "."), dot != file.startIndex else { return file }
        return String(file[..<dot])
    }

    /// The deck name of each file: `--deck`, else the file name without its extension.
    private func deckNames() throws -> [String] {
        let names = files.map { deck ?? Self.baseName(of: $0) }
        for (path, name) in zip(files, names) {
            if let problem = DeckLibrary.problem(withName: name) {
                throw Failure(description: "\(path): '\(TerminalSafe.sanitize(name))' cannot name a deck: \(problem). Give one with --deck NAME.", exitCode: 64)
            }
        }
        let lowered = names.map { $0.lowercased() }
        if let duplicate = lowered.first(where: { name in lowered.filter { $0 == name }.count > 1 }) {
            throw Failure(description: "two files would both become deck '\(duplicate)'. Import them one at a time with --deck NAME.", exitCode: 64)
        }
        return names
    }

    private func applyKeys(to parsed: inout [QuizParseResult]) throws {
        let overrides = keys.compactMap(KeyOverride.init(parsing:))
        if files.count > 1, let bare = overrides.first(where: { $0.file == nil }) {
            throw Failure(description: "--key \(bare.position)=…: with several files, say which: --key FILE:\(bare.position)=X.", exitCode: 64)
        }
        var problems: [String] = []
        for index in files.indices {
            problems += parsed[index].apply(overrides.filter { $0.applies(to: files[index]) })
        }
        if let unmatched = overrides.first(where: { o in !files.contains { o.applies(to: $0) } }) {
            problems.append("--key \(unmatched.file ?? ""):\(unmatched.position): no such file among those imported")
        }
        guard problems.isEmpty else {
            throw Failure(description: problems.map { TerminalSafe.sanitize($0) }.joined(separator: "\n"), exitCode: 64)
        }
    }

    /// Prints warnings and errors; without --skip-invalid, any error stops the import (exit 65).
    private func check(_ parsed: [QuizParseResult]) throws {
        var lines: [String] = []
        var errorCount = 0
        for (path, result) in zip(files, parsed) {
            let empty = result.itemCount == 0
                ? [QuizDiagnostic(.error, line: 1, position: nil, "no quiz items found; see docs/quiz-format.md for the format")] : []
            let errors = empty + result.errors
            errorCount += errors.count
            let shown = skipInvalid ? errors.map { skipped($0) } : errors
            lines += (shown + result.warnings).sorted { $0.line < $1.line }.map { $0.located(in: path) }
        }
        writeToStandardError(lines.map { TerminalSafe.sanitize($0) + "\n" }.joined())
        if errorCount > 0 && !skipInvalid {
            let plural = errorCount == 1 ? "1 invalid item" : "\(errorCount) invalid items"
            throw Failure(description: "\(plural); nothing was written. Fix them, or use --skip-invalid to import the valid items.", exitCode: 65)
        }
    }

    private func skipped(_ error: QuizDiagnostic) -> QuizDiagnostic {
        QuizDiagnostic(.warning, line: error.line, position: error.position, "skipped invalid item: \(error.message)")
    }

    private func report(_ converted: [QuizImport], _ written: [URL]) -> String {
        converted.enumerated().map { index, one in
            ImportSummary.text(path: one.path, deck: one.deck.name, items: one.parse.items, merge: one.report,
                               elsewhere: one.elsewhere, written: written.indices.contains(index) ? written[index].path : nil)
        }.joined()
    }

    private func jsonFile(_ converted: QuizImport) -> ImportJSON.File {
        ImportJSON.File(path: converted.path, deck: converted.deck.name,
                        entries: Array(zip(converted.parse.items, converted.deck.cards.map(\.id))),
                        kept: converted.report.kept, elsewhere: converted.elsewhere)
    }

    private func writeToStandardError(_ text: String) {
        guard !text.isEmpty else { return }
        Output.err(text)
    }
}
