import Foundation
import Testing

/// `o` in a real review opens a card's media with the opener found on the PATH (issue 12.2): a
/// fake `xdg-open` (a real process) records what it was given.
@Suite(.enabled(if: TmuxSession.available, "needs tmux"), .serialized)
struct ReviewMediaKeyTests {
    static let deck = """
        srs-deck 2

        card: cat
        type: basic
        question: What animal? [image: cat.png]
        answer: a cat

        """

    /// A data directory with the deck and `media/cat.png`, and a folder holding a fake opener
    /// named `name` that appends its arguments to `opened.txt` beside it.
    static func setUp(opener name: String?) throws -> (TempFolder, String) {
        let data = TempFolder()
        _ = try data.writeDeck(Self.deck, named: "pictures")
        let media = data.url.appendingPathComponent("media")
        try FileManager.default.createDirectory(at: media, withIntermediateDirectories: true)
        try Data([0x89, 0x50, 0x4E, 0x47]).write(to: media.appendingPathComponent("cat.png"))
        let bin = data.url.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        if let name {
            let script = bin.appendingPathComponent(name)
            try Data("#!/bin/sh\necho \"$@\" >> \"$(dirname \"$0\")/opened.txt\"\n".utf8).write(to: script)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        }
        return (data, bin.path)
    }

    @Test(arguments: ["xdg-open", "open"])
    func theKeyRunsTheOpenerWithTheFile(opener: String) throws {
        let (data, bin) = try Self.setUp(opener: opener)
        let tmux = try TmuxSession(["review", "--deck", "pictures", "--data-dir", data.path, "--user", "ann"],
                                   environment: ["PATH": bin + ":/usr/bin:/bin"])
        try tmux.waitFor("o open media")
        try tmux.press("o")
        try tmux.waitFor("Opened cat.png with \(opener).")
        let log = bin + "/opened.txt"
        let end = Date().addingTimeInterval(TmuxSession.deadline)
        while Date() < end, (try? String(contentsOfFile: log, encoding: .utf8)) == nil { Thread.sleep(forTimeInterval: 0.05) }
        #expect(try String(contentsOfFile: log, encoding: .utf8) == data.path + "/media/cat.png\n")
        try tmux.press("q")
        #expect(try tmux.exitStatus() == 0)
    }

    @Test func withoutAnOpenerTheScreenSaysSo() throws {
        let (data, bin) = try Self.setUp(opener: nil)
        let tmux = try TmuxSession(["review", "--deck", "pictures", "--data-dir", data.path, "--user", "ann"],
                                   environment: ["PATH": bin])
        try tmux.waitFor("o open media")
        try tmux.press("o")
        let screen = try tmux.waitFor("No program to open media: neither xdg-open nor open is on the PATH.")
        #expect(screen.contains("cat.png"))
        try tmux.press("q")
        #expect(try tmux.exitStatus() == 0)
    }

    /// A name that leaves the media folder is never handed to the opener.
    @Test func aNameOutsideTheMediaFolderIsNotOpened() throws {
        let (data, bin) = try Self.setUp(opener: "xdg-open")
        let deck = Self.deck.replacingOccurrences(of: "[image: cat.png]", with: "[image: ../decks/pictures.deck]")
        _ = try data.writeDeck(deck, named: "pictures")
        let tmux = try TmuxSession(["review", "--deck", "pictures", "--data-dir", data.path, "--user", "ann"],
                                   environment: ["PATH": bin + ":/usr/bin:/bin"])
        try tmux.waitFor("o open media")
        try tmux.press("o")
        try tmux.waitFor("'../decks/pictures.deck' is not opened: it is not a media file name")
        try tmux.press("q")
        #expect(try tmux.exitStatus() == 0)
        #expect(!FileManager.default.fileExists(atPath: bin + "/opened.txt"))
    }
}
