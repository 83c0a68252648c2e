import Foundation

/// The learner's time zone, from `time_zone` in `settings.json`, else `$TZ`, else the system's,
/// read as the C library reads `$TZ`: a leading `:` is dropped; a name with a file under the
/// zone folder (`$TZDIR`, else `/usr/share/zoneinfo`) is that zone; an absolute path names a
/// zone file; anything else is a POSIX rule. A rule with a fixed offset (`UTC0`, `EST5`,
/// `<+0530>-5:30`) is evaluated; one with daylight saving (`CET-1CEST,M3.5.0,M10.5.0/3`) is
/// refused, since srs's calendar cannot follow it: never a silent UTC.
public enum TimeZones {
    /// The zone `setting` names, else the one `$TZ` names. Throws `StoreError.damaged` (65,
    /// naming `settingsPath`) for an unknown `time_zone`, `.badTimeZone` (64) for a `$TZ`
    /// srs cannot use.
    public static func zone(setting: String?, settingsPath: String, environment: [String: String]) throws -> TimeZone {
        if let setting {
            guard let zone = TimeZone(identifier: setting) else {
                throw StoreError.damaged(path: settingsPath, line: nil,
                    problem: "\"time_zone\" is \"\(setting)\", which is not a time zone this system knows",
                    fix: "Use an IANA zone name such as \"Europe/Berlin\" (see /usr/share/zoneinfo), or null for the system's zone.")
            }
            return zone
        }
        return try fromTZ(environment["TZ"], zoneFolder: environment["TZDIR"] ?? "/usr/share/zoneinfo")
    }

    /// The zone `$TZ` names (the system's when it is unset or empty).
    static func fromTZ(_ value: String?, zoneFolder: String) throws -> TimeZone {
        guard var name = value, !name.isEmpty else { return .current }
        if name.hasPrefix(":") { name.removeFirst() }
        if name.isEmpty { return .current }
        if name.hasPrefix("/") { return try fromFile(name, variable: value ?? name, zoneFolder: zoneFolder) }
        let safe = !name.split(separator: "/").contains("..")
        if safe, Syscalls.live.pathStatus(zoneFolder + "/" + name, true).map(FileKind.isRegular) == true {
            if let zone = TimeZone(identifier: name) { return zone }
        }
        return try PosixZoneRule.zone(name, variable: value ?? name)
    }

    /// A zone file given by path: the zone of that name when it lies in the zone folder;
    /// `/etc/localtime` is the system's zone.
    private static func fromFile(_ path: String, variable: String, zoneFolder: String) throws -> TimeZone {
        let folder = zoneFolder.hasSuffix("/") ? zoneFolder : zoneFolder + "/"
        if path.hasPrefix(folder), !path.split(separator: "/").contains(".."),
           let zone = TimeZone(identifier: String(path.dropFirst(folder.count))) {
            return zone
        }
        if path == "/etc/localtime" { return .current }
        throw StoreError.badTimeZone(value: variable, problem: "srs reads zone files only from \(zoneFolder)")
    }
}

/// A POSIX `$TZ` rule: `std offset [dst [offset][,start[/time],end[/time]]]`.
enum PosixZoneRule {
    /// The fixed-offset zone the rule describes; throws `StoreError.badTimeZone` for a rule with
    /// daylight saving or text that is no rule.
    static func zone(_ rule: String, variable: String) throws -> TimeZone {
        var rest = Substring(rule)
        guard name(&rest) != nil, let offset = offset(&rest) else {
            throw StoreError.badTimeZone(value: variable, problem: "it is neither a time zone this system knows nor a POSIX rule such as UTC0")
        }
        guard rest.isEmpty else {
            throw StoreError.badTimeZone(value: variable, problem: "it is a POSIX rule with daylight saving, which srs cannot follow")
        }
        guard let zone = TimeZone(secondsFromGMT: -offset) else {
            throw StoreError.badTimeZone(value: variable, problem: "its offset is out of range")
        }
        return zone
    }

    /// `<...>` or three or more letters.
    private static func name(_ text: inout Substring) -> Substring? {
        if text.first == "<" {
            guard let close = text.firstIndex(of: ">") else { return nil }
            let name = text[text.index(after: text.startIndex)..<close]
            text = text[text.index(after: close)...]
            return name.count >= 3 ? name : nil
        }
        let letters = text.prefix { $0.isASCII && $0.isLetter }
        guard letters.count >= 3 else { return nil }
        text = text.dropFirst(letters.count)
        return letters
    }

    /// `[+-]hh[:mm[:ss]]` in seconds (west of Greenwich positive, as POSIX has it).
    private static func offset(_ text: inout Substring) -> Int? {
        var sign = 1
        if let first = text.first, first == "+" || first == "-" {
            sign = first == "-" ? -1 : 1
            text = text.dropFirst()
        }
        var seconds = 0
        for (index, unit) in [3600, 60, 1].enumerated() {
            if index > 0 {
                guard text.first == ":" else { break }
                text = text.dropFirst()
            }
            let digits = text.prefix { $0.isASCII && $0.isNumber }
            guard (1...2).contains(digits.count), let value = Int(digits), index == 0 ? value <= 24 : value < 60 else { return nil }
            seconds += value * unit
            text = text.dropFirst(digits.count)
        }
        return sign * seconds
    }
}
