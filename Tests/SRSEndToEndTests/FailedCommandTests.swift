import Foundation
import Testing

/// A command that fails writes nothing: after any exit other than 0 the data folder holds the
/// same files with the same bytes (a dry run, exit 0, too). Checked with the built binary on real
/// folders, each failure prepared by real runs of srs.
@Suite struct FailedCommandTests {
    /// Every file and folder under `folder`, by path, with its bytes (a folder: none).
    static func contents(_ folder: TempFolder) throws -> [String: Data] {
        var all: [String: Data] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: folder.path) {
            let url = folder.url.appendingPathComponent(path)
            let isFolder = (try url.resourceValues(forKeys: [.isDirectoryKey])).isDirectory == true
            all[isFolder ? path + "/" : path] = isFolder ? Data() : try Data(contentsOf: url)
        }
        return all
    }

    static func srs(_ arguments: [String], _ folder: TempFolder, input: String = "") throws -> SRSProcess.Result {
        try SRSProcess.run(arguments + ["--data-dir", folder.path, "--user", "ann"], input: input, environment: ["TZ": "UTC"])
    }

    /// User ann's log holds a classic SM-2 state (c1) and an Anki one (c2), and settings.json
    /// names no scheduler: an older srs's classic SM-2 progress, with one record of another
    /// srs's log (Anki's SM-2, a new user's default) joined to it by hand.
    /// `practice` more answers of c1 (at the same moment: practice) make the log that much longer.
    static func mixedStates(practice: Int = 0) throws -> TempFolder {
        let data = try TempFolder().pinScheduler(user: "ann").withCards(count: 2)
        let answers = String(repeating: "c1 good\n", count: 1 + practice)
        #expect(try srs(["answer", "--at", "2026-11-30T10:00:00Z"], data, input: answers).status == 0)
        let other = try TempFolder().withCards(count: 2)
        #expect(try srs(["answer", "--at", "2026-11-30T10:01:00Z"], other, input: "c2 good\n").status == 0)
        let otherLog = try String(contentsOf: other.url.appendingPathComponent("users/ann/reviews.jsonl"), encoding: .utf8)
        let ankiRecord = try #require(otherLog.split(separator: "\n").last)
        #expect(ankiRecord.contains("\"scheduler\":\"anki\""))
        let user = data.url.appendingPathComponent("users/ann")
        let log = try FileHandle(forWritingTo: user.appendingPathComponent("reviews.jsonl"))
        try log.seekToEnd()
        try log.write(contentsOf: Data((ankiRecord + "\n").utf8))
        try log.close()
        try FileManager.default.removeItem(at: user.appendingPathComponent("settings.json"))
        return data
    }

    /// The bug: `srs answer` wrote settings.json (classic SM-2 kept) before it refused the Anki
    /// state with exit 65. So did the review's start, `srs unsuspend` refusing a card that is not
    /// suspended, and `srs scheduler --dry-run`, which changes nothing.
    @Test func refusingProgressOfTwoSchedulersWritesNoSettings() throws {
        let data = try Self.mixedStates()
        let before = try Self.contents(data)
        #expect(before["users/ann/lock"] == Data(), "a released lock holds no pid")
        let refused = "Error: settings.json names no scheduler and the progress holds classic SM-2 states, so srs keeps sm2, "
            + "but 1 card holds a state of anki: answered now, they would start over as new cards. "
            + "Run `srs scheduler sm2` to rebuild their states from their answers. Nothing was recorded.\n"
        let answer = try Self.srs(["answer", "--at", "2026-12-20T10:00:00Z"], data, input: "c1 good\n")
        #expect(answer.status == 65 && answer.stderr == refused, "\(answer.stderr)")
        #expect(try Self.contents(data) == before, "srs answer changed the data folder")
        let review = try Self.srs(["review"], data)
        #expect(review.status == 65 && review.stderr == refused, "\(review.stderr)")
        #expect(try Self.contents(data) == before, "srs review changed the data folder")
        let unsuspend = try Self.srs(["unsuspend", "c1"], data)
        #expect(unsuspend.status == 66 && unsuspend.stderr.hasPrefix("Error: card c1 is not suspended."), "\(unsuspend.stderr)")
        #expect(try Self.contents(data) == before, "srs unsuspend changed the data folder")
        let dryRun = try Self.srs(["scheduler", "sm2", "--dry-run"], data)
        #expect(dryRun.status == 0 && dryRun.stdout.hasPrefix("Switching from sm2 to sm2: "), "\(dryRun.stdout)\(dryRun.stderr)")
        #expect(try Self.contents(data) == before, "srs scheduler --dry-run changed the data folder")
        // The fix the message names works, and settings.json is written by the command that succeeded.
        let switched = try Self.srs(["scheduler", "sm2"], data)
        #expect(switched.status == 0, "\(switched.stderr)")
        let settings = try String(contentsOf: data.url.appendingPathComponent("users/ann/settings.json"), encoding: .utf8)
        #expect(settings.contains("\"scheduler\": \"sm2\""), "\(settings)")
        let answered = try Self.srs(["answer", "--at", "2026-12-20T10:00:00Z"], data, input: "c2 good\n")
        #expect(answered.status == 0 && answered.stderr.isEmpty, "\(answered.stderr)")
    }

    /// With more than 2,000 records after the snapshot, opening for review rewrote cards.json
    /// before the refusal; the review now does that once its checks have passed.
    @Test func aRefusedStartWritesNoSnapshotHoweverFarBehind() throws {
        let data = try Self.mixedStates(practice: 2_001)
        // The snapshot that `srs answer` wrote, deleted (a cache): 2,003 records to replay.
        try FileManager.default.removeItem(at: data.url.appendingPathComponent("users/ann/cards.json"))
        let before = try Self.contents(data)
        for command in [["review"], ["answer"]] {
            let result = try Self.srs(command, data, input: "c1 good\n")
            #expect(result.status == 65 && result.stderr.contains("but 1 card holds a state of anki"), "\(command): \(result.stderr)")
            #expect(try Self.contents(data) == before, "srs \(command[0]) changed the data folder")
        }
    }

    /// Classic SM-2 progress and no scheduler in settings.json: a failed `srs answer` leaves
    /// settings.json unwritten, the next one that succeeds writes it (and the learner is told
    /// once that srs keeps SM-2).
    @Test func theKeptSchedulerIsWrittenByTheFirstCommandThatSucceeds() throws {
        let data = try TempFolder().pinScheduler(user: "ann").withCards(count: 2)
        #expect(try Self.srs(["answer", "--at", "2026-11-30T10:00:00Z"], data, input: "c1 good\n").status == 0)
        let settings = data.url.appendingPathComponent("users/ann/settings.json")
        try FileManager.default.removeItem(at: settings)
        let before = try Self.contents(data)
        let unknown = try Self.srs(["answer", "--at", "2026-11-30T10:01:00Z"], data, input: "c9 good\n")
        #expect(unknown.status == 65 && unknown.stderr.contains("<stdin>:1: no deck holds the card c9"), "\(unknown.stderr)")
        #expect(try Self.contents(data) == before, "a refused answer changed the data folder")
        // A review with no terminal to run in (exit 64) writes nothing either.
        let review = try Self.srs(["review", "--new-today", "5"], data)
        #expect(review.status == 64 && review.stderr.contains("terminal"), "\(review.stderr)")
        #expect(try Self.contents(data) == before, "a review that could not start changed the data folder")
        let first = try Self.srs(["answer", "--at", "2026-11-30T10:01:00Z"], data, input: "c2 good\n")
        #expect(first.status == 0 && first.stderr.contains("Your progress was made with classic SM-2, so srs keeps it."), "\(first.stderr)")
        #expect(try String(contentsOf: settings, encoding: .utf8).contains("\"scheduler\": \"sm2\""))
        let second = try Self.srs(["answer", "--at", "2026-11-30T10:02:00Z"], data, input: "c1 good\n")
        #expect(second.status == 0 && second.stderr.isEmpty, "told once: \(second.stderr)")
    }

    /// A `srs scheduler fsrs` killed after its records and before settings.json (found by review):
    /// every card's state is FSRS's and settings.json names no scheduler, so srs keeps FSRS, as it
    /// keeps classic SM-2, instead of falling back to Anki's SM-2 and refusing every command.
    @Test func aSwitchStoppedBeforeItsSettingsKeepsTheStatesScheduler() throws {
        let data = try TempFolder().pinScheduler(user: "ann").withCards(count: 2)
        #expect(try Self.srs(["answer", "--at", "2026-11-30T10:00:00Z"], data, input: "c1 good\nc2 good\n").status == 0)
        #expect(try Self.srs(["scheduler", "fsrs"], data).status == 0)
        let settings = data.url.appendingPathComponent("users/ann/settings.json")
        try FileManager.default.removeItem(at: settings)   // as if killed before writing it
        let next = try Self.srs(["answer", "--at", "2026-12-03T10:00:00Z"], data, input: "c1 good\n")
        #expect(next.status == 0, "\(next.stderr)")
        #expect(next.stderr.contains("srs keeps FSRS"), "\(next.stderr)")
        #expect(try String(contentsOf: settings, encoding: .utf8).contains("\"scheduler\": \"fsrs\""))
    }

    /// `srs scheduler` with no name reads the progress without the lock, and names the scheduler
    /// the other commands keep when settings.json names none (it said `anki`; found by review).
    @Test(arguments: ["sm2", "fsrs"])
    func theSchedulerShownIsTheOneKept(kept: String) throws {
        let data = try TempFolder().pinScheduler(user: "ann").withCards(count: 2)
        #expect(try Self.srs(["answer", "--at", "2026-11-30T10:00:00Z"], data, input: "c1 good\nc2 good\n").status == 0)
        if kept == "fsrs" { #expect(try Self.srs(["scheduler", "fsrs"], data).status == 0) }
        try FileManager.default.removeItem(at: data.url.appendingPathComponent("users/ann/settings.json"))
        let before = try Self.contents(data)
        let shown = try Self.srs(["scheduler"], data)
        #expect(shown.status == 0 && shown.stdout.hasPrefix("Scheduler: \(kept)."), "\(shown.stdout)")
        #expect(try Self.contents(data) == before, "showing the scheduler changed the data folder")
    }

    /// `srs answer` extended history.cache (for the practice answers' times) before it refused
    /// an answer dated before the card's last one (exit 65, nothing recorded).
    @Test func anAnswerRefusedForItsDateWritesNoCache() throws {
        let data = try TempFolder().withCards(count: 2)
        #expect(try Self.srs(["answer", "--at", "2026-11-30T10:00:00Z"], data, input: "c1 good\n").status == 0)
        // The cache is written a run behind: it covers the log as it was before each run's answers.
        #expect(try Self.srs(["answer", "--at", "2026-11-30T10:05:00Z"], data, input: "c2 good\n").status == 0)
        let before = try Self.contents(data)
        let early = try Self.srs(["answer", "--at", "2026-11-30T09:00:00Z"], data, input: "c2 easy\n")
        #expect(early.status == 65 && early.stderr.contains("<stdin>:1: the answer to c2 is dated 2026-11-30T09:00:00Z, before its last answer at 2026-11-30T10:05:00Z"), "\(early.stderr)")
        #expect(try Self.contents(data) == before, "a refused answer changed the data folder")
        let later = try Self.srs(["answer", "--at", "2026-11-30T11:00:00Z"], data, input: "c2 easy\n")
        #expect(later.status == 0, "\(later.stderr)")
        #expect(try Self.contents(data)["users/ann/history.cache"] != before["users/ann/history.cache"], "extended once the answers are recorded")
    }

    /// `srs stats` wrote the snapshot it rebuilt and extended the history cache before it read
    /// the decks: a damaged deck (65) or an unknown --deck (66) left both written.
    @Test func statsThatFailsWritesNoCache() throws {
        let data = try TempFolder().withCards(count: 3)
        #expect(try Self.srs(["answer", "--at", "2026-11-30T10:00:00Z"], data, input: "c1 good\nc2 easy\n").status == 0)
        // `srs answer` appends only: no snapshot yet, and a history cache a record behind.
        #expect(try Self.srs(["answer", "--at", "2026-11-30T10:01:00Z"], data, input: "c3 again\n").status == 0)
        #expect(!FileManager.default.fileExists(atPath: data.url.appendingPathComponent("users/ann/cards.json").path))
        let unknownDeck = try Self.contents(data)
        let unknown = try Self.srs(["stats", "--deck", "nope"], data)
        #expect(unknown.status == 66 && unknown.stderr.hasPrefix("Error: no deck named 'nope' (known decks: cards, "), "\(unknown.stderr)")
        #expect(try Self.contents(data) == unknownDeck, "srs stats --deck nope changed the data folder")
        try Data("not a deck\n".utf8)
            .write(to: data.url.appendingPathComponent("decks/broken.deck"))
        let before = try Self.contents(data)
        let damaged = try Self.srs(["stats"], data)
        #expect(damaged.status == 65 && damaged.stderr.contains("broken.deck"), "\(damaged.stderr)")
        #expect(try Self.contents(data) == before, "srs stats with a damaged deck changed the data folder")
        try FileManager.default.removeItem(at: data.url.appendingPathComponent("decks/broken.deck"))
        let stats = try Self.srs(["stats"], data)
        #expect(stats.status == 0, "\(stats.stderr)")
        #expect(FileManager.default.fileExists(atPath: data.url.appendingPathComponent("users/ann/cards.json").path))
    }

    /// `srs export` reads the progress without writing: a refused file (73) leaves the data
    /// folder as it was.
    @Test func anExportThatIsRefusedWritesNothing() throws {
        let data = try TempFolder().withCards(count: 2)
        #expect(try Self.srs(["answer", "--at", "2026-11-30T10:00:00Z"], data, input: "c1 good\n").status == 0)
        let target = data.url.appendingPathComponent("out.csv")
        try Data("mine\n".utf8).write(to: target)
        let before = try Self.contents(data)
        let refused = try Self.srs(["export", target.path, "--with-progress"], data)
        #expect(refused.status == 73 && refused.stderr.contains("already exists. Nothing was written."), "\(refused.stderr)")
        #expect(try Self.contents(data) == before)
    }
}
