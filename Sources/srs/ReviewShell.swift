import Foundation
import SRSCore
import SRSJSON
import SRSStore
import SRSTerminal
import SRSUI

/// The wall clock, read only here in the shell.
enum Clock {
    static func millis() -> EpochMillis { EpochMillis(Date().timeIntervalSince1970 * 1000) }
}

/// `SRS_REVIEW_TIMING=FILE` (for `scripts/bench-review.sh`): the wall-clock time of each start-up
/// phase (epoch nanoseconds) and each key's time from read to redrawn screen, as JSON in FILE.
final class ReviewTiming {
    let path: String
    private var marks: [(String, UInt64)] = []
    /// Per key: read, updated, effects performed, drawn (epoch nanoseconds).
    private var keys: [[UInt64]] = []

    init(path: String) { self.path = path }

    static func nanos() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
    }

    /// The process's peak resident memory (`VmHWM` in /proc/self/status), 0 when unknown.
    static func peakMemoryKiB() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return 0 }
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }

    func mark(_ phase: String) { marks.append((phase, Self.nanos())) }
    func key(_ moments: [UInt64]) { keys.append(moments) }

    func write() {
        let ns = { (n: UInt64) in JSONText.int(Int(clamping: n)) }
        let phases = marks.map { ($0.0, ns($0.1)) }
        let total = keys.map { ns(($0.last ?? 0) &- ($0.first ?? 0)) }
        let parts = keys.map { k in JSONText.array(zip(k.dropFirst(), k).map { ns($0 &- $1) }) }
        let json = JSONText.object(phases + [("peak_rss_kib", .int(Self.peakMemoryKiB())), ("keys_ns", .array(total)),
                                             ("keys_update_save_draw_ns", .array(parts))]).compact + "\n"
        _ = FileManager.default.createFile(atPath: path, contents: Data(json.utf8))
    }
}

/// Runs a review session: feeds it keys and sizes, draws it, and performs its effects with the
/// store (every answer durable before the next screen) and the deck library.
struct ReviewShell {
    let store: ProgressStore
    let settings: UserSettings
    let library: DeckLibrary
    let decks: [LazyDeck]
    /// Every card id of `decks`, deck after deck.
    let order: [CardID]
    let terminal: Terminal
    let timing: ReviewTiming?

    init(store: ProgressStore, settings: UserSettings, library: DeckLibrary, decks: [LazyDeck], order: [CardID],
         terminal: Terminal, timing: ReviewTiming?) {
        self.store = store
        self.settings = settings
        self.library = library
        self.decks = decks
        self.order = order
        self.terminal = terminal
        self.timing = timing
    }

    /// Runs until `q`, Ctrl-C or a signal; returns the session as it ended (its summary, the
    /// cards it could not read, the progress to snapshot). Throws when an answer cannot be saved
    /// (the terminal is restored by the caller).
    func run(title: String, seed: UInt64) throws -> ReviewSession {
        var session = makeSession(title: title, seed: seed)
        if session.unreadable != nil { return session }
        for note in store.notes { _ = session.update(.notice(note)) }
        timing?.mark("session")
        terminal.draw(session.render(terminal.size))
        timing?.mark("first_card")
        finishPendingWork(&session)
        while !terminal.interrupted {
            guard let event = terminal.next() else {
                wake(&session)
                continue
            }
            guard try handle(event, session: &session) else { break }
        }
        return session
    }

    /// One key or resize: update, perform the effects (every answer durable), redraw. False
    /// means quit.
    func handle(_ event: TerminalEvent, session: inout ReviewSession) throws -> Bool {
        let keyStart = ReviewTiming.nanos()
        let now = Clock.millis()
        let message: Message
        switch event {
        case let .key(key): message = .key(key, at: now)
        case let .resize(size): message = .resize(size)
        }
        let effects = session.update(message)
        let updated = ReviewTiming.nanos()
        for effect in effects {
            guard try perform(effect, at: now / 1000, session: &session) else { return false }
        }
        // Only now, with the answer that led to it saved: a damaged next card ends the review.
        if session.unreadable != nil { return false }
        let saved = ReviewTiming.nanos()
        terminal.draw(session.render(terminal.size))
        timing?.key([keyStart, updated, saved, ReviewTiming.nanos()])
        finishPendingWork(&session)
        return true
    }

    /// While the review waits for a learning card, tells it the time (and redraws its
    /// countdown) whenever no key came.
    func wake(_ session: inout ReviewSession) {
        guard session.wakeAt != nil else { return }
        _ = session.update(.clock(at: Clock.millis()))
        terminal.draw(session.render(terminal.size))
    }

    /// Lets the session finish what it put off until the screen was drawn, then redraws.
    func finishPendingWork(_ session: inout ReviewSession) {
        guard session.wantsTick else { return }
        _ = session.update(.tick)
        terminal.draw(session.render(terminal.size))
    }

    func makeSession(title: String, seed: UInt64) -> ReviewSession {
        let now = Clock.millis()
        let clock = settings.clock()
        let source = CardSource(order: order) { [decks] id in
            for deck in decks {
                guard let index = deck.index(of: id) else { continue }
                do { return .card(try deck.card(at: index)) } catch {
                    return .unreadable(String(describing: error))
                }
            }
            return .missing
        }
        // Each card is scheduled with its own deck's options (Anki's presets), else the user's.
        let book = ReviewBook<SessionMark>(cards: store.takeCards(), reviewers: settings.reviewers(decks: decks),
                                           recordCount: store.recordCount, ids: .fresh())
        let setup = SessionSetup(title: title, source: source, book: book,
                                 limits: settings.limits(at: now / 1000, clock: clock),
                                 now: now, seed: seed, size: terminal.size)
        return ReviewSession(setup)
    }

    /// Performs one effect; false means quit.
    func perform(_ effect: Effect, at time: EpochSeconds, session: inout ReviewSession) throws -> Bool {
        switch effect {
        case let .append(record):
            try store.append(record)
        case let .saveKey(card, key):
            saveKey(key, card: card, session: &session)
        case let .openMedia(names):
            let said = MediaOpener.open(names, in: MediaFolder(location: store.location), environment: ProcessInfo.processInfo.environment)
            _ = session.update(.notice(said))
        case .quit:
            return false
        }
        return true
    }

    func saveKey(_ key: AnswerKey, card: CardID, session: inout ReviewSession) {
        guard let deck = decks.first(where: { $0.index(of: card) != nil }) else { return }
        do {
            // One synced journal line, not a rewrite of the deck (folded in after the review).
            try library.correctKey(option: key.index, card: card, deck: deck.name)
            deck.correct(card, option: key.index)
        } catch {
            _ = session.update(.notice("The key was not saved: \(error)"))
        }
    }
}
