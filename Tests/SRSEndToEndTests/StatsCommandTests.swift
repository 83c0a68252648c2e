import Foundation
import Testing
import SRSText

/// `srs stats` as a learner runs it: the built binary on a temporary data directory.
@Suite struct StatsCommandTests {
    /// Records `lines` ('CARD GRADE MS') at `time` for `user` through `srs answer`.
    static func answer(_ lines: String, at time: String, in folder: TempFolder, user: String = "ana") throws {
        try folder.pinScheduler(user: user) // the figures below are classic SM-2's
        let result = try SRSProcess.run(["answer", "--data-dir", folder.path, "--user", user, "--at", time],
                                        input: lines, environment: ["TZ": "UTC"])
        #expect(result.status == 0, "\(result.stderr)")
    }

    static func stats(_ arguments: [String], in folder: TempFolder, user: String = "ana",
                      environment: [String: String] = [:]) throws -> SRSProcess.Result {
        var env = ["TZ": "UTC"]
        env.merge(environment) { $1 }
        return try SRSProcess.run(["stats", "--data-dir", folder.path, "--user", user] + arguments, environment: env)
    }

    @Test func aLearnerWithNoProgressGetsAWelcome() throws {
        let folder = TempFolder()
        let result = try Self.stats([], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Stats for ana"))
        // The shipped decks are there: 32 cards, none answered yet.
        #expect(result.stdout.contains("No reviews yet: 32 cards are waiting, 32 of them new.\n"))
        #expect(result.stdout.contains("Run `srs review` to start; these figures fill in as you answer.\n"))
        #expect(result.stderr.isEmpty)
        // Reading stats creates no progress.
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("users/ana/reviews.jsonl").path))
    }

    @Test func answersShowUpInTheJSON() throws {
        let folder = try TempFolder().withCards(["a", "b", "c"])
        try Self.answer("a good 4000\nb again 3000\nb good 2000\n", at: "2026-03-27T18:00:00Z", in: folder)
        try Self.answer("a good 5000\nb again 1000\nc easy 1500\n", at: "2026-03-28T18:00:00Z", in: folder)
        let result = try Self.stats(["--json", "--as-of", "2026-03-28", "--days", "7"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["version"] as? Int == 1)
        #expect(json["study_day"] as? String == "2026-03-28")
        let today = try #require(json["today"] as? [String: Any])
        #expect(today["answers"] as? Int == 3)
        #expect(today["again"] as? Int == 1)
        #expect(today["learn"] as? Int == 1)
        let retention = try #require((json["retention"] as? [[String: Any]])?.first)
        let all = try #require(retention["all"] as? [String: Any])
        // a (interval 1) passed, b (interval 1 after its repeat) failed; c was new.
        #expect(all["passed"] as? Int == 1)
        #expect(all["failed"] as? Int == 1)
        let history = try #require(json["history"] as? [String: Any])
        #expect(history["days_studied"] as? Int == 2)
        #expect(history["current_streak"] as? Int == 2)
    }

    @Test func oneDeckByNameInAnyCase() throws {
        // Two cards of the shipped spaced-repetition deck, and one card of a deck then deleted.
        let folder = try TempFolder().withCards(["stray"], deck: "gone")
        try Self.answer("6f94e37c8398 good 4000\ne9766ebdcd1a again 3000\nstray good 1000\n",
                        at: "2026-03-28T18:00:00Z", in: folder)
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("decks/gone.deck"))
        let result = try Self.stats(["--deck", "SPACED-Repetition", "--json", "--as-of", "2026-03-28"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["deck"] as? String == "spaced-repetition")
        let today = try #require(json["today"] as? [String: Any])
        #expect(today["answers"] as? Int == 2)
        let cards = try #require(json["cards"] as? [String: Any])
        #expect(cards["total"] as? Int == 24)
        #expect(cards["new"] as? Int == 22)
        let decks = try #require(json["decks"] as? [[String: Any]])
        #expect(decks.map { $0["name"] as? String } == ["spaced-repetition"])
        let all = try Self.stats(["--as-of", "2026-03-28"], in: folder)
        #expect(all.status == 0)
        #expect(all.stdout.contains("(in no deck)"))
    }

    @Test func theTextFitsTheWidthAndHasNoColourWhenPiped() throws {
        let folder = try TempFolder().withCards(["a", "b"])
        try Self.answer("a good 4000\nb hard 3000\n", at: "2026-03-28T18:00:00Z", in: folder)
        for width in [80, 120] {
            let result = try Self.stats(["--as-of", "2026-03-28T20:00:00Z"], in: folder,
                                        environment: ["COLUMNS": "\(width)", "NO_COLOR": ""])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(!result.stdout.contains("\u{1B}"))
            #expect(result.stdout.contains("True retention"))
            for line in result.stdout.split(separator: "\n") {
                #expect(line.unicodeScalars.count <= width, "\(line)")
            }
        }
    }

    /// Runs `srs stats` on a real pseudo-terminal of `columns` columns (util-linux `script`).
    static func statsOnATerminal(columns: Int, in folder: TempFolder, noColor: Bool) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        let command = "stty cols \(columns) rows 40; exec \(SRSProcess.binary.path) stats --data-dir \(folder.path) --user ana --as-of 2026-03-28T20:00:00Z"
        process.arguments = ["-qec", command, "/dev/null"]
        var env = ProcessInfo.processInfo.environment
        env["COLUMNS"] = nil
        env["NO_COLOR"] = noColor ? "1" : nil
        env["TERM"] = "xterm-256color"
        env["TZ"] = "UTC"
        process.environment = env
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\r", with: "")
    }

    /// Columns a line takes on screen: escape sequences take none.
    static func visibleWidth(_ line: Substring) -> Int { Columns.visibleWidth(String(line)) }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func onATerminalItUsesItsWidthAndColourUnlessNoColor() throws {
        let folder = try TempFolder().withCards(["a", "b"])
        try Self.answer("a good 4000\nb hard 3000\n", at: "2026-03-28T18:00:00Z", in: folder)
        let coloured = try Self.statsOnATerminal(columns: 100, in: folder, noColor: false)
        #expect(coloured.contains("\u{1B}[1mToday"))
        let widths = coloured.split(separator: "\n").map(Self.visibleWidth)
        #expect(widths.allSatisfy { $0 <= 100 })
        #expect(widths.contains { $0 > 80 })  // the terminal's 100 columns are used
        let plain = try Self.statsOnATerminal(columns: 100, in: folder, noColor: true)
        #expect(!plain.contains("\u{1B}"))
        #expect(plain.contains("True retention"))
    }

    @Test(arguments: ["reviews.jsonl", "cards.json", "settings.json"])
    func aDamagedProgressFileIsNamedAndLeftUntouched(file: String) throws {
        let folder = try TempFolder().withCards(["a"])
        try Self.answer("a good 4000\n", at: "2026-03-28T18:00:00Z", in: folder)
        let userFolder = folder.url.appendingPathComponent("users/ana")
        if file == "reviews.jsonl" {  // make the log the one to read
            for name in ["cards.json", "history.cache"] { try? FileManager.default.removeItem(at: userFolder.appendingPathComponent(name)) }
        }
        let url = userFolder.appendingPathComponent(file)
        let old = (try? Data(contentsOf: url)) ?? Data()
        let damaged = Data("{\"this is\": not what srs wrote\n".utf8) + old
        try damaged.write(to: url)
        let result = try Self.stats([], in: folder)
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("Error: "))
        #expect(result.stderr.contains(file))
        #expect(result.stdout.isEmpty)
        #expect(try Data(contentsOf: url) == damaged)
    }

    @Test(arguments: [
        (["--days", "0"], Int32(64), "--days must be between 1 and 3650"),
        (["--as-of", "last tuesday"], 64, "--as-of last tuesday is neither a date"),
        (["--deck", "No Such Deck"], 66, "no deck named 'No Such Deck'"),
    ])
    func badOptionsSayWhatToType(arguments: [String], status: Int32, message: String) throws {
        let result = try Self.stats(arguments, in: TempFolder())
        #expect(result.status == status)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }
}
