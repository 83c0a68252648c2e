import ArgumentParser
import Foundation
import SRSAnki
import SRSCore
import SRSQuiz
import SRSStore
import SRSText

/// `srs import`: converts quiz text into decks in the data directory.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Convert quiz text files, or an Anki .apkg/.colpkg, into decks (docs/quiz-format.md, docs/anki-import.md).",
        discussion: """
            Each FILE becomes the deck named after it (without extension) unless --deck names it. \
            Importing again updates the deck and keeps each card's id, so no progress is lost. \
            A malformed item is reported as FILE:LINE and nothing is written (exit 65) unless \
            --skip-invalid is given. Warnings and errors go to standard error. An Anki package \
            becomes one deck per Anki deck (--deck PARENT: that deck and its subdecks).
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

    @Flag(help: "Quiz text: print what was converted as JSON (schema: docs/quiz-format.md).")
    var json = false

    @Flag(help: "Quiz text: also take keys weighed from what an explanation says of each option, not only keys it states (such guesses can be wrong: docs/quiz-format.md).")
    var inferKeys = false

    @Option(help: ArgumentHelp("Anki packages: refuse an entry that unpacks past this many bytes (default 2 GiB).", valueName: "bytes"))
    var maxEntrySize: Int?

    @Option(help: ArgumentHelp("Anki packages: refuse an entry that unpacks to more than this many times its packed size (default 200).", valueName: "n"))
    var maxRatio: Int?

    @Option(help: ArgumentHelp("What the file is: apkg (an Anki package), csv (an Anki notes file, CSV/TSV) or quiz (quiz text); guessed from its name and first lines otherwise.", valueName: "format"))
    var format: ImportFormat?

    @Option(help: ArgumentHelp("Anki packages: import as of this time (ISO 8601) instead of the clock; cards buried in Anki stay buried until the next study day after it.", valueName: "time"))
    var at: String?

    @OptionGroup var user: UserOptions

    func validate() throws {
        if files.count > 1, format != nil || files.contains(where: { ImportFormat.guess(fileName: $0, head: Data()).map { $0 != .quizText } ?? false }) {
            throw ValidationError("import Anki packages and CSV/TSV files one at a time (and --format with one file).")
        }
        if (maxEntrySize ?? 1) <= 0 || (maxRatio ?? 1) <= 0 {
            throw ValidationError("--max-entry-size and --max-ratio take a positive number.")
        }
        if deck != nil && files.count > 1 {
            throw ValidationError("--deck names one deck; import several files without it, or one at a time.")
        }
        // With an Anki package, --deck names an Anki deck (`a/b` is one), not a deck file.
        let ankiDeck = files.count == 1 && files.first.flatMap(format(of:)) == .ankiPackage
        if let deck, !ankiDeck, let problem = DeckLibrary.problem(withName: deck) {
            throw ValidationError("--deck '\(TerminalSafe.sanitize(deck))' cannot name a deck: \(problem).")
        }
        if json, files.count == 1, let path = files.first, let kind = format(of: path), kind != .quizText {
            throw ValidationError("--json describes quiz text only; import the \(kind == .ankiPackage ? "package" : "notes file") "
                + "without it, and see what was imported with `srs decks`.")
        }
        if let at, ISOTime.parse(at) == nil {
            throw ValidationError("--at \(TerminalSafe.sanitize(at)) is not an ISO 8601 time such as 2026-11-29T09:00:00Z.")
        }
        for key in keys where KeyOverride(parsing: key) == nil {
            throw ValidationError("--key \(TerminalSafe.sanitize(key)): write N=X (e.g. --key 4=D), or FILE:N=X.")
        }
    }

    func run() throws {
        try reportingErrors {
            if files.count == 1, let path = files.first, let kind = format(of: path), kind != .quizText {
                return try importAnki(path, kind: kind)
            }
            let importer = QuizImporter(library: DeckLibrary(location: try user.location()))
            let names = try deckNames()
            var parsed = try files.map { try importer.parse(path: $0, keys: inferKeys ? .weighed : .stated) }
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

    /// `--format`, else the guess from the name and the first 8 KiB (nil: not a known extension,
    /// read as quiz text as before).
    private func format(of path: String) -> ImportFormat? {
        if let format { return format }
        let lowered = path.lowercased()
        guard lowered.hasSuffix(".txt") else { return ImportFormat.guess(fileName: path, head: Data()) }
        // A file that cannot be read goes the quiz way, which reports it after checking the deck name.
        guard let head = try? InputFile.head(path, count: 8192, what: "quiz file") else { return .quizText }
        return ImportFormat.guess(fileName: path, head: Data(head))
    }

    /// An Anki package (`--deck` picks an Anki deck and its subdecks) or a CSV/TSV notes file.
    private func importAnki(_ path: String, kind: ImportFormat) throws {
        var limits = AnkiLimits.standard
        if let maxEntrySize { limits.maximumEntryBytes = maxEntrySize }
        if let maxRatio { limits.maximumRatio = maxRatio }
        let library = DeckLibrary(location: try user.location())
        let importer = AnkiImporter(library: library, limits: limits)
        let separator: Character? = path.lowercased().hasSuffix(".tsv") ? "\t" : nil
        var timer = PhaseTimer(enabled: ProcessInfo.processInfo.environment["SRS_IMPORT_TIMING"] == "1", memory: true)
        var plan = kind == .ankiPackage ? try importer.plan(path: path, within: deck, timer: &timer)
            : try importer.planText(path: path, deck: deck ?? Self.baseName(of: path), forced: deck != nil, separator: separator)
        writeToStandardError(plan.warnings.map { "warning: " + TerminalSafe.sanitize($0) + "\n" }.joined())
        var lines = plan.report, warnings = plan.warnings.count
        let location = try user.location()
        timer.lap("plan")
        if plan.package != nil {
            let media = dryRun ? plan.media.count : try importer.copyMedia(plan, to: MediaFolder(location: location))
            let folder = TerminalSafe.sanitize(location.root.appendingPathComponent("media").path)
            lines.append("  \(Format.count(media, "media file")) " + (dryRun ? "to copy (dry run)" : "copied to " + folder))
            let outcome = try importHistory(of: &plan, into: location, timer: &timer)
            writeToStandardError(outcome.warnings.map { "warning: " + TerminalSafe.sanitize($0) + "\n" }.joined())
            lines += outcome.lines
            warnings += outcome.warnings.count
        }
        for deck in plan.decks {
            let written = dryRun ? nil : try library.save(deck)
            lines.append("  wrote \(Format.count(deck.cards.count, "card")) to " + TerminalSafe.sanitize(written?.path ?? "deck \(deck.name) (dry run)"))
        }
        lines.append("\(Format.count(warnings, "warning"))")
        timer.lap("decks")
        timer.report()
        try Output.out(lines.joined(separator: "\n") + "\n")
    }

    /// The package's history and card states into the progress, before the decks are written: a
    /// kill before the decks are written leaves cards with their progress but not yet in a deck
    /// (a new import finishes it), never cards shown as new. The package and the history's
    /// links are taken out of `plan`, so that the collection is let go before the snapshot is built.
    private func importHistory(of plan: inout AnkiImporter.Plan, into location: DataLocation, timer: inout PhaseTimer) throws -> AnkiHistoryImporter.Outcome {
        let store = dryRun ? try ProgressStore.openReadOnly(location) : try ProgressStore.openForReview(location)
        defer { store.close() }
        let now = at.flatMap(ISOTime.parse) ?? EpochSeconds(Date().timeIntervalSince1970)
        timer.lap("media")
        guard let package = plan.package.take() else { return AnkiHistoryImporter.Outcome() }
        var written: AnkiHistoryImporter.Written?
        let outcome = try AnkiHistoryImporter(collection: (consume package).collection, cards: plan.history)
            .run(store, at: now, write: !dryRun, timer: &timer, written: &written)
        plan.history = []
        AnkiHistoryImporter.checkpoint(&written, into: store, timer: &timer)
        if !dryRun { try store.saveSettingsChosenAtOpening() }
        return outcome
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

extension ImportFormat: ExpressibleByArgument {}
