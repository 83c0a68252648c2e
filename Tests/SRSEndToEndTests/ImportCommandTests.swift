import Foundation
import Testing

/// Quiz files for the import tests: the samples in `decks/sources/` and texts written here.
enum ImportFixtures {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("decks/sources")
    static var original: String { sources.appendingPathComponent("000_84106cf2ef55100a.txt").path }
    static var linearAlgebra: String { sources.appendingPathComponent("linear-algebra.txt").path }

    static func write(_ text: String, named name: String, in folder: TempFolder) throws -> String {
        let path = folder.url.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func run(_ arguments: [String], in folder: TempFolder) throws -> SRSProcess.Result {
        try SRSProcess.run(arguments, environment: ["SRS_DATA_DIR": folder.path + "/data", "SRS_USER": "tester"])
    }

    static func deckFile(_ name: String, in folder: TempFolder) -> String { folder.path + "/data/decks/\(name).deck" }
}

@Suite struct ImportCommandTests {
    @Test func importsTheOriginalSampleAndReportsTypesAndKeys() throws {
        let folder = TempFolder()
        let result = try ImportFixtures.run(["import", ImportFixtures.original, "--deck", "ntk", "--infer-keys"], in: folder)
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdout == """
            \(ImportFixtures.original) → deck "ntk": 4 items (2 multiple choice, 1 true/false, 1 short answer)
              keys: 0 written, 0 stated, 2 inferred (1: B 0.62, 4: D 1.0), 0 corrected, 0 kept, 0 none
              4 questions are already in other decks: item 1 in deck "neural-tangent-kernel" as card ff9ad89ce50d, item 2 in deck "neural-tangent-kernel" as card 2e702c5173c6, item 3 in deck "neural-tangent-kernel" as card 319fd5ca516b, item 4 in deck "neural-tangent-kernel" as card d13552a9b29d
              wrote \(ImportFixtures.deckFile("ntk", in: folder)): 4 new, 0 updated, 0 unchanged, 0 removed

            """)
    }

    /// Without `--infer-keys` an explanation's words give no key: the warning names the option
    /// they point to and how to take it (issue 11: a wrong key is worse than none).
    @Test func keysAreOnlyTakenWhenStatedUnlessAsked() throws {
        let folder = TempFolder()
        let result = try ImportFixtures.run(["import", ImportFixtures.original, "--deck", "ntk", "--dry-run"], in: folder)
        #expect(result.status == 0)
        #expect(result.stdout.contains("  keys: 0 written, 0 stated, 0 inferred, 0 corrected, 0 kept, 2 none, self-graded (1, 4)\n"), "\(result.stdout)")
        #expect(result.stderr.contains("""
            \(ImportFixtures.original):1: warning: no answer key: the explanation does not state one (its words point to B, \
            confidence 0.62, but srs does not guess keys unless asked); the card will be self-graded. Add `Answer: X` after \
            the options, import with `--key 1=B` if B is right, or with `--infer-keys` to take every such guess
            """), "\(result.stderr)")
    }

    @Test func reimportUpdatesInsteadOfDuplicating() throws {
        let folder = TempFolder()
        #expect(try ImportFixtures.run(["import", ImportFixtures.linearAlgebra], in: folder).status == 0)
        let first = try String(contentsOfFile: ImportFixtures.deckFile("linear-algebra", in: folder), encoding: .utf8)
        let again = try ImportFixtures.run(["import", ImportFixtures.linearAlgebra], in: folder)
        #expect(again.status == 0)
        #expect(again.stdout.hasSuffix(": 0 new, 0 updated, 4 unchanged, 0 removed\n"))
        #expect(try String(contentsOfFile: ImportFixtures.deckFile("linear-algebra", in: folder), encoding: .utf8) == first)
    }

    @Test func keyOptionSetsAnExplicitKey() throws {
        let folder = TempFolder()
        let result = try ImportFixtures.run(["import", ImportFixtures.original, "--deck", "ntk", "--key", "1=B", "--key", "4=d", "--dry-run"], in: folder)
        #expect(result.status == 0)
        #expect(result.stdout.contains("  keys: 0 written, 0 stated, 0 inferred, 2 corrected (1: B, 4: D), 0 kept, 0 none\n"))
        #expect(result.stdout.contains("  dry run, nothing written: 4 new"))
        #expect(!FileManager.default.fileExists(atPath: ImportFixtures.deckFile("ntk", in: folder)))
    }

    @Test func jsonOutputFollowsTheSchema() throws {
        let folder = TempFolder()
        let result = try ImportFixtures.run(["import", ImportFixtures.linearAlgebra, "--deck", "la", "--json", "--dry-run", "--infer-keys"], in: folder)
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["version"] as? Int == 2)
        let file = try #require((json["files"] as? [[String: Any]])?.first)
        #expect(file["deck"] as? String == "la")
        let items = try #require(file["items"] as? [[String: Any]])
        #expect(items.map { $0["type"] as? String } == ["multiple_choice", "true_false", "short_answer", "multiple_choice"])
        #expect(items.map { $0["line"] as? Int } == [1, 9, 16, 22])
        #expect(items[0]["options"] as? [String] == ["0", "1", "2"])
        #expect(items[0]["key"] as? String == "B")
        #expect(items[0]["key_source"] as? String == "written")
        #expect(items[3]["key_source"] as? String == "inferred")
        #expect(items[1]["answer"] as? Bool == false)
        #expect((items[2]["model_answer"] as? String)?.hasPrefix("No vector in the set") == true)
        #expect(items.allSatisfy { ($0["id"] as? String)?.count == 12 })
    }

    @Test func malformedItemsStopTheImportWithFileLineAndExit65() throws {
        let folder = TempFolder()
        let quiz = try ImportFixtures.write("Question 1 True / False\nIs it?\nTTrue\nFFalse\n\nQuestion 2 Short Answer\nWhy?\nModel answer: So.\n",
                                            named: "bad.txt", in: folder)
        let result = try ImportFixtures.run(["import", quiz], in: folder)
        #expect(result.status == 65)
        #expect(result.stdout == "")
        #expect(result.stderr == """
            \(quiz):1: true/false item has no answer; add a line `Answer: True` or `Answer: False` after the true/false lines
            Error: 1 invalid item; nothing was written. Fix them, or use --skip-invalid to import the valid items.

            """)
        #expect(!FileManager.default.fileExists(atPath: ImportFixtures.deckFile("bad", in: folder)))
    }

    @Test func skipInvalidImportsTheValidItems() throws {
        let folder = TempFolder()
        let quiz = try ImportFixtures.write("Question 1 True / False\nIs it?\nTTrue\nFFalse\n\nQuestion 2 Short Answer\nWhy?\nModel answer: So.\n",
                                            named: "bad.txt", in: folder)
        let result = try ImportFixtures.run(["import", quiz, "--skip-invalid"], in: folder)
        #expect(result.status == 0)
        #expect(result.stderr.hasPrefix("\(quiz):1: warning: skipped invalid item: true/false item has no answer"))
        #expect(result.stdout.contains("deck \"bad\": 1 item (1 short answer)"))
    }

    @Test func aFailedImportLeavesTheExistingDeckUntouched() throws {
        let folder = TempFolder()
        let path = try ImportFixtures.write("Question 1 Short Answer\nWhy?\nModel answer: So.\n", named: "q.txt", in: folder)
        #expect(try ImportFixtures.run(["import", path], in: folder).status == 0)
        let before = try String(contentsOfFile: ImportFixtures.deckFile("q", in: folder), encoding: .utf8)
        _ = try ImportFixtures.write("Question 1 Short Answer\nWhy?\n", named: "q.txt", in: folder)
        #expect(try ImportFixtures.run(["import", path], in: folder).status == 65)
        #expect(try String(contentsOfFile: ImportFixtures.deckFile("q", in: folder), encoding: .utf8) == before)
    }

    @Test(arguments: [
        (["import", "/nonexistent/quiz.txt"], Int32(66), "Error: quiz file not found: /nonexistent/quiz.txt\n"),
        (["import", "a.txt", "b.txt", "--deck", "x"], Int32(64), "--deck names one deck"),
        (["import", "a.txt", "--key", "4"], Int32(64), "--key 4: write N=X"),
    ] as [([String], Int32, String)])
    func usageAndMissingInput(arguments: [String], status: Int32, message: String) throws {
        let result = try ImportFixtures.run(arguments, in: TempFolder())
        #expect(result.status == status)
        #expect(result.stderr.contains(message))
    }

    @Test func keyNamingAMissingOptionIsAUsageError() throws {
        let result = try ImportFixtures.run(["import", ImportFixtures.linearAlgebra, "--key", "1=D"], in: TempFolder())
        #expect(result.status == 64)
        #expect(result.stderr == "Error: --key 1=D: item 1 has options A to C only\n")
    }

    @Test func terminalEscapesInQuizTextNeverReachTheOutput() throws {
        let folder = TempFolder()
        let quiz = try ImportFixtures.write("Question 1 Multiple Choice\nPick\u{1B}[2J.\nA\u{1B}]0;x\u{07}one\nBtwo\n", named: "esc.txt", in: folder)
        let result = try ImportFixtures.run(["import", quiz], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("\u{1B}") && !result.stderr.contains("\u{1B}"))
        let deck = try String(contentsOfFile: ImportFixtures.deckFile("esc", in: folder), encoding: .utf8)
        #expect(!deck.contains("\u{1B}") && deck.contains("question: Pick\u{241B}[2J."))
    }
}

@Suite struct ImportSeveralFilesTests {
    @Test func keysNameTheirFileAndEachFileIsItsOwnDeck() throws {
        let folder = TempFolder()
        let result = try ImportFixtures.run(["import", ImportFixtures.linearAlgebra, ImportFixtures.original,
                                             "--key", "000_84106cf2ef55100a.txt:1=B", "--infer-keys"], in: folder)
        #expect(result.status == 0)
        #expect(result.stdout.contains("deck \"linear-algebra\": 4 items"))
        #expect(result.stdout.contains("deck \"000_84106cf2ef55100a\": 4 items"))
        #expect(result.stdout.contains("  keys: 0 written, 0 stated, 1 inferred (4: D 1.0), 1 corrected (1: B), 0 kept, 0 none\n"))
        #expect(FileManager.default.fileExists(atPath: ImportFixtures.deckFile("000_84106cf2ef55100a", in: folder)))
    }

    /// The same quiz under another name: imported as a deck of its own, and reported with the
    /// deck that already holds its questions.
    @Test func questionsAlreadyInAnotherDeckAreReported() throws {
        let folder = TempFolder()
        let result = try ImportFixtures.run(["import", ImportFixtures.linearAlgebra, "--deck", "copy", "--json"], in: folder)
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let items = try #require((json["files"] as? [[String: Any]])?.first?["items"] as? [[String: Any]])
        #expect(items.map { ($0["also_in"] as? [String: Any])?["deck"] as? String } == Array(repeating: "linear-algebra", count: 4))
        #expect((items[0]["also_in"] as? [String: Any])?["card"] as? String == "89fc2ab78841")
        let text = try ImportFixtures.run(["import", ImportFixtures.linearAlgebra, "--deck", "copy", "--dry-run"], in: folder)
        #expect(text.stdout.contains("  4 questions are already in other decks: item 1 in deck \"linear-algebra\" as card 89fc2ab78841, "))
    }

    @Test func aBareKeyWithSeveralFilesIsAUsageError() throws {
        let result = try ImportFixtures.run(["import", ImportFixtures.linearAlgebra, ImportFixtures.original, "--key", "1=B"],
                                            in: TempFolder())
        #expect(result.status == 64)
        #expect(result.stderr == "Error: --key 1=…: with several files, say which: --key FILE:1=X.\n")
    }

    /// The shipped deck's checked key (item 4 = A) survives importing its quiz text, where that
    /// key is only inferred, and the report says where it was kept from; ids stay those of the
    /// shipped deck.
    @Test func importingAShippedDecksQuizKeepsItsIdsAndCheckedKeys() throws {
        let folder = TempFolder()
        let result = try ImportFixtures.run(["import", ImportFixtures.linearAlgebra, "--json"], in: folder)
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let items = try #require((json["files"] as? [[String: Any]])?.first?["items"] as? [[String: Any]])
        let shipped = try String(contentsOf: ImportFixtures.sources.deletingLastPathComponent()
            .appendingPathComponent("linear-algebra.deck"), encoding: .utf8)
        try #require(items.count == 4)
        for item in items { #expect(shipped.contains("card: \(item["id"] as? String ?? "?")\n")) }
        #expect(items[3]["key_source"] as? String == "kept")
        let keptFrom = items[3]["key_kept_from"] as? [String: Any]
        #expect(keptFrom?["deck"] as? String == "linear-algebra")
        #expect(keptFrom?["shipped"] as? Bool == true)
        let again = try ImportFixtures.run(["import", ImportFixtures.linearAlgebra], in: folder)
        #expect(again.status == 0)
        #expect(again.stdout.contains("  keys: 1 written (1), 0 stated, 0 inferred, 0 corrected, 1 kept (4: A from imported deck \"linear-algebra\"), 0 none\n"))
        #expect(again.stdout.hasSuffix(": 0 new, 0 updated, 4 unchanged, 0 removed\n"))
    }
}
