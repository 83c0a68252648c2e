import Foundation
import Testing
import SRSCore
import SRSStore

/// Per-deck options (issue 10, point 3), as Anki's deck presets: every card is scheduled with its
/// own deck's options in a review of all decks, of one deck with its subdecks, and in `srs answer`.
enum DeckOptionsData {
    /// Decks `alpha` (the user's options) and `beta` and `lang::es` (options of their own: Easy
    /// gives 7 days, learning steps of 4 and 30 minutes), and `lang` (the user's); Anki's SM-2
    /// without fuzz.
    static func folder() throws -> TempFolder {
        let folder = try TempFolder().withCards(["alpha-1"], deck: "alpha").withCards(["beta-1"], deck: "beta")
            .withCards(["lang-1"], deck: "lang").withCards(["es-1"], deck: "lang::es")
        let user = folder.url.appendingPathComponent("users/ann")
        try FileManager.default.createDirectory(at: user, withIntermediateDirectories: true)
        let own = "{\"anki\": {\"easy_interval\": 7, \"learning_steps\": [4, 30]}}"
        try Data("{\"scheduler\": \"anki\", \"fuzz\": false, \"decks\": {\"Beta\": \(own), \"lang::es\": \(own)}}\n".utf8)
            .write(to: user.appendingPathComponent("settings.json"))
        return folder
    }

    /// `srs answer` of `lines` at 2026-11-30T10:00:00Z for ann.
    static func answer(_ lines: String, in folder: TempFolder) throws -> SRSProcess.Result {
        let result = try SRSProcess.run(["answer", "--data-dir", folder.path, "--user", "ann", "--at", "2026-11-30T10:00:00Z"],
                                        input: lines, environment: ["TZ": "UTC"])
        #expect(result.status == 0, "\(result.stderr)")
        return result
    }

    static func intervals(_ folder: TempFolder) throws -> [String: Int] {
        let cards = try ProgressStore.openReadOnly(DataLocation(root: folder.url, user: "ann")).takeCards()
        return Dictionary(uniqueKeysWithValues: cards.map { ($0.key.rawValue, $0.value.intervalDays ?? -1) })
    }
}

@Suite struct DeckOptionsAnswerTests {
    @Test func srsAnswerSchedulesEachCardWithItsDecksOptions() throws {
        let folder = try DeckOptionsData.folder()
        let result = try DeckOptionsData.answer("alpha-1 easy\nbeta-1 easy\nlang-1 easy\nes-1 easy\n", in: folder)
        let acks = try result.stdout.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:]
        }
        #expect(acks.compactMap { $0["interval_days"] as? Int } == [4, 7, 4, 7])
        #expect(acks.compactMap { $0["due"] as? String } == ["2026-12-04T04:00:00Z", "2026-12-07T04:00:00Z",
                                                              "2026-12-04T04:00:00Z", "2026-12-07T04:00:00Z"])
    }
}

/// `srs stats --deck NAME` counts that deck and its subdecks, the cards `srs review --deck` shows.
@Suite struct SubdeckStatsTests {
    @Test func statsOfADeckIncludeItsSubdecks() throws {
        let folder = try DeckOptionsData.folder()
        _ = try DeckOptionsData.answer("es-1 easy\nalpha-1 easy\n", in: folder)
        let json = try SRSProcess.run(["stats", "--json", "--deck", "Lang", "--as-of", "2026-11-30T12:00:00Z", "--data-dir", folder.path,
                                       "--user", "ann"], environment: ["TZ": "UTC"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["deck"] as? String == "lang")
        let cards = try #require(object["cards"] as? [String: Any])
        #expect(cards["total"] as? Int == 2 && cards["new"] as? Int == 1 && cards["young"] as? Int == 1, "\(cards)")
        let decks = try #require(object["decks"] as? [[String: Any]])
        #expect(decks.map { $0["name"] as? String } == ["lang"] && decks.first?["cards"] as? Int == 2)
        let sub = try SRSProcess.run(["stats", "--json", "--deck", "lang::es", "--data-dir", folder.path, "--user", "ann"],
                                     environment: ["TZ": "UTC"])
        #expect(sub.stdout.contains("\"total\": 1,"), "\(sub.stdout)")
    }
}

@Suite(.enabled(if: TmuxSession.available, "needs tmux"))
struct DeckOptionsReviewTests {
    /// Answers the card on screen with Easy after checking its grade keys.
    func answerEasy(_ tmux: TmuxSession, question: String, keys: String) throws {
        try tmux.waitFor(question)
        try tmux.press("t")
        try tmux.waitFor(keys)
        try tmux.press("4")
    }

    static let userKeys = "1 Again 1m  2 Hard 6m  3/Enter Good 10m  4 Easy 4d"
    static let ownKeys = "1 Again 4m  2 Hard 17m  3/Enter Good 30m  4 Easy 7d"

    @Test func aReviewOfAllDecksGivesEachCardItsDecksOptions() throws {
        let folder = try DeckOptionsData.folder()
        let tmux = try TmuxSession(["review", "--data-dir", folder.path, "--user", "ann"], columns: 100, environment: ["TZ": "UTC"])
        try answerEasy(tmux, question: "Is alpha-1 true?", keys: Self.userKeys)
        try answerEasy(tmux, question: "Is beta-1 true?", keys: Self.ownKeys)
        try answerEasy(tmux, question: "Is lang-1 true?", keys: Self.userKeys)
        try answerEasy(tmux, question: "Is es-1 true?", keys: Self.ownKeys)
        try tmux.waitUntil("the next card") { !$0.contains("Is es-1 true?") }
        try tmux.press("q")
        #expect(try tmux.exitStatus() == 0)
        #expect(try DeckOptionsData.intervals(folder) == ["alpha-1": 4, "beta-1": 7, "lang-1": 4, "es-1": 7])
    }

    @Test func aDeckWithItsSubdecksGivesEachCardItsDecksOptions() throws {
        let folder = try DeckOptionsData.folder()
        let tmux = try TmuxSession(["review", "--deck", "LANG", "--data-dir", folder.path, "--user", "ann"], columns: 100,
                                   environment: ["TZ": "UTC"])
        let first = try tmux.waitFor("Is lang-1 true?")
        #expect(first.contains("lang") && first.contains("new 2  learning 0  review 0"), "\(first)")
        try answerEasy(tmux, question: "Is lang-1 true?", keys: Self.userKeys)
        try answerEasy(tmux, question: "Is es-1 true?", keys: Self.ownKeys)
        try tmux.waitFor("Review finished")
        try tmux.press("q")
        #expect(try tmux.exitStatus() == 0)
        #expect(try DeckOptionsData.intervals(folder) == ["lang-1": 4, "es-1": 7])
    }
}
