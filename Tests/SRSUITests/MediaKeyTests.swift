import Testing
import SRSCore
@testable import SRSUI

/// `o` on a card with media (issue 12.2): the session asks the shell to open what the card shows;
/// the shell's answer comes back as a notice.
@Suite struct MediaKeyTests {
    static let picture = Card(id: CardID("cat"), question: "What animal? [image: cat.png]",
                              kind: .basic(back: "A cat [sound: meow.wav]"), explanation: "[image: cat.png] again")
    static let plain = Card(id: CardID("plain"), question: "la mariposa", kind: .basic(back: "the butterfly"), explanation: "")
    static let size = Size(columns: 100, rows: 24)

    @Test func theKeyOpensWhatTheCardShows() {
        var h = Harness(cards: [Self.picture], size: Self.size)
        #expect(h.screen.contains("o open media"))
        #expect(h.send("o") == [.openMedia(["cat.png"])])
        h.send("space")
        #expect(h.send("o") == [.openMedia(["cat.png", "meow.wav"])])
        _ = h.session.update(.notice("Opened cat.png, meow.wav with xdg-open."))
        #expect(h.screen.contains("Opened cat.png, meow.wav with xdg-open."))
    }

    @Test func aCardWithoutMediaSaysSo() {
        var h = Harness(cards: [Self.plain], size: Self.size)
        #expect(!h.screen.contains("open media"))
        #expect(h.send("o") == [])
        #expect(h.screen.contains("This card shows no image or sound to open."))
    }

    @Test(arguments: [
        ("[image: a.png] and [sound: b.mp3] then [image: a.png]", ["a.png", "b.mp3"]),
        ("[sound: b.mp3] before [image: a.png]", ["b.mp3", "a.png"]),
        ("[image: ] and [image: unclosed", []),
        ("no media", []),
    ])
    func markersAreReadInOrder(text: String, names: [String]) {
        #expect(MediaMarkers.names(in: text) == names)
    }
}
