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
    /// A new-card limit for one study day only (`srs review --new-today N`).
    public var newToday: (day: String, limit: Int)?
    /// The zone in force: `timeZone`, else `$TZ`'s, else the system's (see `TimeZones`); not saved.
    public var zone = TimeZone.current

    public init() {}

    public static func == (a: UserSettings, b: UserSettings) -> Bool {
        a.limits == b.limits && a.rolloverHour == b.rolloverHour && a.timeZone == b.timeZone
            && a.newToday?.day == b.newToday?.day && a.newToday?.limit == b.newToday?.limit
    }

    /// The study-day clock these settings describe.
    public func clock() -> DayClock {
        DayClock(timeZone: zone, rolloverHour: rolloverHour)
    }

    /// The limits in force on the study day containing `time` (the one-day override applied).
    public func limits(at time: EpochSeconds, clock: DayClock) -> QueueLimits {
        var limits = self.limits
        if let newToday, newToday.day == clock.dayName(containing: time) { limits.newPerDay = newToday.limit }
        return limits
    }

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
        guard case .object = value else { throw bad("not a JSON object") }
        var settings = UserSettings()
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
        if let today = value["new_today"], today != .null {
            guard case let .string(day)? = today["day"], case let .number(n, true)? = today["limit"], n >= 0 else {
                throw bad("\"new_today\" must look like {\"day\": \"2026-11-29\", \"limit\": 40}")
            }
            settings.newToday = (day, Int(n))
        }
        return settings
    }

    func encoded() -> [UInt8] {
        var members: [(String, JSONText)] = [
            ("version", .int(ProgressFormat.version)), ("new_per_day", .int(limits.newPerDay)),
            ("max_reviews_per_day", .int(limits.maxReviewsPerDay)), ("rollover_hour", .int(rolloverHour)),
            ("time_zone", timeZone.map(JSONText.string) ?? .null),
        ]
        if let newToday {
            members.append(("new_today", .object([("day", .string(newToday.day)), ("limit", .int(newToday.limit))])))
        }
        return Array((JSONText.object(members).rendered() + "\n").utf8)
    }
}
