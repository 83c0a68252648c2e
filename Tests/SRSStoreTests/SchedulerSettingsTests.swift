import Foundation
import Testing
import SRSCore
@testable import SRSStore

/// settings.json names the scheduler and its options (issue 10, point 3).
@Suite struct SchedulerSettingsTests {
    func settings(_ text: String) throws -> UserSettings {
        let dir = TempDir()
        try dir.write("users/alice/settings.json", text)
        return try ProgressStore.openReadOnly(dir.location()).settings
    }

    @Test func anEmptyFileGivesAnkisSM2WithAnkisDefaultsAndFuzz() throws {
        let s = try settings("{}")
        #expect(s.schedulerName == "anki" && s.fuzz)
        guard let anki = s.reviewer().scheduler as? AnkiScheduler else { Issue.record("not anki"); return }
        #expect(anki.options == AnkiOptions() && anki.fuzz)
        #expect(anki.options.learningSteps == [60, 600] && anki.options.relearningSteps == [600])
    }

    @Test func optionsAndPerDeckOverridesAreRead() throws {
        let s = try settings("""
            {"scheduler": "fsrs", "fuzz": false,
             "anki": {"learning_steps": [2, 20], "starting_ease": 2.3, "maximum_interval": 3650},
             "fsrs": {"desired_retention": 0.85},
             "decks": {"spanish": {"anki": {"easy_bonus": 1.5}, "fsrs": {"desired_retention": 0.95}}}}
            """)
        #expect(s.schedulerName == "fsrs" && !s.fuzz)
        #expect(s.options.anki.learningSteps == [120, 1_200] && s.options.anki.startingEase == 2.3)
        #expect(s.options.anki.maximumInterval == 3_650 && s.options.fsrs.desiredRetention == 0.85)
        let spanish = try #require(s.deckOptions["spanish"])
        #expect(spanish.anki.easyBonus == 1.5 && spanish.anki.startingEase == 2.3, "a deck inherits the user's options")
        #expect(spanish.fsrs.desiredRetention == 0.95)
        let fsrs = try #require(s.reviewer(deck: "spanish").scheduler as? FSRSScheduler)
        #expect(fsrs.options.desiredRetention == 0.95 && !fsrs.fuzz)
        #expect((s.reviewer(deck: "other").scheduler as? FSRSScheduler)?.options.desiredRetention == 0.85)
    }

    /// Each card gets its own deck's options (deck names without regard to case), the others
    /// the user's, whichever decks are under review together.
    @Test func everyCardGetsItsOwnDecksOptions() throws {
        let s = try settings("""
            {"scheduler": "fsrs", "fsrs": {"desired_retention": 0.85},
             "decks": {"Spanish": {"fsrs": {"desired_retention": 0.95}}, "lang::es": {"fsrs": {"desired_retention": 0.8}}}}
            """)
        let reviewers = s.reviewers(decks: [(name: "french", cards: [CardID("f1")]), (name: "spanish", cards: [CardID("s1")]),
                                            (name: "Lang::ES", cards: [CardID("e1")])])
        let retention = { (id: String) in (reviewers[CardID(id)].scheduler as? FSRSScheduler)?.options.desiredRetention }
        #expect(retention("f1") == 0.85 && retention("s1") == 0.95 && retention("e1") == 0.8)
        #expect(retention("unknown") == 0.85)
        #expect(s.options(ofDeck: "SPANISH")?.fsrs.desiredRetention == 0.95 && s.options(ofDeck: "french") == nil)
    }

    @Test(arguments: [
        ("{\"anki\": {\"starting_ease\": 9}}", "\"anki.starting_ease\" must be between 1.31 and 5"),
        ("{\"anki\": {\"hard_interval\": 0.1}}", "\"anki.hard_interval\" must be between 0.5 and 1.3"),
        ("{\"fsrs\": {\"desired_retention\": 0.5}}", "\"fsrs.desired_retention\" must be between 0.7 and 0.99"),
        ("{\"fsrs\": {\"parameters\": [1, 2]}}", "\"fsrs.parameters\" must be 21 numbers (there are 2)"),
        ("{\"decks\": {\"spanish\": {\"anki\": {\"maximum_interval\": 0}}}}", "\"decks.spanish.anki.maximum_interval\" must be between 1 and 36500 (is 0)"),
        // Found by the audit: a misspelled option was ignored, a minimum above the maximum was
        // accepted, and whole-number limits were printed as 1.0 and 36500.0.
        ("{\"anki\": {\"startng_ease\": 2.3}}",
         "unknown field \"anki.startng_ease\": did you mean \"starting_ease\"? (anki options: learning_steps, relearning_steps, graduating_interval, easy_interval, starting_ease, easy_bonus, hard_interval, interval_modifier, new_interval, minimum_interval, maximum_interval, leech_threshold)"),
        ("{\"new_per_dya\": 5}", "unknown field \"new_per_dya\": did you mean \"new_per_day\"?"),
        ("{\"decks\": {\"x\": {\"fsrs\": {\"retention\": 0.8}}}}", "unknown field \"decks.x.fsrs.retention\": did you mean \"desired_retention\"?"),
        ("{\"decks\": {\"x\": {\"ankii\": {}}}}", "unknown field \"decks.x.ankii\": did you mean \"anki\"? (deck options: anki, fsrs)"),
        ("{\"colour\": \"red\"}", "unknown field \"colour\" (settings: version, new_per_day,"),
        ("{\"anki\": {\"minimum_interval\": 400, \"maximum_interval\": 365}}",
         "\"anki.minimum_interval\" (400) must not be above \"anki.maximum_interval\" (365)"),
        ("{\"anki\": {\"easy_bonus\": 6}}", "\"anki.easy_bonus\" must be between 1 and 5 (is 6)"),
        ("{\"scheduler\": \"supermemo\"}", "\"scheduler\" must be one of \"sm2\", \"anki\", \"fsrs\""),
        ("{\"anki\": {\"learning_steps\": [0]}}", "\"anki.learning_steps\" must hold minutes"),
        // Found by the audit: a huge number trapped (Int64(1e20)), a fraction of a day was cut
        // off silently, and a step below a second was named "anki.a learning or relearning step".
        ("{\"fsrs\": {\"maximum_interval\": 1e20}}", "\"fsrs.maximum_interval\" must be a whole number"),
        ("{\"anki\": {\"graduating_interval\": -1e300}}", "\"anki.graduating_interval\" must be a whole number"),
        ("{\"anki\": {\"easy_interval\": 2.5}}", "\"anki.easy_interval\" must be a whole number"),
        ("{\"decks\": {\"x\": {\"anki\": {\"leech_threshold\": 1e19}}}}", "\"decks.x.anki.leech_threshold\" must be a whole number"),
        ("{\"anki\": {\"relearning_steps\": [0.01]}}", "\"anki.relearning_steps\" must hold minutes"),
        ("{\"fsrs\": {\"learning_steps\": [1, 0.001]}}", "\"fsrs.learning_steps\" must hold minutes"),
    ])
    func anOptionOutOfRangeIsExit65NamingItsRange(text: String, message: String) throws {
        do {
            _ = try settings(text)
            Issue.record("accepted \(text)")
        } catch let error as StoreError {
            #expect(error.exitCode == 65)
            #expect(error.description.contains(message), "\(error.description)")
            #expect(error.description.contains("settings.json"))
        }
    }

    @Test func savingKeepsTheOptions() throws {
        let dir = TempDir()
        try dir.write("users/alice/settings.json", "{\"anki\": {\"easy_bonus\": 1.4}, \"decks\": {\"d\": {\"fsrs\": {\"desired_retention\": 0.8}}}}")
        let store = try ProgressStore.openForReview(dir.location())
        var s = store.settings
        s.scheduler = "fsrs"
        try store.save(settings: s)
        store.close()
        let again = try ProgressStore.openReadOnly(dir.location()).settings
        #expect(again.scheduler == "fsrs" && again.options.anki.easyBonus == 1.4)
        #expect(again.deckOptions["d"]?.fsrs.desiredRetention == 0.8)
    }
}

/// `--new-today N` is Anki's "increase today's limit by N" (issue 10, point 7), for reviews too.
@Suite struct TodayLimitTests {
    let clock = DayClock(timeZone: TimeZone(identifier: "UTC") ?? .current)
    let noon: EpochSeconds = 1_796_040_000 // 2026-11-30T12:00:00Z, study day 2026-11-30

    func settings(_ text: String) throws -> UserSettings {
        let dir = TempDir()
        try dir.write("users/alice/settings.json", text)
        return try ProgressStore.openReadOnly(dir.location()).settings
    }

    @Test func moreNewCardsAndReviewsForOneDay() throws {
        let s = try settings("{\"new_per_day\": 20, \"new_today\": {\"day\": \"2026-11-30\", \"more\": 15}, \"reviews_today\": {\"day\": \"2026-11-30\", \"more\": 50}}")
        #expect(s.limits(at: noon, clock: clock) == QueueLimits(newPerDay: 35, maxReviewsPerDay: 250))
        #expect(s.limits(at: noon + 86_400, clock: clock) == QueueLimits(newPerDay: 20, maxReviewsPerDay: 200))
    }

    @Test func theOldTotalFormIsReadAsThatManyMore() throws {
        let s = try settings("{\"new_per_day\": 20, \"new_today\": {\"day\": \"2026-11-30\", \"limit\": 40}}")
        #expect(s.newToday?.more == 20)
        #expect(s.limits(at: noon, clock: clock).newPerDay == 40)
        let text = String(decoding: s.encoded(), as: UTF8.self)
        #expect(text.contains("\"new_today\": {\"day\": \"2026-11-30\", \"more\": 20}"))
    }
}
