import Foundation

/// Anki's day numbers (`sched_timing_today_v2_new`): a day starts at the rollover hour in the
/// learner's zone, taken with the zone's offset at the moment asked about (Anki's
/// `FixedOffset`). Day 0 is 1970-01-01; Anki counts from the collection's creation instead,
/// which changes every number by the same constant and no difference between them.
public struct AnkiDays: Equatable, Sendable {
    /// Hour (0–23) at which a new study day starts; Anki's default is 4.
    public let rolloverHour: Int
    public let timeZone: TimeZone

    public init(rolloverHour: Int = 4, timeZone: TimeZone = TimeZone(identifier: "UTC") ?? .current) {
        self.rolloverHour = min(max(rolloverHour, 0), 23)
        self.timeZone = timeZone
    }

    /// The zone's offset from UTC at `time`, in seconds.
    func offset(at time: EpochSeconds) -> EpochSeconds {
        let clamped = min(max(time, -62_135_596_800), 253_402_300_799)
        return EpochSeconds(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(clamped))))
    }

    /// Anki's "today" at `time`: the local calendar day of `time − rollover`.
    public func today(at time: EpochSeconds) -> Int {
        let local = Saturating.add(time, offset(at: time) - EpochSeconds(rolloverHour) * 3600)
        return Int(Saturating.floorDiv(local, secondsPerDay))
    }

    /// Seconds from `time` to the next rollover (1 ... 86,400 outside zone changes).
    public func secondsUntilRollover(at time: EpochSeconds) -> EpochSeconds {
        let next = Saturating.add(Saturating.multiply(EpochSeconds(today(at: time)) + 1, secondsPerDay),
                                  EpochSeconds(rolloverHour) * 3600 - offset(at: time))
        return Saturating.subtract(next, time)
    }

    /// The moment day `day` starts.
    public func start(ofDay day: Int) -> EpochSeconds {
        let nominal = Saturating.add(Saturating.multiply(EpochSeconds(day), secondsPerDay),
                                     EpochSeconds(rolloverHour) * 3600)
        return Saturating.subtract(nominal, offset(at: Saturating.subtract(nominal, offset(at: nominal))))
    }

    /// The calendar date `YYYY-MM-DD` that names day `day` (the date on which it starts).
    public static func dateName(ofDay day: Int) -> String {
        String(ISOTime.format(Saturating.multiply(EpochSeconds(day), secondsPerDay)).prefix(10))
    }
}
