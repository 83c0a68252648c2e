import ArgumentParser
import Foundation
import SRSCore
import SRSStats
import SRSStore
#if canImport(Glibc)
import Glibc
#endif

/// `srs stats`: a learner's progress at a glance, as text for the terminal or as JSON.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Show your progress: today, due cards, retention, history, intervals, decks.",
        discussion: """
            Every figure is defined in docs/stats.md; --json prints the same figures under a \
            versioned schema documented there. The text fits the terminal's width ($COLUMNS \
            overrides it) and has no colour when piped or with $NO_COLOR set.
            """)

    @OptionGroup var user: UserOptions

    @Option(help: ArgumentHelp("Limit the figures to one deck and its subdecks (names match without regard to case).", valueName: "name"))
    var deck: String?

    @Option(help: ArgumentHelp("Days of per-day history to show (1-\(StatsInput.maximumHistoryDays)).", valueName: "n"))
    var days = StatsInput.defaultHistoryDays

    @Flag(help: "Print the figures as JSON (schema: docs/stats.md).")
    var json = false

    @Option(name: .customLong("as-of"), help: ArgumentHelp(
        "Compute the figures as at this time: an ISO 8601 time (2026-04-01T14:30:00+02:00) or a date (the end of that study day).",
        valueName: "date"))
    var asOf: String?

    func validate() throws {
        guard (1...StatsInput.maximumHistoryDays).contains(days) else {
            throw ValidationError("--days must be between 1 and \(StatsInput.maximumHistoryDays), e.g. --days 90.")
        }
    }

    func run() throws {
        try reportingErrors {
            var phases = PhaseTimer(enabled: ProcessInfo.processInfo.environment["SRS_STATS_TIMING"] == "1")
            let location = try user.location()
            // The decks' ids are read on the other core while the progress and history load.
            let decksRead = Background { [deck] in StatsDecks.scoped(try StatsDecks.load(location), to: deck) }
            let store = try ProgressStore.openReadOnly(location)
            phases.lap("progress")
            let clock = store.settings.clock()
            let now = try moment(clock: clock)
            // The decks before the history, whose cache may be written: a damaged deck (65) or
            // an unknown --deck (66) leaves the data folder as it was.
            let decks = try decksRead.value()
            let onlyDeck = try StatsDecks.index(of: deck, in: decks)
            phases.lap("decks")
            let history = try store.history()
            phases.lap("history")
            let progress = store.takeCards()
            let input = StatsInput(decks: decks, progress: progress, history: history, clock: clock,
                                   now: now, historyDays: days, onlyDeck: onlyDeck,
                                   limits: store.settings.limits(at: now, clock: clock))
            let report = StatsReport.compute(input)
            phases.lap("compute")
            let style = TerminalLook.current()
            let text = json ? StatsJSON.render(report, user: location.user)
                : StatsText.render(report, user: location.user, style: style)
            // With colour, the escapes are StatsText's own around text it made terminal-safe.
            try Output.out(text, styledBy: !json && style.color ? .statsText : nil)
            phases.lap("render")
            // The snapshot rebuilt from the log, once the figures are out.
            store.saveSnapshotIfUnlocked(progress)
            phases.report()
        }
    }

    /// `--as-of`, else the current time.
    private func moment(clock: DayClock) throws -> EpochSeconds {
        guard let asOf else { return EpochSeconds(Date().timeIntervalSince1970) }
        guard let time = StatsAsOf.parse(asOf, clock: clock) else {
            throw Failure(description: "--as-of \(asOf) is neither a date (2026-04-01) nor an ISO 8601 time (2026-04-01T14:30:00Z).",
                          exitCode: 64)
        }
        return time
    }
}

/// Milliseconds per phase on stderr with `SRS_STATS_TIMING=1`, for `docs/benchmarks.md`.
struct PhaseTimer {
    let enabled: Bool
    /// Also the peak resident memory at the end of each phase (`getrusage`: the highest so far,
    /// so the phase where it first reaches its final value is where the peak is).
    let memory: Bool
    private var last = DispatchTime.now().uptimeNanoseconds
    private var laps: [(name: String, ms: Double, peakMiB: Double?)] = []

    init(enabled: Bool, memory: Bool = false) {
        self.enabled = enabled
        self.memory = memory
    }

    mutating func lap(_ name: String) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        laps.append((name, Double(now - last) / 1e6, memory ? Self.peakMiB() : nil))
        last = now
    }

    func report() {
        guard enabled else { return }
        let parts = laps.map { lap in
            "\"\(lap.name)_ms\": " + String(format: "%.1f", lap.ms)
                + (lap.peakMiB.map { ", \"\(lap.name)_peak_mib\": " + String(format: "%.1f", $0) } ?? "")
        }
        Output.err("{" + parts.joined(separator: ", ") + "}\n")
    }

    private static func peakMiB() -> Double {
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
        #else
        getrusage(RUSAGE_SELF, &usage)
        return Double(usage.ru_maxrss) / 1024 / 1024
        #endif
    }
}

/// The decks stats reports on, as card-id lists.
enum StatsDecks {
    /// The shipped and imported decks (`srs decks`); a damaged deck file is exit 65.
    static func load(_ location: DataLocation) throws -> [DeckCards] {
        try DeckLibrary(location: location).list().map { DeckCards(name: $0.name, cards: $0.cardIDs) }
    }

    /// With `--deck NAME`, that deck and its subdecks (`NAME::…`) as one deck called NAME, as
    /// `srs review --deck` studies them, so that both count the same cards.
    static func scoped(_ decks: [DeckCards], to name: String?) -> [DeckCards] {
        guard let name else { return decks }
        let wanted = name.lowercased()
        let inTree = { (deck: DeckCards) in DeckLibrary.deck(deck.name, isWithin: name) }
        let tree = decks.filter(inTree)
        guard tree.count > 1, let first = decks.firstIndex(where: inTree) else { return decks }
        let merged = DeckCards(name: tree.first { $0.name.lowercased() == wanted }?.name ?? name, cards: tree.flatMap(\.cards))
        var scoped = decks.filter { !inTree($0) }
        scoped.insert(merged, at: first)
        return scoped
    }

    /// The index of the deck named `name` (any case); an unknown name is exit 66.
    static func index(of name: String?, in decks: [DeckCards]) throws -> Int? {
        guard let name else { return nil }
        if let found = decks.firstIndex(where: { $0.name.lowercased() == name.lowercased() }) { return found }
        let known = decks.isEmpty ? "there are none yet; import one with `srs import FILE`"
            : "known decks: " + decks.map(\.name).joined(separator: ", ")
        throw Failure(description: "no deck named '\(name)' (\(known)).", exitCode: 66)
    }
}

/// The terminal's width and whether to colour, read from the environment and stdout.
enum TerminalLook {
    static func current(environment: [String: String] = ProcessInfo.processInfo.environment) -> TextStyle {
        let isTerminal = isatty(STDOUT_FILENO) == 1
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty || environment["TERM"] == "dumb"
        return TextStyle(width: width(environment, isTerminal: isTerminal), color: isTerminal && !noColor)
    }

    /// $COLUMNS when set, else the terminal's width, else 80.
    static func width(_ environment: [String: String], isTerminal: Bool) -> Int {
        if let columns = environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        var size = winsize()
        if isTerminal, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return TextStyle.defaultWidth
    }
}
