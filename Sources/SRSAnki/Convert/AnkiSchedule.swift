import Foundation
import SRSCore

/// A deck-options preset of Anki's in srs's terms: the options of srs's `anki` and `fsrs`
/// schedulers, and what a leech does.
public struct AnkiPreset: Equatable, Sendable {
    public var anki = AnkiOptions()
    public var fsrs = FSRSOptions()
    public var leechSuspends = false
    public init() {}
}

/// How an Anki collection schedules (issue 12.3): its scheduler, rollover, day numbers and
/// deck options, taken over by srs so that every card is due on the same study day as in Anki.
public struct AnkiSchedule: Sendable {
    /// `anki` (Anki's SM-2) or `fsrs`.
    public let scheduler: String
    public let rolloverHour: Int
    /// Anki's day numbers in srs's: Anki counts from the collection's creation date.
    public let days: AnkiDays
    /// srs's day number of Anki's day 0 (the local calendar date of `col.crt`).
    public let createdDay: Int
    /// The preset most cards use: the user's options.
    public let preset: AnkiPreset
    /// Other presets, by srs deck name (`Parent::Child`), for the decks that use them.
    public let deckPresets: [String: AnkiPreset]
    /// Options srs cannot take as they are (kept at srs's defaults), as sentences.
    public let warnings: [String]
    let presetOfDeck: [Int64: AnkiPreset]

    /// The schedule of `collection`, in the learner's `zone` (Anki uses the system's zone, as
    /// srs does without a `time_zone` setting). A deck package (`.apkg`) holds no rollover: then
    /// `rollover` (the learner's) is used, as Anki's import does.
    public init(_ collection: AnkiCollection, zone: TimeZone, rollover: Int = 4) {
        scheduler = collection.fsrs ? "fsrs" : "anki"
        rolloverHour = min(max(collection.rollover ?? rollover, 0), 23)
        days = AnkiDays(rolloverHour: rolloverHour, timeZone: zone)
        let offset = collection.creationOffset.map { -Int64($0) * 60 }
            ?? Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(collection.creation))))
        createdDay = Int(Saturating.floorDiv(Saturating.add(collection.creation, offset), secondsPerDay))
        var warnings: [String] = []
        var presets: [Int64: AnkiPreset] = [:]
        for config in collection.deckConfigs { presets[config.id] = Self.preset(config, warnings: &warnings) }
        let configOfDeck = Dictionary(collection.decks.map { ($0.id, $0.config) }, uniquingKeysWith: { a, _ in a })
        var ofDeck: [Int64: AnkiPreset] = [:]
        for deck in collection.decks { ofDeck[deck.id] = presets[deck.config] ?? presets[1] ?? AnkiPreset() }
        presetOfDeck = ofDeck
        // The user's options: the preset of the most cards; the others per deck.
        var count: [Int64: Int] = [:]
        for card in collection.cards { count[configOfDeck[card.homeDeck(among: ofDeck)] ?? 1, default: 0] += 1 }
        let main = count.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key ?? 1
        let mainPreset = presets[main] ?? AnkiPreset()
        preset = mainPreset
        var byName: [String: AnkiPreset] = [:]
        for deck in collection.decks where !deck.filtered {
            let own = ofDeck[deck.id] ?? mainPreset
            if own != mainPreset { byName[AnkiDeckName.name(of: deck.path)] = own }
        }
        deckPresets = byName
        self.warnings = warnings
    }

    /// The preset of the deck a card belongs to (its home deck when in a filtered deck).
    func preset(of card: AnkiCard) -> AnkiPreset {
        presetOfDeck[card.homeDeck(among: presetOfDeck)] ?? preset
    }

    /// srs's day number of Anki's day `day`.
    public func srsDay(_ day: Int64) -> Int { Int(clamping: Saturating.add(Int64(createdDay), day)) }

    static func preset(_ c: AnkiDeckConfig, warnings: inout [String]) -> AnkiPreset {
        var p = AnkiPreset()
        let steps = { (minutes: [Double]) in minutes.map { AnkiOptions.seconds(minutes: Float($0)) } }
        var anki = AnkiOptions()
        anki.learningSteps = steps(c.learnSteps)
        anki.relearningSteps = steps(c.relearnSteps)
        anki.graduatingInterval = c.graduatingInterval
        anki.easyInterval = c.easyInterval
        anki.startingEase = Float(c.initialEase) / 1000
        anki.easyBonus = Float(c.easyBonus)
        anki.hardInterval = Float(c.hardMultiplier)
        anki.intervalModifier = Float(c.intervalModifier)
        anki.lapseMultiplier = Float(c.lapseMultiplier)
        anki.minimumInterval = c.minimumLapseInterval
        anki.maximumInterval = c.maximumInterval
        anki.leechThreshold = c.leechThreshold
        if let problem = anki.problem() {
            warnings.append("deck options '\(c.name)': \(problem); srs uses Anki's defaults for that preset")
        } else {
            p.anki = anki
        }
        var fsrs = FSRSOptions()
        fsrs.learningSteps = anki.learningSteps
        fsrs.relearningSteps = anki.relearningSteps
        fsrs.maximumInterval = c.maximumInterval
        // Anki keeps it in f32: 0.9 reads back as 0.8999999761581421; srs keeps what was set.
        fsrs.desiredRetention = Double("\(Float(c.desiredRetention))") ?? c.desiredRetention
        // FSRS-5's 19 parameters are FSRS-6's with no same-day term and the fixed decay 0.5.
        if c.fsrsParameters.count == 19 { fsrs.parameters = c.fsrsParameters + [0, 0.5] }
        if c.fsrsParameters.count == 21 { fsrs.parameters = c.fsrsParameters }
        if let problem = fsrs.problem() {
            warnings.append("deck options '\(c.name)': FSRS \(problem); srs uses FSRS-6's defaults for that preset")
        } else {
            p.fsrs = fsrs
        }
        p.leechSuspends = c.leechAction == 0
        return p
    }
}
