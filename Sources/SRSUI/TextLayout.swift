import Foundation
import SRSCore
import SRSText

/// Word wrapping and clean-up of text before it reaches the screen.
public enum TextLayout {
    /// `text` made safe to draw: every control character (ESC among them, so no escape sequence
    /// survives), DEL and the bidi overrides replaced by a visible stand-in (`␛`, `␡`, `�`), tabs
    /// by a space (`SRSCore.TerminalSafe`). Newlines stay when `keepNewlines` is true.
    public static func sanitize(_ text: String, keepNewlines: Bool = true) -> String {
        TerminalSafe.sanitize(text, keepNewlines: keepNewlines)
    }

    /// Whether a typed answer says the same as the model answer once case, accents, width
    /// variants, spacing and final punctuation are set aside (lenient checking, as learners ask).
    public static func sameAnswer(_ typed: String, _ model: String) -> Bool {
        let a = comparable(typed), b = comparable(model)
        return !a.isEmpty && a == b
    }

    static func comparable(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        let words = folded.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        return String(words.reversed().drop(while: { $0.isPunctuation }).reversed())
    }

    /// Lines of at most `width` columns. Paragraphs (split at newlines) start new lines; lines
    /// break at spaces and next to wide (CJK) characters; a word longer than a line is cut.
    public static func wrap(_ text: String, width: Int) -> [String] {
        let width = max(width, 1)
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .flatMap { wrapParagraph(String($0), width: width) }
    }

    /// Wraps `text` after a first-line `prefix` (like "A) "); later lines are indented by the
    /// prefix's width so they hang under the text.
    public static func wrap(_ text: String, width: Int, hangingAfter prefix: String) -> [String] {
        let indent = DisplayWidth.of(prefix)
        let lines = wrap(text, width: max(width - indent, 1))
        let pad = String(repeating: " ", count: indent)
        return lines.enumerated().map { ($0.offset == 0 ? prefix : pad) + $0.element }
    }

    static func wrapParagraph(_ paragraph: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        var space = ""
        for token in tokens(of: paragraph) {
            if token.first == " " { space = token; continue }
            let tokenWidth = DisplayWidth.of(token)
            // Spaces before the first word keep a paragraph's indentation; after a break they go.
            let gap = line.isEmpty && !lines.isEmpty ? "" : space
            space = ""
            if lineWidth + gap.count + tokenWidth <= width {
                line += gap + token
                lineWidth += gap.count + tokenWidth
                continue
            }
            if !line.isEmpty { lines.append(line) }
            let pieces = cut(token, width: width)
            lines += pieces.dropLast()
            line = pieces.last ?? ""
            lineWidth = DisplayWidth.of(line)
        }
        lines.append(line)
        return lines
    }

    private enum TokenClass { case space, narrow, wide }

    /// Runs of spaces, runs of narrow non-space characters, and single wide characters: the
    /// units between which a line may break.
    static func tokens(of text: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        var currentClass = TokenClass.space
        for character in text {
            let cls: TokenClass = character == " " ? .space : DisplayWidth.of(character) == 2 ? .wide : .narrow
            if current.isEmpty || (cls == currentClass && cls != .wide) {
                current.append(character)
            } else {
                tokens.append(current)
                current = String(character)
            }
            currentClass = cls
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }

    /// A token too long for a line, in pieces that each fit.
    static func cut(_ token: String, width: Int) -> [String] {
        var pieces: [String] = []
        var rest = Substring(token)
        while !rest.isEmpty {
            var piece = DisplayWidth.prefix(of: String(rest), fitting: width)
            if piece.isEmpty, let first = rest.first { piece = String(first) }
            pieces.append(piece)
            rest = rest.dropFirst(piece.count)
        }
        return pieces
    }
}
