import Foundation
import Testing
@testable import SRSStore

/// `$TZ` read as the C library reads it, and never a silent UTC.
@Suite struct TimeZoneTests {
    let summer = Date(timeIntervalSince1970: 1_780_000_000) // 2026-05-28
    let winter = Date(timeIntervalSince1970: 1_765_000_000) // 2025-12-06

    func tz(_ value: String) throws -> TimeZone {
        try TimeZones.zone(setting: nil, settingsPath: "/s.json", environment: ["TZ": value])
    }

    @Test(arguments: [":America/New_York", "America/New_York", ":/usr/share/zoneinfo/America/New_York"])
    func aZoneNameWithOrWithoutAColonOrAsAPathIsThatZone(value: String) throws {
        let zone = try tz(value)
        #expect(zone.identifier == "America/New_York")
        #expect(zone.secondsFromGMT(for: summer) == -4 * 3600)
        #expect(zone.secondsFromGMT(for: winter) == -5 * 3600)
    }

    @Test(arguments: [("UTC0", 0), ("EST5", -5 * 3600), ("<+0530>-5:30", 19_800), ("JST-9", 9 * 3600), ("<-03>3", -3 * 3600)])
    func aFixedOffsetRuleIsEvaluated(rule: String, seconds: Int) throws {
        #expect(try tz(rule).secondsFromGMT(for: summer) == seconds)
        #expect(try tz(rule).secondsFromGMT(for: winter) == seconds)
    }

    @Test func aZoneFileNameWinsOverTheRuleReading() throws {
        // EST5EDT is a file of the zone folder: it has daylight saving, unlike the bare rule EST5.
        #expect(try tz("EST5EDT").secondsFromGMT(for: summer) == -4 * 3600)
    }

    @Test(arguments: [
        ("CET-1CEST,M3.5.0,M10.5.0/3", "TZ=CET-1CEST,M3.5.0,M10.5.0/3 cannot be used: it is a POSIX rule with daylight saving, which srs cannot follow."),
        ("Nowhere/Place", "TZ=Nowhere/Place cannot be used: it is neither a time zone this system knows nor a POSIX rule such as UTC0."),
        (":Mars/Olympus_Mons", "TZ=:Mars/Olympus_Mons cannot be used: it is neither a time zone"),
        ("../../etc/passwd", "TZ=../../etc/passwd cannot be used: it is neither"),
        ("/tmp/zone", "TZ=/tmp/zone cannot be used: srs reads zone files only from /usr/share/zoneinfo."),
    ])
    func anUnusableTZIsAUsageErrorNamingIt(value: String, message: String) {
        do { _ = try tz(value); Issue.record("accepted TZ=\(value)") } catch let error as StoreError {
            #expect(error.exitCode == 64)
            #expect(error.description.hasPrefix(message), "\(error)")
            #expect(error.description.hasSuffix("Set TZ to a zone name such as Europe/Berlin (or :Europe/Berlin), or set \"time_zone\" in settings.json."))
        } catch { Issue.record("\(error)") }
    }

    @Test func theSettingWinsOverTZAndAnUnknownOneIsDamageNamingIt() throws {
        let zone = try TimeZones.zone(setting: "Asia/Tokyo", settingsPath: "/s.json", environment: ["TZ": "Nowhere/Place"])
        #expect(zone.identifier == "Asia/Tokyo")
        let dir = TempDir()
        try dir.write("users/alice/settings.json", "{\"time_zone\": \"Nowhere/Place\"}")
        do { _ = try ProgressStore.openReadOnly(dir.location()); Issue.record("accepted an unknown zone") } catch let error as StoreError {
            #expect(error.exitCode == 65)
            #expect(error.description.hasPrefix("\(dir.path)/users/alice/settings.json: \"time_zone\" is \"Nowhere/Place\", which is not a time zone this system knows."))
        }
    }

    @Test func unsetOrEmptyTZIsTheSystemZone() throws {
        #expect(try TimeZones.zone(setting: nil, settingsPath: "/s.json", environment: [:]) == TimeZone.current)
        #expect(try tz("") == TimeZone.current)
    }
}
