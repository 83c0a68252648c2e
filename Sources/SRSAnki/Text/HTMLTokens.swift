import Foundation

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

    /// The split, found byte by byte. In text that is not all ASCII, `<` and `>` count only
    /// where they are characters of their own (`<` followed by a combining mark is the character
    /// `<́`, text), a tag opens at any letter, and a comment's ends are found as Foundation finds
    /// them: the split a walk character by character makes (a second, character-wise tokenizer
    /// was removed once this one was shown to split 2,000,000 odd strings as it did;
    /// `HTMLTokensTests` keeps the cases where a byte and a character differ).
    static func tokens(_ html: String) -> [Token] {
        let scanner = Scanner(html)
        let utf8 = html.utf8
        var out: [Token] = []
        var text = ""
        var rest = utf8.startIndex
        while let open = scanner.first("<", from: rest) {
            text += html[rest..<open]
            let after = utf8.index(after: open)
            if scanner.opensComment(at: after) {
                guard let end = scanner.commentEnd(from: after) else { rest = utf8.endIndex; break }
                rest = end
                continue
            }
            guard scanner.opensTag(at: after), let close = scanner.first(">", from: after) else {
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

    /// Finds markup in the UTF-8 of a text; in ASCII (the common case) every byte is a character.
    private struct Scanner {
        let html: String
        let ascii: Bool

        init(_ html: String) {
            self.html = html
            // Over the contiguous bytes (a native string's; one from Foundation may have none) the
            // check is a tight loop: through the UTF-8 view it took 4 % of the tokenizer's work.
            ascii = html.utf8.withContiguousStorageIfAvailable { $0.allSatisfy { $0 < 0x80 } } ?? html.utf8.allSatisfy { $0 < 0x80 }
        }

        /// The first `byte` at or after `start` that is a character of its own.
        func first(_ byte: Unicode.Scalar, from start: String.Index) -> String.Index? {
            let utf8 = html.utf8
            var from = start
            while let index = utf8[from...].firstIndex(of: UInt8(ascii: byte)) {
                let next = utf8.index(after: index)
                if ascii || String.Index(index, within: html) != nil && String.Index(next, within: html) != nil { return index }
                from = next
            }
            return nil
        }

        /// Whether a tag opens just past a `<`: at a letter, `/` or `!`.
        func opensTag(at index: String.Index) -> Bool {
            if ascii {
                guard index < html.utf8.endIndex else { return false }
                let byte = html.utf8[index]
                return (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "!")
            }
            guard let character = html[index...].first else { return false }
            return character.isLetter || character == "/" || character == "!"
        }

        /// Whether a comment opens just past a `<`.
        func opensComment(at index: String.Index) -> Bool {
            ascii ? html.utf8[index...].starts(with: "!--".utf8) : html[index...].hasPrefix("!--")
        }

        /// Just past the first `-->` at or after `start`.
        func commentEnd(from start: String.Index) -> String.Index? {
            guard ascii else { return html[start...].range(of: "-->")?.upperBound }
            let utf8 = html.utf8
            var from = start
            while let index = utf8[from...].firstIndex(of: UInt8(ascii: "-")) {
                if utf8[index...].starts(with: "-->".utf8) { return utf8.index(index, offsetBy: 3) }
                from = utf8.index(after: index)
            }
            return nil
        }
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
