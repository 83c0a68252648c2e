import Foundation
import Testing

/// A real full disk and a real read-only disk: a tiny tmpfs mounted for the test. Runs where the
/// test may mount (root in CI and on the developers' machines); the injected-failure tests in
/// SRSStoreTests cover the same paths everywhere.
@Suite(.serialized) struct RealDiskTests {
    static func sh(_ command: String) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }

    static let canMount: Bool = {
        let probe = FileManager.default.temporaryDirectory.appendingPathComponent("srs-mount-probe-\(getpid())").path
        defer { _ = sh("umount '\(probe)' 2>/dev/null; rmdir '\(probe)'") }
        return sh("mkdir -p '\(probe)' && mount -t tmpfs -o size=64k tmpfs '\(probe)'") == 0
    }()

    /// Mounts a 64 KiB tmpfs, runs `body` with its path, unmounts.
    func withTinyDisk(_ body: (String) throws -> Void) throws {
        let folder = TempFolder()
        let mountPoint = folder.path + "/disk"
        try #require(Self.sh("mkdir -p '\(mountPoint)' && mount -t tmpfs -o size=64k tmpfs '\(mountPoint)'") == 0)
        defer { _ = Self.sh("umount '\(mountPoint)'") }
        try body(mountPoint)
    }

    @Test(.enabled(if: canMount)) func aFullDiskIsExit74AndKeepsEveryEarlierAnswer() throws {
        try withTinyDisk { disk in
            try TempFolder.writeCards((1...60).map { "c\($0)" } + ["new"], dataDir: URL(fileURLWithPath: disk))
            let log = disk + "/users/ann/reviews.jsonl"
            // Fill the log's last 4 KiB page, so that the next answer needs a new one.
            var answered = 0
            func size() -> Int { ((try? FileManager.default.attributesOfItem(atPath: log))?[.size] as? Int) ?? 0 }
            repeat {
                answered += 1
                let run = try SRSProcess.run(["answer", "--data-dir", disk, "--user", "ann"], input: "c\(answered) good\n")
                try #require(run.status == 0)
            } while size() % 4096 < 3900
            let before = try Data(contentsOf: URL(fileURLWithPath: log))
            // 1000 KiB do not fit in 64 KiB: dd fills the disk and fails.
            #expect(Self.sh("dd if=/dev/zero of='\(disk)/filler' bs=1k count=1000") != 0)
            let full = try SRSProcess.run(["answer", "--data-dir", disk, "--user", "ann"], input: "new good\n")
            #expect(full.status == 74)
            #expect(full.stderr.contains("Error: cannot write \(log): No space left on device"), "\(full.stderr)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: log)) == before)
            try #require(Self.sh("rm '\(disk)/filler'") == 0)
            let again = try SRSProcess.run(["answer", "--data-dir", disk, "--user", "ann"], input: "new good\n")
            #expect(again.status == 0)
            #expect(again.stdout.hasPrefix("{\"seq\":\(answered + 1),"))
        }
    }

    @Test(.enabled(if: canMount)) func aReadOnlyDiskIsExit74AndTouchesNothing() throws {
        try withTinyDisk { disk in
            try TempFolder.writeCards(["c1", "c2"], dataDir: URL(fileURLWithPath: disk))
            let first = try SRSProcess.run(["answer", "--data-dir", disk, "--user", "ann"], input: "c1 good\n")
            #expect(first.status == 0)
            let log = disk + "/users/ann/reviews.jsonl"
            let before = try Data(contentsOf: URL(fileURLWithPath: log))
            try #require(Self.sh("mount -o remount,ro '\(disk)'") == 0)
            let readOnly = try SRSProcess.run(["answer", "--data-dir", disk, "--user", "ann"], input: "c2 good\n")
            #expect(readOnly.status == 74, "\(readOnly.stderr)")
            #expect(readOnly.stderr.contains("Read-only file system"), "\(readOnly.stderr)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: log)) == before)
        }
    }
}
