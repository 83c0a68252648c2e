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

    @Option(help: ArgumentHelp("Review only this deck and its subdecks (NAME::…; any case; see `srs decks`).", valueName: "name"))
    var deck: String?

    @Option(name: .customLong("new-today"), help: ArgumentHelp(
        "Allow this many more new cards today, as Anki's \"increase today's limit\" (this study day only).", valueName: "n"))
    var newToday: Int?

    @Option(name: .customLong("reviews-today"), help: ArgumentHelp(
        "Allow this many more reviews today (this study day only).", valueName: "n"))
    var reviewsToday: Int?

    @Option(help: .hidden)
    var seed: UInt64?

    func validate() throws {
        if let newToday, newToday < 0 || newToday > 1_000_000 {
            throw ValidationError("--new-today must be 0 or more, e.g. --new-today 10.")
        }
        if let reviewsToday, reviewsToday < 0 || reviewsToday > 1_000_000 {
            throw ValidationError("--reviews-today must be 0 or more, e.g. --reviews-today 50.")
        }
    }

    func run() throws {
        try reportingErrors {
            let environment = ProcessInfo.processInfo.environment
            let timing = environment["SRS_REVIEW_TIMING"].map(ReviewTiming.init)
            timing?.mark("main")
            let location = try user.location()
            let library = DeckLibrary(location: location)
            let (store, decks, order) = try StartUp.open(location, deck: deck)
            defer { store.close() }
            timing?.mark("open")
            try SchedulerCommand.requireStatesOfTheSettingsScheduler(store)
            // After the decks and the lock, so an unknown deck (66) or a second session (75)
            // says so even without a terminal.
            try checked { try Terminal.check(environment: environment) }
            let settings = raisingTodaysLimits(store.settings)
            // `--new-today`, `--reviews-today`: written into settings.json as it is then (a hand
            // edit stays), at the first answer and again once the session has run.
            let raise: (inout UserSettings) -> Void = { [newToday, reviewsToday] file in
                if newToday != nil { file.newToday = settings.newToday }
                if reviewsToday != nil { file.reviewsToday = settings.reviewsToday }
            }
            let terminal = try checked { try Terminal.open(environment: environment) }
            defer { terminal.close() }
            store.refreshSnapshotIfBehind()
            let recordsAtStart = store.recordCount
            if raisesTodaysLimits { store.updateSettingsOnFirstRecord(raise) }
            timing?.mark("terminal")
            let shell = ReviewShell(store: store, settings: settings, library: library, decks: decks, order: order,
                                    terminal: terminal, timing: timing)
            let session = try shell.run(title: title(of: decks, named: deck),
                                        seed: seed ?? UInt64(truncatingIfNeeded: Clock.millis()))
            try? store.checkpoint(session.book.cards)
            terminal.close()
            // The key corrections of the review, into the deck files (off the key path). Each
            // is durable in its journal already, so a failure here loses nothing.
            timing?.mark("closed")
            _ = try? library.foldKeyCorrections()
            timing?.mark("folded")
            timing?.write()
            // Today's raised limits and the scheduler opening chose are saved once the session
            // has run: a review that ends in an error before recording anything writes nothing.
            // A settings.json broken by hand during the session is left as it is; the summary is
            // still printed, and the error says the answers are saved.
            var settingsProblem: StoreError?
            if session.unreadable == nil && !terminal.interrupted || store.recordCount != recordsAtStart {
                do {
                    if raisesTodaysLimits { try store.updateSettings(raise) } else { try store.saveSettingsChosenAtOpening() }
                } catch let error as StoreError { settingsProblem = error }
            }
            if let summary = session.summaryLine { try Output.out(summary + "\n") }
            if let settingsProblem {
                throw Failure(description: "your answers are saved, but settings.json was not updated: \(settingsProblem.description)",
                              exitCode: settingsProblem.exitCode)
            }
            if let (_, problem) = session.unreadable { throw Failure(description: problem, exitCode: 65) }
            // A signal exits as shells expect (128 + its number); a terminal that went away is an I/O error.
            if terminal.interrupted { throw ExitCode(terminal.signal != 0 ? 128 + terminal.signal : 74) }
        }
    }

    /// `--new-today` or `--reviews-today` was given.
    private var raisesTodaysLimits: Bool { newToday != nil || reviewsToday != nil }

    /// `settings` with `--new-today` and `--reviews-today` added to what the current study day
    /// already has (Anki's "increase today's limit" adds up the same way); saved after the session.
    private func raisingTodaysLimits(_ settings: UserSettings) -> UserSettings {
        var settings = settings
        guard raisesTodaysLimits else { return settings }
        let day = settings.clock().dayName(containing: Clock.millis() / 1000)
        func added(_ current: (day: String, more: Int)?, _ more: Int?) -> (day: String, more: Int)? {
            guard let more else { return current }
            return (day, (current?.day == day ? current?.more ?? 0 : 0) + more)
        }
        settings.newToday = added(settings.newToday, newToday)
        settings.reviewsToday = added(settings.reviewsToday, reviewsToday)
        return settings
    }

    /// The deck's own name for `--deck` (its subdecks included), else the one deck, else "All decks".
    private func title(of decks: [LazyDeck], named deck: String?) -> String {
        if let deck { return decks.first { $0.name.lowercased() == deck.lowercased() }?.name ?? deck }
        return decks.count == 1 ? decks[0].name : "All decks"
    }

    /// Terminal problems are usage errors (exit 64).
    private func checked<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as TerminalError {
            throw Failure(description: error.description, exitCode: error.exitCode)
        }
    }
}
