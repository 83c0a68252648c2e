import Foundation
import Testing

/// The right message and code for each fault, from the command line; never Foundation's wording.
@Suite struct FaultCommandTests {
    func run(_ arguments: [String], in folder: TempFolder) throws -> SRSProcess.Result {
        try SRSProcess.run(arguments + ["--data-dir", folder.path + "/data", "--user", "ana"], environment: ["TZ": "UTC"])
    }

    func expectClean(_ result: SRSProcess.Result, _ status: Int32, _ prefix: String) {
        #expect(result.status == status, "\(result.stderr)")
        #expect(result.stderr.hasPrefix(prefix), "\(result.stderr)")
        #expect(!result.stderr.contains("NSCocoaErrorDomain") && !result.stderr.contains("The operation"), "\(result.stderr)")
    }

    @Test func aDecksPathThatIsAFile() throws {
        let folder = TempFolder()
        try FileManager.default.createDirectory(atPath: folder.path + "/data", withIntermediateDirectories: true)
        try Data("x".utf8).write(to: folder.url.appendingPathComponent("data/decks"))
        for command in [["decks"], ["stats"], ["review"]] {
            expectClean(try run(command, in: folder), 65, "Error: \(folder.path)/data/decks is a file where srs keeps a folder.")
        }
        let quiz = folder.url.appendingPathComponent("q.txt")
        try Data("Question 1 True/False\nWater is wet.\nAnswer: True\n".utf8).write(to: quiz)
        expectClean(try run(["import", quiz.path], in: folder), 65, "Error: \(folder.path)/data/decks is a file where srs keeps a folder.")
    }

    /// `--data-dir` naming a file, or a folder below a file: the file is named, exit 65, not
    /// "cannot read …: Not a directory … free some space" (74) or a `decks` that is not there.
    @Test(arguments: ["", "/below"]) func aDataDirectoryThatIsAFile(below: String) throws {
        let folder = TempFolder()
        try Data("x".utf8).write(to: folder.url.appendingPathComponent("data"))
        for command in [["decks"], ["stats"], ["review"], ["answer"], ["unsuspend"], ["scheduler"]] {
            let result = try SRSProcess.run(command + ["--data-dir", folder.path + "/data" + below, "--user", "ana"], environment: ["TZ": "UTC"])
            expectClean(result, 65, "Error: \(folder.path)/data is a file where srs keeps a folder.")
        }
        #expect(try Data(contentsOf: folder.url.appendingPathComponent("data")) == Data("x".utf8))
    }

    /// A linked data directory whose link leads nowhere (its target gone, or links in a loop):
    /// named as such, exit 65, not "cannot list …/decks: Too many levels of symbolic links … free
    /// some space" (74) or "settings.json is not a plain file, not a plain file".
    @Test(arguments: [false, true]) func aDataDirectoryLinkThatLeadsNowhere(loop: Bool) throws {
        let folder = TempFolder()
        let data = folder.url.appendingPathComponent("data")
        try FileManager.default.createSymbolicLink(at: data, withDestinationURL: folder.url.appendingPathComponent(loop ? "data" : "gone"))
        for command in [["decks"], ["stats"], ["review"], ["answer"], ["unsuspend"]] {
            let result = try SRSProcess.run(command + ["--data-dir", data.path, "--user", "ana"], environment: ["TZ": "UTC"])
            expectClean(result, 65, "Error: \(data.path) is a symbolic link that leads to no folder (its target is missing, or links form a loop) where srs keeps a folder.")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["data"])
    }

    @Test func aLogThatIsAFolder() throws {
        let folder = TempFolder()
        try FileManager.default.createDirectory(atPath: folder.path + "/data/users/ana/reviews.jsonl", withIntermediateDirectories: true)
        for command in [["answer"], ["stats"], ["decks"], ["unsuspend"]] {
            expectClean(try run(command, in: folder), 65, "Error: \(folder.path)/data/users/ana/reviews.jsonl is a folder, not a plain file")
        }
    }

    @Test func scheduleOnAFolder() throws {
        let folder = TempFolder()
        let result = try SRSProcess.run(["schedule", folder.path])
        expectClean(result, 65, "Error: \(folder.path) is a folder, not a plain file")
    }

    @Test(arguments: ["   ", "notes.deck", "a\u{200B}b"])
    func aDeckNameThatHidesSomethingIsRefused(name: String) throws {
        let folder = TempFolder()
        let quiz = folder.url.appendingPathComponent("q.txt")
        try Data("Question 1 True/False\nWater is wet.\nAnswer: True\n".utf8).write(to: quiz)
        let result = try run(["import", quiz.path, "--deck", name], in: folder)
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains("cannot name a deck: it "), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/data/decks"))
    }
}
