import Foundation
import Testing
@testable import SRSAnki

/// The notes-file samples of Fixtures/csv/ read by srs and by Anki (`get_csv_metadata`, in
/// csv.expected.json): the same separator, HTML flag, header values and rows.
@Suite struct AnkiCSVTests {
    static func truth() throws -> [String: [String: Any]] {
        let object = try JSONSerialization.jsonObject(with: try Fixture.data("csv/csv.expected.json"))
        return object as? [String: [String: Any]] ?? [:]
    }

    @Test(arguments: ["plain.csv", "guessed.tsv", "quoted.csv", "comments.csv", "headers.txt", "pipes.txt", "html.csv"])
    func srsReadsTheFileAsAnkiDoes(_ name: String) throws {
        let anki = try #require(try Self.truth()[name])
        let file = try DelimitedText.read(try Fixture.data("csv/\(name)"))
        #expect(String(file.separator) == anki.string("separator"))
        #expect(file.isHTML == (anki["isHTML"] as? Bool))
        #expect(file.tags == anki.strings("tags"))
        #expect(file.guidColumn.map(Int64.init) ?? 0 == anki.int("guidColumn"))
        let labels = anki.strings("columns")
        #expect(file.columns == (labels.allSatisfy(\.isEmpty) ? [] : labels))
        // Anki falls back to the column after the note type's fields for tags; only a header sets ours.
        if let column = file.tagsColumn { #expect(Int64(column) == anki.int("tagsColumn")) }
        let width = file.rows.first?.fields.count ?? 0
        let rows = file.rows.prefix(5).map { row in
            (row.fields + Array(repeating: "", count: max(0, width - row.fields.count))).map { file.isHTML ? HTMLText.plain($0) : $0 }
        }
        #expect(rows == (anki["preview"] as? [[String]]))
    }
}
