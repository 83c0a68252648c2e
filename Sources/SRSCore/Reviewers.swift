/// The reviewer of each card: the one with the options of the card's own deck, as Anki's deck
/// presets (issue 10, point 3), else the user's. Every place that schedules a card asks here,
/// so a card has its deck's options in a review of one deck, of all decks, and in `srs answer`.
public struct Reviewers: Sendable {
    /// The user's options: for cards of decks without options of their own, and for what does
    /// not depend on the deck (the clock, the scheduler's name).
    public let standard: Reviewer
    private let own: [Reviewer]
    /// Only the cards of decks with options of their own, so a user without per-deck options
    /// pays nothing.
    private let deckOf: [CardID: Int]

    /// `decks` pairs each deck that has options of its own with its cards (a card id belongs
    /// to one deck of a library; should it appear twice, the first deck's options win).
    public init(_ standard: Reviewer, decks: [(reviewer: Reviewer, cards: [CardID])] = []) {
        self.standard = standard
        own = decks.map(\.reviewer)
        var deckOf: [CardID: Int] = [:]
        deckOf.reserveCapacity(decks.reduce(0) { $0 + $1.cards.count })
        for (index, deck) in decks.enumerated() {
            for card in deck.cards where deckOf[card] == nil { deckOf[card] = index }
        }
        self.deckOf = deckOf
    }

    /// The reviewer that schedules `card`.
    public subscript(card: CardID) -> Reviewer {
        // No look-up (hashing the id) for a user without per-deck options: a switch asks
        // once per logged answer.
        own.isEmpty ? standard : deckOf[card].map { own[$0] } ?? standard
    }
}
