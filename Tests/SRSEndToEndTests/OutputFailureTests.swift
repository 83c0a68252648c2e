import Foundation
import Testing

/// Output that cannot be written: a closed pipe ends srs quietly, any other failure is exit 74
/// with a message, and `srs answer` says how many answers it recorded. Never a crash.
@Suite struct OutputFailureTests {
    enum Stdout { case full, closedPipe }

    struct Ended {
        var status: Int32
        var bySignal: Bool
        var stderr: String
    }

    /// Runs srs with standard output on /dev/full or on a pipe nobody reads from.
    func run(_ arguments: [String], stdout: Stdout, input: String = "") throws -> Ended {
        let process = Process()
        process.executableURL = SRSProcess.binary
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(["TZ": "UTC", "NO_COLOR": "1"]) { $1 }
        let stdin = Pipe(), stderr = Pipe()
        var pipe: Pipe?
        switch stdout {
        case .full: process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: "/dev/full"))
        case .closedPipe:
            let closed = Pipe()
            try closed.fileHandleForReading.close()
            process.standardOutput = closed
            pipe = closed
        }
        process.standardInput = stdin
        process.standardError = stderr
        signal(SIGPIPE, SIG_IGN) // srs may die of SIGPIPE before it reads its input: our write then fails
        try process.run()
        try pipe?.fileHandleForWriting.close()
        try? stdin.fileHandleForWriting.write(contentsOf: Data(input.utf8))
        try? stdin.fileHandleForWriting.close()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Ended(status: process.terminationStatus, bySignal: process.terminationReason == .uncaughtSignal,
                     stderr: String(decoding: err, as: UTF8.self))
    }

    func records(_ folder: TempFolder) -> Int {
        let log = (try? String(contentsOf: folder.url.appendingPathComponent("users/ana/reviews.jsonl"), encoding: .utf8)) ?? ""
        return log.split(separator: "\n").count - 1
    }

    @Test(arguments: [["stats"], ["stats", "--json"], ["decks"], ["decks", "--json"], ["unsuspend"]])
    func aFullDiskIsExit74WithAMessage(command: [String]) throws {
        let folder = TempFolder()
        let result = try run(command + ["--data-dir", folder.path, "--user", "ana"], stdout: .full)
        #expect(!result.bySignal)
        #expect(result.status == 74, "\(command): \(result.stderr)")
        #expect(result.stderr == "Error: cannot write to standard output: No space left on device. Check where it goes (a full disk, a closed file) and run srs again.\n")
    }

    /// ArgumentParser's own output (help, version) is output like any other.
    @Test(arguments: [["--help"], ["--version"], ["stats", "--help"]])
    func helpAndVersionIntoAFullDiskAreExit74(command: [String]) throws {
        let result = try run(command, stdout: .full)
        #expect(!result.bySignal)
        #expect(result.status == 74, "\(command): \(result.stderr)")
        #expect(result.stderr == "Error: cannot write to standard output: No space left on device. Check where it goes (a full disk, a closed file) and run srs again.\n")
    }

    @Test(arguments: [["stats"], ["decks"], ["unsuspend"]])
    func aClosedPipeEndsSrsQuietly(command: [String]) throws {
        let folder = TempFolder()
        let result = try run(command + ["--data-dir", folder.path, "--user", "ana"], stdout: .closedPipe)
        #expect(result.bySignal && result.status == SIGPIPE, "\(command): \(result.status) \(result.stderr)")
        #expect(result.stderr == "")
    }

    @Test func aClosedStandardOutputIsExit74AndNothingLandsInTheLog() throws {
        let folder = try TempFolder().withCards(["sd-1", "sd-2"])
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        let srs = SRSProcess.binary.path
        shell.arguments = ["-c", "printf 'sd-1 good\\nsd-2 good\\n' | '\(srs)' answer --data-dir '\(folder.path)' --user ana >&- 2>/dev/null; echo $?; '\(srs)' stats --data-dir '\(folder.path)' --user ana >&- 2>/dev/null; echo $?"]
        let out = Pipe()
        shell.standardOutput = out
        try shell.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        shell.waitUntilExit()
        #expect(text == "74\n74\n")
        #expect(records(folder) == 1)
        let log = try String(contentsOf: folder.url.appendingPathComponent("users/ana/reviews.jsonl"), encoding: .utf8)
        #expect(log.split(separator: "\n").allSatisfy { $0.hasPrefix("{\"format\"") || $0.hasPrefix("{\"id\"") })
    }

    @Test func scheduleIntoAFullDiskIsExit74() throws {
        let file = ScheduleCommandTests.fixtures.appendingPathComponent("sm2.input.jsonl")
        let result = try run(["schedule", file.path], stdout: .full)
        #expect(result.status == 74, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("Error: cannot write to standard output: No space left on device."))
    }

    @Test(arguments: [Stdout.full, .closedPipe])
    func answerStopsAtTheFirstAnswerItCannotAcknowledge(stdout: Stdout) throws {
        let folder = try TempFolder().withCards(["sd-1", "sd-2", "sd-3"])
        let result = try run(["answer", "--data-dir", folder.path, "--user", "ana", "--at", "2026-11-29T09:00:00Z"],
                             stdout: stdout, input: "sd-1 good\nsd-2 good\nsd-3 good\n")
        let reason = stdout == .full ? "No space left on device" : "Broken pipe"
        #expect(result.stderr == "srs answer: stopped at <stdin>:1: its answer is recorded (seq 1) but could not be acknowledged (\(reason)); 1 answer recorded in all, the rest of the input not read.\n" + (stdout == .full ? "Error: cannot write to standard output: No space left on device. Check where it goes (a full disk, a closed file) and run srs again.\n" : ""))
        if stdout == .full {
            #expect(result.status == 74 && !result.bySignal)
        } else {
            #expect(result.bySignal && result.status == SIGPIPE)
        }
        #expect(records(folder) == 1)
    }
}
