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
        if name.contains(where: hidesSomething) { return "it contains an invisible character (a zero-width space, joiner, word joiner or byte-order mark)" }
        if name.utf8.count > maxBytes { return "it is longer than \(maxBytes) bytes" }
        return nil
    }

    /// Zero-width space, non-joiner, word joiner, BOM anywhere; a zero-width joiner except
    /// inside an emoji sequence (👨‍👩‍👧), which needs it.
    private static func hidesSomething(_ character: Character) -> Bool {
        let scalars = character.unicodeScalars
        if scalars.contains(where: { [0x200B, 0x200C, 0x2060, 0xFEFF, 0x00AD].contains($0.value) }) { return true }
        guard scalars.contains(where: { $0.value == 0x200D }) else { return false }
        return scalars.filter { $0.properties.isEmoji && $0.value > 0xFF }.count < 2
    }
}
