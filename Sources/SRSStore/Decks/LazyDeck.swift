import SRSCore

/// A deck opened for a review: every card id in order, at once, and a card's text only when it
/// is asked for. A review shows a few hundred cards a day of decks that may hold 100,000, so a
/// start reads the `card:` lines alone (a `memchr` scan) and parses a card's block when it
/// comes up. A card that does not parse is reported then, naming its file and line; `srs decks`
/// reads every card.
public final class LazyDeck: @unchecked Sendable {
    public let name: String
    /// The card ids, in deck order.
    public let ids: [CardID]
    private let bytes: [UInt8]
    private let path: String
    /// The offset of each card's `card:` line.
    private let starts: [Int]

    init(name: String, bytes: [UInt8], path: String) throws {
        self.name = name
        self.bytes = bytes
        self.path = path
        var ids: [CardID] = [], starts: [Int] = []
        try bytes.withUnsafeBytes { raw in
            var scanner = DeckScanner(bytes: raw, path: path)
            try scanner.readHeader()
            ids.reserveCapacity(raw.count / 256)
            starts.reserveCapacity(raw.count / 256)
            DeckChunks.forEachCardLine(raw, from: scanner.offset) { value, lineStart in
                ids.append(CardID(scanner.string(value)))
                starts.append(lineStart)
            }
        }
        self.ids = ids
        self.starts = starts
    }

    /// The position of `id` in the deck (a linear scan: called once per card shown).
    public func index(of id: CardID) -> Int? { ids.firstIndex(of: id) }

    /// The card at `index`, parsed from its block. Throws `StoreError.damaged` with the file's
    /// line number when the block is malformed.
    public func card(at index: Int) throws -> Card {
        let end = index + 1 < starts.count ? starts[index + 1] : bytes.count
        return try bytes.withUnsafeBytes { raw in
            let block = UnsafeRawBufferPointer(rebasing: raw[starts[index]..<end])
            do {
                return try Self.parse(block, path: path, linesBefore: 0)
            } catch {
                // Parse again, counting lines this time, so the message names the right one.
                let lines = DeckChunks.lineCount(raw, before: starts[index], from: 0)
                return try Self.parse(block, path: path, linesBefore: lines)
            }
        }
    }

    /// The card called `id`, or nil when the deck has none.
    public func card(_ id: CardID) throws -> Card? {
        try index(of: id).map(card(at:))
    }

    private static func parse(_ block: UnsafeRawBufferPointer, path: String, linesBefore: Int) throws -> Card {
        var scanner = DeckScanner(bytes: block, path: path, linesBefore: linesBefore)
        var builder = DeckCardBuilder(path: path, expectedCards: 1)
        while let field = try scanner.nextField() { try builder.add(field) }
        let (cards, _) = try builder.finish()
        guard cards.count == 1, let card = cards.first else {
            throw StoreError.damaged(path: path, line: linesBefore + 1, problem: "a card block that is not one card",
                                     fix: "Start each card with a line `card: ID`.")
        }
        return card
    }
}
