import Foundation

/// Runs the built `srs` binary (from this package's build folder) as a real process.
struct SRSProcess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// `<package>/.build/<config>/srs`, found from this file's path and the test bundle's folder.
    static let binary: URL = {
        let bundleFolder = Bundle.main.bundleURL
        let beside = bundleFolder.appendingPathComponent("srs")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        for bundle in Bundle.allBundles {
            let candidate = bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("srs")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/srs")
    }()

    /// Starts srs with `arguments` and pipes on its standard input and output, for a test that
    /// feeds it while it runs (kills, Ctrl-Z); its standard error goes nowhere.
    static func start(_ arguments: [String]) throws -> (process: Process, stdin: Pipe, stdout: Pipe) {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        return (process, stdin, stdout)
    }

    /// Runs srs with `arguments`, feeding `input` on stdin, and waits for it.
    static func run(_ arguments: [String], input: String = "", environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        // srs may exit before reading all its input (an error on the first line): the write then
        // fails with EPIPE, which must neither kill the test process by SIGPIPE nor trap.
        signal(SIGPIPE, SIG_IGN)
        try process.run()
        try? stdin.fileHandleForWriting.write(contentsOf: Data(input.utf8))
        try? stdin.fileHandleForWriting.close()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                      stderr: String(decoding: err, as: UTF8.self))
    }
}

/// A fresh temporary folder, removed when released.
final class TempFolder {
    let url: URL
    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("srs-e2e-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }
    var path: String { url.path }

    /// Pins `user`'s scheduler in settings.json (tests of SM-2 behaviour pin `sm2`: a new
    /// user gets Anki's SM-2).
    @discardableResult
    func pinScheduler(_ name: String = "sm2", user: String) throws -> TempFolder {
        let folder = url.appendingPathComponent("users/\(user)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("{\"scheduler\": \"\(name)\"}\n".utf8).write(to: folder.appendingPathComponent("settings.json"))
        return self
    }
}

extension TempFolder {
    /// Writes the imported deck `<deck>.deck` holding one true/false card for each of `ids`, so
    /// that `srs answer` knows them (it refuses an id that is in no deck, issue 9.3).
    @discardableResult
    func withCards(_ ids: [String], deck: String = "cards") throws -> TempFolder {
        try Self.writeCards(ids, deck: deck, dataDir: url)
        return self
    }

    /// `withCards` for a data directory that is not a `TempFolder` of its own (a mounted disk).
    static func writeCards(_ ids: [String], deck: String = "cards", dataDir: URL) throws {
        let cards = ids.map { "card: \($0)\ntype: true_false\nquestion: Is \($0) true?\nanswer: true\n" }
        let decks = dataDir.appendingPathComponent("decks")
        try FileManager.default.createDirectory(at: decks, withIntermediateDirectories: true)
        try Data(("srs-deck 1\n\n" + cards.joined(separator: "\n")).utf8).write(to: decks.appendingPathComponent("\(deck).deck"))
    }

    /// `withCards` for `c1` through `c<count>`.
    @discardableResult
    func withCards(count: Int, deck: String = "cards") throws -> TempFolder {
        try withCards((1...max(count, 1)).map { "c\($0)" }, deck: deck)
    }
}
