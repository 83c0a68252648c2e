import Foundation
import SRSAnki
import SRSCore
import Testing

/// `srs export FILE.apkg|FILE.csv` (issue 12.6), run as the built binary.
@Suite struct AnkiExportCommandTests {
    /// Made by scripts/anki-round-trip.sh --fixture: an srs data directory (every card kind, answers
    /// at fixed times) and the official `anki` package's reading of its export at the frozen time.
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/anki-export")
    static let asOf = "2026-03-05T12:00:00Z"

    /// A copy of the fixture's data directory, and the arguments that use it.
    static func data() throws -> (TempFolder, [String]) {
        let folder = TempFolder()
        try FileManager.default.copyItem(at: fixture.appendingPathComponent("data"), to: folder.url.appendingPathComponent("data"))
        return (folder, ["--data-dir", folder.path + "/data", "--user", "alice"])
    }

    static func export(_ arguments: [String]) throws -> SRSProcess.Result {
        try SRSProcess.run(["export"] + arguments)
    }

    @Test func ankiReadsTheExportAsSrsHoldsIt() throws {
        let (folder, args) = try Self.data()
        let out = folder.path + "/out.apkg"
        let run = try Self.export([out, "--with-progress", "--deck", "Lang", "--deck", "quiz", "--as-of", Self.asOf] + args)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "\(out): 10 cards from 3 decks written, with progress (17 answers).\n")
        let collection = try AnkiPackage.read(Data(contentsOf: URL(fileURLWithPath: out))).collection
        let anki = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: Self.fixture.appendingPathComponent("anki-reading.json"))) as? [String: Any])
        let expectedCards = try #require(anki["cards"] as? [[String: Any]])
        let days = AnkiDays(rolloverHour: 4, timeZone: TimeZone(identifier: "UTC") ?? .current)
        let today = days.today(at: ISOTime.parse(Self.asOf) ?? 0) - days.today(at: EpochSeconds(collection.creation))
        let decks = Dictionary(uniqueKeysWithValues: collection.decks.map { ($0.id, $0.name) })
        let types = Dictionary(uniqueKeysWithValues: collection.notetypes.map { ($0.id, $0.name) })
        let notes = Dictionary(uniqueKeysWithValues: collection.notes.map { ($0.id, $0.notetype) })
        #expect(collection.cards.count == expectedCards.count)
        for (card, expected) in zip(collection.cards, expectedCards) {
            let due: Any = [2, 3].contains(card.queue) ? Int(card.due) - today : NSNull()
            let mine: [String: Any] = [
                "deck": decks[card.deck] ?? "", "notetype": (types[notes[card.note] ?? 0] ?? "") + "+", "ord": card.ord,
                "type": card.type, "queue": card.queue, "due_in_days": due, "ivl": card.interval, "factor": card.factor,
                "reps": card.reps, "lapses": card.lapses,
            ]
            // Anki names a note type it adds beside its own stock type of that name `Name+`.
            var anki = expected
            if let name = anki["notetype"] as? String, !name.hasSuffix("+") { anki["notetype"] = name + "+" }
            #expect(NSDictionary(dictionary: mine) == NSDictionary(dictionary: anki), "card \(card.id)")
        }
        let revlog = collection.revlog.map { row -> [String: Int] in
            ["ease": row.ease, "ivl": Int(row.interval), "lastIvl": Int(row.lastInterval), "factor": row.factor, "time": row.time, "type": row.type]
        }
        #expect(revlog == (anki["revlog"] as? [[String: Int]] ?? []))
        #expect(collection.decks.map(\.name).sorted() == (anki["decks"] as? [String] ?? []))
        #expect(collection.notes.count == anki["notes"] as? Int)
    }

    @Test func anExistingFileIsKeptUnlessForced() throws {
        let (folder, args) = try Self.data()
        let out = folder.path + "/mine.apkg"
        try Data("precious".utf8).write(to: URL(fileURLWithPath: out))
        let refused = try Self.export([out, "--deck", "Quiz"] + args)
        #expect(refused.status == 73)
        #expect(refused.stderr == "Error: \(out) already exists. Nothing was written. Give --force to replace it, or name another file.\n")
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "precious")
        let forced = try Self.export([out, "--deck", "Quiz", "--force"] + args)
        #expect(forced.status == 0)
        #expect(try AnkiPackage.read(Data(contentsOf: URL(fileURLWithPath: out))).collection.cards.count == 4)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["data", "mine.apkg"])
    }

    @Test func aLinkIsNeverWrittenThrough() throws {
        let (folder, args) = try Self.data()
        let target = folder.path + "/target.csv", link = folder.path + "/link.csv"
        try Data("precious".utf8).write(to: URL(fileURLWithPath: target))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        for extra in [[], ["--force"]] {
            let run = try Self.export([link] + extra + args)
            #expect(run.status == 73)
            #expect(run.stderr.hasPrefix("Error: \(link) is a symbolic link, not a plain file: srs does not write through links"))
        }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "precious")
    }

    @Test func aMissingFolderIsExit73AndLeavesNothing() throws {
        let (folder, args) = try Self.data()
        let run = try Self.export([folder.path + "/no/such/out.apkg"] + args)
        #expect(run.status == 73)
        #expect(run.stderr == "Error: cannot create \(folder.path)/no/such/out.apkg: No such file or directory. Nothing was written. Check that the folder exists and is writable, or name another file.\n")
    }

    @Test(arguments: [
        (["out.txt"], 64, "name a file ending in .apkg (an Anki package) or .csv."),
        (["out.apkg", "--log"], 64, "--log writes CSV: name a .csv file."),
        (["out.apkg", "--as-of", "tomorrow"], 64, "--as-of tomorrow is not an ISO 8601 time"),
        (["out.apkg", "--deck", "Nope"], 66, "Error: no deck 'Nope'. `srs decks` lists them.\n"),
    ])
    func badRequestsSayWhatToDo(arguments: [String], status: Int32, message: String) throws {
        let (folder, args) = try Self.data()
        let run = try SRSProcess.run(["export", folder.path + "/" + arguments[0]] + arguments.dropFirst() + args)
        #expect(run.status == status)
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["data"])
    }

    /// `--deck` reads only the chosen decks: a damaged deck that was not chosen stops nothing; one
    /// that was is exit 65.
    @Test func onlyTheChosenDecksAreRead() throws {
        let (folder, args) = try Self.data()
        try Data("not a deck\n".utf8).write(to: URL(fileURLWithPath: folder.path + "/data/decks/Broken.deck"))
        let out = folder.path + "/cards.csv"
        let run = try Self.export([out, "--deck", "lang"] + args)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "\(out): 6 cards from 2 decks written.\n")
        let broken = try Self.export([folder.path + "/broken.csv", "--deck", "Broken"] + args)
        #expect(broken.status == 65, "\(broken.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/broken.csv"))
        let unknown = try Self.export([folder.path + "/none.csv", "--deck", "Nope"] + args)
        #expect(unknown.status == 66 && unknown.stderr == "Error: no deck 'Nope'. `srs decks` lists them.\n")
    }

    @Test func csvHasOneRowACard() throws {
        let (folder, args) = try Self.data()
        let out = folder.path + "/cards.csv"
        let run = try Self.export([out, "--deck", "lang"] + args)
        #expect(run.status == 0)
        #expect(run.stdout == "\(out): 6 cards from 2 decks written.\n")
        #expect(try String(contentsOfFile: out, encoding: .utf8) == """
            deck,card,type,question,answer,options,explanation,tags\r
            Lang,lang-hello,basic,"Hello <world> & ""friends\""\","Line one
            Line two",,,\r
            Lang::French,fr-fly,basic,la mariposa,the butterfly,,,animals\r
            Lang::French,fr-fly-r,reverse,la mariposa,la mariposa,,,animals\r
            Lang::French,fr-cap-1,cloze,{{c1::Paris}} is the capital of {{c2::France::country}}.,Paris is the capital of France.,,Since 987.,\r
            Lang::French,fr-cap-2,cloze,{{c1::Paris}} is the capital of {{c2::France::country}}.,Paris is the capital of France.,,Since 987.,\r
            Lang::French,fr-gold,type_in,Chemical symbol of gold?,Au,,,\r

            """)
    }

    @Test func csvWithProgressAndTheLog() throws {
        let (folder, args) = try Self.data()
        let cards = folder.path + "/cards.csv", log = folder.path + "/log.csv"
        #expect(try Self.export([cards, "--deck", "Quiz", "--with-progress"] + args).status == 0)
        #expect(try String(contentsOfFile: cards, encoding: .utf8) == """
            deck,card,type,question,answer,options,explanation,tags,due,interval,ease,reps,lapses,suspended\r
            Quiz,q-det,multiple_choice,What is the determinant of the 2x2 identity matrix?,B,"A. 0
            B. 1
            C. 2",Ones on the diagonal.,,2026-03-07,4,2.65,3,0,\r
            Quiz,q-nokey,multiple_choice,Which is a prime?,,"A. 4
            B. 7",,,,,,,,\r
            Quiz,q-comm,true_false,Matrix multiplication is commutative.,false,,In general AB != BA.,,2026-03-02,0,,2,0,\r
            Quiz,q-indep,short_answer,What does linear independence mean?,No vector is a linear combination of the others.,,,,2026-03-02,0,,1,0,\r

            """)
        let run = try Self.export([log, "--log", "--deck", "Quiz"] + args)
        #expect(run.stdout == "\(log): 6 answers written.\n")
        let rows = try String(contentsOfFile: log, encoding: .utf8).components(separatedBy: "\r\n")
        #expect(rows.count == 8)
        #expect(rows[0] == "time,deck,card,grade,kind,ms,interval,ease,due")
        #expect(rows[1] == "2026-03-02T10:00:00Z,Quiz,q-det,good,learn,4000,0,,2026-03-02T10:10:00Z")
        #expect(rows[6] == "2026-03-03T09:00:00Z,Quiz,q-det,easy,review,1500,4,2.65,2026-03-07T04:00:00Z")
    }

    @Test func anUndoneAnswerIsNotExported() throws {
        let (folder, args) = try Self.data()
        let log = folder.path + "/data/users/alice/reviews.jsonl"
        // The last answer: fr-fly, practice, on 2026-03-04 (the fixture's record ids are random).
        let last = try #require(try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
            .last { $0.contains(#""card":"fr-fly","at":1772614800"#) })
        let id = try #require(last.split(separator: "\"").dropFirst(3).first)
        let undo = #"{"id":"t-1","card":"fr-fly","at":1772614830,"do":"undo","undoes":""# + id + #"","scheduler":"anki","state":{"due":1772769600,"type":"review","queue":"review","left":0,"ivl":3,"ease":2500,"due_day":20518,"reps":3,"lapses":0,"first":1772445600,"last":1772528400}}"#
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data((undo + "\n").utf8))
        try handle.close()
        let out = folder.path + "/log.csv"
        let run = try Self.export([out, "--log", "--deck", "Lang"] + args)
        #expect(run.stdout == "\(out): 10 answers written.\n", "\(run.stderr)")
        let rows = try String(contentsOfFile: out, encoding: .utf8)
        #expect(!rows.contains("2026-03-04T09:00:00Z"))
        #expect(rows.contains("2026-03-03T09:00:00Z,Lang::French,fr-fly,good,review,2500,3,2.50,2026-03-06T04:00:00Z\r\n"))
    }

    @Test func theMediaTheCardsNameGoIntoThePackage() throws {
        let folder = TempFolder()
        let data = folder.path + "/data"
        let decks = URL(fileURLWithPath: data + "/decks"), media = URL(fileURLWithPath: data + "/media")
        try FileManager.default.createDirectory(at: decks, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: media, withIntermediateDirectories: true)
        try Data("srs-deck 2\n\ncard: cat\ntype: basic\nquestion: What animal? [image: cat.png]\nanswer: a cat [sound: meow.wav]\n".utf8)
            .write(to: decks.appendingPathComponent("pets.deck"))
        try Data([1, 2, 3]).write(to: media.appendingPathComponent("cat.png"))
        let args = ["--data-dir", data, "--user", "ann", "--deck", "pets"]
        let run = try Self.export([folder.path + "/pets.apkg"] + args)
        #expect(run.status == 0, "\(run.stderr)")
        // meow.wav is not in the media folder: the card names it, the package cannot hold it.
        let package = try AnkiPackage.read(Data(contentsOf: URL(fileURLWithPath: folder.path + "/pets.apkg")))
        #expect(package.media.map(\.name) == ["cat.png"])
        #expect(try package.mediaData(package.media[0]) == Data([1, 2, 3]))
        #expect(package.collection.notes.first?.fields == ["What animal? <img src=\"cat.png\">", "a cat [sound:meow.wav]"])

        // A link planted in the media folder is never read through.
        try FileManager.default.removeItem(at: media.appendingPathComponent("cat.png"))
        try FileManager.default.createSymbolicLink(atPath: media.path + "/cat.png", withDestinationPath: "/etc/passwd")
        let planted = try Self.export([folder.path + "/planted.apkg"] + args)
        #expect(planted.status == 65)
        #expect(planted.stderr.contains("media/cat.png is a symbolic link, not a plain file"))
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/planted.apkg"))
    }

    /// A version-1 log (srs before the version-2 format) is read as it is, never upgraded.
    @Test func aVersionOneLogExportsItsAnswers() throws {
        let folder = TempFolder()
        let v1 = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("SRSStoreTests/Fixtures/v1")
        try FileManager.default.copyItem(at: v1, to: folder.url.appendingPathComponent("data"))
        let log = folder.path + "/data/users/ada/reviews.jsonl"
        let before = try Data(contentsOf: URL(fileURLWithPath: log))
        let out = folder.path + "/log.csv"
        let run = try Self.export([out, "--log", "--deck", "linear-algebra", "--data-dir", folder.path + "/data", "--user", "ada"])
        // 11 answers, one of them taken back by an undo.
        #expect(run.stdout == "\(out): 10 answers written.\n", "\(run.stderr)")
        let rows = try String(contentsOfFile: out, encoding: .utf8).components(separatedBy: "\r\n")
        #expect(rows[1] == "2026-11-02T08:00:00Z,linear-algebra,89fc2ab78841,good,learn,4200,1,2.50,2026-11-03T08:00:00Z")
        #expect(rows[10] == "2026-12-01T07:39:29Z,linear-algebra,873fba90c708,good,review,6468,6,2.18,2026-12-07T07:39:29Z")
        #expect(try Data(contentsOf: URL(fileURLWithPath: log)) == before)
    }
}
