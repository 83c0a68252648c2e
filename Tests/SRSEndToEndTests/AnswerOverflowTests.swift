import Foundation
import SRSCore
import Testing

/// Issue 9: 26 Easy answers to one card through `srs answer` overflowed the due date and every
/// later answer to it exited 132. Intervals now stop at 36,500 days.
@Suite struct AnswerOverflowTests {
    @Test func fortyEasyAnswersOnTimeStopAtTheMaximumInterval() throws {
        let folder = try TempFolder().pinScheduler(user: "ana").withCards(["c1"])
        var at = "2026-01-01T09:00:00Z"
        var intervals: [Int] = []
        for _ in 0..<40 {
            let result = try SRSProcess.run(["answer", "--data-dir", folder.path, "--user", "ana", "--at", at],
                                            input: "c1 easy\n", environment: ["TZ": "UTC"])
            #expect(result.status == 0, "\(result.stderr)")
            let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
            let due = try #require(object?["due"] as? String)
            intervals.append(try #require(object?["interval_days"] as? Int))
            at = due
        }
        #expect(intervals.prefix(4) == [1, 6, 17, 48])
        #expect(intervals.max() == 36_500)
        #expect(intervals.suffix(10).allSatisfy { $0 == 36_500 })
        let stats = try SRSProcess.run(["stats", "--data-dir", folder.path, "--user", "ana"], environment: ["TZ": "UTC"])
        #expect(stats.status == 0, "\(stats.stderr)")
    }

    /// A hand-edited log with the largest and smallest integers JSON can hold is clamped on
    /// reading: answer, stats and stats --json run normally (stats used to exit 132).
    @Test(arguments: [
        "\"due\":9223372036854775807,\"interval\":9223372036854775807,\"easiness\":1e308,\"repetitions\":9223372036854775807,\"lapses\":9223372036854775807,\"first\":-9223372036854775808,\"last\":9223372036854775807",
        "\"due\":-9223372036854775808,\"interval\":-9223372036854775808,\"easiness\":-1e308,\"repetitions\":-5,\"lapses\":-9223372036854775808,\"first\":9223372036854775807,\"last\":-9223372036854775808",
    ])
    func absurdStoredValuesAreClampedNotATrap(state: String) throws {
        let folder = try TempFolder().withCards(["c1"])
        let user = folder.url.appendingPathComponent("users/ana")
        try FileManager.default.createDirectory(at: user, withIntermediateDirectories: true)
        let log = "{\"format\":\"srs-review-log\",\"version\":1}\n{\"seq\":1,\"card\":\"c1\",\"at\":9223372036854775807,\"do\":\"answer\",\"grade\":\"easy\",\"kind\":\"learn\",\"ms\":0,\"scheduler\":\"sm2\",\"state\":{\(state)}}\n"
        try Data(log.utf8).write(to: user.appendingPathComponent("reviews.jsonl"))
        let environment = ["TZ": "UTC"]
        for arguments in [["stats"], ["stats", "--json"]] {
            let result = try SRSProcess.run(arguments + ["--data-dir", folder.path, "--user", "ana"], environment: environment)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        let answer = try SRSProcess.run(["answer", "--data-dir", folder.path, "--user", "ana", "--at", "2026-01-01T09:00:00Z"],
                                        input: "c1 easy\n", environment: environment)
        #expect([0, 65].contains(answer.status), "\(answer.stderr)")
        if answer.status == 0 {
            let object = try JSONSerialization.jsonObject(with: Data(answer.stdout.utf8)) as? [String: Any]
            #expect((object?["interval_days"] as? Int ?? 0) <= 36_500)
        }
        #expect(try SRSProcess.run(["stats", "--data-dir", folder.path, "--user", "ana"], environment: environment).status == 0)
    }
}
