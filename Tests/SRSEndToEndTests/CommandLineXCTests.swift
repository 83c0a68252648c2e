import XCTest

/// The command line's surface, as XCTest (the rest of the suite is Swift Testing).
final class CommandLineXCTests: XCTestCase {
    func testVersionAndHelpListTheExitCodes() throws {
        let version = try SRSProcess.run(["--version"])
        XCTAssertEqual(version.status, 0)
        XCTAssertEqual(version.stdout, "0.1.0\n")
        let help = try SRSProcess.run(["--help"])
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.stdout.contains("64 usage error, 65 bad data"), help.stdout)
        XCTAssertTrue(help.stdout.contains("75 locked"), help.stdout)
    }

    func testAnUnknownSubcommandOrOptionIsAUsageError() throws {
        let result = try SRSProcess.run(["frobnicate"])
        XCTAssertEqual(result.status, 64)
        XCTAssertTrue(result.stderr.hasPrefix("Error: "), result.stderr)
    }

    func testABadUserNameIsRefusedWithExit64() throws {
        for name in ["../x", "a/b", "", ".hidden", "bad\u{1}name"] {
            let result = try SRSProcess.run(["answer", "--data-dir", NSTemporaryDirectory(), "--user", name])
            XCTAssertEqual(result.status, 64, "user \(name.debugDescription): \(result.stderr)")
            XCTAssertTrue(result.stderr.hasPrefix("Error: invalid user name"), result.stderr)
        }
    }
}
