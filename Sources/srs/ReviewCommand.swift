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
        abstract: "Review today's cards in a full-screen session (the default command).",
        discussion: """
            Keys: a-d answer, t/f true or false, type then Enter for short answers; Space or \
            Enter shows the answer and then grades Good; 1-4 grade Again/Hard/Good/Easy; u undo; \
            s bury until tomorrow; ! suspend; k correct the answer key; ? help; q quit. \
            Every answer is saved to disk as you give it. See docs/review-screen.md.
            """)

    @OptionGroup var user: UserOptions

    @Option(help: ArgumentHelp("Review only this deck (any case; see `srs decks`).", valueName: "name"))
    var deck: String?

    @Option(help: .hidden)
    var seed: UInt64?

    func run() throws {
        try reportingErrors {
            let environment = ProcessInfo.processInfo.environment
            let location = try user.location()
            try checked { try Terminal.check(environment: environment) }
            let library = DeckLibrary(location: location)
            let decks = try deck.map { [try library.load(named: $0)] } ?? library.loadAll()
            let store = try ProgressStore.openForReview(location)
            defer { store.close() }
            let terminal = try checked { try Terminal.open(environment: environment) }
            defer { terminal.close() }
            var shell = ReviewShell(store: store, library: library, decks: decks, terminal: terminal)
            let summary = try shell.run(title: deck.map { _ in decks.first?.name ?? "" } ?? title(of: decks),
                                        seed: seed ?? UInt64(truncatingIfNeeded: Clock.millis()))
            terminal.close()
            if let summary { print(summary) }
            if terminal.interrupted { throw ExitCode(128 + terminal.signal) }
        }
    }

    private func title(of decks: [Deck]) -> String {
        decks.count == 1 ? decks[0].name : "All decks"
    }

    /// Terminal problems are usage errors (exit 64).
    private func checked<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as TerminalError {
            throw Failure(description: error.description, exitCode: error.exitCode)
        }
    }
}

/// The wall clock, read only here in the shell.
enum Clock {
    static func millis() -> EpochMillis { EpochMillis(Date().timeIntervalSince1970 * 1000) }
}

/// Runs a review session: feeds it keys and sizes, draws it, and performs its effects with the
/// store (every answer durable before the next screen) and the deck library.
struct ReviewShell {
    let store: ProgressStore
    let library: DeckLibrary
    let decks: [Deck]
    let terminal: Terminal
    /// Sequence numbers of the records `u` can take back, newest last.
    private var undoable: [Int] = []

    init(store: ProgressStore, library: DeckLibrary, decks: [Deck], terminal: Terminal) {
        self.store = store
        self.library = library
        self.decks = decks
        self.terminal = terminal
    }

    /// Runs until `q`, Ctrl-C or a signal; returns a one-line summary for after the screen.
    /// Throws when an answer cannot be saved (the terminal is restored by the caller).
    mutating func run(title: String, seed: UInt64) throws -> String? {
        var session = makeSession(title: title, seed: seed)
        for note in store.notes { _ = session.update(.notice(note)) }
        terminal.draw(session.render(terminal.size))
        while !terminal.interrupted {
            guard let event = terminal.next() else { continue }
            let now = Clock.millis()
            let message: Message
            switch event {
            case let .key(key): message = .key(key, at: now)
            case let .resize(size): message = .resize(size)
            }
            for effect in session.update(message) {
                guard try perform(effect, at: now / 1000, session: &session) else { return session.summaryLine }
            }
            terminal.draw(session.render(terminal.size))
        }
        return session.summaryLine
    }

    func makeSession(title: String, seed: UInt64) -> ReviewSession {
        let now = Clock.millis()
        let clock = store.settings.clock()
        let setup = SessionSetup(title: title, cards: decks.flatMap(\.cards), progress: store.cards,
                                 limits: store.settings.limits(at: now / 1000, clock: clock),
                                 reviewer: Reviewer(clock: clock), now: now, seed: seed, size: terminal.size)
        return ReviewSession(setup)
    }

    /// Performs one effect; false means quit.
    mutating func perform(_ effect: Effect, at time: EpochSeconds, session: inout ReviewSession) throws -> Bool {
        switch effect {
        case let .record(card, action, after):
            undoable.append(try store.append(card: card, action: action, time: time, after: after).seq)
        case let .undo(card, restoring):
            guard let seq = undoable.popLast() else { break }
            try store.append(card: card, action: .undo(undoes: seq), time: time, after: restoring)
        case let .saveKey(card, key):
            saveKey(key, card: card, session: &session)
        case .quit:
            return false
        }
        return true
    }

    func saveKey(_ key: AnswerKey, card: CardID, session: inout ReviewSession) {
        guard let deck = decks.first(where: { $0.cards.contains { $0.id == card } }) else { return }
        do {
            try library.setKey(option: key.index, card: card, deck: deck.name)
        } catch {
            _ = session.update(.notice("The key was not saved: \(error)"))
        }
    }
}
