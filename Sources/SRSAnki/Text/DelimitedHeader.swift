import Foundation

/// The `#key:value` lines at the top of an Anki notes file (a first line `tags:` too).
struct DelimitedHeader {
    var separator: Character?
    var isHTML: Bool?
    var deck: String?
    var notetype: String?
    var tags: [String] = []
    var columns: String?
    var tagsColumn: Int?
    var deckColumn: Int?
    var notetypeColumn: Int?
    var guidColumn: Int?

    /// Reads the header lines and returns how many there were.
    mutating func read(_ lines: [Substring]) -> Int {
        var count = 0
        for line in lines {
            if count == 0, line.hasPrefix("tags:") {
                tags = words(line.dropFirst(5))
            } else if line.hasPrefix("#") {
                if let colon = line.firstIndex(of: ":") {
                    apply(key: line[line.index(after: line.startIndex)..<colon], value: line[line.index(after: colon)...])
                }
            } else {
                break
            }
            count += 1
        }
        return count
    }

    private mutating func apply(key: Substring, value: Substring) {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        switch key.trimmingCharacters(in: .whitespaces).lowercased() {
        case "separator": separator = DelimitedText.separator(named: value) ?? separator
        case "html": isHTML = Bool(trimmed.lowercased()) ?? isHTML
        case "tags": tags = words(value)
        case "columns": columns = String(value)
        case "notetype": notetype = trimmed
        case "deck": deck = trimmed
        case "tags column": tagsColumn = Int(trimmed)
        case "deck column": deckColumn = Int(trimmed)
        case "notetype column": notetypeColumn = Int(trimmed)
        case "guid column": guidColumn = Int(trimmed)
        default: break
        }
    }

    private func words(_ text: Substring) -> [String] {
        text.split(whereSeparator: \.isWhitespace).map(String.init)
    }
}
