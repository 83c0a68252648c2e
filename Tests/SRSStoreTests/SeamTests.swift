import Foundation
import Testing
import SRSCore
@testable import SRSStore

/// The I/O seam is complete: every system call the store makes goes through `Syscalls`, so any
/// one of them can fail in a test, and whichever fails, srs reports a `StoreError` and keeps
/// every answer it acknowledged.
@Suite struct SeamTests {
    let t0: EpochSeconds = 1_764_475_200

    /// The live system calls, counted; call number `failAt` fails with EIO.
    final class Sweep: @unchecked Sendable {
        var calls = 0
        var failAt = Int.max
        var names: Set<String> = []

        /// When set, every call from `failAt` on fails, as if the process had been killed
        /// there (closing still closes): nothing can be undone.
        var crashes = false

        func fails(_ name: String) -> Bool {
            calls += 1
            names.insert(name)
            if calls == failAt || (crashes && calls > failAt) { errno = EIO; return true }
            return false
        }

        var syscalls: Syscalls {
            let live = Syscalls.live
            var io = live
            io.open = { [self] in fails("open") ? -1 : live.open($0, $1, $2) }
            io.close = { [self] in _ = fails("close"); return live.close($0) }
            io.read = { [self] in fails("read") ? -1 : live.read($0, $1, $2) }
            io.write = { [self] in fails("write") ? -1 : live.write($0, $1) }
            io.writeAt = { [self] in fails("writeAt") ? -1 : live.writeAt($0, $1, $2) }
            io.fsync = { [self] in fails("fsync") ? -1 : live.fsync($0) }
            io.ftruncate = { [self] in fails("ftruncate") ? -1 : live.ftruncate($0, $1) }
            io.rename = { [self] in fails("rename") ? -1 : live.rename($0, $1) }
            io.mkdir = { [self] in fails("mkdir") ? -1 : live.mkdir($0, $1) }
            io.unlink = { [self] in fails("unlink") ? -1 : live.unlink($0) }
            io.flock = { [self] in fails("flock") ? -1 : live.flock($0, $1) }
            io.fileStatus = { [self] in fails("fstat") ? nil : live.fileStatus($0) }
            io.pathStatus = { [self] in fails("stat") ? nil : live.pathStatus($0, $1) }
            io.list = { [self] in fails("list") ? nil : live.list($0) }
            return io
        }
    }

    /// A session: two answers, a snapshot, the history, a deck saved and listed. Returns the
    /// cards whose answer was acknowledged.
    func session(_ location: DataLocation, io: Syscalls) throws -> [CardID] {
        var acknowledged: [CardID] = []
        let store = try ProgressStore.openForReview(location, io: io)
        defer { store.close() }
        let reviewer = Reviewer(clock: DayClock(timeZone: TimeZone(identifier: "UTC")!))
        for (i, card) in ["c1", "c2", "c1"].map(CardID.init).enumerated() {
            let time = t0 + EpochSeconds(i * 700)
            try store.append(card: card, action: .answer(grade: .good, kind: .learn, answerMillis: 900), time: time,
                             after: reviewer.answer(store.cards[card], grade: .good, at: time))
            acknowledged.append(card)
        }
        try store.checkpoint()
        _ = try ProgressStore.openReadOnly(location, io: io).history()
        let library = DeckLibrary(location: location, io: io)
        try library.save(Deck(name: "d", cards: [Card(id: CardID("c1"), question: "Q?", kind: .trueFalse(answer: true), explanation: "")]))
        _ = try library.lazyAll().map { try $0.card(at: 0) }
        return acknowledged
    }

    @Test func whicheverSystemCallFailsTheErrorIsReportedAndNoAcknowledgedAnswerIsLost() throws {
        let clean = Sweep()
        let dir = TempDir()
        _ = try session(dir.location(), io: clean.syscalls)
        #expect(clean.names.isSuperset(of: ["open", "read", "write", "fsync", "rename", "mkdir", "flock", "fstat", "stat", "list", "writeAt", "ftruncate"]))
        #expect(clean.calls > 40)
        for k in 1...clean.calls {
            let sweep = Sweep()
            sweep.failAt = k
            let dir = TempDir()
            var acknowledged: [CardID] = []
            do {
                acknowledged = try session(dir.location(), io: sweep.syscalls)
            } catch let error as StoreError {
                #expect([65, 73, 74, 66].contains(error.exitCode), "call \(k): \(error)")
            }
            // Whatever failed, the log holds every acknowledged answer and reads back cleanly.
            let reopened = try ProgressStore.openReadOnly(dir.location())
            #expect(reopened.recordCount >= Set(acknowledged).count, "call \(k)")
            #expect(Set(acknowledged).isSubset(of: reopened.cards.keys), "call \(k)")
        }
    }

    /// No object file of `SRSStore` but the seam's own refers to a libc file call or to
    /// Foundation's `FileManager`: read from the symbols the compiler left undefined (`nm -u`).
    @Test func noStoreFileCallsTheSystemAroundTheSeam() throws {
        let build = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../.build/debug/SRSStore.build").standardized
        let calls: Set<String> = ["open", "open64", "openat", "close", "read", "pread", "pread64", "write", "pwrite",
                                  "pwrite64", "fsync", "fdatasync", "ftruncate", "ftruncate64", "rename", "renameat",
                                  "mkdir", "unlink", "flock", "stat", "stat64", "lstat", "lstat64", "fstat", "fstat64",
                                  "statx", "opendir", "readdir", "readdir64", "closedir"]
        let objects = try FileManager.default.contentsOfDirectory(atPath: build.path).filter { $0.hasSuffix(".swift.o") }
        #expect(objects.count > 20)
        var offenders: [String] = []
        for object in objects where object != "Syscalls.swift.o" {
            let nm = Process()
            nm.executableURL = URL(fileURLWithPath: "/usr/bin/nm")
            nm.arguments = ["-u", build.appendingPathComponent(object).path]
            let out = Pipe()
            nm.standardOutput = out
            try nm.run()
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            nm.waitUntilExit()
            let symbols = text.split(separator: "\n").compactMap { $0.split(separator: " ").last.map(String.init) }
            for symbol in symbols where calls.contains(symbol) || symbol.hasPrefix("$s5Glibc4open") || symbol.contains("FileManager") {
                offenders.append("\(object): \(symbol)")
            }
        }
        #expect(offenders == [])
    }
}
