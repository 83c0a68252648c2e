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
