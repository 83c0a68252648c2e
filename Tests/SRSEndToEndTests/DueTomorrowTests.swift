import Foundation
import Testing

/// Issue 10, point 7: the end of the review and `srs stats` use one definition of "due tomorrow"
/// (`DueTomorrow` in SRSCore), with the cards held back by today's review limit shown apart.
/// Today (the study day holding the real clock, which the review reads): 250 reviews were due,
/// 200 of them are answered (the limit), so 50 are held back; 20 other cards fall due tomorrow.
@Suite(.enabled(if: TmuxSession.available, "needs tmux"))
struct DueTomorrowTests {
    /// The study day `offset` days from today's (UTC, rollover 04:00), as `srs answer --at` takes it.
    static func day(_ offset: Int) -> String {
        let today = Date().addingTimeInterval(TimeInterval(-4 * 3600 + offset * 86_400))
        let format = DateFormatter()
        format.locale = Locale(identifier: "en_US_POSIX")
        format.timeZone = TimeZone(identifier: "UTC")
        format.dateFormat = "yyyy-MM-dd"
        return format.string(from: today)
    }

    static func answer(_ ids: ClosedRange<Int>, on offset: Int, in folder: TempFolder) throws {
        let lines = ids.map { "c\($0) good\n" }.joined()
        let result = try SRSProcess.run(["answer", "--data-dir", folder.path, "--user", "ann", "--at", day(offset)],
                                        input: lines, environment: ["TZ": "UTC"])
        try #require(result.status == 0, "\(result.stderr)")
    }

    /// The review and `stats` read the real clock, so a run must not straddle the 04:00 UTC
    /// rollover (the days above would shift by one between its commands): closer to it than two
    /// minutes, the test waits until it has passed.
    static func awayFromTheRollover() {
        let secondsIntoDay = Int(Date().timeIntervalSince1970) % 86_400
        let untilRollover = (4 * 3600 - secondsIntoDay + 86_400) % 86_400
        if untilRollover < 120 { Thread.sleep(forTimeInterval: TimeInterval(untilRollover + 1)) }
    }

    @Test func theEndOfTheReviewAndStatsGiveTheSameNumbers() throws {
        Self.awayFromTheRollover()
        let folder = try TempFolder().pinScheduler(user: "ann").withCards(count: 270)
        try Self.answer(1...250, on: -9, in: folder)    // classic SM-2: due the next day, overdue by now
        try Self.answer(1...200, on: 0, in: folder)     // today's 200 reviews: due in 6 days
        try Self.answer(251...270, on: -6, in: folder)
        try Self.answer(251...270, on: -5, in: folder)  // due in 6 days: tomorrow
        let tmux = try TmuxSession(["review", "--deck", "cards", "--data-dir", folder.path, "--user", "ann"],
                                   columns: 160, environment: ["TZ": "UTC"])
        let screen = try tmux.waitFor("Due tomorrow:")
        #expect(screen.contains("Today's review is done."), "\(screen)")
        #expect(screen.contains("Today's limit of 200 reviews is reached; 50 more cards due. `srs review --reviews-today N` allows N"), "\(screen)")
        #expect(screen.contains("Due tomorrow: 20 reviews and 0 new cards (the 50 cards held back today come first)."), "\(screen)")
        try tmux.press("q")
        #expect(try tmux.exitStatus() == 0)
        let json = try SRSProcess.run(["stats", "--json", "--deck", "cards", "--data-dir", folder.path, "--user", "ann"],
                                      environment: ["TZ": "UTC"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let due = try #require(object["due"] as? [String: Any])
        #expect(due["tomorrow"] as? Int == 20 && due["held_back"] as? Int == 50 && due["now"] as? Int == 50, "\(due)")
        let text = try SRSProcess.run(["stats", "--deck", "cards", "--data-dir", folder.path, "--user", "ann"],
                                      environment: ["TZ": "UTC", "COLUMNS": "160"])
        #expect(text.stdout.contains("now 50 · later today 0 · tomorrow 20 · held back by today's limit 50 · next 7 days 270 · next 30 days 270"), "\(text.stdout)")
    }
}
