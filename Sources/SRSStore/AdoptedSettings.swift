import SRSCore
import SRSJSON

/// Settings taken over from an imported collection (`srs import` of an Anki package,
/// `docs/anki-import.md`): its scheduler, rollover hour, deck options and leech action, written
/// in the fields `settings.json` reads (`docs/scheduling.md`), so the next start reads them back.
/// The `decks` entries of the collection's decks (`within`) are replaced by `deckOptions` (a deck
/// of the main preset has none); the entries of the user's other decks stay as they were written.
extension UserSettings {
    public mutating func adopt(scheduler name: String, rolloverHour hour: Int, options: SchedulerOptions,
                               leechAction action: LeechRule.Action, deckOptions decks: [String: SchedulerOptions],
                               within collectionDecks: Set<String>) {
        scheduler = name
        rolloverHour = hour
        self.options = options
        leechAction = action
        for deck in collectionDecks { deckOptions[deck] = nil }
        deckOptions.merge(decks) { $1 }
        set("anki", Self.json(options.anki))
        set("fsrs", Self.json(options.fsrs))
        set("leech_action", .string(action.rawValue))
        var entries: [(String, JSONValue)] = []
        if case let .object(members)? = original.first(where: { $0.0 == "decks" })?.1 {
            entries = members.filter { !collectionDecks.contains($0.0) && decks[$0.0] == nil }
        }
        entries += decks.keys.sorted().map { name -> (String, JSONValue) in
            let deck = decks[name] ?? options
            return (name, .object([("anki", Self.json(deck.anki)), ("fsrs", Self.json(deck.fsrs))]))
        }
        if entries.isEmpty { original.removeAll { $0.0 == "decks" } } else { set("decks", .object(entries)) }
    }

    private mutating func set(_ key: String, _ value: JSONValue) {
        if let index = original.firstIndex(where: { $0.0 == key }) { original[index].1 = value } else { original.append((key, value)) }
    }

    static func number(_ value: Float) -> JSONValue { .number(Double("\(value)") ?? Double(value), isInteger: false) }
    static func whole(_ value: Int) -> JSONValue { .number(Double(value), isInteger: true) }
    /// Steps in seconds as the minutes settings.json holds.
    static func minutes(_ steps: [Int]) -> JSONValue {
        .array(steps.map { $0 % 60 == 0 ? whole($0 / 60) : .number(Double($0) / 60, isInteger: false) })
    }

    static func json(_ o: AnkiOptions) -> JSONValue {
        .object([("learning_steps", minutes(o.learningSteps)), ("relearning_steps", minutes(o.relearningSteps)),
                 ("graduating_interval", whole(o.graduatingInterval)), ("easy_interval", whole(o.easyInterval)),
                 ("starting_ease", number(o.startingEase)), ("easy_bonus", number(o.easyBonus)),
                 ("hard_interval", number(o.hardInterval)), ("interval_modifier", number(o.intervalModifier)),
                 ("new_interval", number(o.lapseMultiplier)), ("minimum_interval", whole(o.minimumInterval)),
                 ("maximum_interval", whole(o.maximumInterval)), ("leech_threshold", whole(o.leechThreshold))])
    }

    static func json(_ o: FSRSOptions) -> JSONValue {
        .object([("desired_retention", number(Float(o.desiredRetention))),
                 ("parameters", .array(o.parameters.map { .number($0, isInteger: false) })),
                 ("learning_steps", minutes(o.learningSteps)), ("relearning_steps", minutes(o.relearningSteps)),
                 ("maximum_interval", whole(o.maximumInterval))])
    }
}
