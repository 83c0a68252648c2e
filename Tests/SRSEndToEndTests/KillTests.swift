import Foundation
import Testing
import SRSCore
import SRSJSON
import SRSStore

/// Kills a writing srs process at random moments, many times: after each kill srs must start
/// normally and hold every answer it acknowledged. The moment is a random number of
/// acknowledged answers, not a random time, so a busy machine changes nothing but the speed.
@Suite struct KillTests {
    /// Starts `srs answer`, feeds it answers, kills it with SIGKILL as soon as it has printed
    /// `wanted` acknowledgements, and returns every acknowledgement it printed: (seq, card).
    func killedRun(dataDir: String, round: Int, after wanted: Int) throws -> (acks: [(Int, String, String)], status: Int32) {
        signal(SIGPIPE, SIG_IGN) // writing answers to a killed process must not kill the test
        let (process, stdin, stdout) = try SRSProcess.start(["answer", "--data-dir", dataDir, "--user", "kim"])
        let feeder = Thread {
            let grades = ["again", "hard", "good", "easy"]
            for i in 0..<20_000 {
                let line = "card-\(round)-\(i % 50) \(grades[(i + round) % 4]) \(i % 9000)\n"
                do { try stdin.fileHandleForWriting.write(contentsOf: Data(line.utf8)) } catch { return }
            }
            try? stdin.fileHandleForWriting.close()
        }
        feeder.start()
        // A stuck srs must fail the test, not hang it (cancelled before the pid can be reused).
        let pid = process.processIdentifier
        let watchdog = DispatchWorkItem { kill(pid, SIGKILL) }
        DispatchQueue.global().asyncAfter(deadline: .now() + 60, execute: watchdog)
        var output = Data(), ended = false
        while !ended, output.count(where: { $0 == UInt8(ascii: "\n") }) < wanted {
            let chunk = stdout.fileHandleForReading.availableData
            ended = chunk.isEmpty // srs ended by itself (its status says how)
            output += chunk
        }
        if !ended { kill(pid, SIGKILL) }
        watchdog.cancel()
        output += stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let acks = String(decoding: output, as: UTF8.self).split(separator: "\n").compactMap { line -> (Int, String, String)? in
            guard let value = try? JSONValue.parse(Array(line.utf8)), case let .number(seq, _)? = value["seq"],
                  case let .string(id)? = value["id"], case let .string(card)? = value["card"] else { return nil }
            return (Int(seq), id, card)
        }
        return (acks, process.terminationStatus)
    }

    @Test func everyAcknowledgedAnswerSurvivesSIGKILL() throws {
        let dir = try TempFolder().withCards((0..<30).flatMap { round in (0..<50).map { "card-\(round)-\($0)" } } + ["card-x"])
        var random = SeededGenerator(seed: 20_261_129)
        var acknowledged: [(Int, String, String)] = []
        for round in 0..<30 {
            let wanted = Int.random(in: 1...40, using: &random)
            let run = try killedRun(dataDir: dir.path, round: round, after: wanted)
            // A run that exited by itself (not killed) means srs refused to start or stopped.
            #expect(run.status == SIGKILL, "round \(round): srs exited with \(run.status) instead of being killed")
            #expect(run.acks.count >= wanted, "round \(round): \(run.acks.count) answers acknowledged, \(wanted) awaited")
            acknowledged += run.acks
            let store = try ProgressStore.openReadOnly(DataLocation(root: dir.url, user: "kim"))
            let highest = acknowledged.map(\.0).max() ?? 0
            #expect(store.recordCount >= highest, "round \(round): \(store.recordCount) records, \(highest) acknowledged")
        }
        // Each acknowledged record is in the log exactly as acknowledged.
        let log = try String(contentsOf: dir.url.appendingPathComponent("users/kim/reviews.jsonl"), encoding: .utf8)
        let lines = log.split(separator: "\n", omittingEmptySubsequences: false)
        for (seq, id, card) in acknowledged {
            #expect(seq < lines.count && lines[seq].hasPrefix("{\"id\":\"\(id)\",\"card\":\"\(card)\","), "record \(seq) lost")
        }
        // And srs starts normally afterwards.
        let final = try SRSProcess.run(["answer", "--data-dir", dir.path, "--user", "kim"], input: "card-x good\n")
        #expect(final.status == 0, "\(final.stderr)")
        // Its snapshot write removed the temporary files the kills left behind (their writers are gone).
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path + "/users/kim").filter { $0.contains(".tmp-") }
        #expect(left == [], "temporary files left behind")
        let next = try #require(try JSONValue.parse(Array(final.stdout.utf8))["seq"])
        #expect(next.isWholeNumber(above: acknowledged.map(\.0).max() ?? 0), "the next record is \(next)")
    }
}

extension JSONValue {
    /// True for a whole number greater than `bound`.
    func isWholeNumber(above bound: Int) -> Bool {
        guard case let .number(n, true) = self else { return false }
        return n > Double(bound)
    }
}
