import ArgumentParser
import Foundation
import SRSCore
import SRSJSON
import SRSStore

/// `srs schedule`: plumbing that applies a scheduler to review lines (JSON Lines) and prints the
/// state after each.
struct ScheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "Apply a scheduler to review lines and print the state after each (plumbing).",
        discussion: """
            Input: JSON Lines with "card", "index" (0-based review number of that card), \
            "review_at" (ISO 8601, e.g. 2025-01-08T19:50:49Z) and "grade" (sm2: quality 0-5; \
            anki, fsrs: 1 Again, 2 Hard, 3 Good, 4 Easy), each card's reviews in order. Output, \
            in input order: the input fields plus the scheduler's state (docs/scheduling.md): \
            sm2 "interval_days", "due", "easiness", "repetitions", "lapses" (exact, no maximum \
            interval); anki "state", "queue", "remaining_steps", "interval_days", "ease", "due", \
            "reps", "lapses"; fsrs "state", "step", "stability", "difficulty", \
            "retrievability", "interval_days", "due", "last_review", "reps", "lapses". Default \
            options, no fuzz unless --fuzz. A bad line exits 65 and prints nothing.
            """)

    @Option(help: "The scheduler to apply: \(Schedulers.names.joined(separator: ", ")).")
    var scheduler = "sm2"

    @Option(help: "anki: the hour (0-23) at which a study day starts (Anki's default 4).")
    var rolloverHour = 4

    @Option(help: "anki: the time zone of the study days, e.g. UTC or Europe/Berlin.")
    var timeZone = "UTC"

    @Flag(help: "anki, fsrs: fuzz intervals as Anki and py-fsrs do, drawn from srs's generator seeded by the card and its review count.")
    var fuzz = false

    @Argument(help: "A file of review lines (default: standard input).")
    var file: String?

    func run() throws {
        try reportingErrors {
            let chosen = try chosenScheduler()
            let (name, data) = try readInput()
            var replay = ReviewReplay(scheduler: chosen)
            var output = ""
            for (number, line) in lines(of: data) {
                let input = try parse(line, number: number, source: name)
                let before = replay.state(of: input.card)
                let state: SchedulerState
                do { state = try replay.apply(input) } catch let error as ReplayError {
                    throw Failure(description: "\(name):\(error.line): \(error.problem)", exitCode: 65)
                }
                output += ScheduleOutput(scheduler: chosen).line(input, before: before, after: state) + "\n"
            }
            try Output.out(output)
        }
    }

    private func chosenScheduler() throws -> any Scheduler {
        guard (0...23).contains(rolloverHour) else {
            throw Failure(description: "--rollover-hour \(rolloverHour) is not an hour: give 0 to 23.", exitCode: 64)
        }
        guard let zone = TimeZone(identifier: timeZone) else {
            throw Failure(description: "--time-zone '\(timeZone)' is not a time zone: give a name such as UTC or Europe/Berlin.", exitCode: 64)
        }
        switch scheduler {
        case "sm2": return SM2.uncapped
        case "anki": return AnkiScheduler(days: AnkiDays(rolloverHour: rolloverHour, timeZone: zone), fuzz: fuzz)
        case "fsrs": return FSRSScheduler(fuzz: fuzz)
        default:
            throw Failure(description: "unknown scheduler '\(scheduler)'. Available: \(Schedulers.names.joined(separator: ", ")).", exitCode: 64)
        }
    }

    private func readInput() throws -> (String, Data) {
        guard let file else { return ("<stdin>", FileHandle.standardInput.readDataToEndOfFile()) }
        do { return (file, Data(try InputFile.read(file))) } catch let error as StoreError where error.exitCode == 66 {
            throw Failure(description: "\(file): no such file. Give a file of review lines, or pipe them on standard input.", exitCode: 66)
        }
    }

    /// Non-blank lines with their 1-based numbers.
    private func lines(of data: Data) -> [(Int, Data)] {
        data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated()
            .map { ($0.offset + 1, Data($0.element)) }
            .filter { !$0.1.allSatisfy { $0 == 32 || $0 == 9 || $0 == 13 } }
    }

    private func parse(_ line: Data, number: Int, source: String) throws -> ReviewInput {
        func bad(_ problem: String) -> Failure {
            Failure(description: "\(source):\(number): \(problem)", exitCode: 65)
        }
        guard let object = try? JSONValue.parse(line), case .object = object else {
            throw bad("not a JSON object. Each line must look like {\"card\": \"c1\", \"index\": 0, \"review_at\": \"2025-01-08T19:50:49Z\", \"grade\": 4}")
        }
        func integer(_ key: String) throws -> Int {
            guard let value = object[key] else { throw bad("missing field \"\(key)\" (an integer)") }
            guard case let .number(n, true) = value, abs(n) < 1e15 else { throw bad("field \"\(key)\" must be an integer") }
            return Int(n)
        }
        func string(_ key: String, _ what: String) throws -> String {
            guard let value = object[key] else { throw bad("missing field \"\(key)\" (\(what))") }
            guard case let .string(text) = value else { throw bad("field \"\(key)\" must be \(what)") }
            return text
        }
        let card = try string("card", "a string")
        let index = try integer("index")
        let at = try string("review_at", "an ISO 8601 time such as 2025-01-08T19:50:49Z")
        let grade = try integer("grade")
        guard let reviewAt = ISOTime.parse(at) else {
            throw bad("review_at \"\(at)\" is not an ISO 8601 time such as 2025-01-08T19:50:49Z")
        }
        // `ISOTime.parse` drops a fraction of a second; here it would move the review (`…:00.600Z`
        // a day before `…:00Z` reads as a whole day), so it is refused.
        if at.utf8.dropFirst(19).first == UInt8(ascii: ".") {
            throw bad("review_at \"\(at)\" has a fraction of a second; review lines give whole seconds")
        }
        return ReviewInput(line: number, card: card, index: index, reviewAt: reviewAt, quality: grade)
    }
}
