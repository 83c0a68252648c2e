import Foundation
import Testing
import SRSText

@Suite struct DecksCommandTests {
    @Test func freshDataDirectoryListsTheShippedDecks() throws {
        let result = try ImportFixtures.run(["decks"], in: TempFolder())
        #expect(result.status == 0)
        #expect(result.stdout == """
            DECK                   CARDS    NEW    DUE  ORIGIN
            linear-algebra             4      4      0  shipped
            neural-tangent-kernel      4      4      0  shipped
            spaced-repetition         24     24      0  shipped

            """)
    }

    @Test func columnsStayAlignedWithWideNamesAndSixDigitCounts() throws {
        let folder = TempFolder()
        try FileManager.default.createDirectory(atPath: folder.path + "/data/decks", withIntermediateDirectories: true)
        // Each deck its own ids: two decks holding one id are refused (issue 9, point 9).
        func write(_ name: String, cards: Int) throws {
            var text = "srs-deck 1\n"
            for n in 0..<cards { text += "\ncard: c\(name.count)-\(n)\ntype: true_false\nquestion: q \(n)\nanswer: true\n" }
            try Data(text.utf8).write(to: URL(fileURLWithPath: ImportFixtures.deckFile(name, in: folder)))
        }
        try write("日本語の単語", cards: 100_000)
        try write("emoji 👨‍👩‍👧❤️", cards: 1)
        let result = try ImportFixtures.run(["decks"], in: folder)
        #expect(result.status == 0)
        #expect(result.stdout == """
            DECK                    CARDS     NEW    DUE  ORIGIN
            emoji 👨‍👩‍👧❤️                  1       1      0  imported
            linear-algebra              4       4      0  shipped
            neural-tangent-kernel       4       4      0  shipped
            spaced-repetition          24      24      0  shipped
            日本語の単語           100000  100000      0  imported

            """)
        // Every line is as wide up to its origin, by the one width rule.
        let lines = result.stdout.split(separator: "\n").map { $0.components(separatedBy: "  ").dropLast().joined(separator: "  ") }
        #expect(Set(lines.map { Columns.width($0) }).count == 1, "\(lines)")
    }

    @Test func importedDecksJoinAndHideShippedOnesOfTheSameName() throws {
        let folder = TempFolder()
        #expect(try ImportFixtures.run(["import", ImportFixtures.original, "--deck", "Neural-Tangent-Kernel"], in: folder).status == 0)
        #expect(try ImportFixtures.run(["import", ImportFixtures.linearAlgebra, "--deck", "mine"], in: folder).status == 0)
        let result = try ImportFixtures.run(["decks", "--json"], in: folder)
        #expect(result.status == 0)
        #expect(result.stdout == """
            {"version": 1, "decks": [
              {"name": "linear-algebra", "origin": "shipped", "cards": 4, "new": 4, "due": 0},
              {"name": "mine", "origin": "imported", "cards": 4, "new": 4, "due": 0},
              {"name": "neural-tangent-kernel", "origin": "imported", "cards": 4, "new": 4, "due": 0},
              {"name": "spaced-repetition", "origin": "shipped", "cards": 24, "new": 24, "due": 0}
            ]}

            """)
    }

    @Test func aCopiedBinaryStillHasTheShippedDecks() throws {
        let folder = TempFolder()
        let copy = folder.url.appendingPathComponent("srs-copy")
        // Copied by `cp`, not in this process: a file open for writing here would be inherited by
        // the processes other tests start meanwhile, and exec would then fail with ETXTBSY.
        let cp = Process()
        cp.executableURL = URL(fileURLWithPath: "/bin/cp")
        cp.arguments = [SRSProcess.binary.path, copy.path]
        try cp.run()
        cp.waitUntilExit()
        try #require(cp.terminationStatus == 0)
        let process = Process()
        process.executableURL = copy
        process.arguments = ["decks"]
        process.environment = ["SRS_DATA_DIR": folder.path + "/data", "SRS_USER": "tester", "HOME": folder.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(text.contains("spaced-repetition         24     24      0  shipped"))
    }

    /// `srs decks` reads only the `card:` lines (issue 8, point 5: at most 150 ms at 100,000
    /// cards); `--check` reads every card, as it did before.
    @Test func aDamagedDeckFileIsExit65WithItsLineUnderCheck() throws {
        let folder = TempFolder()
        try FileManager.default.createDirectory(atPath: folder.path + "/data/decks", withIntermediateDirectories: true)
        try Data("srs-deck 1\ncard: a\ntype: wrong\nquestion: q\n".utf8).write(to: URL(fileURLWithPath: ImportFixtures.deckFile("x", in: folder)))
        let listed = try ImportFixtures.run(["decks"], in: folder)
        #expect(listed.status == 0)
        #expect(listed.stdout.contains("\nx" + String(repeating: " ", count: 20) + "      1      1      0  imported\n"))
        let result = try ImportFixtures.run(["decks", "--check"], in: folder)
        #expect(result.status == 65)
        #expect(result.stderr == "Error: \(ImportFixtures.deckFile("x", in: folder)):3: unknown type `wrong`. The file was left untouched. Use multiple_choice, true_false, short_answer, basic, reverse, cloze or type_in.\n")
    }
}
