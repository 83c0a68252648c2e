import Foundation
import SRSAnki
import SRSCore
import SRSJSON
import Testing

/// `srs import` brings the history and the scheduling state (issue 12.3) and re-imports merge
/// (issue 12.4), run as the built binary on the packages of scripts/make-anki-history-fixtures.sh.
@Suite struct AnkiHistoryCommandTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("SRSAnkiTests/Fixtures/history")
    static func fixture(_ name: String) -> String { folder.appendingPathComponent(name).path }
    /// Anki's zone in the fixtures: srs, like Anki, uses the system's.
    static let tokyo = ["TZ": "Asia/Tokyo"]
    /// Just after the first package was exported (10:00 in Tokyo), and after the second.
    static let firstImport = "2026-01-12T01:02:00Z", secondImport = "2026-02-03T01:00:00Z"

    static func continuation(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: folder.appendingPathComponent("\(name).continue.json"))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    static func number(_ value: Any?) -> Int64 { (value as? NSNumber)?.int64Value ?? -1 }

    /// Anki card id → srs card id.
    static func ids(_ package: String) throws -> [Int64: String] {
        let collection = try AnkiPackage.read(try Data(contentsOf: URL(fileURLWithPath: fixture(package)))).collection
        return Dictionary(AnkiConversion.cards(of: collection).cards.map { ($0.ankiCard, $0.card.id.rawValue) },
                          uniquingKeysWith: { a, _ in a })
    }

    static func run(_ arguments: [String], _ data: TempFolder, input: String = "") throws -> SRSProcess.Result {
        try SRSProcess.run(arguments + ["--data-dir", data.path, "--user", "ann"], input: input, environment: tokyo)
    }

    /// Each card's newest record's state, as the log holds it (the truth).
    static func states(_ data: TempFolder) throws -> [String: String] {
        let log = try String(contentsOfFile: data.path + "/users/ann/reviews.jsonl", encoding: .utf8)
        var out: [String: String] = [:]
        for line in log.split(separator: "\n").dropFirst() {
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let card = object["card"] as? String, let state = object["state"] else { continue }
            out[card] = String(decoding: try JSONSerialization.data(withJSONObject: state, options: .sortedKeys), as: UTF8.self)
        }
        return out
    }

    /// A data folder whose user has fuzz off, as Anki in test mode.
    static func withoutFuzz() throws -> TempFolder {
        let data = TempFolder()
        try FileManager.default.createDirectory(atPath: data.path + "/users/ann", withIntermediateDirectories: true)
        try Data("{\"fuzz\": false}\n".utf8).write(to: URL(fileURLWithPath: data.path + "/users/ann/settings.json"))
        return data
    }

    static func recordIDs(_ data: TempFolder) throws -> [String] {
        let log = try String(contentsOfFile: data.path + "/users/ann/reviews.jsonl", encoding: .utf8)
        return log.split(separator: "\n").dropFirst().compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["id"] as? String
        }
    }

    /// The import takes the history and the collection's scheduling; the answers Anki was given
    /// afterwards, given to `srs answer` at the same moments, give Anki's intervals and due dates.
    @Test func answersAfterTheImportGiveAnkisIntervalsAndDueDates() throws {
        let data = try Self.withoutFuzz()
        let imported = try Self.run(["import", Self.fixture("sm2-1.colpkg"), "--at", Self.firstImport], data)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("\n  history: 47 reviews added; 16 card states set as Anki holds them\n"
            + "  scheduler anki, day starts at 5:00, the collection's deck options\n"))
        let settings = try String(contentsOfFile: data.path + "/users/ann/settings.json", encoding: .utf8)
        #expect(settings.contains("\"rollover_hour\": 5,") && settings.contains("\"scheduler\": \"anki\""))
        #expect(settings.contains("\"learning_steps\": [2, 20],") && settings.contains("\"starting_ease\": 2.3,"))
        let ids = try Self.ids("sm2-1.colpkg")
        let days = AnkiDays(rolloverHour: 5, timeZone: TimeZone(identifier: "Asia/Tokyo") ?? .current)
        // Anki's day 0: the local date of col.crt (2026-01-04 04:00 in Tokyo).
        let createdDay = days.today(at: 1_767_466_800 + 3600)
        var answered = 0
        for session in try Self.continuation("sm2")["sessions"] as? [[String: Any]] ?? [] {
            for answer in session["answers"] as? [[String: Any]] ?? [] {
                let card = try #require(ids[Self.number(answer["card"])])
                let at = ISOTime.format(Self.number(answer["at"]))
                let run = try Self.run(["answer", "--at", at], data, input: "\(card) \(Self.number(answer["grade"]))\n")
                #expect(run.status == 0, "\(run.stderr)")
                let ack = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
                let row = answer["after"] as? [String: Any] ?? [:]
                let queue = Self.number(row["queue"]), due = Self.number(row["due"])
                let dueTime = queue == 1 ? due : days.start(ofDay: createdDay + Int(due))
                #expect(ack["kind"] as? String != "practice", "\(card) at \(at)")
                #expect(ack["due"] as? String == ISOTime.format(dueTime), "\(card) at \(at)")
                #expect(Self.number(ack["interval_days"]) == (Self.number(row["type"]) == 2 ? Self.number(row["ivl"]) : 0))
                answered += 1
            }
        }
        #expect(answered == 46)
    }

    @Test func importingTheSamePackageAgainAddsNothing() throws {
        let data = TempFolder()
        for _ in 0..<2 { #expect(try Self.run(["import", Self.fixture("sm2-1.colpkg"), "--at", Self.firstImport], data).status == 0) }
        let again = try Self.run(["import", Self.fixture("sm2-1-legacy.apkg"), "--at", Self.firstImport], data)
        #expect(again.stdout.contains("\n  history: 0 reviews added, 47 reviews already there; 0 card states set as Anki holds them\n"))
        let ids = try Self.recordIDs(data)
        #expect(ids.count == 47 + 16 && Set(ids).count == ids.count)
    }

    /// A newer export: Anki's new answers added, its states taken, the new note's card added,
    /// the removed note's cards reported; every revlog row once.
    @Test func aNewerExportUpdatesTheCards() throws {
        let data = TempFolder()
        #expect(try Self.run(["import", Self.fixture("sm2-1.colpkg"), "--at", Self.firstImport], data).status == 0)
        let update = try Self.run(["import", Self.fixture("sm2-2.colpkg"), "--at", Self.secondImport], data)
        #expect(update.status == 0, "\(update.stderr)")
        #expect(update.stdout.contains(": 16 cards converted\n"))
        #expect(update.stdout.contains("\n  2 cards of an earlier import no longer in the package: removed from their decks, their history kept ("))
        // The 46 answers given in Anki since, less the 8 to the removed cloze cards; the 47 of the
        // first package, less the one to them.
        #expect(update.stdout.contains("\n  history: 38 reviews added, 46 reviews already there; 14 card states set as Anki holds them\n"))
        #expect(update.stdout.contains("\n  wrote 0 cards to \(data.path)/decks/Study::Facts.deck\n"))
        let fresh = TempFolder()
        #expect(try Self.run(["import", Self.fixture("sm2-2.colpkg"), "--at", Self.secondImport], fresh).status == 0)
        let updated = try Self.states(data), direct = try Self.states(fresh)
        for (card, state) in direct { #expect(updated[card] == state, "\(card)") }
        let ids = try Self.recordIDs(data)
        #expect(Set(ids).count == ids.count)
        #expect(Set(ids.filter { $0.hasPrefix("anki-") }).isSuperset(of: try Self.recordIDs(fresh).filter { $0.hasPrefix("anki-") }))
    }

    /// Answers given in srs since the last import are kept, and the states replayed in time
    /// order with Anki's newer answers: the same as importing the newer export and then giving
    /// those answers.
    @Test func answersGivenInSrsSinceTheLastImportAreKept() throws {
        let ids = try Self.ids("sm2-2.colpkg")
        // The three cards in review Anki has due first, answered in srs once they are due there
        // (and so in both histories): 10:00 in Tokyo the day after the latest of their due days.
        let final = try Self.continuation("sm2")["final"] as? [String: [String: Any]] ?? [:]
        let reviews = final.filter { Self.number($0.value["queue"]) == 2 }.sorted { Self.number($0.value["due"]) < Self.number($1.value["due"]) }
        let cards = reviews.prefix(3).compactMap { Int64($0.key).flatMap { ids[$0] } }
        #expect(cards.count == 3)
        let lastDue = reviews.prefix(3).map { Self.number($0.value["due"]) }.max() ?? 0
        let days = AnkiDays(rolloverHour: 5, timeZone: TimeZone(identifier: "Asia/Tokyo") ?? .current)
        let srsAnswers = ISOTime.format(days.start(ofDay: days.today(at: 1_767_466_800 + 3600) + Int(lastDue) + 1) + 5 * 3600)
        let input = zip(cards, ["good", "again", "easy"]).map { "\($0) \($1)\n" }.joined()
        let both = try Self.withoutFuzz(), direct = try Self.withoutFuzz()
        #expect(try Self.run(["import", Self.fixture("sm2-1.colpkg"), "--at", Self.firstImport], both).status == 0)
        #expect(try Self.run(["answer", "--at", srsAnswers], both, input: input).status == 0)
        let merge = try Self.run(["import", Self.fixture("sm2-2.colpkg"), "--at", srsAnswers], both)
        #expect(merge.status == 0, "\(merge.stderr)")
        #expect(try Self.run(["import", Self.fixture("sm2-2.colpkg"), "--at", srsAnswers], direct).status == 0)
        #expect(try Self.run(["answer", "--at", srsAnswers], direct, input: input).status == 0)
        let merged = try Self.states(both), expected = try Self.states(direct)
        for card in cards { #expect(merged[card] == expected[card], "\(card)") }
        // The srs answers are in the log once, and so is every Anki answer.
        let records = try Self.recordIDs(both)
        #expect(Set(records).count == records.count)
        #expect(records.filter { !$0.hasPrefix("anki-") }.count >= 3)
    }

    /// A user with progress of another scheduler keeps it, and is told how to switch. (The two
    /// fixture collections hold the same notes, guids included, so these are the same cards.)
    @Test func progressOfAnotherSchedulerKeepsItsScheduler() throws {
        let data = TempFolder()
        #expect(try Self.run(["import", Self.fixture("sm2-1.colpkg"), "--at", Self.firstImport], data).status == 0)
        let fsrs = try Self.run(["import", Self.fixture("fsrs-1.colpkg"), "--at", Self.firstImport], data)
        #expect(fsrs.status == 0)
        #expect(fsrs.stderr.contains("warning: your scheduler is anki, with progress of its own: kept, with your rollover hour and options. "
            + "The imported cards' states are rebuilt from their Anki answers under anki (Anki's own fsrs states are not used; "
            + "`srs scheduler fsrs` switches every card).\n"))
        #expect(!fsrs.stdout.contains("scheduler fsrs, day starts"))
        let settings = try String(contentsOfFile: data.path + "/users/ann/settings.json", encoding: .utf8)
        #expect(settings.contains("\"scheduler\": \"anki\""))
        // Every card holds an anki state, so srs answers as before.
        #expect(try Self.states(data).values.allSatisfy { !$0.contains("\"fsrs\"") })
        let card = try #require(try Self.ids("fsrs-1.colpkg").values.sorted().first)
        #expect(try Self.run(["answer", "--at", "2026-01-13T01:00:00Z"], data, input: "\(card) good\n").status == 0)
    }

    /// `srs import` killed (SIGKILL) at moments spread over its run: the log holds all of the
    /// package's history or none of it, srs starts normally, and importing again completes it
    /// with the same states as an import never interrupted. (Measured: 8 to 11 of the 16 kills
    /// cut an import short, the others came after it ended.)
    @Test func anImportKilledAtAnyMomentLeavesAllOrNothing() throws {
        let clean = TempFolder()
        let start = Date()
        #expect(try Self.run(["import", Self.fixture("sm2-1.colpkg"), "--at", Self.firstImport], clean).status == 0)
        // Kills spread from the start to a third past the time a whole import takes.
        let whole = Date().timeIntervalSince(start)
        let expected = try Self.states(clean)
        let records = try Self.recordIDs(clean).count
        for round in 0..<16 {
            let data = TempFolder()
            let process = Process()
            process.executableURL = SRSProcess.binary
            process.arguments = ["import", Self.fixture("sm2-1.colpkg"), "--at", Self.firstImport, "--data-dir", data.path, "--user", "ann"]
            process.environment = ProcessInfo.processInfo.environment.merging(Self.tokyo) { $1 }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(useconds_t(whole * 1_000_000 * Double(round) / 12))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let log = data.path + "/users/ann/reviews.jsonl"
            let found = FileManager.default.fileExists(atPath: log) ? try Self.recordIDs(data).count : 0
            #expect(found == 0 || found == records, "round \(round): \(found) of \(records) records")
            #expect(try Self.run(["decks"], data).status == 0, "round \(round)")
            #expect(try Self.run(["import", Self.fixture("sm2-1.colpkg"), "--at", Self.firstImport], data).status == 0)
            #expect(try Self.states(data) == expected, "round \(round)")
        }
    }

    /// The collection's presets become the `decks` entries of its decks; the user's entries for
    /// other decks stay as written.
    @Test func presetsBecomeDeckOptionsAndTheUsersOtherDecksKeepTheirs() throws {
        let data = TempFolder()
        try FileManager.default.createDirectory(atPath: data.path + "/users/ann", withIntermediateDirectories: true)
        try Data("{\"decks\": {\"spanish\": {\"anki\": {\"easy_bonus\": 1.5}}}}\n".utf8)
            .write(to: URL(fileURLWithPath: data.path + "/users/ann/settings.json"))
        let fixtures = Self.folder.deletingLastPathComponent().appendingPathComponent("sm2.colpkg").path
        let run = try Self.run(["import", fixtures], data)
        #expect(run.status == 0, "\(run.stderr)")
        let settings = try String(contentsOfFile: data.path + "/users/ann/settings.json", encoding: .utf8)
        let value = try JSONValue.parse(Array(settings.utf8))
        guard case let .object(decks)? = value["decks"] else { Issue.record("no decks in \(settings)"); return }
        #expect(decks.map(\.0) == ["spanish", "Languages", "Languages::French"])
        #expect(decks.first?.1 == .object([("anki", .object([("easy_bonus", .number(1.5, isInteger: false))]))]))
        #expect(value["decks"]?["Languages::French"]?["anki"]?["starting_ease"] == .number(2.3, isInteger: false))
        #expect(value["anki"]?["starting_ease"] == .number(2.5, isInteger: false))
        // srs reads the file back.
        #expect(try Self.run(["decks"], data).status == 0)
    }
}
