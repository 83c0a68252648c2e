import Foundation
import Testing

/// `srs import` of a package unlike the other fixtures, as a user's collection is
/// (scripts/make-anki-audit-packages.sh: German stock note types, a filtered deck holding cards,
/// new cards suspended and buried, decks with `/`, `:`, emoji, RTL and CJK names), checked against
/// Anki's own reading of it (`audit-de.apkg.expected.json`, written by the script).
@Suite struct AnkiAuditPackageTests {
    static let package = AnkiImportCommandTests.fixture("audit/audit-de.apkg")
    static let at = "2026-03-09T12:00:00Z"

    struct Expected: Decodable {
        struct Card: Decodable { let deck: String; let queue: Int; let type: Int }
        let cards: [String: Card]
    }

    static func expected() throws -> Expected {
        try JSONDecoder().decode(Expected.self, from: Data(contentsOf: URL(fileURLWithPath: package + ".expected.json")))
    }

    static func imported() throws -> TempFolder {
        let data = TempFolder()
        let run = try SRSProcess.run(["import", package, "--at", at, "--data-dir", data.path, "--user", "ann"])
        #expect(run.status == 0, "\(run.stderr)")
        return data
    }

    /// A card in a filtered deck belongs to its home deck (`odid`): srs has no filtered decks, and a
    /// deck named after the filtered one would outlive it and go back to Anki as a normal deck.
    @Test func everyCardIsInItsHomeDeck() throws {
        let data = try Self.imported()
        var cardsPerDeck: [String: Int] = [:]
        for card in try Self.expected().cards.values { cardsPerDeck[card.deck, default: 0] += 1 }
        let listing = try SRSProcess.run(["decks", "--json", "--data-dir", data.path, "--user", "ann"])
        let json = try JSONSerialization.jsonObject(with: Data(listing.stdout.utf8)) as? [String: Any]
        let decks = (json?["decks"] as? [[String: Any]] ?? []).filter { $0["origin"] as? String == "imported" }
        var got: [String: Int] = [:]
        for deck in decks { got[(deck["name"] as? String ?? "").removingPercentEncoding ?? "", default: 0] += deck["cards"] as? Int ?? 0 }
        #expect(got == cardsPerDeck)
        #expect(got["Gefiltert::Üben"] == nil)
    }

    /// A new card that Anki suspended or buried has no history; its suspension and burying are
    /// still the card's (an `import` record naming it), not lost.
    @Test func newCardsSuspendedOrBuriedInAnkiStaySo() throws {
        let data = try Self.imported()
        let cards = try Self.expected().cards.values
        let stats = try SRSProcess.run(["stats", "--json", "--data-dir", data.path, "--user", "ann", "--as-of", Self.at])
        let json = try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any]
        let counts = json?["cards"] as? [String: Any] ?? [:]
        #expect(cards.filter { $0.queue == -1 && $0.type == 0 }.count == 1)
        #expect(counts["suspended"] as? Int == cards.filter { $0.queue == -1 }.count)
        #expect(counts["buried"] as? Int == cards.filter { $0.queue == -2 || $0.queue == -3 }.count)
        let log = try String(contentsOfFile: data.path + "/users/ann/reviews.jsonl", encoding: .utf8)
        #expect(!log.contains("\"card\":\"\""))
    }

    /// `--deck` takes the Anki deck's name as Anki shows it, `/` and all, or as srs shows it
    /// (`%2F`): that deck and its subdeck, 11 + 7 cards.
    @Test(arguments: ["Wissen/Fakten: Teil 1", "wissen%2Ffakten: teil 1"])
    func deckTakesTheAnkiNameWithASlash(name: String) throws {
        let data = TempFolder()
        let run = try SRSProcess.run(["import", Self.package, "--deck", name, "--at", Self.at, "--data-dir", data.path, "--user", "ann"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains(": 18 cards converted\n"))
        #expect(run.stdout.contains("  deck Wissen%2FFakten: Teil 1: 11\n  deck Wissen%2FFakten: Teil 1::Sub deck::Tiefe 3: 7\n"))
    }

    /// An Image Occlusion card (the stock note type "Bildverdeckung") shows its header, the image
    /// to open and its back extra; not the masks' coordinates Anki keeps in a hidden element, nor
    /// the label of its toggle button.
    @Test func anImageOcclusionCardShowsWhatAnkiShows() throws {
        let data = try Self.imported()
        let deck = try String(contentsOfFile: data.path + "/decks/Wissen%2FFakten: Teil 1.deck", encoding: .utf8)
        #expect(deck.contains("question:\n    Europa\n    [image: karte.png]\nanswer:\n    Europa\n    [image: karte.png]\n\n    Hauptstädte\n"))
        #expect(!deck.contains("image-occlusion:"))
        #expect(!deck.contains("Verdeckungen ein-/ausschalten"))
    }
}
