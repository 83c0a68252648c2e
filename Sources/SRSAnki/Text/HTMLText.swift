import Foundation
import SRSText

/// A run of text with the emphasis its HTML gave it.
public struct TextRun: Equatable, Sendable {
    public var text: String
    public var bold = false
    public var italic = false
    public var underline = false
    public init(_ text: String, bold: Bool = false, italic: Bool = false, underline: Bool = false) {
        self.text = text
        self.bold = bold
        self.italic = italic
        self.underline = underline
    }
}

/// Anki's HTML fields as terminal text: line breaks for `<br>` and blocks, bullets and numbers
/// for list items, entities decoded, other tags dropped, `<img>` as `[image: name]`,
/// `[sound:x]` as `[sound: x]`, `<style>`/`<script>` contents gone, MathJax left as text, and no
/// control characters or escape sequences from the field.
public enum HTMLText {
    /// The text as runs with bold, italic and underline kept.
    public static func runs(_ html: String) -> [TextRun] {
        var writer = HTMLWriter()
        for token in HTMLTokens.tokens(html) {
            switch token {
            case .text(let text): writer.text(Entities.decode(text))
            case .tag(let tag): writer.tag(tag)
            }
        }
        return writer.runs
    }

    /// The text without emphasis.
    public static func plain(_ html: String) -> String {
        isPlainAlready(html) ? html : runs(html).map(\.text).joined()
    }

    /// True for printable ASCII without markup (`<`, `>`, `&`, `[`) and with single spaces
    /// between words only: such text comes out of `runs` as it went in, so most fields of a large
    /// collection skip the tokenizer.
    static func isPlainAlready(_ text: String) -> Bool {
        var previous: UInt8 = 0x20
        for byte in text.utf8 {
            guard byte > 0x20 && byte < 0x7F || byte == 0x20 && previous != 0x20 else { return false }
            if byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "[") { return false }
            previous = byte
        }
        return previous != 0x20
    }

    /// The text with `**bold**`, `*italic*` and `_underline_` marked.
    public static func marked(_ html: String) -> String {
        runs(html).map { run in
            let mark = (run.bold ? "**" : "") + (run.italic ? "*" : "") + (run.underline ? "_" : "")
            return mark + run.text + String(mark.reversed())
        }.joined()
    }

    /// The HTML with its tags removed and its entities left as they are (Anki's `text:` filter,
    /// before the text is rendered).
    static func stripTags(_ html: String) -> String {
        HTMLTokens.tokens(html).map { token in
            if case .text(let text) = token { return text }
            return ""
        }.joined()
    }

    /// `[sound:name]` as `[sound: name]`.
    static func soundTags(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "[")) else { return text }
        return text.replacingOccurrences(of: "[sound:", with: "[sound: ")
    }

    /// Control characters and escape sequences dropped; newlines kept.
    static func safe(_ text: String) -> String { TerminalSafe.sanitize(text, keepNewlines: true) }
}
