import Foundation
import Testing

/// The built `srs` running in a real terminal: a detached tmux session on a private socket in
/// a temporary folder. Reads the screen with `capture-pane`, polling with a deadline.
final class TmuxSession {
    /// Whether tmux is installed; the real-terminal tests need it.
    static let available: Bool = FileManager.default.isExecutableFile(atPath: tmuxPath)
    static let tmuxPath: String = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"]
        .first { FileManager.default.isExecutableFile(atPath: $0) } ?? "/usr/bin/tmux"

    /// How long a test waits for text before it fails: generous, since polling returns early.
    static let deadline: TimeInterval = 15

    let folder = TempFolder()
    var socket: String { folder.path + "/tmux.sock" }

    /// Starts `srs arguments` in a `columns`×`rows` terminal. The pane prints `SRS-EXIT=<code>`
    /// when srs ends and stays open so its last screen can be read.
    init(_ arguments: [String], columns: Int = 80, rows: Int = 24, environment: [String: String] = [:]) throws {
        var env = ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": "xterm-256color"]
        for (key, value) in environment { env[key] = value }
        let assignments = env.sorted { $0.key < $1.key }.map { Self.quote("\($0.key)=\($0.value)") }
        let command = (["env"] + assignments + [Self.quote(SRSProcess.binary.path)] + arguments.map(Self.quote))
            .joined(separator: " ") + "; echo SRS-EXIT=$?; sleep 600"
        try startServer(["new-session", "-d", "-x", "\(columns)", "-y", "\(rows)", command])
    }

    deinit { _ = try? tmux(["kill-server"]) }

    /// The visible screen, one line per row.
    func screen() throws -> String { try tmux(["capture-pane", "-p"]) }

    /// The visible screen with its colours and attributes as escape sequences.
    func styledScreen() throws -> String { try tmux(["capture-pane", "-p", "-e"]) }

    /// Polls the screen until it contains `text`; returns that screen. Fails after the deadline.
    @discardableResult
    func waitFor(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try waitUntil("\"\(text)\"", sourceLocation: sourceLocation) { $0.contains(text) }
    }

    @discardableResult
    func waitUntil(_ what: String, sourceLocation: SourceLocation = #_sourceLocation,
                   _ condition: (String) -> Bool) throws -> String {
        let end = Date().addingTimeInterval(Self.deadline)
        var last = ""
        while Date() < end {
            last = try screen()
            if condition(last) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        Issue.record("timed out waiting for \(what); the screen was:\n\(last)", sourceLocation: sourceLocation)
        throw TmuxError.timeout(what)
    }

    /// Sends named keys (`Enter`, `Up`, `BSpace`, `C-c`) or single characters.
    func press(_ keys: String...) throws { try tmux(["send-keys"] + keys) }

    /// Types literal text, UTF-8 included.
    func type(_ text: String) throws { try tmux(["send-keys", "-l", text]) }

    func resize(columns: Int, rows: Int) throws {
        try tmux(["resize-window", "-x", "\(columns)", "-y", "\(rows)"])
    }

    /// A tmux format about the pane, e.g. `#{alternate_on}` or `#{pane_tty}`.
    func display(_ format: String) throws -> String {
        try tmux(["display-message", "-p", format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The process id of srs (the pane's shell runs it as its child via `env`).
    func srsPID() throws -> Int32? {
        let shell = try tmux(["display-message", "-p", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let children = try String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
        return children.split(separator: " ").first.flatMap { Int32($0) }
    }

    /// Waits for srs to end and returns its exit status.
    func exitStatus(sourceLocation: SourceLocation = #_sourceLocation) throws -> Int32? {
        let screen = try waitFor("SRS-EXIT=", sourceLocation: sourceLocation)
        let line = screen.split(separator: "\n").first { $0.hasPrefix("SRS-EXIT=") }
        return line.flatMap { Int32($0.dropFirst("SRS-EXIT=".count)) }
    }

    /// Waits for `text` (the session's last screen), quits with `q` and expects exit status 0.
    func quit(after text: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try waitFor(text, sourceLocation: sourceLocation)
        try press("q")
        #expect(try exitStatus(sourceLocation: sourceLocation) == 0, sourceLocation: sourceLocation)
    }

    /// Starts the tmux server with `posix_spawn`, not `Process`: Foundation notices a child's
    /// end through a socket the child inherits, and the forked tmux server would keep it open,
    /// so `waitUntilExit` would never return.
    private func startServer(_ arguments: [String]) throws {
        let argv = [Self.tmuxPath, "-S", socket, "-f", "/dev/null"] + arguments
        var env = ProcessInfo.processInfo.environment
        // Not the test run's own terminal settings: each session sets what it needs.
        for key in ["TMUX", "NO_COLOR"] { env.removeValue(forKey: key) }
        let envp = env.map { "\($0.key)=\($0.value)" }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd in Int32(0)...2 {
            posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        // The test process's threads block and ignore signals; the tmux server needs its own
        // (SIGCHLD, SIGTERM) to notice its pane ending and to exit.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t(), allSignals = sigset_t()
        sigemptyset(&noSignals)
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let cArgs = argv.map { strdup($0) } + [nil]
        let cEnv = envp.map { strdup($0) } + [nil]
        defer { (cArgs + cEnv).forEach { free($0) } }
        let status = posix_spawn(&pid, Self.tmuxPath, &actions, &attributes, cArgs, cEnv)
        guard status == 0 else { throw TmuxError.cannotStart(status) }
        var exit: Int32 = 0
        waitpid(pid, &exit, 0)
    }

    /// Runs one tmux client command against the running server and returns its output.
    @discardableResult
    private func tmux(_ arguments: [String], output: Bool = true) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.tmuxPath)
        process.arguments = ["-S", socket, "-f", "/dev/null"] + arguments
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "TMUX")
        process.environment = env
        let out = Pipe()
        process.standardOutput = output ? out : FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output ? out.fileHandleForReading.readDataToEndOfFile() : Data()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    static func quote(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

enum TmuxError: Error {
    case timeout(String)
    case cannotStart(Int32)
}

extension TempFolder {
    /// Writes `text` as the imported deck `<name>.deck` of this data directory; returns its folder.
    @discardableResult
    func writeDeck(_ text: String, named name: String) throws -> URL {
        let decks = url.appendingPathComponent("decks")
        try FileManager.default.createDirectory(at: decks, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: decks.appendingPathComponent("\(name).deck"))
        return decks
    }
}
