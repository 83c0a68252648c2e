import Foundation
import Testing

/// Issue 9: a crafted log crashed the review with the terminal left raw (SM-2's interval product
/// trapped while computing the grade keys). The arithmetic saturates and states are clamped on
/// reading, so the review shows the card and its grade keys and quits normally.
@Suite(.enabled(if: TmuxSession.available, "needs tmux"), .serialized)
struct ReviewAbsurdStateTests {
    @Test func aReviewWithAbsurdStoredValuesRunsAndQuits() throws {
        let data = try TempFolder().pinScheduler(user: "ann")
        let first = try TmuxSession(["review", "--deck", "linear-algebra", "--data-dir", data.path, "--user", "ann"])
        let screen = try first.waitFor("card 1 of")
        _ = try ReviewScreenTests().answer(screen, in: first)
        try first.waitFor("card 2 of")
        try first.press("q")
        #expect(try first.exitStatus() == 0)

        let user = data.url.appendingPathComponent("users/ann")
        let logURL = user.appendingPathComponent("reviews.jsonl")
        var log = try String(contentsOf: logURL, encoding: .utf8)
        let absurd = "\"state\":{\"due\":-9223372036854775808,\"interval\":9223372036854775807,\"easiness\":1e308,\"repetitions\":9223372036854775807,\"lapses\":9223372036854775807,\"first\":1,\"last\":1}}"
        guard let range = log.range(of: #""state":\{[^}]*\}\}"#, options: .regularExpression) else {
            Issue.record("no state in the log: \(log)"); return
        }
        log.replaceSubrange(range, with: absurd)
        try Data(log.utf8).write(to: logURL)
        try? FileManager.default.removeItem(at: user.appendingPathComponent("cards.json"))

        let second = try TmuxSession(["review", "--deck", "linear-algebra", "--data-dir", data.path, "--user", "ann"])
        try second.waitFor("card 1 of")
        try second.press("q")
        #expect(try second.exitStatus() == 0)
    }
}
