import Foundation
import Testing
@testable import SRSCore
@testable import SRSStore

func readDeck(_ text: String, name: String = "t") throws -> Deck {
    try DeckReader.read(bytes: Array(text.utf8), name: name, path: "t.deck")
}

let sampleCards = [
    Card(id: CardID("mc1"), question: "Pick one.\nSecond line.", kind: .multipleChoice(
        options: ["0", "  indented", "Cθ 日本 😀"], key: AnswerKey(index: 1, source: .inferred(confidence: 0.71))),
         explanation: "First paragraph.\n\nSecond paragraph,\n  with indentation."),
    Card(id: CardID("tf1"), question: "True?", kind: .trueFalse(answer: false), explanation: ""),
    Card(id: CardID("sa1"), question: "Why?", kind: .shortAnswer(modelAnswer: "Because."), explanation: "More."),
    Card(id: CardID("mc2"), question: "Q", kind: .multipleChoice(options: ["a", "b"], key: nil), explanation: "x"),
    Card(id: CardID("mc3"), question: "Q3", kind: .multipleChoice(options: ["a", "b"], key: AnswerKey(index: 0, source: .corrected)),
         explanation: ""),
]

@Suite struct DeckFormatTests {
    @Test func writerAndReaderRoundTrip() throws {
        let deck = Deck(name: "t", cards: sampleCards)
        #expect(try readDeck(DeckWriter.text(of: deck)) == deck)
    }

    /// Version 1 as written by this srs: pinned so later versions keep reading it.
    static let versionOneFixture = """
        srs-deck 1
        # 2 cards.

        card: 89fc2ab78841
        type: multiple_choice
        question: What is the determinant of the 2×2 identity matrix?
        A: 0
        B: 1
        key: B
        explanation:
            Ones on the diagonal.

            So 1.

        card: d61ab655f131
        type: short_answer
        question: Independent?
        model_answer: No vector is a combination of the others.

        """

    @Test func readsTheVersionOneFixture() throws {
        let deck = try readDeck(Self.versionOneFixture)
        #expect(deck == Deck(name: "t", cards: [
            Card(id: CardID("89fc2ab78841"), question: "What is the determinant of the 2×2 identity matrix?",
                 kind: .multipleChoice(options: ["0", "1"], key: AnswerKey(index: 1, source: .corrected)),
                 explanation: "Ones on the diagonal.\n\nSo 1."),
            Card(id: CardID("d61ab655f131"), question: "Independent?",
                 kind: .shortAnswer(modelAnswer: "No vector is a combination of the others."), explanation: ""),
        ]))
    }

    /// Version 2 records where each key came from; pinned like version 1.
    static let versionTwoFixture = """
        srs-deck 2
        card: w
        type: multiple_choice
        question: Written?
        A: 0
        B: 1
        key: B written

        card: s
        type: multiple_choice
        question: Stated?
        A: 0
        B: 1
        key: A stated

        card: c
        type: multiple_choice
        question: Corrected?
        A: 0
        B: 1
        key: B corrected

        card: i
        type: multiple_choice
        question: Inferred?
        A: 0
        B: 1
        key: A inferred 0.62

        """

    @Test func readsAndWritesTheVersionTwoFixture() throws {
        let deck = try readDeck(Self.versionTwoFixture)
        #expect(deck.cards.map(\.kind.key) == [AnswerKey(index: 1, source: .written), AnswerKey(index: 0, source: .stated),
                                               AnswerKey(index: 1, source: .corrected),
                                               AnswerKey(index: 0, source: .inferred(confidence: 0.62))])
        let written = DeckWriter.text(of: deck)
        #expect(written.hasPrefix("srs-deck 2\n"))
        for line in ["key: B written\n", "key: A stated\n", "key: B corrected\n", "key: A inferred 0.62\n"] {
            #expect(written.contains(line))
        }
    }

    /// An Anki note's guid, kept by the import for the export back to Anki (issue 12).
    @Test func theAnkiGuidIsWrittenAndReadBack() throws {
        let card = Card(id: CardID("anki-0926ee4ee24531fa-t0"), question: "q", kind: .basic(back: "b"), explanation: "",
                        tags: ["x"], ankiGuid: "Ab#c1`{~: word 0")
        let text = DeckWriter.text(of: Deck(name: "t", cards: [card]))
        #expect(text.contains("\nanki_guid: Ab#c1`{~: word 0\n"))
        #expect(try readDeck(text).cards == [card])
        #expect(try readDeck("srs-deck 2\ncard: a\ntype: basic\nquestion: q\nanswer: b\n").cards[0].ankiGuid == nil)
    }

    @Test func handEditsAreAccepted() throws {
        let text = "# my deck\r\nsrs-deck 1\r\ncard: x\r\ntype: multiple choice\r\nquestion:\r\n\tTabbed line\r\n  two spaces\r\n"
            + "A: one   \r\nB: two\r\nkey: b explicit\r\n\r\n# a comment\r\ncard: y\r\ntype: True_False\r\nquestion: q\r\nanswer: TRUE\r\n"
        let deck = try readDeck(text)
        #expect(deck.cards.map(\.question) == ["Tabbed line\ntwo spaces", "q"])
        #expect(deck.cards[0].kind == .multipleChoice(options: ["one", "two"], key: AnswerKey(index: 1, source: .corrected)))
        #expect(deck.cards[1].kind == .trueFalse(answer: true))
    }

    @Test(arguments: [
        ("", 1, "the file is empty"),
        ("hello\n", 1, "not an srs deck: the first line must be `srs-deck 2` (or 1)"),
        ("srs-deck 1\ntype: true_false\n", 2, "`type:` comes before the first card"),
        ("srs-deck 1\ncard: a\ntype: true_false\nquestion: q\n", 2, "true/false card `a` has no answer"),
        ("srs-deck 1\ncard: a\ntype: true_false\nquestion: q\nanswer: maybe\n", 5, "`answer: maybe` is neither true nor false"),
        ("srs-deck 1\ncard: a\ntype: quiz\nquestion: q\n", 3, "unknown type `quiz`"),
        ("srs-deck 1\ncard: a\ntype: multiple_choice\nquestion: q\nA: x\nC: y\n", 6, "option C is out of order (expected B)"),
        ("srs-deck 1\ncard: a\ntype: multiple_choice\nquestion: q\nA: x\nB: y\nkey: D\n", 7, "`key: D` names an option this card does not have"),
        ("srs-deck 1\ncard: a\ntype: multiple_choice\nquestion: q\nA: x\nB: y\nkey: A inferred 7\n", 7, "`key: A inferred 7` has a confidence that is not between 0 and 1"),
        ("srs-deck 1\ncard: a\ntype: multiple_choice\nquestion: q\nA: x\n", 2, "multiple-choice card `a` has fewer than two options"),
        ("srs-deck 1\ncard: a\ntype: short_answer\nquestion: q\n", 2, "short-answer card `a` has no model answer"),
        ("srs-deck 1\ncard: a\ntype: short_answer\nquestion: q\nmodel_answer: m\ncard: a\ntype: true_false\nquestion: q\nanswer: true\n", 6, "card id `a` is used twice (first on line 2)"),
        ("srs-deck 1\ncard: a\ncolour: red\n", 3, "unknown field `colour`"),
        ("srs-deck 1\ncard: a\nquestion: q\nquestion: r\n", 4, "`question:` appears twice in one card (first on line 3)"),
        ("srs-deck 1\n  indented\n", 2, "indented line outside a field"),
        ("srs-deck 1\ncard: a\njust words\n", 3, "`just words` is not a field"),
        ("srs-deck 1\ncard: two words\n", 2, "`card: two words` is not a usable id"),
        ("srs-deck 1\ncard: a\ntype: short_answer\nmodel_answer: m\n", 2, "card `a` has no question"),
        ("srs-deck 2\ncard: a\ntype: basic\nquestion: q\n", 2, "basic card `a` has no answer"),
        ("srs-deck 2\ncard: a\ntype: type_in\nquestion: q\n", 2, "type-in card `a` has no answer"),
        ("srs-deck 2\ncard: a\ntype: cloze\nquestion: {{c1::x}}\n", 2, "cloze card `a` has no cloze number"),
        ("srs-deck 2\ncard: a\ntype: cloze\nquestion: {{c1::x}}\ncloze: 2\n", 5, "`cloze: 2` names no deletion `{{c2::…}}` of the question"),
        ("srs-deck 2\ncard: a\ntype: cloze\nquestion: no deletion\ncloze: x\n", 5, "`cloze: x` names no deletion `{{cx::…}}` of the question"),
        ("srs-deck 2\ncard: a\ntype: basic\nquestion: q\nanswer: b\nanki_guid: a\u{7}b\n", 6, "card `a` has an `anki_guid:` that is not 1 to 128 bytes without control characters"),
        ("srs-deck 2\ncard: a\ntype: basic\nquestion: q\nanki_guid: g\nanki_guid: h\n", 6, "`anki_guid:` appears twice in one card (first on line 5)"),
    ] as [(String, Int, String)])
    func malformedDecksNameTheLine(text: String, line: Int, problem: String) {
        #expect {
            try readDeck(text)
        } throws: { error in
            guard case let StoreError.damaged(path, errorLine, errorProblem, _) = error else { return false }
            return path == "t.deck" && errorLine == line && errorProblem == problem
        }
    }

    /// The id rule of `docs/deck-format.md` (issue 9.3): no spaces, controls or invisible
    /// characters, which would make two ids look the same.
    @Test(arguments: ["zw\u{200B}sp", "wj\u{2060}x", "\u{FEFF}bom", "zwj\u{200D}x", "zwnj\u{200C}x", "soft\u{AD}hyphen",
                      "vs\u{FE0F}x", "del\u{7F}x", "c1\u{85}x", "\u{202E}rtl", "\u{2066}iso", "ls\u{2028}x", "nb\u{A0}sp",
                      "bel\u{7}", "tab\tx"])
    func anIDWithAControlOrAnInvisibleCharacterIsRefused(id: String) {
        #expect(!CardID.isUsable(id), "\(id.debugDescription)")
        #expect {
            try readDeck("srs-deck 1\ncard: \(id)\ntype: true_false\nquestion: q\nanswer: true\n")
        } throws: { error in
            guard case let StoreError.damaged(_, line, problem, _) = error else { return false }
            return line == 2 && problem == "`card: \(id)` is not a usable id"
        }
    }

    @Test(arguments: ["c1", "my-card-1", "anki-0000000000000abc-t0", "café-猫-1", "Ω.ñ_9", String(repeating: "x", count: 64)])
    func idsOfLettersDigitsAndPunctuationAreUsable(id: String) {
        #expect(CardID.isUsable(id))
    }

    @Test func newerVersionIsRefused() {
        #expect(throws: StoreError.newerFormat(path: "t.deck", found: 3, supported: 2)) {
            try readDeck("srs-deck 3\n")
        }
    }

    @Test func errorMessageSaysFileLineAndFix() {
        do {
            _ = try readDeck("srs-deck 1\ncard: a\ncolour: red\n")
            Issue.record("no error")
        } catch let error as StoreError {
            #expect(error.description == "t.deck:3: unknown field `colour`. The file was left untouched. Known fields: card, type, question, A to H, key, answer, model_answer, explanation.")
            #expect(error.exitCode == 65)
        } catch { Issue.record("\(error)") }
    }
}

/// A deck of a few megabytes: round trip, and messages naming lines deep in the file.
@Suite struct DeckLargeTests {
    static func bigDeck(_ count: Int) -> Deck {
        Deck(name: "big", cards: (0..<count).map { index in
            Card(id: CardID("card-\(index)"), question: "Question number \(index)" + String(repeating: " pad", count: 40),
                 kind: index % 2 == 0 ? .trueFalse(answer: index % 4 == 0)
                     : .multipleChoice(options: ["one \(index)", "two"], key: AnswerKey(index: 1, source: .corrected)),
                 explanation: "Line one.\n\nLine three of \(index).")
        })
    }

    static let deck = bigDeck(12_000)
    static let text = DeckWriter.text(of: deck)

    @Test func aLargeDeckRoundTrips() throws {
        #expect(Self.text.utf8.count > 2_000_000)
        #expect(try readDeck(Self.text, name: "big") == Self.deck)
    }

    @Test func errorsDeepInTheFileNameTheirLine() throws {
        var lines = Self.text.components(separatedBy: "\n")
        let target = lines.count * 3 / 4
        let typeLine = try #require(lines[target...].firstIndex(where: { $0.hasPrefix("type:") }))
        lines[typeLine] = "type: nonsense"
        #expect {
            try readDeck(lines.joined(separator: "\n"))
        } throws: { error in
            guard case let StoreError.damaged(_, line, problem, _) = error else { return false }
            return line == typeLine + 1 && problem == "unknown type `nonsense`"
        }
    }

    @Test func aDuplicateIdFarApartIsFound() throws {
        var lines = Self.text.components(separatedBy: "\n")
        let last = try #require(lines.lastIndex(where: { $0.hasPrefix("card:") }))
        lines[last] = "card: card-0"
        #expect {
            try readDeck(lines.joined(separator: "\n"))
        } throws: { error in
            guard case let StoreError.damaged(_, line, problem, _) = error else { return false }
            return line == last + 1 && problem == "card id `card-0` is used twice (first on line 5)"
        }
    }
}

@Suite struct DeckCardIDListingTests {
    /// The decks by name, so that a test run prints the name and not the large deck's text.
    enum Sample: String, CaseIterable, CustomTestStringConvertible {
        case written, large, spacedIDWithCR
        var testDescription: String { rawValue }
        var text: String {
            switch self {
            case .written: return DeckWriter.text(of: Deck(name: "t", cards: sampleCards))
            case .large: return DeckLargeTests.text
            case .spacedIDWithCR: return "srs-deck 1\n# c\ncard:   spaced-id  \r\ntype: true_false\nquestion: q\nanswer: true\n"
            }
        }
    }

    @Test(arguments: Sample.allCases)
    func listingIdsAgreesWithLoading(sample: Sample) throws {
        let text = sample.text
        let ids = try Array(text.utf8).withUnsafeBytes { try DeckReader.cardIDs($0, path: "t.deck") }
        #expect(ids == (try readDeck(text).cards.map(\.id)))
    }

    @Test func listingChecksTheVersion() {
        #expect(throws: StoreError.newerFormat(path: "t.deck", found: 3, supported: 2)) {
            try Array("srs-deck 3\ncard: a\n".utf8).withUnsafeBytes { try DeckReader.cardIDs($0, path: "t.deck") }
        }
    }
}

@Suite struct DeckFieldNameTests {
    @Test func aSpaceBeforeTheColonIsNotAField() {
        #expect {
            try readDeck("srs-deck 1\ncard : a\n")
        } throws: { error in
            guard case let StoreError.damaged(_, line, problem, _) = error else { return false }
            return line == 2 && problem == "unknown field `card `"
        }
    }
}
