import Foundation
import Testing

/// Every line of the README's "Everyday use" block, run as written (from the repository root,
/// with the built `srs` first on the PATH) on a fresh data directory.
@Suite struct ReadmeExamplesTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The commands of the first fenced block after "## Everyday use", comments removed.
    static func examples() throws -> [String] {
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.range(of: "## Everyday use"))
        let blocks = readme[section.upperBound...].components(separatedBy: "```")
        let lines = try #require(blocks.count > 1 ? blocks[1] : nil).split(separator: "\n")
        return lines.map { line in
            String(line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0])
                .trimmingCharacters(in: .whitespaces)
        }.filter { !$0.isEmpty }
    }

    static func shell(_ command: String, data: TempFolder) throws -> SRSProcess.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.currentDirectoryURL = root
        var env = ProcessInfo.processInfo.environment
        env["PATH"] = SRSProcess.binary.deletingLastPathComponent().path + ":" + (env["PATH"] ?? "/usr/bin:/bin")
        env["SRS_DATA_DIR"] = data.path
        env["SRS_USER"] = "reader"
        env["NO_COLOR"] = "1"
        process.environment = env
        let stdout = Pipe(), stderr = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return SRSProcess.Result(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                                 stderr: String(decoding: err, as: UTF8.self))
    }

    @Test func everyExampleRunsAsWritten() throws {
        let examples = try Self.examples()
        #expect(examples.count == 11, "\(examples)")
        let data = TempFolder()
        for command in examples {
            let result = try Self.shell(command, data: data)
            if command == "srs" || command.hasPrefix("srs review") {
                // The review needs a terminal; everything it checks before that (the deck, the
                // options, the lock) passed when it says so, exit 64.
                #expect(result.status == 64, "\(command): \(result.stderr)")
                #expect(result.stderr.hasPrefix("Error: the review screen needs a terminal"), "\(command): \(result.stderr)")
            } else {
                #expect(result.status == 0, "\(command): \(result.stderr)")
                #expect(!result.stdout.isEmpty, "\(command) printed nothing")
            }
        }
    }
}
