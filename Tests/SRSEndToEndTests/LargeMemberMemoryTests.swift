import Foundation
import Testing

/// A hostile or damaged file must not make srs allocate far beyond its size: a member srs does
/// not read (here 64 MiB long, on one line of the log) is skipped in place. Memory is the peak
/// resident size of the real process, from `/usr/bin/time`.
@Suite struct LargeMemberMemoryTests {
    static let memberBytes = 64 << 20

    @Test func aLongMemberSrsDoesNotReadCostsNoCopyOfIt() throws {
        let folder = TempFolder()
        let user = folder.url.appendingPathComponent("data/users/ana")
        try FileManager.default.createDirectory(at: user, withIntermediateDirectories: true)
        var log = Data("{\"format\":\"srs-review-log\",\"version\":2}\n".utf8)
        log += Data(("{\"id\":\"6e33b80e96354451-1\",\"card\":\"c1\",\"at\":1795942800,\"do\":\"answer\",\"grade\":\"good\","
            + "\"kind\":\"learn\",\"ms\":4200,\"scheduler\":\"anki\",\"x\":\"").utf8)
        log += Data(repeating: UInt8(ascii: "a"), count: Self.memberBytes)
        log += Data(("\",\"state\":{\"due\":1795943439,\"type\":\"learning\",\"queue\":\"learn\",\"left\":1,\"ivl\":0,\"ease\":0,"
            + "\"reps\":1,\"lapses\":0,\"first\":1795942800,\"last\":1795942800}}\n").utf8)
        try log.write(to: user.appendingPathComponent("reviews.jsonl"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/time")
        process.arguments = ["-f", "peak %M KiB", SRSProcess.binary.path, "stats", "--json", "--data-dir", folder.path + "/data", "--user", "ana"]
        process.environment = ["TZ": "UTC", "NO_COLOR": "1"]
        let stderr = Pipe()
        process.standardError = stderr
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let err = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(err)")
        let peak = try #require(err.split(separator: "\n").last.flatMap { $0.split(separator: " ").dropFirst().first }.flatMap { Int($0) })
        // The window grows to hold the line whole (at most twice its length, 128 MiB) and the
        // rest of srs takes about 60 MiB (188 MiB measured); reading the member into a string
        // cost another 64 MiB (251 MiB).
        #expect(peak < (2 * Self.memberBytes >> 10) + 90 << 10, "peak \(peak >> 10) MiB")
    }
}
