/// HTML split into text and tags, leniently: a `<` that does not open a tag is text.
enum HTMLTokens {
    enum Token: Equatable {
        case text(String)
        case tag(Tag)
    }

    /// One tag: its lower-case name, whether it closes, and its attributes.
    struct Tag: Equatable {
        var name: String
        var closing: Bool
        var attributes: [String: String]
    }

    static func tokens(_ html: String) -> [Token] {
        html.utf8.allSatisfy({ $0 < 0x80 }) ? asciiTokens(html) : characterTokens(html)
    }

    /// The same split for ASCII text, found byte by byte (in ASCII, every byte is a character).
    static func asciiTokens(_ html: String) -> [Token] {
        var out: [Token] = []
        var text = ""
        let utf8 = html.utf8
        var rest = utf8.startIndex
        while let open = utf8[rest...].firstIndex(of: UInt8(ascii: "<")) {
            text += html[rest..<open]
            let after = utf8.index(after: open)
            if utf8[after...].starts(with: "!--".utf8) {
                guard let end = asciiEnd(of: "-->", in: utf8, from: after) else { rest = utf8.endIndex; break }
                rest = end
                continue
            }
            guard after < utf8.endIndex, isTagStart(utf8[after]), let close = utf8[after...].firstIndex(of: UInt8(ascii: ">")) else {
                text += "<"
                rest = after
                continue
            }
            if !text.isEmpty { out.append(.text(text)); text = "" }
            out.append(.tag(tag(String(html[after..<close]))))
            rest = utf8.index(after: close)
        }
        text += html[rest...]
        if !text.isEmpty { out.append(.text(text)) }
        return out
    }

    /// A letter, `/` or `!`: what may follow `<` in a tag.
    private static func isTagStart(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "!")
    }

    /// The index just past the first `marker` at or after `start`.
    private static func asciiEnd(of marker: String, in utf8: String.UTF8View, from start: String.Index) -> String.Index? {
        var index = start
        while index < utf8.endIndex {
            if utf8[index...].starts(with: marker.utf8) { return utf8.index(index, offsetBy: marker.utf8.count) }
            index = utf8.index(after: index)
        }
        return nil
    }

    static func characterTokens(_ html: String) -> [Token] {
        var out: [Token] = []
        var text = ""
        var rest = html[...]
        while let open = rest.firstIndex(of: "<") {
            text += rest[..<open]
            let after = rest[rest.index(after: open)...]
            if after.hasPrefix("!--") {
                guard let end = after.range(of: "-->") else { rest = rest[rest.endIndex...]; break }
                rest = after[end.upperBound...]
                continue
            }
            guard let first = after.first, first.isLetter || first == "/" || first == "!",
                  let close = after.firstIndex(of: ">") else {
                text += "<"
                rest = after
                continue
            }
            if !text.isEmpty { out.append(.text(text)); text = "" }
            out.append(.tag(tag(String(after[..<close]))))
            rest = after[after.index(after: close)...]
        }
        text += rest
        if !text.isEmpty { out.append(.text(text)) }
        return out
    }

    /// `/name` or `name attr="v" attr2='w' attr3=x /`.
    private static func tag(_ body: String) -> Tag {
        let closing = body.hasPrefix("/")
        let inner = closing ? body.dropFirst() : body[...]
        let name = inner.prefix { $0.isLetter || $0.isNumber }.lowercased()
        return Tag(name: name, closing: closing, attributes: attributes(inner.dropFirst(name.count)))
    }

    private static func attributes(_ text: Substring) -> [String: String] {
        var out: [String: String] = [:]
        var rest = text
        while let equals = rest.firstIndex(of: "=") {
            let key = rest[..<equals].split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "/" }).last
            var value = rest[rest.index(after: equals)...].drop { $0 == " " }
            var parsed: Substring
            if let quote = value.first, quote == "\"" || quote == "'" {
                value = value.dropFirst()
                parsed = value.prefix { $0 != quote }
                rest = value.dropFirst(parsed.count + 1)
            } else {
                parsed = value.prefix { $0 != " " && $0 != "/" }
                rest = value.dropFirst(parsed.count)
            }
            if let key { out[key.lowercased()] = Entities.decode(String(parsed)) }
        }
        return out
    }
}
