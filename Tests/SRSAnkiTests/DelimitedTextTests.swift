import Foundation
import Testing
@testable import SRSAnki

@Suite struct DelimitedTextTests {
    func read(_ text: String) throws -> DelimitedFile { try DelimitedText.read(Data(text.utf8)) }
    func fields(_ text: String) throws -> [[String]] { try read(text).rows.map(\.fields) }

    @Test func aPlainTwoColumnFile() throws {
        let file = try read("What is 2 + 2?,4\nCapital of Italy?,Rome\n")
        #expect(file.separator == ",")
        #expect(file.rows == [DelimitedRow(line: 1, fields: ["What is 2 + 2?", "4"]), DelimitedRow(line: 2, fields: ["Capital of Italy?", "Rome"])])
        #expect(!file.isHTML)
        #expect(file.columns.isEmpty && file.tags.isEmpty && file.deck == nil)
    }

    @Test func ankisHeaders() throws {
        let file = try read("""
            #separator:Semicolon
            #html:true
            #deck:Languages::French
            #notetype:Basic (and reversed card)
            #tags:imported french
            #columns:Front;Back;Tags
            #tags column:3
            #deck column:4
            #notetype column:5
            #guid column:6
            #unknown key:ignored
            le chat;the <b>cat</b>;animals;Other;Basic;abc
            """)
        #expect(file.separator == ";")
        #expect(file.isHTML)
        #expect(file.deck == "Languages::French")
        #expect(file.notetype == "Basic (and reversed card)")
        #expect(file.tags == ["imported", "french"])
        #expect(file.columns == ["Front", "Back", "Tags"])
        #expect([file.tagsColumn, file.deckColumn, file.notetypeColumn, file.guidColumn] == [3, 4, 5, 6])
        #expect(file.rows == [DelimitedRow(line: 12, fields: ["le chat", "the <b>cat</b>", "animals", "Other", "Basic", "abc"])])
    }

    @Test(arguments: [("#separator:tab\n", "\t"), ("#separator:Pipe\n", "|"), ("#separator:,\n", ","), ("#separator: space \n", " "),
                      ("#separator:colon\n", ":"), ("#separator:nonsense\n", "\t")])
    func separatorNames(_ header: String, _ separator: Character) throws {
        #expect(try read(header + "a\tb|c,d e:f").separator == separator)
    }

    @Test(arguments: [("a\tb,c", "\t"), ("a|b;c", "|"), ("a;b:c,d", ";"), ("a:b,c", ":"), ("a,b c", ","), ("a b", " ")])
    func theSeparatorIsGuessedInAnkisOrder(_ text: String, _ separator: Character) throws {
        #expect(try read(text).separator == separator)
    }

    @Test func quotedFieldsHoldSeparatorsQuotesAndLineBreaks() throws {
        let text = "\"a, b\",\"say \"\"hi\"\"\",\"two\nlines\"\r\nnext,\"\",last\n"
        let file = try read(text)
        #expect(file.rows == [DelimitedRow(line: 1, fields: ["a, b", "say \"hi\"", "two\nlines"]),
                              DelimitedRow(line: 3, fields: ["next", "", "last"])])
    }

    @Test func blankAndCommentLinesAreSkippedAndRowsKeepTheirLines() throws {
        let file = try read("#html:false\n\nq1,a1\n# a comment, not a card\n\nq2,a2\n")
        #expect(file.rows == [DelimitedRow(line: 3, fields: ["q1", "a1"]), DelimitedRow(line: 6, fields: ["q2", "a2"])])
    }

    @Test func aFirstLineTagsIsTheOldHeader() throws {
        let file = try read("tags:old style\nq\ta\n")
        #expect(file.tags == ["old", "style"])
        #expect(file.rows.map(\.fields) == [["q", "a"]])
    }

    @Test func htmlIsGuessedWhenNotDeclared() throws {
        #expect(try read("q,<i>a</i>").isHTML)
        #expect(try read("#separator:comma\nq,a &amp; b").isHTML)
        // Without the header, Anki's guess finds the ";" of "&amp;" first, as Anki's does.
        #expect(try read("q,a &amp; b").rows.map(\.fields) == [["q,a &amp", " b"]])
        #expect(try !read("q,a < b").isHTML)
        #expect(try !read("#html:false\nq,<i>a</i>").isHTML)
    }

    @Test func aBOMIsDropped() throws {
        #expect(try fields("\u{FEFF}q,a") == [["q", "a"]])
    }

    @Test func errorsNameTheLine() {
        #expect(throws: DelimitedTextError(line: 2, problem: "a quoted field is never closed; add the closing \"")) {
            try read("q,a\n\"open,field\nmore")
        }
        #expect(throws: DelimitedTextError(line: 1, problem: "text after a closing quote; write a quote inside a quoted field as \"\"")) {
            try read("\"a\"b,c")
        }
        #expect(throws: DelimitedTextError(line: 1, problem: "the file is not UTF-8 text; save it as UTF-8 and import it again")) {
            try DelimitedText.read(Data([0x66, 0xFF, 0xFE]))
        }
    }

    @Test(arguments: [
        ("deck.apkg", "", ImportFormat.ankiPackage), ("all.COLPKG", "", .ankiPackage), ("notes.csv", "q,a", .delimited),
        ("notes.tsv", "q a", .delimited), ("notes.txt", "#separator:tab\nq\ta", .delimited), ("notes.txt", "q\ta\nr\tb\n", .delimited),
        ("notes.txt", "tags:x\nq a", .delimited), ("quiz.txt", "1. What is 2 + 2?\na) 3\nb) 4\n", .quizText),
        ("quiz.txt", "q\ta\nno tab here\n", .quizText), ("quiz.txt", "# My quiz: chapter 1\nQ?\n", .quizText), ("notes.md", "q\ta", nil),
        // Quiz text with lone CR line ends and a tab on a line, or indented by tabs (an outside
        // review: both were read as notes files, one card or none).
        ("notes.txt", "q\ta\r\nr\tb\r\n", .delimited), ("notes.txt", "q\ta\rr\tb\r", .delimited),
        ("quiz.txt", "Question 1 Multiple Choice\rWhich organ?\rA)\tLiver\rB)\tPancreas\rAnswer:\tB\r", .quizText),
        ("quiz.txt", "\t1. Which organ?\r\n\tA) Liver\r\n\tB) Pancreas\r\n\t\r\n\tAnswer: B\r\n", .quizText),
    ])
    func formatGuessing(_ name: String, _ head: String, _ format: ImportFormat?) {
        #expect(ImportFormat.guess(fileName: name, head: Data(head.utf8)) == format)
    }
}
