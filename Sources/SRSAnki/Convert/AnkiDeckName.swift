import SRSText

/// Anki deck paths as srs deck names, reversibly: `Parent::Child` stays as it is; what a file
/// name cannot hold (`/`, `\`, controls, invisible characters, a leading dot) and `%` itself are
/// written `%XX` (UTF-8 bytes), so `name(of:)` and `path(of:)` undo each other.
public enum AnkiDeckName {
    public static func name(of path: [String]) -> String {
        let joined = path.joined(separator: "::")
        var out = ""
        for (offset, character) in joined.enumerated() {
            out += needsEscape(character, first: offset == 0) ? escaped(character) : String(character)
        }
        return out
    }

    /// The Anki path of an srs deck name made by `name(of:)`.
    public static func path(of name: String) -> [String] {
        var bytes: [UInt8] = []
        var utf8 = Array(name.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2, let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self).components(separatedBy: "::")
    }

    /// Whether the deck `path` is `parent` or inside it (`--deck Parent`), without regard to case.
    public static func path(_ path: [String], isWithin parent: [String]) -> Bool {
        path.count >= parent.count && zip(path, parent).allSatisfy { $0.lowercased() == $1.lowercased() }
    }

    static func needsEscape(_ character: Character, first: Bool) -> Bool {
        if character == "%" || character == "/" || character == "\\" || (first && character == ".") { return true }
        return character.unicodeScalars.contains(where: TerminalSafe.isUnsafe) || TerminalSafe.hidesText(character)
    }

    static func escaped(_ character: Character) -> String {
        String(character).utf8.map { byte in
            let hex = String(byte, radix: 16, uppercase: true)
            return "%" + (hex.count == 1 ? "0" : "") + hex
        }.joined()
    }
}
