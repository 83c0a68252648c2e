import Foundation
import SRSAnki
import SRSCore
import Testing

/// Anki → srs → Anki with history (issue 12.3/12.4 against 12.6), through the built binary on the
/// committed package of scripts/make-anki-history-fixtures.sh: an exported collection keeps its
/// notes' guids and its revlog rows' ids, so that Anki, importing the export into the collection
/// it came from, updates its notes and adds only srs's answers (checked with Anki itself by
/// scripts/anki-round-trip.sh).
@Suite struct AnkiRoundTripCommandTests {
    static let package = AnkiHistoryCommandTests.fixture("sm2-1.colpkg")

    /// The fixture imported just after its export, three cards answered in srs, exported again.
    static func exported() throws -> (original: AnkiCollection, export: AnkiCollection, answered: Int) {
        let data = try AnkiHistoryCommandTests.withoutFuzz()
        let imported = try AnkiHistoryCommandTests.run(["import", package, "--at", AnkiHistoryCommandTests.firstImport], data)
        #expect(imported.status == 0, "\(imported.stderr)")
        let ids = try AnkiHistoryCommandTests.ids("sm2-1.colpkg").values.sorted()
        let lines = ids.prefix(3).map { "\($0) good 1500\n" }.joined()
        let answered = try AnkiHistoryCommandTests.run(["answer", "--at", "2026-01-12T01:05:00Z"], data, input: lines)
        #expect(answered.status == 0, "\(answered.stderr)")
        let file = data.path + "/back.apkg"
        let export = try AnkiHistoryCommandTests.run(["export", file, "--with-progress", "--deck", "Study",
                                                      "--as-of", "2026-01-12T01:30:00Z"], data)
        #expect(export.status == 0, "\(export.stderr)")
        let original = try AnkiPackage.read(try Data(contentsOf: URL(fileURLWithPath: package))).collection
        let written = try AnkiPackage.read(try Data(contentsOf: URL(fileURLWithPath: file))).collection
        return (original, written, 3)
    }

    @Test func theNotesKeepTheirAnkiGuids() throws {
        let (original, export, _) = try Self.exported()
        #expect(export.notes.map(\.guid).sorted() == original.notes.map(\.guid).sorted())
        #expect(export.cards.count == original.cards.count)
        // Each card is in the note of the same guid and template as in Anki.
        let guidOf = { (c: AnkiCollection) in Dictionary(uniqueKeysWithValues: c.notes.map { ($0.id, $0.guid) }) }
        let (was, now) = (guidOf(original), guidOf(export))
        #expect(Set(export.cards.map { "\(now[$0.note] ?? "")#\($0.ord)" }) == Set(original.cards.map { "\(was[$0.note] ?? "")#\($0.ord)" }))
    }

    @Test func anAnswerFromAnkiKeepsItsRevlogIDAndSrssAnswersAreAdded() throws {
        let (original, export, answered) = try Self.exported()
        let ankiAnswers = original.revlog.filter { $0.ease > 0 }
        let ids = export.revlog.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(Set(ankiAnswers.map(\.id)).isSubset(of: Set(ids)))
        #expect(ids.count == ankiAnswers.count + answered)
        // Anki's rows come back with their grade and time taken.
        let rows = Dictionary(uniqueKeysWithValues: export.revlog.map { ($0.id, $0) })
        #expect(ankiAnswers.filter { rows[$0.id]?.ease != $0.ease || rows[$0.id]?.time != $0.time }.map(\.id) == [])
    }
}
