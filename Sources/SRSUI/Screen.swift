import SRSText

/// The eight colours every colour terminal has (ANSI 0–7). The terminal adapter maps them to
/// colour pairs, or drops them under `NO_COLOR` or on a monochrome terminal.
public enum Color: Int, Sendable, CaseIterable {
    case black = 0, red, green, yellow, blue, magenta, cyan, white
}

/// How a run of text is drawn. Meaning never rests on colour alone: every coloured mark also
/// has a symbol or an attribute, so the screen reads the same under `NO_COLOR`.
public struct Style: Equatable, Hashable, Sendable {
    public var foreground: Color?
    public var bold: Bool
    public var dim: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(foreground: Color? = nil, bold: Bool = false, dim: Bool = false,
                reverse: Bool = false, underline: Bool = false) {
        self.foreground = foreground
        self.bold = bold
        self.dim = dim
        self.reverse = reverse
        self.underline = underline
    }

    public static let plain = Style()
    public static let bold = Style(bold: true)
    public static let dim = Style(dim: true)
    public static let reverse = Style(reverse: true)
    public static func color(_ color: Color, bold: Bool = false) -> Style {
        Style(foreground: color, bold: bold)
    }
}

/// A run of text in one style. The text holds no control characters.
public struct Span: Equatable, Sendable {
    public var text: String
    public var style: Style
    public init(_ text: String, _ style: Style = .plain) {
        self.text = text
        self.style = style
    }
    public var width: Int { DisplayWidth.of(text) }
}

/// One screen row: spans drawn left to right from column 0, never wider than the screen.
public struct Row: Equatable, Sendable {
    public var spans: [Span]
    public init(_ spans: [Span] = []) { self.spans = spans }
    public init(_ text: String, _ style: Style = .plain) { self.spans = [Span(text, style)] }

    public var text: String { spans.map(\.text).joined() }
    public var width: Int { spans.reduce(0) { $0 + $1.width } }

    /// The row cut to at most `columns` display columns; a wide character that would straddle
    /// the edge is dropped.
    public func clipped(to columns: Int) -> Row {
        var room = columns
        var kept: [Span] = []
        for span in spans where room > 0 {
            let text = DisplayWidth.prefix(of: span.text, fitting: room)
            room -= DisplayWidth.of(text)
            if !text.isEmpty { kept.append(Span(text, span.style)) }
        }
        return Row(kept)
    }
}

/// The terminal size in character cells.
public struct Size: Equatable, Sendable {
    public var columns: Int
    public var rows: Int
    public init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
    }
}

/// A whole frame: exactly `size.rows` rows, none wider than `size.columns`.
public struct Screen: Equatable, Sendable {
    public let size: Size
    public let rows: [Row]

    /// Pads with empty rows or drops extra ones, and clips every row to the width.
    public init(size: Size, rows: [Row]) {
        self.size = size
        let height = max(size.rows, 0)
        let fitted = rows.prefix(height).map { $0.clipped(to: max(size.columns, 0)) }
        self.rows = fitted + Array(repeating: Row(), count: height - fitted.count)
    }

    /// The frame as plain text, one line per row, trailing blanks removed: what a learner reads.
    public var text: String {
        rows.map { row in
            var line = row.text
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }
}
