import Foundation
import Testing
@testable import SRSCore

@Suite struct DayClockTests {
    static func at(_ iso: String) -> EpochSeconds { ISOTime.parse(iso) ?? -1 }
    let berlin = DayClock(timeZone: TimeZone(identifier: "Europe/Berlin")!)
    let newYork = DayClock(timeZone: TimeZone(identifier: "America/New_York")!)

    @Test(arguments: [
        // (time, expected day start, expected name) in Berlin, rollover 04:00
        ("2026-11-29T12:00:00Z", "2026-11-29T03:00:00Z", "2026-11-29"),  // 13:00 CET
        ("2026-11-29T02:59:59Z", "2026-11-28T03:00:00Z", "2026-11-28"),  // 03:59:59 CET: still yesterday
        ("2026-11-29T03:00:00Z", "2026-11-29T03:00:00Z", "2026-11-29"),  // 04:00 CET: a new day
        ("2026-03-01T01:00:00Z", "2026-02-28T03:00:00Z", "2026-02-28"),  // before rollover on the 1st
        ("2026-01-01T02:30:00Z", "2025-12-31T03:00:00Z", "2025-12-31"),  // across a year
    ])
    func dayStartsAtTheRolloverHour(time: String, start: String, name: String) {
        #expect(berlin.dayStart(containing: Self.at(time)) == Self.at(start))
        #expect(berlin.dayName(containing: Self.at(time)) == name)
    }

    @Test func daylightSavingDaysAre23And25Hours() {
        // Europe/Berlin: clocks go forward on 2026-03-29 at 02:00, back on 2026-10-25 at 03:00.
        let spring = berlin.dayBoundaries(from: Self.at("2026-03-28T12:00:00Z"), count: 2)
        #expect(spring.map(ISOTime.format) == ["2026-03-28T03:00:00Z", "2026-03-29T02:00:00Z", "2026-03-30T02:00:00Z"])
        #expect(spring[1] - spring[0] == 23 * 3600)
        let autumn = berlin.dayBoundaries(from: Self.at("2026-10-24T12:00:00Z"), count: 2)
        #expect(autumn[1] - autumn[0] == 25 * 3600)
        // New York: forward on 2026-03-08 at 02:00.
        #expect(newYork.nextDayStart(after: Self.at("2026-03-07T20:00:00Z")) == Self.at("2026-03-08T08:00:00Z"))
    }

    @Test func aRolloverHourInsideTheSpringGapStartsAfterTheGap() {
        let clock = DayClock(timeZone: TimeZone(identifier: "America/New_York")!, rolloverHour: 2)
        // 2026-03-08 02:00 local does not exist; the day starts at 03:00 EDT = 07:00Z.
        #expect(clock.dayStart(containing: Self.at("2026-03-08T12:00:00Z")) == Self.at("2026-03-08T07:00:00Z"))
    }

    @Test func utcAndOtherZonesDisagreeOnTheDay() {
        let utc = DayClock(timeZone: TimeZone(identifier: "UTC")!)
        let tokyo = DayClock(timeZone: TimeZone(identifier: "Asia/Tokyo")!)
        let t = Self.at("2026-11-29T20:00:00Z") // 05:00 next day in Tokyo
        #expect(utc.dayName(containing: t) == "2026-11-29")
        #expect(tokyo.dayName(containing: t) == "2026-11-30")
    }

    @Test(arguments: ["2025-01-08T19:50:49Z", "1970-01-01T00:00:00Z", "2196-10-26T16:28:05Z", "2024-02-29T23:59:59Z", "1969-12-31T23:59:59Z"])
    func isoTimesRoundTrip(text: String) {
        let parsed = ISOTime.parse(text)
        #expect(parsed.map(ISOTime.format) == text)
        #expect(parsed.map { Double($0) } == ISO8601DateFormatter().date(from: text)?.timeIntervalSince1970)
    }

    @Test(arguments: ["2025-02-30T00:00:00Z", "2025-01-08 19:50", "2025-01-08T19:50:49", "2025-01-08T24:00:00Z", "x"])
    func badIsoTimesAreRejected(text: String) {
        #expect(ISOTime.parse(text) == nil)
    }

    @Test func isoTimesWithOffsets() {
        #expect(ISOTime.parse("2025-01-08T20:50:49+01:00") == Self.at("2025-01-08T19:50:49Z"))
        #expect(ISOTime.parse("2025-01-08T19:50:49.250Z") == Self.at("2025-01-08T19:50:49Z"))
    }
}
