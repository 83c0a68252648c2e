/// HTML character references: the named ones Anki's editor writes and common typography,
/// and every numeric one. An unknown or malformed reference stays as written.
enum Entities {
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ensp": " ", "emsp": " ",
        "thinsp": " ", "ndash": "–", "mdash": "—", "hellip": "…", "lsquo": "‘", "rsquo": "’", "ldquo": "“",
        "rdquo": "”", "laquo": "«", "raquo": "»", "middot": "·", "bull": "•", "copy": "©", "reg": "®",
        "trade": "™", "deg": "°", "plusmn": "±", "times": "×", "divide": "÷", "minus": "−", "le": "≤",
        "ge": "≥", "ne": "≠", "rarr": "→", "larr": "←", "harr": "↔", "uarr": "↑", "darr": "↓", "euro": "€",
        "pound": "£", "yen": "¥", "cent": "¢", "sect": "§", "para": "¶", "shy": "", "zwj": "\u{200D}",
        "zwnj": "\u{200C}", "eacute": "é", "egrave": "è", "ecirc": "ê", "agrave": "à", "aacute": "á",
        "acirc": "â", "auml": "ä", "ouml": "ö", "uuml": "ü", "szlig": "ß", "ccedil": "ç", "ntilde": "ñ",
        "iacute": "í", "oacute": "ó", "uacute": "ú", "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ",
        "pi": "π", "sigma": "σ", "mu": "μ", "lambda": "λ", "theta": "θ", "omega": "ω", "infin": "∞",
    ]

    static func decode(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        var out = ""
        var rest = text[...]
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            let name = after.prefix(while: { $0 != ";" && $0 != "&" && $0 != " " }).prefix(32)
            if after.dropFirst(name.count).first == ";", let value = reference(String(name)) {
                out += value
                rest = after.dropFirst(name.count + 1)
            } else {
                out += "&"
                rest = after
            }
        }
        return out + rest
    }

    private static func reference(_ name: String) -> String? {
        if let value = named[name] { return value }
        guard name.hasPrefix("#") else { return nil }
        let digits = name.dropFirst()
        let hex = digits.first == "x" || digits.first == "X"
        guard let code = UInt32(hex ? String(digits.dropFirst()) : String(digits), radix: hex ? 16 : 10),
              code != 0, let scalar = Unicode.Scalar(code) else { return nil }
        return String(Character(scalar))
    }
}
