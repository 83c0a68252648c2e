import ArgumentParser
import Foundation
import SRSCore
import SRSJSON
import SRSStore

/// `srs answer`: plumbing that records answers given as text lines, for scripts and other front
/// ends. Each answer is durable before its acknowledgement is printed.
struct AnswerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "answer",
        abstract: "Record answers read from standard input, one 'CARD GRADE [MS]' line each (plumbing).",
        discussion: """
            GRADE is again, hard, good or easy (or 1-4); MS is the time taken in milliseconds. \
            The same-day repeat rule applies as in a review, and an answer to a card the review would \
            not show at that moment (not due, or a learning step beyond the 20-minute learn-ahead) is \
            practice: the schedule does not change. Each card is scheduled with its deck's options. A \
            malformed card id, an id that no deck holds or an answer dated before the card's last \
            answer (practice included) is exit 65 naming the line. For each answer, once it is on disk \
            (fsync), one JSON line is printed: seq, card, grade, kind, interval_days, due.
            """)

    @OptionGroup var user: UserOptions

    @Option(help: ArgumentHelp("Record every answer at this time instead of the clock: an ISO 8601 time, or a date (the start of that study day).", valueName: "time"))
    var at: String?

    func run() throws {
        try reportingErrors {
            // A date alone is the start of that study day in the learner's clock; checked before
            // the store is opened, read with the learner's clock after.
            let utc = DayClock(timeZone: TimeZone(secondsFromGMT: 0) ?? .current)
            if let at, ISOTime.parse(at) == nil, utc.dayStart(named: at) == nil {
                throw Failure(description: "--at \(at) is not an ISO 8601 time such as 2026-11-29T09:00:00Z or a date such as 2026-11-29", exitCode: 64)
            }
            let (store, decks, order) = try StartUp.open(try user.location(), deck: nil)
            defer { store.close() }
            try SchedulerCommand.requireStatesOfTheSettingsScheduler(store)
            let clock = store.settings.clock()
            let fixedTime = at.flatMap { ISOTime.parse($0) ?? clock.dayStart(named: $0) }
            for note in store.notes { Output.err("srs: \(note)\n") }
            // Only cards of a deck can be answered, each with its own deck's options.
            let known = Set(order)
            var book = ReviewBook<NoMark>(cards: store.takeCards(), reviewers: store.settings.reviewers(decks: decks),
                                          recordCount: store.recordCount, ids: .fresh())
            var number = 0, recorded = 0
            var lastAnswers = LastAnswers(store: store)
            while let line = readLine(strippingNewline: true) {
                number += 1
                let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
                if words.isEmpty { continue }
                let (card, grade, millis) = try parse(words, line: number)
                guard known.contains(card) else {
                    throw Failure(description: "<stdin>:\(number): no deck holds the card \(card); nothing was recorded for this line. `srs decks` lists the decks; give the id of one of their cards", exitCode: 65)
                }
                let time = fixedTime ?? EpochSeconds(Date().timeIntervalSince1970)
                try checkOrder(lastAnswers.time(of: card, progress: book[card]), card: card, time: time, line: number)
                // A card the review would not show now (not due, or learning beyond the
                // learn-ahead) is practice there, and so here: repeats cannot grow an interval.
                let practice = !TodaySlot.isShown(book[card], clock: clock, at: time)
                let record = try book.answer(card, grade: grade, at: time, millis: millis, practice: practice,
                                             mark: NoMark(), appending: store.append)
                lastAnswers.answered(card, at: time)
                recorded += 1
                try Output.out(acknowledgement(record)) { code in
                    Output.err("srs answer: stopped at <stdin>:\(number): its answer is recorded (seq \(record.seq)) but could not be acknowledged (\(String(cString: strerror(code)))); \(recorded) \(recorded == 1 ? "answer" : "answers") recorded in all, the rest of the input not read.\n")
                }
            }
            // One append per answer, and only once every line is recorded the settings opening
            // chose, the snapshot (when a start would otherwise read many records after it) and
            // the history cache: a command that fails writes nothing more than the answers it
            // acknowledged.
            try store.finish(book.cards)
            store.saveHistoryCache()
        }
    }

    /// The line printed once an answer is on disk.
    private func acknowledgement(_ record: LogRecord) -> String {
        guard case let .answer(grade, kind, _) = record.action else { return "" }
        let after = record.after
        let line = JSONText.object([
            ("seq", .int(record.seq)), ("id", .string(record.id)), ("card", .string(record.card.rawValue)), ("grade", .string(grade.name.lowercased())),
            ("kind", .string(kind.rawValue)), ("interval_days", .int(after.intervalDays ?? 0)),
            ("due", .string(ISOTime.format(after.dueTime ?? 0))),
        ])
        return line.compact + "\n"
    }

    /// An answer dated before the card's last answer (`last`, 0 when none) would rewrite its
    /// history: refused.
    private func checkOrder(_ last: EpochSeconds, card: CardID, time: EpochSeconds, line: Int) throws {
        guard last > 0, time < last else { return }
        throw Failure(description: "<stdin>:\(line): the answer to \(card) is dated \(ISOTime.format(time)), before its last answer at \(ISOTime.format(last)); nothing was recorded for this line. Give answers in time order (--at a later time)", exitCode: 65)
    }

    private func parse(_ words: [Substring], line: Int) throws -> (CardID, Grade, Int) {
        let grades: [String: Grade] = ["again": .again, "hard": .hard, "good": .good, "easy": .easy,
                                       "1": .again, "2": .hard, "3": .good, "4": .easy]
        guard words.count == 2 || words.count == 3, let grade = grades[words[1].lowercased()] else {
            throw Failure(description: "<stdin>:\(line): expected 'CARD GRADE [MS]' with GRADE again, hard, good or easy", exitCode: 65)
        }
        let millis = words.count == 3 ? Int(words[2]) : 0
        guard let millis, millis >= 0 else {
            throw Failure(description: "<stdin>:\(line): the time taken must be a whole number of milliseconds", exitCode: 65)
        }
        guard CardID.isUsable(String(words[0])) else {
            throw Failure(description: "<stdin>:\(line): `\(words[0].prefix(40))` is not a card id: ids are 1 to 64 characters without spaces, controls or invisible characters (docs/deck-format.md); nothing was recorded for this line", exitCode: 65)
        }
        return (CardID(String(words[0])), grade, min(millis, 60_000))
    }
}

/// The time of each card's last answer, practice answers included: a practice answer leaves the
/// card's state, and its `lastReview`, as they were, so those come from the review history
/// (read once, at the first answer) and from this run's answers.
private struct LastAnswers {
    let store: ProgressStore
    private var practice: [CardID: EpochSeconds]?

    init(store: ProgressStore) { self.store = store }

    /// The newest of the card's last graded review and its last practice answer.
    mutating func time(of card: CardID, progress: CardProgress?) throws -> EpochSeconds {
        let practice = try practiceTimes()
        return max(progress?.lastReview ?? 0, practice[card] ?? 0)
    }

    /// Notes an answer recorded in this run (whatever its kind).
    mutating func answered(_ card: CardID, at time: EpochSeconds) {
        let newest = max(practice?[card] ?? 0, time)
        practice?[card] = newest
    }

    private mutating func practiceTimes() throws -> [CardID: EpochSeconds] {
        if let practice { return practice }
        let history = try store.history(only: .practice, deferringCacheWrite: true)
        var times: [CardID: EpochSeconds] = [:]
        for event in history.events {
            let card = history.cardIDs[Int(event.card)]
            times[card] = max(times[card] ?? 0, event.time)
        }
        practice = times
        return times
    }
}
