import Foundation
import Testing

/// Every way out of the review gives the terminal back: cooked mode with echo, the normal
/// screen, a visible cursor; the review's last screen is gone and no crash report covers it.
@Suite(.enabled(if: TmuxSession.available)) struct ReviewSignalTests {
    /// The pane's terminal modes, as `stty -a` prints them.
    func modes(of tmux: TmuxSession) throws -> String {
        let stty = Process()
        stty.executableURL = URL(fileURLWithPath: "/bin/stty")
        stty.arguments = ["-F", try tmux.display("#{pane_tty}"), "-a"]
        let out = Pipe()
        stty.standardOutput = out
        try stty.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        stty.waitUntilExit()
        return text
    }

    func expectRestored(_ tmux: TmuxSession, after what: String) throws {
        let words = Set(try modes(of: tmux).split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init))
        #expect(words.isSuperset(of: ["icanon", "echo", "isig", "icrnl", "opost"]), "\(what): \(words.sorted())")
        #expect(try tmux.display("#{alternate_on}") == "0", "\(what): still on the alternate screen")
        #expect(try tmux.display("#{cursor_flag}") == "1", "\(what): the cursor is hidden")
        #expect(try tmux.display("#{keypad_flag}") == "0", "\(what): the keypad is still in application mode")
        let screen = try tmux.screen()
        #expect(!screen.contains("card 1 of"), "\(what): the review screen is still there")
        #expect(!screen.contains("Crash") && !screen.contains("💣"), "\(what): a crash report over the screen:\n\(screen)")
    }

    @Test(arguments: [SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGHUP, SIGTERM, SIGINT, SIGVTALRM, SIGXCPU, 40])
    func aSignalThatEndsSrsRestoresTheTerminalFirst(signal: Int32) throws {
        let data = TempFolder()
        let tmux = try TmuxSession(["--deck", "linear-algebra", "--data-dir", data.path, "--user", "ann"])
        try tmux.waitFor("card 1 of")
        let pid = try #require(try tmux.srsPID())
        kill(pid, signal)
        #expect(try tmux.exitStatus() == 128 + signal, "signal \(signal)")
        try expectRestored(tmux, after: "signal \(signal)")
    }

    @Test(arguments: [SIGSEGV, SIGABRT, SIGBUS, SIGILL, SIGFPE])
    func aCrashInsideTheReviewRestoresTheTerminalFirst(signal: Int32) throws {
        let data = TempFolder()
        let tmux = try TmuxSession(["--deck", "linear-algebra", "--data-dir", data.path, "--user", "ann"],
                                   environment: ["SWIFT_BACKTRACE": "enable=no"])
        try tmux.waitFor("card 1 of")
        let pid = try #require(try tmux.srsPID())
        kill(pid, signal)
        #expect(try tmux.exitStatus() == 128 + signal, "signal \(signal)")
        try expectRestored(tmux, after: "crash by signal \(signal)")
    }
}
