import Foundation

/// Cloze deletions, `{{c1::answer::hint}}`, nested ones included (`{{c1::a {{c2::b}}}}`), as
/// Anki's `rslib/src/cloze.rs` reads them.
public enum Cloze {
    indirect enum Piece: Equatable {
        case text(String)
        case deletion(number: Int, body: [Piece], hint: String?)
    }

    /// The cloze numbers used in `text`, ascending (one card each).
    public static func numbers(in text: String) -> [Int] {
        var found: Set<Int> = []
        func walk(_ pieces: [Piece]) {
            for case let .deletion(number, body, _) in pieces {
                found.insert(number)
                walk(body)
            }
        }
        walk(parse(text))
        return found.sorted()
    }

    /// `text` with deletion `number` asked: `[...]` (or `[hint]`) on the question side, the answer
    /// between `open` and `close` (Anki's `<b>`) on the answer side; every other deletion shows its text.
    public static func render(_ text: String, asking number: Int, answerSide: Bool,
                              open: String = "<b>", close: String = "</b>") -> String {
        render(parse(text), asking: number, answerSide: answerSide, marks: (open, close))
    }

    /// The texts of deletion `number`, for a typed answer (`{{type:cloze:Text}}`): one per
    /// deletion of that number, in order.
    public static func answers(in text: String, number: Int) -> [String] {
        var out: [String] = []
        func walk(_ pieces: [Piece]) {
            for case let .deletion(n, body, _) in pieces {
                if n == number { out.append(render(body, asking: 0, answerSide: true)) } else { walk(body) }
            }
        }
        walk(parse(text))
        return out
    }

    fileprivate static func render(_ pieces: [Piece], asking number: Int, answerSide: Bool,
                                   marks: (String, String) = ("<b>", "</b>")) -> String {
        pieces.map { piece in
            switch piece {
            case .text(let text): return text
            case let .deletion(n, body, hint):
                guard n == number else { return render(body, asking: number, answerSide: answerSide, marks: marks) }
                if answerSide { return marks.0 + render(body, asking: number, answerSide: true, marks: marks) + marks.1 }
                return "[" + (hint ?? "...") + "]"
            }
        }.joined()
    }

    /// Splits text into plain runs and deletions; an unclosed `{{c1::` stays text.
    static func parse(_ text: String) -> [Piece] {
        var scanner = Scanner(Array(text))
        return scanner.pieces(nested: false)
    }

    private struct Scanner {
        let chars: [Character]
        var index = 0
        init(_ chars: [Character]) { self.chars = chars }

        mutating func pieces(nested: Bool) -> [Piece] {
            var out: [Piece] = []
            var text = ""
            while index < chars.count {
                if nested, starts("}}") { break }
                if let (number, length) = opening() {
                    let start = index
                    index += length
                    if let deletion = deletion(number) {
                        if !text.isEmpty { out.append(.text(text)); text = "" }
                        out.append(deletion)
                        continue
                    }
                    index = start
                }
                text.append(chars[index])
                index += 1
            }
            if !text.isEmpty { out.append(.text(text)) }
            return out
        }

        /// After `{{cN::`: the body up to the matching `}}`, split at its first top-level `::`
        /// (Anki: `{{c1::a::b::c}}` asks `[b::c]`).
        private mutating func deletion(_ number: Int) -> Piece? {
            let body = pieces(nested: true)
            guard starts("}}") else { return nil }
            index += 2
            for (offset, piece) in body.enumerated() {
                guard case .text(let text) = piece, let split = text.range(of: "::") else { continue }
                let head = String(text[..<split.lowerBound])
                let tail = [Piece.text(String(text[split.upperBound...]))] + body[(offset + 1)...]
                return .deletion(number: number, body: Array(body[..<offset]) + (head.isEmpty ? [] : [.text(head)]),
                                 hint: Cloze.render(tail, asking: 0, answerSide: true))
            }
            return .deletion(number: number, body: body, hint: nil)
        }

        /// `{{c<digits>::` at the index: its number and length.
        private func opening() -> (Int, Int)? {
            guard starts("{{c") else { return nil }
            var end = index + 3
            while end < chars.count, chars[end].isASCII, chars[end].isNumber { end += 1 }
            guard end > index + 3, let number = Int(String(chars[index + 3..<end])), end + 1 < chars.count,
                  chars[end] == ":", chars[end + 1] == ":" else { return nil }
            return (number, end + 2 - index)
        }

        private func starts(_ literal: String) -> Bool {
            let wanted = Array(literal)
            return index + wanted.count <= chars.count && Array(chars[index..<index + wanted.count]) == wanted
        }
    }
}
