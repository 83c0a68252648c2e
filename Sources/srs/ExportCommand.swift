import ArgumentParser
import Foundation
import SRSAnki
import SRSCore
import SRSStore
import SRSText

/// `srs export FILE.apkg|FILE.csv`: the decks, and with `--with-progress` the learner's states
/// and answers, as an Anki package or CSV (`docs/anki-export.md`).
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the decks as an Anki package (.apkg) or as CSV (docs/anki-export.md).",
        discussion: """
            FILE.apkg is a package Anki imports (File > Import): every card as an Anki note, \
            decks and subdecks as in srs; with --with-progress, the current user's due days, \
            intervals and ease, the answers as Anki's review history and the options as deck presets. \
            FILE.csv has one row \
            a card (with --with-progress, its state too), or with --log one row an answer. \
            An existing FILE is left alone unless --force is given; the file is written whole \
            or not at all.
            """)

    @Argument(help: ArgumentHelp("The file to write: a name ending in .apkg or .csv.", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("Export only this deck and its subdecks (NAME::…), matched without regard to case; may be given more than once.", valueName: "name"))
    var deck: [String] = []

    @Flag(help: "Include the current user's progress: due days, intervals, ease, suspended and buried cards, and the answers.")
    var withProgress = false

    @Flag(help: "CSV only: write the current user's answers (one row each) instead of the cards.")
    var log = false

    @Flag(help: "Replace FILE if it exists.")
    var force = false

    @Option(name: .customLong("as-of"), help: ArgumentHelp(
        "Export as at this ISO 8601 time instead of now (2026-04-01T14:30:00Z): a card buried until later is buried, and Anki's note and card ids count from it.",
        valueName: "time"))
    var asOf: String?

    @OptionGroup var user: UserOptions

    enum Kind { case apkg, csv }

    var kind: Kind? {
        let lower = file.lowercased()
        return lower.hasSuffix(".apkg") ? .apkg : (lower.hasSuffix(".csv") ? .csv : nil)
    }

    func validate() throws {
        guard let kind else {
            throw ValidationError("'\(TerminalSafe.sanitize(file))': name a file ending in .apkg (an Anki package) or .csv.")
        }
        if log && kind != .csv { throw ValidationError("--log writes CSV: name a .csv file.") }
        if let asOf, ISOTime.parse(asOf) == nil {
            throw ValidationError("--as-of \(TerminalSafe.sanitize(asOf)) is not an ISO 8601 time (2026-04-01T14:30:00Z).")
        }
    }

    func run() throws {
        try reportingErrors {
            let location = try user.location()
            let exporter = Exporter(location: location, decks: deck, withProgress: withProgress || log,
                                    now: asOf.flatMap(ISOTime.parse) ?? EpochSeconds(Date().timeIntervalSince1970))
            let content = try exporter.gather()
            let bytes: Data
            switch kind {
            case .apkg?: bytes = try exporter.package(content)
            default: bytes = Data((log ? exporter.logCSV(content) : exporter.cardsCSV(content)).utf8)
            }
            do { try OutputFile.write(bytes, to: file, replacing: force) } catch let error as OutputFileError {
                throw Failure(description: TerminalSafe.sanitize(error.description), exitCode: error.exitCode)
            }
            try Output.out(exporter.summary(content, file: file, log: log))
        }
    }
}
