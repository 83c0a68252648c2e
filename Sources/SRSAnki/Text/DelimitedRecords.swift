/// RFC 4180 records with a chosen separator: `"` quotes a field, `""` is a quote inside one, a
/// quoted field may hold separators and line breaks; `\r\n` ends a record like `\n`; blank lines
/// and lines starting with `#` are skipped, as Anki's reader does.
enum DelimitedRecords {
    static func parse(_ text: String, separator: Character, firstLine: Int) throws -> [DelimitedRow] {
        var parser = Parser(separator: separator, line: firstLine)
        for character in text { try parser.feed(character) }
        try parser.finish()
        return parser.rows
    }

    private struct Parser {
        let separator: Character
        var line: Int
        var rows: [DelimitedRow] = []
        var fields: [String] = []
        var field = ""
        var quoted = false, inQuotes = false, quoteJustClosed = false, comment = false
        var recordLine = 0

        init(separator: Character, line: Int) {
            self.separator = separator
            self.line = line
            recordLine = line
        }

        mutating func feed(_ c: Character) throws {
            if comment {
                if c == "\n" || c == "\r\n" { comment = false; line += 1; recordLine = line }
                return
            }
            if inQuotes {
                if c == "\"" { inQuotes = false; quoteJustClosed = true } else { field.append(c) }
                if c == "\n" || c == "\r\n" { line += 1 }
                return
            }
            switch c {
            case "\"" where quoteJustClosed: field.append("\""); inQuotes = true; quoteJustClosed = false
            case "\"" where field.isEmpty && !quoted: quoted = true; inQuotes = true
            case "#" where fields.isEmpty && field.isEmpty && !quoted: comment = true
            case separator: endField()
            case "\n", "\r\n": endRecord(); line += 1; recordLine = line
            case "\r": break
            default:
                if quoteJustClosed { throw DelimitedTextError(line: line, problem: "text after a closing quote; write a quote inside a quoted field as \"\"") }
                field.append(c)
            }
        }

        mutating func finish() throws {
            if inQuotes { throw DelimitedTextError(line: recordLine, problem: "a quoted field is never closed; add the closing \"") }
            endRecord()
        }

        private mutating func endField() {
            fields.append(field)
            field = ""
            quoted = false
            quoteJustClosed = false
        }

        private mutating func endRecord() {
            if fields.isEmpty, field.isEmpty, !quoted { return }
            endField()
            rows.append(DelimitedRow(line: recordLine, fields: fields))
            fields = []
        }
    }
}
