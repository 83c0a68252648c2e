import Foundation
import Testing
@testable import SRSUI

/// The key table is the one source of the review's keys: the docs list the same keys, and
/// every key in the table does something where it is bound.
@Suite struct KeyTableTests {
    static let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/review-screen.md")

    /// The first column of the table under "## Keys" in docs/review-screen.md.
    static func documentedKeys() throws -> [String] {
        let text = try String(contentsOf: docs, encoding: .utf8)
        let section = try #require(text.components(separatedBy: "## Keys\n").dropFirst().first)
        let rows = section.split(separator: "\n").drop { !$0.hasPrefix("|") }.prefix { $0.hasPrefix("|") }
        return rows.dropFirst(2).map { row in
            row.split(separator: "|", omittingEmptySubsequences: false)[1].trimmingCharacters(in: .whitespaces)
        }
    }

    @Test func theDocsListTheKeysOfTheTableInItsOrder() throws {
        #expect(try Self.documentedKeys() == ReviewKeys.documentedKeys)
    }

    @Test func theHelpScreenAndTheCommandLineShowEveryHelpLine() {
        let summary = ReviewKeys.commandLineSummary
        for line in ReviewKeys.help {
            #expect(summary.contains(line.keys + " "), "\(line.keys)")
        }
        #expect(ReviewKeys.help.count == 15)
    }

    @Test func noKeyIsBoundTwiceInOnePlace() {
        for place in KeyPlace.allCases {
            let exact = ReviewKeys.table.filter { $0.places.contains(place) }.flatMap(\.keys).compactMap { pattern -> Key? in
                if case let .key(key) = pattern { return key }
                return nil
            }
            #expect(exact.count == Set(exact).count, "\(place): \(exact)")
        }
    }
}
