import Foundation
import Testing
import SRSCore
import SRSStore

/// What `srs review --new-today N` writes into settings.json, and when: only the fields it sets,
/// merged into the file as it is when written (a hand edit made during the session stays), and
/// as soon as the first answer is durable (a review killed after answering keeps the raise).
@Suite(.enabled(if: TmuxSession.available, "needs tmux"), .serialized)
struct ReviewSettingsTests {
    static func settings(_ data: TempFolder) throws -> [String: Any] {
        let bytes = try Data(contentsOf: data.url.appendingPathComponent("users/ann/settings.json"))
        return try #require(try JSONSerialization.jsonObject(with: bytes) as? [String: Any])
    }

    /// A review of linear-algebra with `--new-today 2`, on the second card after one answer.
    static func reviewAndAnswerOne() throws -> (TempFolder, TmuxSession) {
        let data = try TempFolder().pinScheduler(user: "ann")
        let tmux = try TmuxSession(["review", "--deck", "linear-algebra", "--new-today", "2", "--data-dir", data.path, "--user", "ann"])
        let screen = try tmux.waitUntil("card 1 with its kind") { screen in
            screen.contains("card 1 of") && ["Multiple choice", "True or false?", "Short answer"].contains { screen.contains($0) }
        }
        _ = try ReviewScreenTests().answer(screen, in: tmux)
        try tmux.waitFor("card 2 of")
        return (data, tmux)
    }

    @Test func aHandEditDuringTheReviewIsKept() throws {
        let data = try TempFolder().pinScheduler(user: "ann")
        let tmux = try TmuxSession(["review", "--deck", "linear-algebra", "--new-today", "2", "--data-dir", data.path, "--user", "ann"])
        try tmux.waitFor("card 1 of")
        try Data("{\"scheduler\": \"sm2\", \"new_per_day\": 0, \"rollover_hour\": 2, \"reviews_today\": {\"day\": \"2026-12-01\", \"more\": 50}}\n".utf8)
            .write(to: data.url.appendingPathComponent("users/ann/settings.json"))
        try tmux.quit(after: "card 1 of")
        let settings = try Self.settings(data)
        #expect(settings["rollover_hour"] as? Int == 2 && settings["new_per_day"] as? Int == 0, "\(settings)")
        #expect((settings["new_today"] as? [String: Any])?["more"] as? Int == 2, "\(settings)")
        // `--new-today` alone leaves `reviews_today` as the hand edit wrote it (found by review).
        #expect((settings["reviews_today"] as? [String: Any])?["more"] as? Int == 50, "\(settings)")
    }

    @Test func aReviewKilledAfterAnAnswerKeepsTheRaise() throws {
        let (data, tmux) = try Self.reviewAndAnswerOne()
        let pid = try #require(try tmux.srsPID())
        kill(pid, SIGKILL)
        _ = try tmux.exitStatus()
        let log = try ReviewLog(folder: data.path, user: "ann")
        #expect(log.actions == ["answer"])
        let settings = try Self.settings(data)
        #expect((settings["new_today"] as? [String: Any])?["more"] as? Int == 2, "\(settings)")
    }

    /// settings.json broken by hand during the review: the answers are saved and summed up, the
    /// broken file is left as it is, and the error names it and what was not written (exit 65).
    @Test func aSettingsFileBrokenDuringTheReviewKeepsTheAnswers() throws {
        let (data, tmux) = try Self.reviewAndAnswerOne()
        let path = data.url.appendingPathComponent("users/ann/settings.json")
        try Data("{\"new_per_day\": 5,\n".utf8).write(to: path)
        try tmux.press("q")
        #expect(try tmux.exitStatus() == 65)
        let after = try tmux.screen()
        #expect(after.contains("Reviewed 1 card"), "\(after)")
        #expect(after.contains("settings.json") && after.contains("your answers are saved"), "\(after)")
        #expect(try Data(contentsOf: path) == Data("{\"new_per_day\": 5,\n".utf8))
        let log = try ReviewLog(folder: data.path, user: "ann")
        #expect(log.actions == ["answer"])
    }
}
