import SRSCore
import SRSJSON

/// The scheduler options of `settings.json`: `"anki": {…}` and `"fsrs": {…}` with Anki's and
/// py-fsrs's names and defaults (steps in minutes, as Anki's deck options), and per-deck
/// overrides under `"decks": {"name": {"anki": {…}, "fsrs": {…}}}`, as Anki's presets.
/// A value outside the option's allowed range is an error naming it and the range (exit 65).
public struct SchedulerOptions: Equatable, Sendable {
    public var anki = AnkiOptions()
    public var fsrs = FSRSOptions()

    public init() {}

    /// Reads `"anki"` and `"fsrs"` from `object` over these options; `place` prefixes the
    /// field names in errors (`decks.spanish.anki.starting_ease`).
    func reading(_ object: JSONValue, place: String, bad: (String) -> StoreError) throws -> SchedulerOptions {
        var options = self
        if let anki = object["anki"], anki != .null { options.anki = try Self.anki(anki, over: options.anki, place: place + "anki.", bad: bad) }
        if let fsrs = object["fsrs"], fsrs != .null { options.fsrs = try Self.fsrs(fsrs, over: options.fsrs, place: place + "fsrs.", bad: bad) }
        if !place.isEmpty { try KnownFields(["anki", "fsrs"], of: "deck options").check(object, place: place, bad: bad) }
        if let problem = options.anki.problem() { throw bad(Self.named(problem, place: place + "anki.")) }
        if let problem = options.fsrs.problem() { throw bad(Self.named(problem, place: place + "fsrs.")) }
        return options
    }

    /// `starting_ease must be …` as `"anki.starting_ease" must be …`, and any other option the
    /// problem names in quotes (`"minimum_interval"`) with its place too.
    static func named(_ problem: String, place: String) -> String {
        guard let space = problem.firstIndex(of: " "), !problem.hasPrefix("a ") else { return place + problem }
        let rest = String(problem[space...]).replacing(" \"", with: " \"" + place)
        return "\"\(place)\(problem[..<space])\"\(rest)"
    }

    static func number(_ object: JSONValue, _ key: String, place: String, bad: (String) -> StoreError) throws -> Double? {
        guard let value = object[key], value != .null else { return nil }
        guard case let .number(n, _) = value else { throw bad("\"\(place)\(key)\" must be a number") }
        return n
    }

    /// A whole number (days, lapses): a fraction, or a number beyond any such option, is refused
    /// here (the range is checked after), never cut off or converted with a trap.
    static func whole(_ object: JSONValue, _ key: String, place: String, bad: (String) -> StoreError) throws -> Int? {
        guard let n = try number(object, key, place: place, bad: bad) else { return nil }
        guard n == n.rounded(), abs(n) < 1e15 else { throw bad("\"\(place)\(key)\" must be a whole number") }
        return Int(n)
    }

    /// Steps in minutes (`[1, 10]`), as seconds (each at least one).
    static func steps(_ object: JSONValue, _ key: String, place: String, bad: (String) -> StoreError) throws -> [Int]? {
        guard let value = object[key], value != .null else { return nil }
        guard case let .array(items) = value else { throw bad("\"\(place)\(key)\" must be a list of minutes such as [1, 10]") }
        return try items.map { item in
            guard case let .number(minutes, _) = item, minutes > 0, minutes <= 52_560_000,
                  AnkiOptions.seconds(minutes: Float(minutes)) >= 1 else {
                throw bad("\"\(place)\(key)\" must hold minutes from 0.02 to 52560000 (100 years), e.g. [1, 10]")
            }
            return AnkiOptions.seconds(minutes: Float(minutes))
        }
    }

    static let ankiFields = ["learning_steps", "relearning_steps", "graduating_interval", "easy_interval", "starting_ease",
                             "easy_bonus", "hard_interval", "interval_modifier", "new_interval", "minimum_interval",
                             "maximum_interval", "leech_threshold"]
    static let fsrsFields = ["desired_retention", "parameters", "learning_steps", "relearning_steps", "maximum_interval"]

    static func anki(_ object: JSONValue, over base: AnkiOptions, place: String, bad: (String) -> StoreError) throws -> AnkiOptions {
        guard case .object = object else { throw bad("\"\(place.dropLast())\" must be an object of Anki's options") }
        try KnownFields(ankiFields, of: "anki options").check(object, place: place, bad: bad)
        var o = base
        func num(_ key: String) throws -> Double? { try number(object, key, place: place, bad: bad) }
        o.learningSteps = try steps(object, "learning_steps", place: place, bad: bad) ?? o.learningSteps
        o.relearningSteps = try steps(object, "relearning_steps", place: place, bad: bad) ?? o.relearningSteps
        o.graduatingInterval = try whole(object, "graduating_interval", place: place, bad: bad) ?? o.graduatingInterval
        o.easyInterval = try whole(object, "easy_interval", place: place, bad: bad) ?? o.easyInterval
        o.startingEase = try num("starting_ease").map(Float.init) ?? o.startingEase
        o.easyBonus = try num("easy_bonus").map(Float.init) ?? o.easyBonus
        o.hardInterval = try num("hard_interval").map(Float.init) ?? o.hardInterval
        o.intervalModifier = try num("interval_modifier").map(Float.init) ?? o.intervalModifier
        o.lapseMultiplier = try num("new_interval").map(Float.init) ?? o.lapseMultiplier
        o.minimumInterval = try whole(object, "minimum_interval", place: place, bad: bad) ?? o.minimumInterval
        o.maximumInterval = try whole(object, "maximum_interval", place: place, bad: bad) ?? o.maximumInterval
        o.leechThreshold = try whole(object, "leech_threshold", place: place, bad: bad) ?? o.leechThreshold
        return o
    }

    static func fsrs(_ object: JSONValue, over base: FSRSOptions, place: String, bad: (String) -> StoreError) throws -> FSRSOptions {
        guard case .object = object else { throw bad("\"\(place.dropLast())\" must be an object of FSRS's options") }
        try KnownFields(fsrsFields, of: "fsrs options").check(object, place: place, bad: bad)
        var o = base
        o.desiredRetention = try number(object, "desired_retention", place: place, bad: bad) ?? o.desiredRetention
        o.maximumInterval = try whole(object, "maximum_interval", place: place, bad: bad) ?? o.maximumInterval
        o.learningSteps = try steps(object, "learning_steps", place: place, bad: bad) ?? o.learningSteps
        o.relearningSteps = try steps(object, "relearning_steps", place: place, bad: bad) ?? o.relearningSteps
        if let value = object["parameters"], value != .null {
            guard case let .array(items) = value else { throw bad("\"\(place)parameters\" must be a list of 21 numbers") }
            o.parameters = try items.map { item in
                guard case let .number(n, _) = item else { throw bad("\"\(place)parameters\" must be a list of 21 numbers") }
                return n
            }
        }
        return o
    }
}

/// The field names an object of settings.json may hold: any other is refused (exit 65) with the
/// nearest known name, so that a misspelled option is not silently left at its default.
struct KnownFields {
    let names: [String]
    /// What these are, in the message: `anki options` (`(anki options: learning_steps, …)`).
    let what: String

    init(_ names: [String], of what: String) {
        self.names = names
        self.what = what
    }

    /// Throws for the first member of `object` not in `names`.
    func check(_ object: JSONValue, place: String, bad: (String) -> StoreError) throws {
        guard case let .object(members) = object,
              let unknown = members.first(where: { !names.contains($0.0) })?.0 else { return }
        throw bad("unknown field \"\(place)\(unknown)\"\(suggestion(for: unknown)) (\(what): \(names.joined(separator: ", ")))")
    }

    /// `: did you mean "starting_ease"?` for a name that holds a known one (or is held by it),
    /// or is a few edits away from it.
    func suggestion(for name: String) -> String {
        let holding = names.first { $0.contains(name) || name.contains($0) }
        let nearest = names.map { (name: $0, distance: Self.distance(name, $0)) }.min { $0.distance < $1.distance }
        let close = nearest.flatMap { $0.distance <= max(2, $0.name.count / 3) ? $0.name : nil }
        guard let best = holding ?? close else { return "" }
        return ": did you mean \"\(best)\"?"
    }

    /// Levenshtein distance over characters.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for i in a.indices {
            var diagonal = row[0]
            row[0] = i + 1
            for j in b.indices {
                let substitute = diagonal + (a[i] == b[j] ? 0 : 1)
                diagonal = row[j + 1]
                row[j + 1] = min(substitute, row[j + 1] + 1, row[j] + 1)
            }
        }
        return row[b.count]
    }
}
