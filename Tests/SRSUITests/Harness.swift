import Foundation
import SRSCore
import SRSUI

/// Drives a review session with key strings, the way a learner types, on a fake clock.
struct Harness {
    static let start: EpochMillis = 1_796_032_800_000 // 2026-11-30 10:00:00 UTC
    static let clock = DayClock(timeZone: TimeZone(identifier: "UTC") ?? .current, rolloverHour: 4)

    var session: ReviewSession
    var now: EpochMillis
    var size: Size
    /// Every effect so far, in order.
    var effects: [Effect] = []
    /// Milliseconds the fake clock moves per key.
    var step: EpochMillis = 4_000

    init(cards: [Card] = Fixtures.cards, progress: CardTable = [:], limits: QueueLimits = QueueLimits(),
         size: Size = Size(columns: 80, rows: 24), now: EpochMillis = Harness.start, seed: UInt64 = 7,
         scheduler: any Scheduler = SM2()) {
        self.now = now
        self.size = size
        let book = ReviewBook<SessionMark>(cards: progress, reviewer: Reviewer(scheduler: scheduler, clock: Self.clock),
                                           recordCount: 0, ids: RecordIDs(prefix: 1))
        session = ReviewSession(SessionSetup(title: "Sampler", cards: cards, book: book, limits: limits,
                                             now: now, seed: seed, size: size))
        _ = session.update(.tick)
    }

    /// Sends space-separated keys (`b enter 3 u q`); `resize=40x10` resizes, `type=hola` types
    /// a word character by character.
    @discardableResult
    mutating func send(_ keys: String) -> [Effect] {
        var produced: [Effect] = []
        for token in keys.split(separator: " ").map(String.init) {
            produced += apply(token)
        }
        effects += produced
        return produced
    }

    mutating func apply(_ token: String) -> [Effect] {
        if token.hasPrefix("resize="), let size = Self.size(String(token.dropFirst(7))) {
            self.size = size
            return session.update(.resize(size))
        }
        if token.hasPrefix("type=") {
            return token.dropFirst(5).flatMap { press(.character($0)) }
        }
        guard let key = Key(name: token) else { fatalError("unknown key name \(token)") }
        return press(key)
    }

    mutating func press(_ key: Key) -> [Effect] {
        now += step
        let effects = session.update(.key(key, at: now))
        // As the shell does: the screen is drawn, then the session finishes what it put off.
        if session.wantsTick { _ = session.update(.tick) }
        return effects
    }

    static func size(_ text: String) -> Size? {
        let parts = text.split(separator: "x").compactMap { Int($0) }
        return parts.count == 2 ? Size(columns: parts[0], rows: parts[1]) : nil
    }

    var screen: String { session.render(size).text }

    /// The records the shell would append, undos included.
    var records: [LogRecord] {
        effects.compactMap {
            if case let .append(record) = $0 { return record }
            return nil
        }
    }

    /// The records the shell would append other than undos, as (card, action).
    var recorded: [(CardID, LogAction)] {
        records.compactMap {
            if case .undo = $0.action { return nil }
            return ($0.card, $0.action)
        }
    }
}
