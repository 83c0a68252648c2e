import Foundation

/// An Anki card template parsed into text, field references and (inverted) sections:
/// `{{Field}}`, `{{filter:Field}}`, `{{#Field}}…{{/Field}}`, `{{^Field}}…{{/Field}}`.
indirect enum TemplateNode: Equatable {
    case text(String)
    /// A field reference: its name and filters, innermost (nearest the name) first.
    case field(name: String, filters: [String])
    case section(name: String, inverted: Bool, body: [TemplateNode])
}

enum TemplateParser {
    /// Parses leniently, as a renderer must: a stray `{{/X}}` is dropped, an unclosed section
    /// runs to the end, `{{` without `}}` is text.
    static func parse(_ template: String) -> [TemplateNode] {
        var tags = tokens(template)[...]
        return nodes(&tags, closing: nil)
    }

    private enum Token { case text(String), tag(String) }

    private static func tokens(_ template: String) -> [Token] {
        var out: [Token] = []
        var rest = template[...]
        while let open = rest.range(of: "{{") {
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            if open.lowerBound > rest.startIndex { out.append(.text(String(rest[..<open.lowerBound]))) }
            out.append(.tag(rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)))
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty { out.append(.text(String(rest))) }
        return out
    }

    private static func nodes(_ tokens: inout ArraySlice<Token>, closing: String?) -> [TemplateNode] {
        var out: [TemplateNode] = []
        while let token = tokens.popFirst() {
            switch token {
            case .text(let text): out.append(.text(text))
            case .tag(let tag):
                if let first = tag.first, first == "#" || first == "^" {
                    let name = String(tag.dropFirst()).trimmingCharacters(in: .whitespaces)
                    out.append(.section(name: name, inverted: first == "^", body: nodes(&tokens, closing: name)))
                } else if tag.hasPrefix("/") {
                    if String(tag.dropFirst()).trimmingCharacters(in: .whitespaces) == closing { return out }
                } else {
                    out.append(field(tag))
                }
            }
        }
        return out
    }

    /// `a:b:Field` → field `Field`, filters `[b, a]` (applied nearest the name first).
    private static func field(_ tag: String) -> TemplateNode {
        let parts = tag.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard let name = parts.last else { return .text("") }
        return .field(name: name, filters: parts.dropLast().reversed().map { $0.trimmingCharacters(in: .whitespaces) })
    }
}
