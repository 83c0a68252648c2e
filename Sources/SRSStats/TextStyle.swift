import SRSCore
/// How the stats text is laid out: the terminal's width and whether to use colour (ANSI SGR).
/// The CLI decides both (no colour when piped or with `NO_COLOR`); rendering never asks.
public struct TextStyle: Sendable {
    /// Columns available; narrower than `minimumWidth` is laid out at that width.
    public var width: Int
    public var color: Bool

    public static let minimumWidth = 60
    public static let defaultWidth = 80

    public init(width: Int = TextStyle.defaultWidth, color: Bool = false) {
        self.width = max(width, Self.minimumWidth)
        self.color = color
    }

    func heading(_ s: String) -> String { sgr("1", s) }
    func dim(_ s: String) -> String { sgr("2", s) }
    func bar(_ s: String) -> String { sgr("36", s) }
    func heat(_ s: String, level: Int) -> String {
        guard level > 0 else { return dim(s) }
        return sgr(level >= 3 ? "32;1" : "32", s)
    }
    func warn(_ s: String) -> String { sgr("33", s) }

    private func sgr(_ code: String, _ s: String) -> String {
        color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s
    }
}
