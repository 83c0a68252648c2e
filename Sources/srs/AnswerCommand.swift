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
            The same-day repeat rule applies as in a review. For each answer, once it is on disk \
            (fsync), one JSON line is printed: seq, card, grade, kind, interval_days, due.
            """)

    @OptionGroup var user: UserOptions

    @Option(help: ArgumentHelp("Record every answer at this time instead of the clock (ISO 8601).", valueName: "time"))
    var at: String?

    func run() throws {
        try reportingErrors {
            let fixedTime = try at.map { text -> EpochSeconds in
                guard let t = ISOTime.parse(text) else {
                    throw Failure(description: "--at \(text) is not an ISO 8601 time such as 2026-11-29T09:00:00Z", exitCode: 64)
                }
                return t
            }
            let store = try ProgressStore.openForReview(try user.location())
            defer { store.close() }
            for note in store.notes { FileHandle.standardError.write(Data("srs: \(note)\n".utf8)) }
            var book = ReviewBook<NoMark>(cards: store.takeCards(), reviewer: store.settings.reviewer(),
                                          recordCount: store.recordCount, ids: .fresh())
            // One append per answer; the snapshot is rewritten only when a start would
            // otherwise read many records after it.
            defer { if store.isSnapshotBehind { try? store.checkpoint(book.cards) } }
            var number = 0
            while let line = readLine(strippingNewline: true) {
                number += 1
                let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
                if words.isEmpty { continue }
                let (card, grade, millis) = try parse(words, line: number)
                let time = fixedTime ?? EpochSeconds(Date().timeIntervalSince1970)
                let record = try book.answer(card, grade: grade, at: time, millis: millis, mark: NoMark(),
                                             appending: store.append)
                FileHandle.standardOutput.write(Data(acknowledgement(record).utf8))
            }
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
        return (CardID(String(words[0])), grade, min(millis, 60_000))
    }
}
