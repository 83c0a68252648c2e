import SRSCore
import SRSText

/// Names that become file or folder names (users, decks): whatever could escape the data
/// directory, hide a file or drive a terminal is refused, with the reason.
enum FileName {
    /// Why `name` cannot be a file name of at most `maxBytes` UTF-8 bytes, or nil when it can.
    static func problem(with name: String, maxBytes: Int) -> String? {
        if name.isEmpty { return "it is empty" }
        if name.allSatisfy(\.isWhitespace) { return "it is only spaces" }
        if name.hasPrefix(".") { return "it starts with a dot" }
        if name.contains("/") || name.contains("\\") { return "it contains a path separator" }
        if name.unicodeScalars.contains(where: TerminalSafe.isUnsafe) { return "it contains a control character" }
        if name.contains(where: TerminalSafe.hidesText) { return "it contains an invisible character (a zero-width space, joiner, word joiner or byte-order mark)" }
        if name.utf8.count > maxBytes { return "it is longer than \(maxBytes) bytes" }
        return nil
    }
}
