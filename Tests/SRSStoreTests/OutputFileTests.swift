import Foundation
import Testing
@testable import SRSStore

/// `OutputFile.write` (`srs export`): a failure at any step leaves the learner's file as it was
/// and no temporary file behind (failures injected through `Syscalls`: tests run as root).
@Suite struct OutputFileTests {
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("srs-output-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The live calls, with `name` failing with EIO.
    static func failing(_ name: String) -> Syscalls {
        var io = Syscalls.live
        switch name {
        case "write": io.write = { _, _ in errno = ENOSPC; return -1 }
        case "fsync": io.fsync = { _ in errno = EIO; return -1 }
        default: io.rename = { _, _ in errno = EIO; return -1 }
        }
        return io
    }

    @Test(arguments: ["write", "fsync", "rename"])
    func aFailedStepKeepsTheOldFile(step: String) throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("out.apkg").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: OutputFileError.self) {
            try OutputFile.write(Array("new".utf8), to: path, replacing: true, io: Self.failing(step))
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.apkg"])
    }

    @Test(arguments: ["write", "fsync", "rename"])
    func aFailedNewFileLeavesNothing(step: String) throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("out.csv").path
        do {
            try OutputFile.write(Array("new".utf8), to: path, replacing: false, io: Self.failing(step))
            Issue.record("no error")
        } catch let error as OutputFileError {
            #expect(error.exitCode == 74)
            #expect(error.description.hasPrefix("cannot write \(path): "))
            #expect(error.description.hasSuffix("Nothing was written. Free some space or choose a writable place, then try again."))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [])
    }

    @Test func aNewFileIsWrittenWhole() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("out.csv").path
        try OutputFile.write(Array("a,b\r\n".utf8), to: path, replacing: false)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "a,b\r\n")
        #expect(throws: OutputFileError(description: "\(path) already exists. Nothing was written. Give --force to replace it, or name another file.", exitCode: 73)) {
            try OutputFile.write(Array("x".utf8), to: path, replacing: false)
        }
    }
}
