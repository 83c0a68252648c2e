import Foundation
import Testing
@testable import SRSAnki

/// Damaged packages and arbitrary text never crash the readers: a package either reads or is
/// refused with an `AnkiError`; text always renders. Seeded, so a failure repeats.
@Suite struct ReaderPropertyTests {
    /// SplitMix64, for repeatable mutations.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let small = AnkiLimits(maximumEntryBytes: 64 << 20, maximumRatio: 200, ratioFloorBytes: 1 << 20)

    func outcome(_ data: Data) -> String {
        do {
            let package = try AnkiPackage.read(data, limits: Self.small)
            for file in package.media { _ = try package.mediaData(file) }
            return "read"
        } catch let error as AnkiError {
            return error.description.isEmpty ? "empty message" : "refused"
        } catch {
            return "unexpected \(error)"
        }
    }

    @Test(arguments: ["sm2.apkg", "sm2-legacy.apkg", "fsrs.colpkg", "fsrs-legacy.colpkg"])
    func flippedBytesAreReadOrRefused(_ file: String) throws {
        let original = try Fixture.data(file)
        var random = Seeded(state: 0x5EED ^ UInt64(original.count))
        var outcomes: [String: Int] = [:]
        for _ in 0..<150 {
            var data = original
            for _ in 0..<Int.random(in: 1...8, using: &random) {
                data[Int.random(in: 0..<data.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
            }
            outcomes[outcome(data), default: 0] += 1
        }
        #expect(Set(outcomes.keys).isSubset(of: ["read", "refused"]), "\(outcomes)")
        #expect(outcomes["refused", default: 0] > 0)
    }

    @Test(arguments: ["sm2.apkg", "fsrs-legacy.apkg"])
    func everyTruncationIsRefused(_ file: String) throws {
        let original = try Fixture.data(file)
        var random = Seeded(state: 0xC0FFEE)
        for _ in 0..<60 {
            let cut = original.prefix(Int.random(in: 0..<original.count, using: &random))
            #expect(outcome(cut) == "refused", "cut at \(cut.count)")
        }
    }

    @Test func arbitraryTextAlwaysRenders() {
        var random = Seeded(state: 42)
        let pieces = ["{{", "}}", "{{c1::", "::", "{{#F}}", "{{/F}}", "{{^F}}", "{{F}}", "{{type:F}}", "<b>", "</b>", "<br>",
                      "<img src=", "\"", "'", ">", "<", "&", "&#x", ";", "[sound:", "]", "<li>", "<ul>", "</ol>", "\u{1B}", "\n", "é", "x"]
        let notetype = AnkiNotetype(id: 1, name: "n", kind: .cloze, fields: ["F"],
                                    templates: [AnkiTemplate(name: "t", question: "{{cloze:F}}", answer: "{{cloze:F}}")], css: "")
        for _ in 0..<2000 {
            let text = (0..<Int.random(in: 0...24, using: &random)).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &random)] }.joined()
            let note = AnkiNote(id: 1, guid: "g", notetype: 1, fields: [text], tags: [])
            for ord in 0..<2 {
                let card = CardRenderer.render(note, of: notetype, ord: ord)
                #expect(!HTMLText.plain(card.question).contains("\u{1B}"))
            }
            _ = TemplateParser.parse(text)
            _ = try? DelimitedText.read(Data(text.utf8))
        }
    }
}
