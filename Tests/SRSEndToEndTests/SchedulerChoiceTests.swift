import Foundation
import Testing
import SRSCore
import SRSStore

/// Which scheduler a user gets, and switching (issue 10, point 4), through the built binary.
@Suite struct SchedulerChoiceTests {
    static func answer(_ lines: String, at time: String, in data: TempFolder, user: String = "ann") throws -> SRSProcess.Result {
        try SRSProcess.run(["answer", "--data-dir", data.path, "--user", user, "--at", time], input: lines, environment: ["TZ": "UTC"])
    }

    static func cards(_ data: TempFolder, user: String = "ann") throws -> CardTable {
        try ProgressStore.openReadOnly(DataLocation(root: data.url, user: user)).takeCards()
    }

    @Test func aNewUserGetsAnkisSM2() throws {
        let data = try TempFolder().withCards(count: 1)
        let result = try Self.answer("c1 good\n", at: "2026-11-30T10:00:00Z", in: data)
        #expect(result.status == 0 && result.stderr.isEmpty)
        #expect(try Self.cards(data)[CardID("c1")]?.state?.schedulerName == "anki")
        let shown = try SRSProcess.run(["scheduler", "--data-dir", data.path, "--user", "ann"])
        #expect(shown.stdout.hasPrefix("Scheduler: anki."))
    }

    /// settings.json edited by hand to name another scheduler (or `srs scheduler` stopped between
    /// its records and the settings): each card answered then started over as a new card (Anki's
    /// 4 days of Easy gone to a 1-minute step). Refused, naming the fix; `srs scheduler NAME`
    /// then rebuilds the states and the answer goes through as a review.
    @Test func aSchedulerNamedByHandIsRefusedUntilTheSwitchIsMade() throws {
        let data = try TempFolder().withCards(count: 2)
        #expect(try Self.answer("c1 easy\nc2 easy\n", at: "2026-11-30T10:00:00Z", in: data).status == 0)
        let user = data.url.appendingPathComponent("users/ann")
        try Data("{\"scheduler\": \"fsrs\"}\n".utf8).write(to: user.appendingPathComponent("settings.json"))
        let log = try Data(contentsOf: user.appendingPathComponent("reviews.jsonl"))
        let refused = try Self.answer("c1 good\n", at: "2026-12-20T10:00:00Z", in: data)
        #expect(refused.status == 65)
        #expect(refused.stderr == "Error: settings.json names the scheduler fsrs, but 2 cards hold states of anki (settings.json was edited by hand, or `srs scheduler` was stopped midway): answered now, they would start over as new cards. Run `srs scheduler fsrs` to rebuild their states from their answers. Nothing was recorded.\n")
        let review = try SRSProcess.run(["review", "--data-dir", data.path, "--user", "ann"])
        #expect(review.status == 65 && review.stderr == refused.stderr, "\(review.stderr)")
        #expect(try Data(contentsOf: user.appendingPathComponent("reviews.jsonl")) == log)
        let switched = try SRSProcess.run(["scheduler", "fsrs", "--data-dir", data.path, "--user", "ann"])
        #expect(switched.status == 0, "\(switched.stderr)")
        let answered = try Self.answer("c1 good\n", at: "2026-12-20T10:00:00Z", in: data)
        #expect(answered.status == 0, "\(answered.stderr)")
        #expect(answered.stdout.contains("\"kind\":\"review\""), "\(answered.stdout)")
    }

    @Test func classicSM2ProgressKeepsSM2AndIsToldOnce() throws {
        let data = try TempFolder().pinScheduler(user: "ann").withCards(count: 3)
        #expect(try Self.answer("c1 good\n", at: "2026-11-30T10:00:00Z", in: data).status == 0)
        // As an older srs left it: SM-2 states, no scheduler in settings.
        try FileManager.default.removeItem(at: data.url.appendingPathComponent("users/ann/settings.json"))
        let first = try Self.answer("c2 good\n", at: "2026-11-30T10:01:00Z", in: data)
        #expect(first.stderr.contains("Your progress was made with classic SM-2, so srs keeps it."))
        #expect(first.stderr.contains("`srs scheduler anki`"))
        let second = try Self.answer("c3 good\n", at: "2026-11-30T10:02:00Z", in: data)
        #expect(second.status == 0 && second.stderr.isEmpty, "told once")
        #expect(try Self.cards(data).values.allSatisfy { $0.state?.schedulerName == "sm2" })
    }

    @Test func switchingReplaysAndSwitchingBackRestoresExactly() throws {
        let data = try TempFolder().pinScheduler(user: "ann").withCards(count: 2)
        let args = ["--data-dir", data.path, "--user", "ann"]
        _ = try Self.answer("c1 good\nc2 again\n", at: "2026-11-20T10:00:00Z", in: data)
        _ = try Self.answer("c2 good\n", at: "2026-11-20T10:05:00Z", in: data) // an SM-2 same-day repeat
        _ = try Self.answer("c1 good\nc2 hard\n", at: "2026-11-22T10:00:00Z", in: data)
        let sm2 = try Self.cards(data)
        let dry = try SRSProcess.run(["scheduler", "anki", "--dry-run"] + args)
        #expect(dry.stdout.hasPrefix("Switching from sm2 to anki: 2 cards get a state of anki's (0 as they were under it, the others by replaying 5 answers;"))
        #expect(try Self.cards(data) == sm2, "a dry run changes nothing")
        let toAnki = try SRSProcess.run(["scheduler", "anki"] + args)
        #expect(toAnki.status == 0 && toAnki.stdout.hasSuffix("Switched to anki.\n"), "\(toAnki.stderr)")
        let anki = try Self.cards(data)
        #expect(anki.values.allSatisfy { $0.state?.schedulerName == "anki" })
        #expect(anki[CardID("c1")]?.firstReview == sm2[CardID("c1")]?.firstReview)
        let log = try ReviewLog(folder: data.path, user: "ann")
        #expect(log.actions.suffix(2) == ["reschedule", "reschedule"])
        let back = try SRSProcess.run(["scheduler", "sm2"] + args)
        #expect(back.stdout.hasPrefix("Switching from anki to sm2: 2 cards get a state of sm2's (2 as they were under it"))
        #expect(try Self.cards(data) == sm2)
        // The history keeps every answer.
        let history = try ProgressStore.openReadOnly(DataLocation(root: data.url, user: "ann")).history()
        #expect(history.events.map(\.grade) == [.good, .again, .good, .good, .hard])
    }
}

/// A card that lapses 8 times with Anki's SM-2 becomes a leech; `srs stats` counts and lists it.
@Suite struct LeechStatsTests {
    @Test func statsCountAndListLeeches() throws {
        let data = try TempFolder().withCards(count: 2)
        let args = ["--data-dir", data.path, "--user", "ann"]
        var at = "2026-10-01T10:00:00Z"
        let grades = ["good", "good"] + Array(repeating: ["again", "good"], count: 8).flatMap { $0 }
        for grade in grades {
            let result = try SRSProcess.run(["answer", "--at", at] + args, input: "c1 \(grade)\nc2 good\n", environment: ["TZ": "UTC"])
            #expect(result.status == 0, "\(result.stderr)")
            let first = try #require(result.stdout.split(separator: "\n").first)
            let object = try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any]
            at = try #require(object?["due"] as? String)
        }
        let json = try SRSProcess.run(["stats", "--json", "--as-of", at] + args, environment: ["TZ": "UTC"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let cards = try #require(object["cards"] as? [String: Any])
        #expect(cards["leeches"] as? Int == 1)
        #expect(cards["leech_cards"] as? [String] == ["c1"])
        let text = try SRSProcess.run(["stats", "--as-of", at] + args, environment: ["TZ": "UTC", "COLUMNS": "80"])
        #expect(text.stdout.contains("\nLeech 1 card: c1\n"))
    }
}
