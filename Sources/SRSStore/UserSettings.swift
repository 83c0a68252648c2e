import Foundation
import SRSCore
import SRSJSON

/// A user's settings (`settings.json` in the user's folder); every field is optional and
/// defaults to Anki's. See `docs/progress-format.md`.
public struct UserSettings: Equatable, Sendable {
    public var limits = QueueLimits()
    public var rolloverHour = DayClock.defaultRolloverHour
    /// An IANA zone name such as "Europe/Berlin"; nil means the system's zone ($TZ).
    public var timeZone: String?
    /// Extra new cards and reviews for one study day only, as Anki's "increase today's limit"
    /// (`srs review --new-today N`, `--reviews-today N`).
    public var newToday: (day: String, more: Int)?
    public var reviewsToday: (day: String, more: Int)?
    /// The scheduler by name (`sm2`, `anki`, `fsrs`); nil: not chosen (see `schedulerName`).
    public var scheduler: String?
    /// Fuzz the intervals of `anki` and `fsrs`, as Anki and py-fsrs do by default.
    public var fuzz = true
    /// What happens to a leech: Anki's default tags it (a per-user mark), or it is suspended.
    public var leechAction = LeechRule.Action.tag
    /// Anki's and FSRS's options, and their per-deck overrides.
    public var options = SchedulerOptions()
    public var deckOptions: [String: SchedulerOptions] = [:]
    /// The file as read, so that saving keeps what this build does not write itself.
    var original: [(String, JSONValue)] = []
    /// The zone in force: `timeZone`, else `$TZ`'s, else the system's (see `TimeZones`); not saved.
    public var zone = TimeZone.current

    public init() {}

    public static func == (a: UserSettings, b: UserSettings) -> Bool {
        a.limits == b.limits && a.rolloverHour == b.rolloverHour && a.timeZone == b.timeZone
            && a.newToday?.day == b.newToday?.day && a.newToday?.more == b.newToday?.more
            && a.reviewsToday?.day == b.reviewsToday?.day && a.reviewsToday?.more == b.reviewsToday?.more
            && a.scheduler == b.scheduler && a.fuzz == b.fuzz && a.leechAction == b.leechAction && a.options == b.options && a.deckOptions == b.deckOptions
    }

    /// The study-day clock these settings describe.
    public func clock() -> DayClock {
        DayClock(timeZone: zone, rolloverHour: rolloverHour)
    }

    /// The scheduler in use: the one named, else Anki's SM-2 (a new user's default; a user with
    /// classic SM-2 progress gets `sm2` written in, see `ProgressStore.openForReview`).
    public var schedulerName: String { scheduler ?? "anki" }

    /// The reviewer for the scheduler in use, on this user's study days (Anki's day numbers
    /// follow the same rollover and zone).
    /// `deck` picks that deck's option overrides, when it has any.
    public func reviewer(deck: String? = nil, scheduler name: String? = nil) -> Reviewer {
        reviewer(options: deck.flatMap(options(ofDeck:)) ?? options, scheduler: name)
    }

    /// Every card's reviewer: the options of the card's own deck (Anki's presets, `"decks"`),
    /// else the user's; `decks` are the decks whose cards may be scheduled, with their cards.
    public func reviewers(decks: [(name: String, cards: [CardID])], scheduler name: String? = nil) -> Reviewers {
        let own = decks.compactMap { deck in
            options(ofDeck: deck.name).map { (reviewer: reviewer(options: $0, scheduler: name), cards: deck.cards) }
        }
        return Reviewers(reviewer(scheduler: name), decks: own)
    }

    /// The reviewers of the cards of `decks`.
    public func reviewers(decks: [LazyDeck], scheduler name: String? = nil) -> Reviewers {
        reviewers(decks: decks.map { (name: $0.name, cards: $0.ids) }, scheduler: name)
    }

    /// The options of the deck `name` when `"decks"` gives it its own (deck names match without
    /// regard to case, as `--deck` does).
    public func options(ofDeck name: String) -> SchedulerOptions? {
        if let exact = deckOptions[name] { return exact }
        let wanted = name.lowercased()
        return deckOptions.first { $0.key.lowercased() == wanted }?.value
    }

    private func reviewer(options: SchedulerOptions, scheduler name: String?) -> Reviewer {
        let clock = clock()
        let scheduler: any Scheduler
        switch name ?? schedulerName {
        case "anki": scheduler = AnkiScheduler(options: options.anki, days: AnkiDays(rolloverHour: rolloverHour, timeZone: clock.timeZone), fuzz: fuzz)
        case "fsrs": scheduler = FSRSScheduler(options: options.fsrs, fuzz: fuzz)
        default: scheduler = SM2()
        }
        return Reviewer(scheduler: scheduler, clock: clock,
                        leeches: LeechRule(threshold: options.anki.leechThreshold, action: leechAction))
    }

    /// The limits in force on the study day containing `time` (the one-day override applied).
    public func limits(at time: EpochSeconds, clock: DayClock) -> QueueLimits {
        var limits = self.limits
        let day = clock.dayName(containing: time)
        if let newToday, newToday.day == day { limits.newPerDay += newToday.more }
        if let reviewsToday, reviewsToday.day == day { limits.maxReviewsPerDay += reviewsToday.more }
        return limits
    }

    /// Every field settings.json may hold (`docs/progress-format.md`).
    static let fieldNames = ["version", "new_per_day", "max_reviews_per_day", "rollover_hour", "time_zone", "scheduler",
                             "fuzz", "leech_action", "new_today", "reviews_today", "anki", "fsrs", "decks"]

    static func parse(_ bytes: [UInt8], path: String) throws -> UserSettings {
        func bad(_ problem: String) -> StoreError {
            .damaged(path: path, line: nil, problem: problem,
                     fix: "Fix it by hand (see docs/progress-format.md) or delete it to use the defaults.")
        }
        let value: JSONValue
        do { value = try JSONValue.parse(bytes) } catch let error as JSONError {
            let (line, column) = Snapshot.position(of: error.offset, in: bytes)
            // `error.located` names the setting: "new_per_day": a number with a leading zero.
            throw StoreError.damaged(path: path, line: line, problem: "\(error.located) (column \(column))",
                                     fix: "Fix it by hand (see docs/progress-format.md) or delete it to use the defaults.")
        }
        guard case let .object(members) = value else { throw bad("not a JSON object") }
        try KnownFields(fieldNames, of: "settings").check(value, place: "", bad: bad)
        var settings = UserSettings()
        settings.original = members
        settings.options = try SchedulerOptions().reading(value, place: "", bad: bad)
        if let decks = value["decks"], decks != .null {
            guard case let .object(entries) = decks else { throw bad("\"decks\" must be an object of deck names") }
            for (name, overrides) in entries {
                guard case .object = overrides else { throw bad("\"decks.\(name)\" must be an object with \"anki\" or \"fsrs\" options") }
                settings.deckOptions[name] = try settings.options.reading(overrides, place: "decks.\(name).", bad: bad)
            }
        }
        if let v = value["version"] {
            guard case let .number(n, true) = v else { throw bad("\"version\" must be a whole number") }
            if Int(n) > ProgressFormat.version { throw StoreError.newerFormat(path: path, found: Int(n), supported: ProgressFormat.version) }
        }
        func int(_ key: String, _ range: ClosedRange<Int>) throws -> Int? {
            guard let v = value[key] else { return nil }
            guard case let .number(n, true) = v, range.contains(Int(exactly: n) ?? -1) else {
                throw bad("\"\(key)\" must be a whole number from \(range.lowerBound) to \(range.upperBound)")
            }
            return Int(n)
        }
        settings.limits.newPerDay = try int("new_per_day", 0...100_000) ?? settings.limits.newPerDay
        settings.limits.maxReviewsPerDay = try int("max_reviews_per_day", 0...1_000_000) ?? settings.limits.maxReviewsPerDay
        settings.rolloverHour = try int("rollover_hour", 0...23) ?? settings.rolloverHour
        if let zone = value["time_zone"], zone != .null {
            guard case let .string(name) = zone else {
                throw bad("\"time_zone\" must be an IANA zone name such as \"Europe/Berlin\"")
            }
            settings.timeZone = name
        }
        if let name = value["scheduler"], name != .null {
            guard case let .string(text) = name, Schedulers.names.contains(text) else {
                throw bad("\"scheduler\" must be one of \(Schedulers.names.map { "\"\($0)\"" }.joined(separator: ", "))")
            }
            settings.scheduler = text
        }
        if let action = value["leech_action"], action != .null {
            guard case let .string(text) = action, let known = LeechRule.Action(rawValue: text) else {
                throw bad("\"leech_action\" must be \"tag\" or \"suspend\"")
            }
            settings.leechAction = known
        }
        if let fuzz = value["fuzz"], fuzz != .null {
            guard case let .bool(on) = fuzz else { throw bad("\"fuzz\" must be true or false") }
            settings.fuzz = on
        }
        settings.newToday = try extra(value, "new_today", base: settings.limits.newPerDay, bad: bad)
        settings.reviewsToday = try extra(value, "reviews_today", base: settings.limits.maxReviewsPerDay, bad: bad)
        return settings
    }

    /// `{"day": "2026-11-29", "more": 20}`; the form an older srs wrote for new cards,
    /// `{"day": …, "limit": 40}` (today's total), is read as that many more than `base`.
    static func extra(_ value: JSONValue, _ key: String, base: Int, bad: (String) -> StoreError) throws -> (day: String, more: Int)? {
        guard let today = value[key], today != .null else { return nil }
        guard case let .string(day)? = today["day"] else { throw bad("\"\(key)\" must look like {\"day\": \"2026-11-29\", \"more\": 20}") }
        if case let .number(n, true)? = today["more"], n >= 0, n <= 1_000_000 { return (day, Int(n)) }
        if case let .number(n, true)? = today["limit"], n >= 0, n <= 1_000_000 { return (day, max(Int(n) - base, 0)) }
        throw bad("\"\(key)\" must look like {\"day\": \"2026-11-29\", \"more\": 20} (more: a whole number from 0 to 1000000)")
    }

    static func text(_ value: JSONValue) -> JSONText {
        switch value {
        case .null: return .null
        case let .bool(b): return .bool(b)
        case let .number(n, isInteger): return isInteger && abs(n) < 1e15 ? .int(Int(n)) : .double(n)
        case let .string(s): return .string(s)
        case let .array(items): return .array(items.map(text))
        case let .object(members): return .object(members.map { ($0.0, text($0.1)) })
        }
    }

    func encoded() -> [UInt8] {
        var members: [(String, JSONText)] = [
            ("version", .int(ProgressFormat.version)), ("new_per_day", .int(limits.newPerDay)),
            ("max_reviews_per_day", .int(limits.maxReviewsPerDay)), ("rollover_hour", .int(rolloverHour)),
            ("time_zone", timeZone.map(JSONText.string) ?? .null),
        ]
        if let scheduler { members.append(("scheduler", .string(scheduler))) }
        if !fuzz { members.append(("fuzz", .bool(false))) }
        // Options and anything else the file held stay as written.
        let written = Set(members.map(\.0) + ["new_today", "reviews_today"])
        for (key, value) in original where !written.contains(key) { members.append((key, Self.text(value))) }
        if let reviewsToday {
            members.append(("reviews_today", .object([("day", .string(reviewsToday.day)), ("more", .int(reviewsToday.more))])))
        }
        if let newToday {
            members.append(("new_today", .object([("day", .string(newToday.day)), ("more", .int(newToday.more))])))
        }
        return Array((JSONText.object(members).rendered() + "\n").utf8)
    }
}
