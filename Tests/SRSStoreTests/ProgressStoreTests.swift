import Foundation
import Testing
import SRSCore
@testable import SRSStore

@Suite struct ProgressStoreTests {
    let clock = DayClock(timeZone: TimeZone(identifier: "UTC")!)
    let t0: EpochSeconds = 1_764_475_200 // 2025-11-30T04:00:00Z

    @Test func answersSurviveReopeningWithAndWithoutTheSnapshot() throws {
        let dir = TempDir()
        let store = OpenProgress(try ProgressStore.openForReview(dir.location()), clock: clock)
        try store.answer("c1", .good, at: t0)
        try store.answer("c2", .again, at: t0 + 10)
        try store.answer("c1", .easy, at: t0 + 86_400)
        let expected = store.cards
        #expect(store.store.recordCount == 3)
        store.close()

        let reopened = try ProgressStore.openReadOnly(dir.location())
        #expect(reopened.takeCards() == expected)
        #expect(reopened.recordCount == 3)
        try FileManager.default.removeItem(atPath: reopened.snapshotPath)
        let rebuilt = try ProgressStore.openReadOnly(dir.location())
        #expect(rebuilt.takeCards() == expected)
    }

    @Test func theLogRecordsTheStateAfterEachAnswer() throws {
        let dir = TempDir()
        let store = OpenProgress(try ProgressStore.openForReview(dir.location()), clock: clock)
        try store.answer("c1", .good, at: t0)
        store.close()
        let text = String(decoding: dir.bytes("users/alice/reviews.jsonl") ?? Data(), as: UTF8.self)
        #expect(text == """
            {"format":"srs-review-log","version":2}
            {"id":"000000000005107e-1","card":"c1","at":1764475200,"do":"answer","grade":"good","kind":"learn","ms":1500,"scheduler":"sm2","state":{"due":1764561600,"interval":1,"easiness":2.5,"repetitions":1,"lapses":0,"first":1764475200,"last":1764475200}}

            """)
    }

    @Test func aSecondSessionOfTheSameUserIsRefused() throws {
        let dir = TempDir()
        let first = try ProgressStore.openForReview(dir.location())
        #expect(throws: StoreError.self) { try ProgressStore.openForReview(dir.location()) }
        do { _ = try ProgressStore.openForReview(dir.location()) } catch let error as StoreError {
            #expect(error.exitCode == 75)
            #expect(error.description.contains("another srs session for user 'alice' is running (pid \(getpid()))"))
        }
        first.close()
        let second = try ProgressStore.openForReview(dir.location())
        second.close()
    }

    @Test func aTornFinalLineIsDiscardedAndEverythingBeforeItKept() throws {
        let dir = TempDir()
        let store = OpenProgress(try ProgressStore.openForReview(dir.location()), clock: clock)
        try store.answer("c1", .good, at: t0)
        try store.answer("c2", .good, at: t0 + 5)
        let kept = store.cards
        store.close()
        try FileManager.default.removeItem(atPath: store.store.snapshotPath)
        let log = URL(fileURLWithPath: store.store.logPath)
        let handle = try FileHandle(forWritingTo: log)
        handle.seekToEndOfFile()
        handle.write(Data("{\"seq\":3,\"card\":\"c3\",\"at\":17644".utf8))
        try handle.close()

        let readOnly = try ProgressStore.openReadOnly(dir.location())
        #expect(readOnly.takeCards() == kept)
        let writer = OpenProgress(try ProgressStore.openForReview(dir.location()), clock: clock)
        #expect(writer.cards == kept)
        #expect(writer.store.notes.count == 2)
        #expect(writer.store.notes.first?.contains("cut short by an interrupted write") == true)
        #expect(writer.store.notes.last?.contains("classic SM-2") == true)
        try writer.answer("c3", .hard, at: t0 + 9)
        writer.close()
        let after = try ProgressStore.openReadOnly(dir.location())
        #expect(after.recordCount == 3)
        #expect(after.takeCards()[CardID("c3")] != nil)
    }

    /// 100,000 arrays, one inside the other.
    static let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)

    @Test(arguments: [
        ("users/alice/reviews.jsonl", "{\"format\":\"srs-review-log\",\"version\":1}\n{\"seq\":1,\"card\":\"c1\" oops}\n", "reviews.jsonl:2: expected ',' or '}' after a value (column 22)"),
        ("users/alice/reviews.jsonl", "{\"format\":\"srs-review-log\",\"version\":1}\n{\"seq\":2,\"card\":\"c1\",\"at\":1,\"do\":\"bury\",\"state\":{}}\n", "reviews.jsonl:2: record number 2 where 1 was expected"),
        ("users/alice/reviews.jsonl", "hello\n", "reviews.jsonl:1: not an srs review log"),
        ("users/alice/reviews.jsonl", "{\"format\":\"srs-review-log\",\"version\":3}\n", "written by a newer srs (format version 3; this srs reads up to 2)"),
        ("users/alice/cards.json", "{\"format\":\"srs-progress\",\"version\":1,\"cards\":[[\"c1\",1,2]]}", "cards.json:1: expected ','"),
        ("users/alice/cards.json", "{\"format\":\"srs-progress\",\"version\":3,\"cards\":[]}", "written by a newer srs (format version 3"),
        ("users/alice/settings.json", "{\"new_per_day\": -4}", "\"new_per_day\" must be a whole number from 0 to 100000"),
        // Numbers RFC 8259 refuses, as a hand edit may leave them: the error names the setting.
        ("users/alice/settings.json", "{\n  \"new_per_day\": 020\n}", "settings.json:2: \"new_per_day\": a number with a leading zero (write 7, not 07) (column 18)"),
        ("users/alice/settings.json", "{\"rollover_hour\": .5}", "settings.json:1: \"rollover_hour\": a number without a digit before its '.'"),
        ("users/alice/settings.json", "{\"new_today\": {\"day\": \"2026-11-29\", \"limit\": +4}}", "\"new_today.limit\": a number with a '+' sign"),
        ("users/alice/settings.json", "{\"max_reviews_per_day\": 5.}", "\"max_reviews_per_day\": a number without a digit after its '.'"),
        ("users/alice/reviews.jsonl", "{\"format\":\"srs-review-log\",\"version\":1}\n{\"seq\":01,\"card\":\"c1\",\"at\":1,\"do\":\"bury\",\"state\":{}}\n", "reviews.jsonl:2: a number with a leading zero (write 7, not 07) (column 8)"),
        ("users/alice/cards.json", "{\"format\":\"srs-progress\",\"version\":1,\"log_records\":0,\"log_bytes\":0,\"cards\":[\n[\"c1\",01,1,2.5,1,0,1,1,0,0]\n]}", "cards.json:2: a number with a leading zero"),
        // A state that does not read is reported after the rest of its record or column, as always.
        ("users/alice/reviews.jsonl", "{\"format\":\"srs-review-log\",\"version\":2}\n{\"id\":\"a\",\"at\":1,\"do\":\"bury\",\"scheduler\":\"anki\",\"state\":{\"due\":1,\"type\":\"bogus\"}}\n", "reviews.jsonl:2: a record without id, card, at, do or state"),
        ("users/alice/cards.json", "{\"format\":\"srs-progress\",\"version\":2,\"log_records\":0,\"log_bytes\":0,\"cards\":[\n[\"c1\",null,null,null,null,null,1,1,0,0,{\"scheduler\":\"anki\",\"state\":{\"due\":1,\"type\":\"bogus\"},\"x\":01}]\n]}", "cards.json:2: a number with a leading zero"),
        ("users/alice/cards.json", "{\"format\":\"srs-progress\",\"version\":2,\"log_records\":0,\"log_bytes\":0,\"cards\":[\n[\"c1\",null,null,null,null,null,1,1,0,0,{\"scheduler\":\"anki\",\"state\":{\"due\":1,\"type\":\"bogus\"}}]\n]}", "cards.json:2: an anki state needs type"),
        // Nesting no srs file has, in a member srs skips: refused at depth 512, not a stack overflow (exit 139).
        ("users/alice/reviews.jsonl", "{\"format\":\"srs-review-log\",\"version\":2,\"x\":" + ProgressStoreTests.deep + "}\n", "reviews.jsonl:1: not an srs review log"),
        ("users/alice/reviews.jsonl", "{\"format\":\"srs-review-log\",\"version\":2}\n{\"id\":\"a\",\"card\":\"c\",\"at\":1,\"do\":\"bury\",\"x\":" + ProgressStoreTests.deep + ",\"state\":{}}\n", "reviews.jsonl:2: nesting deeper than 512 (column 557)"),
        ("users/alice/reviews.jsonl", "{\"format\":\"srs-review-log\",\"version\":2}\n{\"id\":\"a\",\"card\":\"c\",\"at\":1,\"do\":\"bury\",\"scheduler\":\"anki\",\"state\":{\"x\":" + ProgressStoreTests.deep + "}}\n", "reviews.jsonl:2: nesting deeper than 512"),
        ("users/alice/cards.json", "{\"format\":\"srs-progress\",\"version\":2,\"x\":" + ProgressStoreTests.deep + ",\"cards\":[]}", "cards.json:1: nesting deeper than 512 (column 554)"),
        ("users/alice/cards.json", "{\"format\":\"srs-progress\",\"version\":2,\"log_records\":0,\"log_bytes\":0,\"cards\":[\n[\"c1\",null,null,null,null,null,1,1,0,0,{\"scheduler\":\"anki\",\"state\":{\"x\":" + ProgressStoreTests.deep + "}}]\n]}", "cards.json:2: nesting deeper than 512 (column 584)"),
    ])
    func aDamagedOrNewerFileIsRefusedAndLeftUntouched(file: String, content: String, message: String) throws {
        let dir = TempDir()
        try dir.write(file, content)
        for open in [{ try ProgressStore.openReadOnly(dir.location()) }, { try ProgressStore.openForReview(dir.location()) }] {
            do {
                _ = try open()
                Issue.record("opened a damaged \(file)")
            } catch let error as StoreError {
                #expect(error.exitCode == 65)
                #expect(error.description.contains(message), "\(error.description)")
                #expect(error.description.contains(dir.path + "/" + file))
            }
            #expect(dir.bytes(file) == Data(content.utf8))
        }
    }

    @Test func aLogCutShortBehindTheSnapshotIsReported() throws {
        let dir = TempDir()
        let store = OpenProgress(try ProgressStore.openForReview(dir.location()), clock: clock)
        try store.answer("c1", .good, at: t0)
        try store.answer("c2", .good, at: t0 + 1)
        store.close()
        let log = try #require(dir.bytes("users/alice/reviews.jsonl"))
        let cut = log.prefix(log.count - 20)
        try cut.write(to: URL(fileURLWithPath: store.store.logPath))
        #expect(throws: StoreError.self) { try ProgressStore.openReadOnly(dir.location()) }
        #expect(dir.bytes("users/alice/reviews.jsonl") == cut)
    }

    @Test func undoRestoresTheStateExactlyAndLeavesTheHistory() throws {
        let dir = TempDir()
        let store = OpenProgress(try ProgressStore.openForReview(dir.location()), clock: clock)
        try store.answer("c1", .good, at: t0)
        let before = store.cards
        let record = try store.answer("c1", .again, at: t0 + 86_400)
        let undo = try store.undo(at: t0 + 86_401)
        #expect(undo?.action == .undo(undoes: record.id) && undo?.after == before[CardID("c1")])
        #expect(store.cards == before)
        let first = try store.answer("c2", .good, at: t0 + 86_402)
        #expect(try store.undo(at: t0 + 86_403)?.action == .undo(undoes: first.id))
        #expect(store.cards[CardID("c2")] == nil)
        store.close()
        let history = try ProgressStore.openReadOnly(dir.location()).history()
        #expect(history.events.count == 1)
        #expect(history.events.first?.grade == .good)
    }

    @Test func historyCarriesIntervalsAndIsTheSameFromTheCache() throws {
        let dir = TempDir()
        let store = OpenProgress(try ProgressStore.openForReview(dir.location()), clock: clock)
        try store.answer("c1", .good, at: t0)
        try store.answer("c1", .good, at: t0 + 86_400)
        let first = try store.store.history()
        #expect(first.events.map(\.intervalBefore) == [0, 1])
        #expect(first.events.map(\.intervalAfter) == [1, 6])
        #expect(first.events.map(\.kind) == [.learn, .review])
        #expect(FileManager.default.fileExists(atPath: store.store.historyCachePath))
        try store.answer("c1", .again, at: t0 + 7 * 86_400)
        let second = try store.store.history()
        #expect(second.events.map(\.intervalBefore) == [0, 1, 6])
        try FileManager.default.removeItem(atPath: store.store.historyCachePath)
        #expect(try store.store.history() == second)
    }
}

/// Each scheduler's own state goes into the log and the snapshot and comes back exactly.
@Suite struct SchedulerStateStorageTests {
    let t0: EpochSeconds = 1_764_475_200

    @Test(arguments: ["anki", "fsrs", "sm2"])
    func statesSurviveTheLogAndTheSnapshot(name: String) throws {
        let dir = TempDir()
        let scheduler = try #require(Schedulers.named(name, fuzz: true))
        let store = OpenProgress(try ProgressStore.openForReview(dir.location()), scheduler: scheduler)
        let grades: [Grade] = [.good, .good, .again, .hard, .good, .easy, .good]
        var time = t0
        for (i, grade) in grades.enumerated() {
            try store.answer("c\(i % 3)", grade, at: time)
            time += [600, 86_400 * 3, 60][i % 3]
        }
        try store.book.bury(CardID("c1"), at: time, mark: NoMark(), appending: store.store.append)
        let expected = store.cards
        #expect(expected.values.allSatisfy { $0.state?.schedulerName == name })
        let log = String(decoding: dir.bytes("users/alice/reviews.jsonl") ?? Data(), as: UTF8.self)
        #expect(log.components(separatedBy: "\"scheduler\":\"\(name)\"").count == grades.count + 2)
        store.close()
        #expect(try ProgressStore.openReadOnly(dir.location()).takeCards() == expected)
        try FileManager.default.removeItem(atPath: store.store.snapshotPath)
        #expect(try ProgressStore.openReadOnly(dir.location()).takeCards() == expected)
    }

    /// The snapshot's rows as srs writes them take the fast row reader; the same rows laid out by
    /// hand (blanks, the state column's members in the other order) take the general reader.
    /// Both give the same states.
    @Test(arguments: ["anki", "fsrs", "sm2"])
    func handEditedSnapshotRowsReadTheSame(name: String) throws {
        let dir = TempDir()
        let store = OpenProgress(try ProgressStore.openForReview(dir.location()), scheduler: try #require(Schedulers.named(name, fuzz: true)))
        for (i, grade) in [Grade.good, .again, .good, .easy, .hard].enumerated() {
            try store.answer("c\(i % 2)", grade, at: t0 + EpochSeconds(i) * 90_000)
        }
        try store.book.suspend(CardID("new"), at: t0, mark: NoMark(), appending: store.store.append)
        let expected = store.cards
        store.close()
        let path = "users/alice/cards.json"
        let written = String(decoding: dir.bytes(path) ?? Data(), as: UTF8.self)
        let rows = written.split(separator: "\n").filter { $0.hasPrefix("[\"") }
        #expect(rows.count == 3)
        let edited = written.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard line.hasPrefix("[\"") else { return String(line) }
            var row = line.replacingOccurrences(of: ",", with: " , ")
            if let column = row.range(of: "{\"scheduler\" : \"\(name)\" , \"state\":") {
                row.replaceSubrange(column, with: "{ \"state\":")
                row = row.replacingOccurrences(of: "}}]", with: "} , \"scheduler\":\"\(name)\"}]")
            }
            return row
        }.joined(separator: "\n")
        #expect(edited != written)
        try dir.write(path, edited)
        #expect(try ProgressStore.openReadOnly(dir.location()).takeCards() == expected)
    }
}
