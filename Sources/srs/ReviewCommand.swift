import ArgumentParser
import Foundation
import SRSCore
import SRSStore
import SRSTerminal
import SRSUI

/// `srs review` (the default): today's review in a full-screen terminal session.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Review today's cards in a full-screen session.",
        discussion: "Keys (as on the review's help screen, `?`):\n\(ReviewKeys.commandLineSummary)\n\n"
            + "Every answer is saved to disk as you give it. See docs/review-screen.md.")

    @OptionGroup var user: UserOptions

    @Option(help: ArgumentHelp("Review only this deck (any case; see `srs decks`).", valueName: "name"))
    var deck: String?

    @Option(name: .customLong("new-today"), help: ArgumentHelp(
        "Allow this many new cards today (this study day only; the daily limit stays as it is).", valueName: "n"))
    var newToday: Int?

    @Option(help: .hidden)
    var seed: UInt64?

    func validate() throws {
        if let newToday, newToday < 0 {
            throw ValidationError("--new-today must be 0 or more, e.g. --new-today 40.")
        }
    }

    func run() throws {
        try reportingErrors {
            let environment = ProcessInfo.processInfo.environment
            let timing = environment["SRS_REVIEW_TIMING"].map(ReviewTiming.init)
            timing?.mark("main")
            let location = try user.location()
            let library = DeckLibrary(location: location)
            let (store, decks) = try StartUp.open(location, deck: deck)
            defer { store.close() }
            timing?.mark("open")
            // After the decks and the lock, so an unknown deck (66) or a second session (75)
            // says so even without a terminal.
            try checked { try Terminal.check(environment: environment) }
            let settings = try settingNewToday(store)
            let terminal = try checked { try Terminal.open(environment: environment) }
            defer { terminal.close() }
            timing?.mark("terminal")
            var shell = ReviewShell(store: store, settings: settings, library: library, decks: decks,
                                    terminal: terminal, timing: timing)
            let summary = try shell.run(title: deck.map { _ in decks.first?.name ?? "" } ?? title(of: decks),
                                        seed: seed ?? UInt64(truncatingIfNeeded: Clock.millis()))
            terminal.close()
            // The key corrections of the review, into the deck files (off the key path). Each
            // is durable in its journal already, so a failure here loses nothing.
            timing?.mark("closed")
            _ = try? library.foldKeyCorrections()
            timing?.mark("folded")
            timing?.write()
            if let summary { try Output.out(summary + "\n") }
            // A signal exits as shells expect (128 + its number); a terminal that went away is an I/O error.
            if terminal.interrupted { throw ExitCode(terminal.signal != 0 ? 128 + terminal.signal : 74) }
        }
    }

    /// The user's settings, with `--new-today` saved for the current study day.
    private func settingNewToday(_ store: ProgressStore) throws -> UserSettings {
        var settings = store.settings
        guard let newToday else { return settings }
        let day = settings.clock().dayName(containing: Clock.millis() / 1000)
        settings.newToday = (day: day, limit: newToday)
        try store.save(settings: settings)
        return settings
    }

    private func title(of decks: [LazyDeck]) -> String {
        decks.count == 1 ? decks[0].name : "All decks"
    }

    /// Terminal problems are usage errors (exit 64).
    private func checked<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as TerminalError {
            throw Failure(description: error.description, exitCode: error.exitCode)
        }
    }
}
