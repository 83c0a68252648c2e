import Foundation
import Testing

/// Issue 9, point 3: `srs answer` follows the review's rules.
@Suite struct AnswerRulesTests {
    private func answer(_ folder: TempFolder, at: String, _ input: String) throws -> SRSProcess.Result {
        try SRSProcess.run(["answer", "--data-dir", folder.path, "--user", "ana", "--at", at],
                           input: input, environment: ["TZ": "UTC"])
    }

    private func lines(_ stdout: String) throws -> [[String: Any]] {
        try stdout.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:] }
    }

    @Test func aMalformedIDIsExit65NamingTheLineAndNothingIsRecordedForIt() throws {
        let folder = try TempFolder().pinScheduler(user: "ana").withCards(count: 2)
        let result = try answer(folder, at: "2026-11-29T09:00:00Z", "c1 good\nbad\u{7}id good\nc2 good\n")
        #expect(result.status == 65)
        #expect(result.stderr.contains("<stdin>:2:"), "\(result.stderr)")
        #expect(result.stderr.contains("not a card id"), "\(result.stderr)")
        #expect(try ReviewLog(folder: folder.path, user: "ana").records.compactMap { $0["card"] as? String } == ["c1"])
        let long = try answer(folder, at: "2026-11-29T09:00:00Z", String(repeating: "x", count: 65) + " good\n")
        #expect(long.status == 65)
    }

    @Test func anIDInNoDeckIsExit65NamingTheLineAndNothingIsRecordedForIt() throws {
        let folder = try TempFolder().pinScheduler(user: "ana").withCards(["c1", "c2"])
        let result = try answer(folder, at: "2026-11-29T09:00:00Z", "c1 good\nc9 good\nc2 good\n")
        #expect(result.status == 65)
        #expect(result.stderr == "Error: <stdin>:2: no deck holds the card c9; nothing was recorded for this line. `srs decks` lists the decks; give the id of one of their cards\n")
        #expect(try lines(result.stdout).compactMap { $0["card"] as? String } == ["c1"])
        #expect(try ReviewLog(folder: folder.path, user: "ana").records.compactMap { $0["card"] as? String } == ["c1"])
        // A card of a shipped deck is known.
        let shipped = try answer(folder, at: "2026-11-29T09:00:00Z", "89fc2ab78841 good\n")
        #expect(shipped.status == 0, "\(shipped.stderr)")
    }

    @Test(arguments: ["zw\u{200B}sp", "wj\u{2060}x", "\u{FEFF}bom"])
    func anIDWithAnInvisibleCharacterIsMalformed(id: String) throws {
        let folder = try TempFolder().pinScheduler(user: "ana").withCards(["c1"])
        let result = try answer(folder, at: "2026-11-29T09:00:00Z", "\(id) good\n")
        #expect(result.status == 65)
        #expect(result.stderr.contains("<stdin>:1:") && result.stderr.contains("is not a card id"), "\(result.stderr)")
    }

    /// A practice answer is the card's last answer too, though it leaves the state (and its
    /// `last`) as it was: an answer dated before it is refused, in a later run as well.
    @Test func anAnswerDatedBeforeTheCardsLastPracticeAnswerIsRefused() throws {
        let folder = try TempFolder().pinScheduler(user: "ana").withCards(count: 2)
        #expect(try answer(folder, at: "2026-11-29T09:00:00Z", "c1 good\n").status == 0)
        let practice = try answer(folder, at: "2026-11-29T12:00:00Z", "c1 good\n")
        #expect(try lines(practice.stdout).first?["kind"] as? String == "practice")
        let result = try answer(folder, at: "2026-11-29T10:00:00Z", "c2 good\nc1 good\n")
        #expect(result.status == 65)
        #expect(result.stderr == "Error: <stdin>:2: the answer to c1 is dated 2026-11-29T10:00:00Z, before its last answer at 2026-11-29T12:00:00Z; nothing was recorded for this line. Give answers in time order (--at a later time)\n")
        #expect(try ReviewLog(folder: folder.path, user: "ana").records.compactMap { $0["card"] as? String } == ["c1", "c1", "c2"])
    }

    @Test func anAnswerDatedBeforeTheCardsLastAnswerIsRefused() throws {
        let folder = try TempFolder().pinScheduler(user: "ana").withCards(count: 2)
        #expect(try answer(folder, at: "2026-11-29T09:00:00Z", "c1 good\n").status == 0)
        let result = try answer(folder, at: "2026-11-28T09:00:00Z", "c2 good\nc1 good\n")
        #expect(result.status == 65)
        #expect(result.stderr.contains("<stdin>:2:"), "\(result.stderr)")
        #expect(result.stderr.contains("before its last answer at 2026-11-29T09:00:00Z"), "\(result.stderr)")
        #expect(try ReviewLog(folder: folder.path, user: "ana").records.compactMap { $0["card"] as? String } == ["c1", "c2"])
    }

    /// Repeating an answer at one moment used to grow the interval each time (SM-2: 1, 6, 17,
    /// 48 days...); a card not due is practice, as in the review.
    @Test func repeatingAnAnswerIsPracticeAndCannotGrowTheInterval() throws {
        let folder = try TempFolder().pinScheduler(user: "ana").withCards(count: 2)
        let result = try answer(folder, at: "2026-11-29T09:00:00Z", String(repeating: "c1 easy\n", count: 6))
        #expect(result.status == 0, "\(result.stderr)")
        let acks = try lines(result.stdout)
        #expect(acks.compactMap { $0["kind"] as? String } == ["learn"] + Array(repeating: "practice", count: 5))
        #expect(acks.compactMap { $0["interval_days"] as? Int } == Array(repeating: 1, count: 6))
        let due = try answer(folder, at: "2026-11-30T09:00:00Z", "c1 easy\nc1 easy\n")
        #expect(try lines(due.stdout).compactMap { $0["interval_days"] as? Int } == [6, 6])
    }

    /// Anki's SM-2: a learning step due within the 20-minute learn-ahead is answered as in the
    /// review; once the card has graduated it is not due, and more answers are practice.
    @Test func learningStepsWithinTheLearnAheadCountThenPractice() throws {
        let folder = try TempFolder().pinScheduler("anki", user: "ana").withCards(count: 1)
        let result = try answer(folder, at: "2026-11-29T09:00:00Z", String(repeating: "c1 good\n", count: 4))
        #expect(result.status == 0, "\(result.stderr)")
        let acks = try lines(result.stdout)
        #expect(acks.compactMap { $0["kind"] as? String } == ["learn", "review", "practice", "practice"])
        #expect(acks.compactMap { $0["interval_days"] as? Int } == [0, 1, 1, 1])
    }
}
