import Foundation
import SRSCore
import Testing
@testable import SRSAnki

/// The history and the scheduling state of a collection, against the real Anki: the packages and
/// Anki's further answers come from scripts/make-anki-history-fixtures.sh (anki 26.9.3, libfaketime,
/// TZ=Asia/Tokyo, rollover 05:00, fuzz off). Every answer Anki gave after the export is given to the
/// imported state in srs, and must give Anki's state, card by card.
@Suite struct AnkiHistoryTests {
    static let zone = TimeZone(identifier: "Asia/Tokyo") ?? .current
    /// The moment the fixtures' first package was imported: just after its export (10:00 local).
    static let importTime: EpochSeconds = 1_768_179_720

    struct Imported {
        let collection: AnkiCollection
        let schedule: AnkiSchedule
        let cards: [Int64: ImportedCard]
        let converted: [Int64: ConvertedCard]
        var reviewer: Reviewer {
            Reviewer(scheduler: AnkiScheduler(options: schedule.preset.anki, days: schedule.days, fuzz: false),
                     clock: DayClock(timeZone: AnkiHistoryTests.zone, rolloverHour: schedule.rolloverHour))
        }
    }

    static func imported(_ name: String, at time: EpochSeconds = importTime) throws -> Imported {
        let collection = try Fixture.package("history/\(name)").collection
        let converted = AnkiConversion.cards(of: collection).cards
        let schedule = AnkiSchedule(collection, zone: zone)
        let progress = AnkiProgress(collection, schedule: schedule)
        var cards: [Int64: ImportedCard] = [:]
        for card in converted { cards[card.ankiCard] = progress.card(card, at: time) }
        return Imported(collection: collection, schedule: schedule, cards: cards,
                        converted: Dictionary(converted.map { ($0.ankiCard, $0) }, uniquingKeysWith: { a, _ in a }))
    }

    static func continuation(_ name: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: try Fixture.data("history/\(name).continue.json"))
        return object as? [String: Any] ?? [:]
    }

    /// An srs `anki` state in the numbers of Anki's `cards` row.
    static func row(_ state: SchedulerState?, schedule: AnkiSchedule) -> [String: Int64] {
        guard case let .anki(c)? = state else { return ["type": 0] }
        let due: Int64
        switch c.due {
        case let .time(t): due = t
        case let .day(d): due = Int64(d - schedule.createdDay)
        }
        return ["type": Int64(c.kind.rawValue), "queue": Int64(c.queue.rawValue), "due": due, "ivl": Int64(c.intervalDays),
                "factor": Int64(c.easePermille), "reps": Int64(c.reps), "lapses": Int64(c.lapses), "left": Int64(c.remainingSteps)]
    }

    static func ankiRow(_ row: [String: Any]) -> [String: Int64] {
        var out: [String: Int64] = [:]
        for key in ["type", "queue", "due", "ivl", "factor", "reps", "lapses", "left"] { out[key] = row.int(key) ?? -1 }
        out["left"] = (out["left"] ?? 0) % 1000
        return out
    }

    @Test func theRollover_theDaysAndTheOptionsAreTheCollections() throws {
        let sm2 = try Self.imported("sm2-1.colpkg")
        #expect(sm2.schedule.scheduler == "anki")
        #expect(sm2.schedule.rolloverHour == 5)
        // col.crt is 2026-01-04 05:00 in Tokyo: that local date is Anki's day 0.
        #expect(AnkiDays.dateName(ofDay: sm2.schedule.createdDay) == "2026-01-04")
        var options = AnkiOptions()
        options.learningSteps = [120, 1200]
        options.relearningSteps = [900]
        options.graduatingInterval = 2
        options.easyInterval = 5
        options.startingEase = 2.3
        options.easyBonus = 1.4
        options.hardInterval = 1.1
        options.intervalModifier = 0.95
        options.lapseMultiplier = 0.3
        options.minimumInterval = 2
        #expect(sm2.schedule.preset.anki == options)
        #expect(sm2.schedule.deckPresets.isEmpty)
        #expect(try Self.imported("fsrs-1.colpkg").schedule.scheduler == "fsrs")
    }

    /// Every card's state is the row's, so each is due on the same study day as in Anki.
    @Test(arguments: ["sm2-1.colpkg", "sm2-1-legacy.apkg"])
    func everyCardsStateIsAnkisRow(_ package: String) throws {
        let imported = try Self.imported(package)
        #expect(imported.cards.count == 17)
        for row in imported.collection.cards {
            let card = try #require(imported.cards[row.id])
            let expected = Self.ankiRow(["type": row.type, "queue": row.queue < 0 ? Self.queueOf(row) : row.queue,
                                         "due": row.originalDue != 0 ? row.originalDue : row.due, "ivl": row.interval,
                                         "factor": row.factor, "reps": row.reps, "lapses": row.lapses, "left": row.left])
            if row.type == 0 {
                #expect(card.progress.state == nil, "card \(row.id)")
            } else {
                #expect(Self.row(card.progress.state, schedule: imported.schedule) == expected, "card \(row.id)")
            }
            #expect(card.progress.suspended == (row.queue == -1))
            #expect((card.progress.buriedUntil > 0) == (row.queue == -2 || row.queue == -3))
        }
        let suspended = imported.cards.values.filter(\.progress.suspended).count
        let buried = imported.cards.values.filter { $0.progress.buriedUntil > 0 }.count
        #expect(suspended == 1 && buried == 2)
        // Buried until the next rollover in Tokyo after the import: 05:00 as the collection has
        // it; a deck package holds no rollover, so the learner's (04:00 by default) applies.
        let buriedUntil = imported.cards.values.first { $0.progress.buriedUntil > 0 }?.progress.buriedUntil
        #expect(buriedUntil == (package.hasSuffix(".colpkg") ? 1_768_248_000 : 1_768_244_400))
    }

    static func queueOf(_ row: SRSAnki.AnkiCard) -> Int {
        row.type == 2 ? 2 : row.due > 1_000_000_000 ? 1 : row.type == 0 ? 0 : 3
    }

    /// The revlog becomes the history: one record per row, with Anki's id, time, button, kind
    /// and time taken; a manual reschedule (button 0) as a reschedule.
    @Test func theRevlogBecomesTheHistory() throws {
        let imported = try Self.imported("sm2-1.colpkg")
        let records = imported.cards.values.flatMap(\.records)
        #expect(records.count == imported.collection.revlog.count)
        let byID = Dictionary(records.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var kinds: [String: Int] = [:]
        for review in imported.collection.revlog {
            let record = try #require(byID["anki-\(review.id)-\(review.card)"])
            #expect(record.card == imported.converted[review.card]?.card.id)
            #expect(record.time == review.id / 1000)
            switch record.action {
            case let .answer(grade, kind, millis):
                #expect(grade.rawValue == review.ease)
                #expect(millis == min(review.time, 60_000))
                kinds[kind.rawValue, default: 0] += 1
            case .reschedule:
                #expect(review.ease == 0)
                kinds["reschedule", default: 0] += 1
            default: Issue.record("unexpected \(record.action)")
            }
        }
        #expect(kinds == ["learn": 28, "review": 14, "relearn": 1, "filtered": 1, "practice": 1, "reschedule": 2])
    }

    /// The answers Anki was given after the export, given to the imported states: the same cards
    /// due at each session, the same four outcomes on the grade keys and the same state after
    /// each answer, card by card; and at the end, every card as Anki has it.
    @Test func furtherAnswersGiveAnkisStatesCardByCard() throws {
        let imported = try Self.imported("sm2-1.colpkg")
        let truth = try Self.continuation("sm2")
        let reviewer = imported.reviewer
        var progress = imported.cards.mapValues(\.progress)
        // A card Anki reset to new keeps its answer count there; in srs a new card has no state.
        let resetReps = Dictionary(imported.collection.cards.filter { $0.type == 0 && $0.reps > 0 }.map { ($0.id, Int64($0.reps)) },
                                   uniquingKeysWith: { a, _ in a })
        #expect(resetReps.count == 1)
        let sessions = truth.list("sessions")
        #expect(sessions.count == 6)
        var answered = 0
        for session in sessions {
            let at = try #require(session.int("at"))
            let shown = progress.filter { TodaySlot.isShown($0.value, clock: reviewer.clock, at: at) }.map(\.key)
            let queued = (session["queued"] as? [NSNumber] ?? []).map(\.int64Value)
            #expect(Set(shown) == Set(queued), "due at \(at)")
            for answer in session.list("answers") {
                let cid = try #require(answer.int("card")), time = try #require(answer.int("at"))
                let grade = try #require(Grade(rawValue: Int(answer.int("grade") ?? 0)))
                let before = progress[cid]
                let outcomes = reviewer.outcomes(before, at: time, card: imported.converted[cid]?.card.id ?? CardID(""))
                for (key, anki) in answer.object("outcomes") {
                    let keyGrade = try #require(Grade(rawValue: Int(key) ?? 0))
                    let outcome = try #require(outcomes[keyGrade])
                    let expected = try #require(anki as? [String: Any])
                    #expect(Self.outcome(outcome, at: time) == Self.outcome(expected), "card \(cid) at \(time), grade \(key)")
                }
                progress[cid] = reviewer.answer(before, grade: grade, at: time, card: imported.converted[cid]?.card.id ?? CardID(""))
                var after = Self.ankiRow(answer.object("after"))
                after["reps", default: 0] -= resetReps[cid] ?? 0
                #expect(Self.row(progress[cid]?.state, schedule: imported.schedule) == after,
                        "card \(cid) after grade \(grade) at \(time)")
                answered += 1
            }
        }
        #expect(answered == 46)
        for (key, row) in truth.object("final") {
            guard let cid = Int64(key), let state = progress[cid], let anki = row as? [String: Any],
                  anki.int("queue") ?? 0 >= 0 else { continue }
            var expected = Self.ankiRow(anki)
            expected["reps", default: 0] -= resetReps[cid] ?? 0
            #expect(Self.row(state.state, schedule: imported.schedule) == expected, "card \(cid) at the end")
        }
    }

    /// An outcome as Anki's next state describes it: the kind, days for a review, the step's
    /// seconds and the steps left while (re)learning.
    static func outcome(_ p: CardProgress, at time: EpochSeconds) -> [String: Int64] {
        guard case let .anki(c)? = p.state else { return [:] }
        switch c.kind {
        case .review: return ["kind": 2, "days": Int64(c.intervalDays), "ease": Int64(c.easePermille), "lapses": Int64(c.lapses)]
        default:
            var out: [String: Int64] = ["kind": Int64(c.kind.rawValue), "remaining": Int64(c.remainingSteps)]
            if case let .time(due) = c.due { out["secs"] = due - time }
            if c.kind == .relearning { out["days"] = Int64(c.intervalDays) }
            return out
        }
    }

    static func outcome(_ anki: [String: Any]) -> [String: Int64] {
        let kinds = ["learning": Int64(1), "review": 2, "relearning": 3]
        let kind = kinds[anki.string("kind")] ?? 0
        if kind == 2 {
            return ["kind": 2, "days": anki.int("days") ?? -1, "ease": Int64(((anki.double("ease") ?? 0) * 1000).rounded()),
                    "lapses": anki.int("lapses") ?? -1]
        }
        var out: [String: Int64] = ["kind": kind, "remaining": anki.int("remaining") ?? -1, "secs": anki.int("secs") ?? -1]
        if kind == 3 { out["days"] = anki.int("days") ?? -1 }
        return out
    }
}

/// FSRS collections: the memory states come along, and srs's FSRS schedules from them.
@Suite struct AnkiFSRSHistoryTests {
    @Test func theMemoryStatesAndDueDaysAreAnkis() throws {
        let imported = try AnkiHistoryTests.imported("fsrs-1.colpkg")
        var withMemory = 0
        for row in imported.collection.cards {
            let card = try #require(imported.cards[row.id])
            guard let s = row.data.stability, let d = row.data.difficulty else {
                // A manual due date on a new card: a review with no memory; srs starts it from
                // the interval (S = the interval, D = 5).
                if row.type == 2, case let .fsrs(state)? = card.progress.state {
                    #expect(state.stability == Double(max(row.interval, 1)))
                    #expect(state.difficulty == 5)
                } else if row.type != 0 { Issue.record("card \(row.id) has no memory state") }
                continue
            }
            guard case let .fsrs(state)? = card.progress.state else { Issue.record("card \(row.id): not an FSRS state"); continue }
            #expect(state.stability == s && state.difficulty == d)
            #expect(state.lastReview == row.data.lastReview)
            let day = AnkiDays(rolloverHour: 5, timeZone: AnkiHistoryTests.zone).today(at: card.progress.due)
            let ankiDue = row.originalDue != 0 ? row.originalDue : row.due
            if row.type == 2 { #expect(day == imported.schedule.srsDay(ankiDue), "card \(row.id)") }
            withMemory += 1
        }
        #expect(withMemory == 14)
    }

    /// srs's FSRS from the imported memory, against Anki's FSRS on the same answers: the same
    /// kind of state on every grade key, and review intervals close to Anki's but not equal
    /// (`docs/anki-import.md`: elapsed days by rollover, Hard < Good < Easy forced, f32).
    @Test func srsFSRSSchedulesFromTheImportedMemory() throws {
        let imported = try AnkiHistoryTests.imported("fsrs-1.colpkg")
        let truth = try AnkiHistoryTests.continuation("fsrs")
        let reviewer = Reviewer(scheduler: FSRSScheduler(options: imported.schedule.preset.fsrs, fuzz: false),
                                clock: DayClock(timeZone: AnkiHistoryTests.zone, rolloverHour: 5))
        var progress = imported.cards.mapValues(\.progress)
        var goodIntervals = 0, equal = 0, worst = 0.0, worstPair = (0, Int64(0))
        for answer in truth.list("sessions").flatMap({ $0.list("answers") }) {
            let cid = try #require(answer.int("card")), time = try #require(answer.int("at"))
            let grade = try #require(Grade(rawValue: Int(answer.int("grade") ?? 0)))
            let id = imported.converted[cid]?.card.id ?? CardID("")
            let good = reviewer.outcomes(progress[cid], at: time, card: id)[.good]
            let anki = answer.object("outcomes").object("3")
            if case let .fsrs(c)? = good?.state, c.state == .review, anki.string("kind") == "review",
               let days = anki.int("days"), let ours = c.intervalDays {
                goodIntervals += 1
                if Int64(ours) == days { equal += 1 }
                let difference = abs(Double(ours) - Double(days)) / Double(days)
                if difference > worst { (worst, worstPair) = (difference, (ours, days)) }
            }
            progress[cid] = reviewer.answer(progress[cid], grade: grade, at: time, card: id)
        }
        // Measured: 15 of the 32 Good intervals equal Anki's; the others differ by a day or a few,
        // relatively most on a short one (4 days against Anki's 11).
        #expect(goodIntervals == 32)
        #expect(equal == 15)
        #expect(worstPair == (4, 11))
    }
}
