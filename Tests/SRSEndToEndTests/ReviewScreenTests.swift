import Foundation
import Testing
import SRSCore
import SRSStore

/// The full-screen review in a real terminal (tmux), run from the built binary.
@Suite(.enabled(if: TmuxSession.available, "needs tmux"), .serialized)
struct ReviewScreenTests {
    @Test func answersOneCardOfEachTypeUndoesAndQuits() throws {
        let data = try TempFolder().pinScheduler(user: "ann")
        let tmux = try TmuxSession(["review", "--deck", "linear-algebra", "--data-dir", data.path, "--user", "ann"])
        var answered: Set<String> = []
        var position = 1
        while answered.count < 3 {
            // Wait for the whole card: a capture can catch a redraw half done, with the header of
            // the next card but not yet its kind, which would be taken for a short answer.
            let screen = try tmux.waitUntil("card \(position) with its kind") { screen in
                screen.contains("card \(position) of")
                    && ["Multiple choice", "True or false?", "Short answer"].contains { screen.contains($0) }
            }
            let type = try answer(screen, in: tmux)
            answered.insert(type)
            position += 1
        }
        try tmux.waitFor("card \(position) of")
        try tmux.press("u")
        try tmux.waitFor("Undone.")
        try tmux.quit(after: "card \(position - 1) of")

        let log = try ReviewLog(folder: data.path, user: "ann")
        #expect(log.actions == ["answer", "answer", "answer", "undo"])
        #expect(log.records.last?["undoes"] as? String == log.records[2]["id"] as? String)
        #expect((log.records.last?["undoes"] as? String)?.isEmpty == false)
        let cards = try ProgressStore.openReadOnly(DataLocation(root: data.url, user: "ann")).takeCards()
        let answeredCards = cards.values.filter { $0.memory != nil }
        #expect(answeredCards.count == 2)
        let undone = CardID(log.records[2]["card"] as? String ?? "")
        // The undone card was new: its state is blank again, and the store keeps no blank states.
        #expect(cards[undone] == nil)
    }

    /// Answers the card on `screen` by its type; returns the type.
    func answer(_ screen: String, in tmux: TmuxSession) throws -> String {
        if screen.contains("Multiple choice") {
            try tmux.press("a")
            try tmux.waitFor("Again") // the grade keys: the answer is shown
            try tmux.press("Enter")
            return "mc"
        }
        if screen.contains("True or false?") {
            try tmux.press("t")
            try tmux.waitFor("Again")
            try tmux.press("Enter")
            return "tf"
        }
        #expect(screen.contains("Short answer"))
        try tmux.press("i")
        try tmux.waitFor("Your answer:")
        try tmux.type("no vector is a combination of the others — 独立")
        try tmux.waitFor("独立")
        try tmux.press("Enter")
        try tmux.waitFor("Model answer:")
        try tmux.press("3")
        return "sa"
    }

    @Test func redrawsOnResizeAndSurvivesATinyTerminal() throws {
        let data = TempFolder()
        let tmux = try TmuxSession(["--deck", "linear-algebra", "--data-dir", data.path, "--user", "ann"])
        try tmux.waitFor("card 1 of")
        try tmux.resize(columns: 40, rows: 10)
        let small = try tmux.waitUntil("the compact header") { $0.contains("1/") && !$0.contains("card 1 of") }
        #expect(small.split(separator: "\n").allSatisfy { $0.count <= 40 })
        try tmux.resize(columns: 30, rows: 8)
        try tmux.waitFor("Terminal too small")
        try tmux.press("a")
        try tmux.resize(columns: 100, rows: 30)
        let big = try tmux.waitFor("card 1 of")
        #expect(!big.contains("✓"), "keys pressed while too small are ignored")
        try tmux.press("q")
        #expect(try tmux.exitStatus() == 0)
    }

    @Test func drawsCJKAndEmojiAligned() throws {
        let data = TempFolder()
        try writeCJKDeck(into: data)
        let tmux = try TmuxSession(["--deck", "cjk", "--data-dir", data.path, "--user", "ann"], columns: 50, rows: 20)
        let screen = try tmux.waitFor("日本語")
        let question = screen.split(separator: "\n").first { $0.contains("「日本語」") }
        #expect(question.map { $0.hasPrefix(" 「日本語」は何語ですか？") } == true)
        let header = screen.split(separator: "\n").first { $0.contains("review 0") }
        #expect(header.map { $0.hasSuffix("review 0") } == true)
        let letter = screen.split(separator: "\n").first { $0.hasSuffix(") 日本語 😀") }
            .flatMap { $0.dropLast(") 日本語 😀".count).last }
        try tmux.type(String(letter ?? "?").lowercased())
        try tmux.waitFor("✓ Right.")
        try tmux.waitFor("is Japanese 🇯🇵.")
        try tmux.press("q")
        #expect(try tmux.exitStatus() == 0)
    }

    func writeCJKDeck(into data: TempFolder) throws {
        let deck = """
            srs-deck 1

            card: cjk-1
            type: multiple_choice
            question: 「日本語」は何語ですか？ Which language is this? 😀
            A: 中文
            B: 日本語 😀
            C: 한국어
            key: B
            explanation: 日本語 (nihongo) is Japanese 🇯🇵.

            """
        try data.writeDeck(deck, named: "cjk")
    }

    @Test func sigtermRestoresTheTerminal() throws {
        let data = TempFolder()
        let tmux = try TmuxSession(["--deck", "linear-algebra", "--data-dir", data.path, "--user", "ann"])
        try tmux.waitFor("card 1 of")
        let pid = try #require(try tmux.srsPID())
        kill(pid, SIGTERM)
        #expect(try tmux.exitStatus() == 128 + SIGTERM)
        #expect(!(try tmux.screen()).contains("card 1 of"), "the review screen is gone")
    }

    @Test func ctrlZStopsAndContinuingRedraws() throws {
        let data = TempFolder()
        let tmux = try TmuxSession(["--deck", "linear-algebra", "--data-dir", data.path, "--user", "ann"])
        try tmux.waitFor("card 1 of")
        let pid = try #require(try tmux.srsPID())
        try tmux.press("C-z")
        try tmux.waitUntil("the terminal given back") { !$0.contains("card 1 of") }
        try waitUntilStopped(pid)
        kill(pid, SIGCONT) // what the shell's `fg` sends
        try tmux.waitFor("card 1 of")
        try tmux.press("q")
        #expect(try tmux.exitStatus() == 0)
    }

    /// Polls /proc until `pid` is stopped (state T), so a SIGCONT cannot come before the stop.
    func waitUntilStopped(_ pid: Int32) throws {
        let end = Date().addingTimeInterval(TmuxSession.deadline)
        while Date() < end {
            let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
            // The state follows the command name, which is in parentheses.
            if stat.split(separator: ")").last?.split(separator: " ").first == "T" { return }
            Thread.sleep(forTimeInterval: 0.02)
        }
        Issue.record("srs (pid \(pid)) never stopped")
    }

    @Test func ctrlCQuitsCleanly() throws {
        let data = TempFolder()
        let tmux = try TmuxSession(["--deck", "linear-algebra", "--data-dir", data.path, "--user", "ann"])
        try tmux.waitFor("card 1 of")
        try tmux.press("C-c")
        #expect(try tmux.exitStatus() == 0)
        #expect(!(try tmux.screen()).contains("card 1 of"), "the review screen is gone")
    }

    @Test(arguments: [false, true])
    func coloursOnlyWithoutNoColor(_ noColor: Bool) throws {
        let data = TempFolder()
        let tmux = try TmuxSession(["--deck", "linear-algebra", "--data-dir", data.path, "--user", "ann"],
                                   environment: noColor ? ["NO_COLOR": "1", "TERM": "xterm"] : ["TERM": "xterm"])
        try tmux.waitFor("card 1 of")
        let styled = try tmux.styledScreen()
        let foreground = (30...37).contains { styled.contains("\u{1B}[\($0)m") || styled.contains(";\($0)m") }
        #expect(foreground == !noColor)
        #expect(styled.contains("\u{1B}[1m"), "bold stays either way")
        try tmux.press("q")
        #expect(try tmux.exitStatus() == 0)
    }

    @Test func unusableTermIsAUsageError() throws {
        let data = TempFolder()
        let tmux = try TmuxSession(["--data-dir", data.path, "--user", "ann"], environment: ["TERM": "dumb"])
        #expect(try tmux.exitStatus() == 64)
        #expect(try tmux.screen().contains("Error: the terminal type TERM=dumb cannot draw the review screen"))
    }
}

/// Without a terminal (as in CI), the review says so and exits 64 at once.
@Suite struct ReviewWithoutATerminalTests {
    @Test func notATerminalIsAUsageError() throws {
        let data = TempFolder()
        let result = try SRSProcess.run(["review", "--data-dir", data.path, "--user", "ann"])
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("Error: the review screen needs a terminal, but standard input is not one."))
        #expect(result.stdout.isEmpty)
    }
}

/// A user's review log, read as JSON lines.
struct ReviewLog {
    var records: [[String: Any]]
    var actions: [String] { records.compactMap { $0["do"] as? String } }

    init(folder: String, user: String) throws {
        let url = URL(fileURLWithPath: folder).appendingPathComponent("users/\(user)/reviews.jsonl")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").dropFirst()
        records = try lines.map { line in
            try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
        }
    }
}

/// Errors the review reports before it needs a terminal.
@Suite struct ReviewStartErrorTests {
    @Test func unknownDeckIsExit66() throws {
        let data = TempFolder()
        let result = try SRSProcess.run(["review", "--deck", "no-such-deck", "--data-dir", data.path, "--user", "ann"])
        #expect(result.status == 66)
        #expect(result.stderr.hasPrefix("Error: deck not found"))
    }

    @Test func negativeNewTodayIsAUsageError() throws {
        let data = TempFolder()
        let result = try SRSProcess.run(["review", "--new-today=-3", "--data-dir", data.path, "--user", "ann"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--new-today must be 0 or more"))
    }
}
