import Foundation
import Testing

/// `srs import FILE.apkg|.colpkg` with the packages the official `anki` package made (issue 12.2).
@Suite struct AnkiImportCommandTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("SRSAnkiTests/Fixtures")

    static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

    static let deckFiles = ["Geography.deck", "Languages::French.deck", "Science.deck", "Science::Physics.deck"]

    @Test(arguments: ["sm2.apkg", "sm2-legacy.apkg", "sm2.colpkg", "fsrs-legacy.colpkg"])
    func everyCardBecomesAnSrsCard(package: String) throws {
        let data = TempFolder()
        let run = try SRSProcess.run(["import", Self.fixture(package), "--data-dir", data.path, "--user", "ann"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains(": 16 cards converted\n  note type Basic: 4\n  note type Basic (and reversed card): 4\n"))
        #expect(run.stdout.contains("  deck Languages::French: 6\n  deck Science: 6\n  deck Science::Physics: 1\n"))
        #expect(run.stdout.hasSuffix("0 warnings\n"))
        let decks = try FileManager.default.contentsOfDirectory(atPath: data.path + "/decks").sorted()
        #expect(decks == Self.deckFiles)
        let listing = try SRSProcess.run(["decks", "--data-dir", data.path, "--user", "ann"])
        #expect(listing.status == 0)
        guard package.hasPrefix("sm2") else { return } // the FSRS fixtures carry no media
        #expect(run.stdout.contains("  3 media files copied to \(data.path)/media\n"))
        let media = try FileManager.default.contentsOfDirectory(atPath: data.path + "/media").sorted()
        #expect(media == ["bell.wav", "café tiles.png", "cat.png"])
    }

    @Test func mediaNamesThatEscapeStopTheImport() throws {
        let data = TempFolder()
        for package in ["hostile-media.apkg", "hostile-media-legacy.apkg"] {
            let run = try SRSProcess.run(["import", Self.fixture(package), "--data-dir", data.path, "--user", "ann"])
            #expect(run.status == 65)
            #expect(run.stderr.contains("could escape the media folder"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: data.path).isEmpty)
    }

    /// `control-media-names.apkg`: sm2-legacy with its three media named with a tab, an escape
    /// and a NUL. Such a name cannot leave the media folder: the file is left out with a warning
    /// and the cards are imported, not the whole package refused.
    @Test func mediaNamesWithControlCharactersAreLeftOutWithAWarning() throws {
        let data = TempFolder()
        let run = try SRSProcess.run(["import", Self.fixture("control-media-names.apkg"), "--data-dir", data.path, "--user", "ann"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains(": 16 cards converted\n"))
        #expect(run.stderr.components(separatedBy: "not copied: it contains a control character\n").count - 1 == 3)
        #expect(!run.stderr.contains("\u{1B}") && !run.stderr.contains("\t") && run.stderr.split(separator: "\n").count == 3)
        #expect(!FileManager.default.fileExists(atPath: data.path + "/media"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: data.path + "/decks").sorted() == Self.deckFiles)
    }

    @Test func aDryRunWritesNothing() throws {
        let data = TempFolder()
        let run = try SRSProcess.run(["import", Self.fixture("sm2.colpkg"), "--dry-run", "--data-dir", data.path, "--user", "ann"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("  3 media files to copy (dry run)\n  history: 16 reviews to add (dry run); 9 card states to set as Anki holds them\n"
            + "  scheduler anki, day starts at 4:00, the collection's deck options (own options for Languages, Languages::French)\n"
            + "  wrote 3 cards to deck Geography (dry run)\n"))
        #expect(!FileManager.default.fileExists(atPath: data.path + "/decks"))
        #expect(!FileManager.default.fileExists(atPath: data.path + "/users"))
        #expect(!FileManager.default.fileExists(atPath: data.path + "/media"))
    }

    @Test func aReimportUpdatesInsteadOfDuplicating() throws {
        let data = TempFolder()
        let args = ["--data-dir", data.path, "--user", "ann"]
        #expect(try SRSProcess.run(["import", Self.fixture("sm2.apkg")] + args).status == 0)
        let first = try Self.deckFiles.map { try String(contentsOfFile: data.path + "/decks/" + $0, encoding: .utf8) }
        // The other generation of the same collection: the same notes (guids), so the same ids.
        #expect(try SRSProcess.run(["import", Self.fixture("sm2-legacy.apkg")] + args).status == 0)
        let second = try Self.deckFiles.map { try String(contentsOfFile: data.path + "/decks/" + $0, encoding: .utf8) }
        #expect(first == second)
        let geography = first[0]
        #expect(geography.contains("type: cloze\nquestion: {{c1::Paris::city}} is the capital of {{c2::France}}.\ncloze: 2\n"))
        #expect(geography.contains("tags: capitals cloze\n"))
    }

    @Test func deckParentIncludesItsChildren() throws {
        let data = TempFolder()
        let run = try SRSProcess.run(["import", Self.fixture("sm2.apkg"), "--deck", "science", "--data-dir", data.path, "--user", "ann"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: data.path + "/decks").sorted() == ["Science.deck", "Science::Physics.deck"])
        let physics = try String(contentsOfFile: data.path + "/decks/Science::Physics.deck", encoding: .utf8)
        #expect(physics.contains("answer: [sound: bell.wav] a bell\n"))
    }

    /// `deck-case.apkg`: sm2-legacy with deck Science::Physics renamed `science`. The two names
    /// are one deck (one file): its 7 cards are all kept, none lost to the file written twice.
    @Test func deckNamesDifferingOnlyInCaseAreOneDeck() throws {
        let data = TempFolder()
        let run = try SRSProcess.run(["import", Self.fixture("deck-case.apkg"), "--data-dir", data.path, "--user", "ann"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr == "warning: Anki decks 'Science' and 'science' differ only in case: one deck 'Science', as in Anki\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: data.path + "/decks").sorted()
            == ["Geography.deck", "Languages::French.deck", "Science.deck"])
        let science = try String(contentsOfFile: data.path + "/decks/Science.deck", encoding: .utf8)
        #expect(science.components(separatedBy: "\ncard: ").count - 1 == 7)
        #expect(try SRSProcess.run(["decks", "--check", "--data-dir", data.path, "--user", "ann"]).status == 0)
    }

    @Test func badPackagesExit65AndWriteNothing() throws {
        let data = TempFolder()
        let notZip = data.path + "/broken.apkg"
        try Data("not a zip at all".utf8).write(to: URL(fileURLWithPath: notZip))
        let run = try SRSProcess.run(["import", notZip, "--data-dir", data.path, "--user", "ann"])
        #expect(run.status == 65)
        #expect(run.stderr.hasPrefix("Error: \(notZip): "))
        #expect(run.stderr.hasSuffix("Nothing was written.\n"))
        let bomb = try SRSProcess.run(["import", Self.fixture("sm2.apkg"), "--max-entry-size", "1000", "--data-dir", data.path, "--user", "ann"])
        #expect(bomb.status == 65)
        #expect(bomb.stderr.contains("raise the limit with --max-entry-size or --max-ratio"))
        #expect(!FileManager.default.fileExists(atPath: data.path + "/decks"))
        let zero = try SRSProcess.run(["import", Self.fixture("sm2.apkg"), "--max-ratio", "0", "--data-dir", data.path])
        #expect(zero.status == 64)
    }

    /// `--json` describes quiz text only: with a package or a notes file it is a usage error, not
    /// ignored with the text report on standard output (an outside review), and nothing is written.
    @Test(arguments: ["sm2.apkg", "csv/quoted.csv"])
    func jsonWithAnAnkiFileIsAUsageError(name: String) throws {
        let data = TempFolder()
        let run = try SRSProcess.run(["import", Self.fixture(name), "--json", "--data-dir", data.path, "--user", "ann"])
        #expect(run.status == 64)
        #expect(run.stdout == "")
        #expect(run.stderr.contains("--json describes quiz text only"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: data.path + "/decks"))
    }
}

/// `srs import notes.csv|.tsv|.txt` (issue 12.5), with the files Anki's importer was checked on.
@Suite struct NotesFileImportTests {
    static func fixture(_ name: String) -> String { AnkiImportCommandTests.fixture("csv/" + name) }

    @Test func headersNameTheDeckAndTheTags() throws {
        let data = TempFolder()
        let run = try SRSProcess.run(["import", Self.fixture("headers.txt"), "--data-dir", data.path, "--user", "ann"])
        #expect(run.status == 0, "\(run.stderr)")
        let deck = try String(contentsOfFile: data.path + "/decks/Languages::French.deck", encoding: .utf8)
        #expect(deck.contains("type: basic\nquestion: le chat\nanswer: the cat\ntags: imported french animals\n"))
        // Again: the same ids, so the same file.
        #expect(try SRSProcess.run(["import", Self.fixture("headers.txt"), "--data-dir", data.path, "--user", "ann"]).status == 0)
        #expect(try String(contentsOfFile: data.path + "/decks/Languages::French.deck", encoding: .utf8) == deck)
    }

    @Test func aPlainFileIsFrontAndBackInTheDeckOfItsName() throws {
        let data = TempFolder()
        let run = try SRSProcess.run(["import", Self.fixture("quoted.csv"), "--data-dir", data.path, "--user", "ann"])
        #expect(run.status == 0)
        #expect(run.stderr == "warning: \(Self.fixture("quoted.csv")): line 3: a basic note needs a front and a back (two fields); skipped\n")
        let deck = try String(contentsOfFile: data.path + "/decks/quoted.deck", encoding: .utf8)
        #expect(deck.contains("question: a, b\nanswer: say \"hi\"\n"))
    }

    @Test func clozeNotesPerNotetypeHeader() throws {
        let data = TempFolder()
        let file = data.path + "/notes.txt"
        try "#notetype:Cloze\n#deck:Geo\n{{c1::Paris}} is in {{c2::France}}\tcapital\n".write(toFile: file, atomically: true, encoding: .utf8)
        let run = try SRSProcess.run(["import", file, "--data-dir", data.path, "--user", "ann"])
        #expect(run.status == 0, "\(run.stderr)")
        let deck = try String(contentsOfFile: data.path + "/decks/Geo.deck", encoding: .utf8)
        #expect(deck.contains("cloze: 1\nexplanation: capital\n") && deck.contains("cloze: 2\nexplanation: capital\n"))
    }

    @Test func formatOverridesTheGuess() throws {
        let data = TempFolder()
        let file = data.path + "/two.txt"
        try "front one,back one\n".write(toFile: file, atomically: true, encoding: .utf8)
        // No tab and no header: quiz text by default, which finds no items.
        #expect(try SRSProcess.run(["import", file, "--data-dir", data.path, "--user", "ann"]).status == 65)
        let run = try SRSProcess.run(["import", file, "--format", "csv", "--deck", "mine", "--data-dir", data.path, "--user", "ann"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try String(contentsOfFile: data.path + "/decks/mine.deck", encoding: .utf8).contains("question: front one\nanswer: back one\n"))
    }
}
