import Foundation
import Testing

/// A learning card coming back in a real terminal, with `"scheduler": "anki"` in settings.json.
@Suite(.enabled(if: TmuxSession.available, "needs tmux"))
struct LearningStepScreenTests {
    @Test func aLearningCardComesBackEarlyWhenNothingElseIsLeft() throws {
        let data = TempFolder()
        try data.writeDeck("""
            srs-deck 1

            card: steps-1
            type: true_false
            question: Learning steps are counted in minutes.
            answer: true
            explanation: Anki's defaults are 1m and 10m.

            """, named: "steps")
        let folder = data.url.appendingPathComponent("users/ann")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("{\"scheduler\": \"anki\", \"fuzz\": false}\n".utf8).write(to: folder.appendingPathComponent("settings.json"))
        let tmux = try TmuxSession(["--deck", "steps", "--data-dir", data.path, "--user", "ann"])
        try tmux.waitFor("Learning steps are counted in minutes.")
        #expect(try tmux.screen().contains("new 1  learning 0  review 0"))
        try tmux.press("t")
        try tmux.waitFor("1 Again 1m  2 Hard 6m  3/Enter Good 10m  4 Easy 4d")
        try tmux.press("3")
        let screen = try tmux.waitFor("Shown early")
        #expect(screen.contains("Learning steps are counted in minutes."))
        #expect(screen.contains("· learning"))
        #expect(screen.contains("new 0  learning 1  review 0"))
        try tmux.press("t")
        try tmux.waitFor("3/Enter Good 1d")
        try tmux.press("3")
        try tmux.quit(after: "Review finished")
        let log = try ReviewLog(folder: data.path, user: "ann")
        #expect(log.actions == ["answer", "answer"])
        #expect(log.records.allSatisfy { $0["scheduler"] as? String == "anki" })
    }
}
