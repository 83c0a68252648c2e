/// A token of an explanation, question or option as key inference compares them: a word, a
/// number (`99.7`, `1987`, `3×10⁸`, `-40`, `10⁻⁷` stay whole) or a symbol (`θ` is a word; `%`,
/// `°`, `∞`, `♯` are symbols), with the boundary before it.
struct EvidenceToken: Equatable {
    enum Kind: Equatable { case word, number, symbol }
    /// The strongest boundary between the previous token and this one.
    enum Boundary: Int, Comparable {
        case none, comma, clause, sentence
        static func < (a: Boundary, b: Boundary) -> Bool { a.rawValue < b.rawValue }
    }

    var text: String
    var kind: Kind
    var boundary: Boundary
    /// A single upper-case letter A–H, as written (`B`, not the article `a`).
    var isCapitalLetter: Bool
    /// Written with a capital first letter (`Darwin`).
    var isCapitalized = false
    /// An ordinal (`second`) may name an option by its place; not where an option's text holds
    /// the word (`Second law`), unless a noun follows (`the second option`): `StatedKeys`.
    var mayNamePlace = true
    /// The character glued to the token on each side (`(` and `)` in `(C)`), if any.
    var before: Unicode.Scalar?
    var after: Unicode.Scalar?

    /// What is compared: numbers and symbols whole; words lower-cased, a plural `s` dropped,
    /// cut to five characters (`learns`/`learning`); number words as digits (`two` → `2`).
    /// Computed once, when the token is made.
    private(set) var stem = ""

    /// Written with two capitals or more (`HTTPS`, `DDoS`): an abbreviation, compared whole
    /// (`HTTPS` is not the plural of `HTTP`).
    var isAcronym = false

    init(text: String, kind: Kind, boundary: Boundary, isCapitalLetter: Bool, isCapitalized: Bool = false,
         isAcronym: Bool = false, before: Unicode.Scalar? = nil, after: Unicode.Scalar? = nil) {
        self.text = text
        self.kind = kind
        self.boundary = boundary
        self.isCapitalLetter = isCapitalLetter
        self.isCapitalized = isCapitalized
        self.isAcronym = isAcronym && kind == .word
        self.before = before
        self.after = after
        stem = self.isAcronym ? text : Self.stem(of: text, kind)
        cues = kind == .word ? ExplanationReading.cueTable[text] ?? [] : []
        isContent = kind != .word || !cues.contains(.function)
    }

    static func stem(of text: String, _ kind: Kind) -> String {
        switch kind {
        case .number, .symbol: return text
        case .word:
            if let first = text.utf8.first, Self.mayStartNumberWord(first),
               let digits = EvidenceTokens.numberWords[text] { return digits }
            let utf8 = text.utf8
            if utf8.allSatisfy({ $0 < 0x80 }) {   // ASCII: the same rule on bytes, without scalars
                var count = utf8.count
                if count > 3, count <= 7, utf8.last == UInt8(ascii: "s"),
                   Self.dropsPlural(before: utf8[utf8.index(utf8.endIndex, offsetBy: -2)]) {
                    count -= 1
                }
                return count <= 5 && count == utf8.count ? text : String(decoding: utf8.prefix(min(count, 5)), as: UTF8.self)
            }
            var scalars = Array(text.unicodeScalars.prefix(7))
            if text.unicodeScalars.count <= 7, scalars.count > 3, scalars.last == "s",
               !["s", "u", "i"].contains(scalars[scalars.count - 2]) {
                scalars.removeLast()
            }
            return String(String.UnicodeScalarView(scalars.prefix(5)))
        }
    }

    /// A plural `s` is dropped unless it follows `s`, `u` or `i` (`class`, `virus`, `axis`).
    private static func dropsPlural(before byte: UInt8) -> Bool {
        byte != UInt8(ascii: "s") && byte != UInt8(ascii: "u") && byte != UInt8(ascii: "i")
    }

    /// The first letters of the number words, to skip the look-up for every other word.
    private static func mayStartNumberWord(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "s"), UInt8(ascii: "e"), UInt8(ascii: "n"),
             UInt8(ascii: "h"), UInt8(ascii: "z"): return true
        default: return false
        }
    }

    /// Not a function word: what can tell options apart.
    private(set) var isContent = true
    /// The reading cues this word is (`not`, `unlike`, `but`…), looked up once.
    private(set) var cues = ExplanationReading.Cues()

    /// Reads a function word as content (the noun `mean` after an article).
    mutating func makeContent() {
        isContent = true
        cues.remove(.function)
    }
}

/// Splits text into `EvidenceToken`s in one pass over its scalars.
enum EvidenceTokens {
    static func tokens(_ text: String) -> [EvidenceToken] {
        var scanner = Scanner(scalars: Array(text.unicodeScalars))
        var tokens = scanner.run()
        // `the mean`, `a mean`: after an article the verb `mean` is the noun, content (the
        // option `The mean` has no other word).
        for index in tokens.indices.dropFirst() where tokens[index].text == "mean"
            && ["the", "a", "its", "their"].contains(tokens[index - 1].text) {
            tokens[index].makeContent()
        }
        // `D. melanogaster`, `E. coli`, `A. thaliana`: a capital letter and a full stop before a
        // lower-case word abbreviate a name; the letter names no option, and no sentence ends there.
        for index in tokens.indices.dropLast() where tokens[index].isCapitalLetter && tokens[index].after == "." {
            let next = tokens[index + 1]
            if next.kind == .word, !next.isCapitalized, next.boundary == .sentence {
                tokens[index].isCapitalLetter = false
                tokens[index + 1].boundary = .none
            }
        }
        // `C. S. Lewis`, `D. H. Lawrence`, `A. A. Milne`: initials one after another, then the name.
        var index = 0
        while index + 1 < tokens.count {
            let first = tokens[index], next = tokens[index + 1]
            guard first.isCapitalized, first.text.unicodeScalars.count == 1, first.after == ".",
                  next.isCapitalized, next.text.unicodeScalars.count == 1, next.after == ".", next.boundary == .sentence,
                  index + 2 < tokens.count, tokens[index + 2].isCapitalized, tokens[index + 2].kind == .word else { index += 1; continue }
            var end = index + 1
            while end + 1 < tokens.count, tokens[end + 1].isCapitalized, tokens[end + 1].text.unicodeScalars.count == 1,
                  tokens[end + 1].after == "." { end += 1 }
            for position in index...end { tokens[position].isCapitalLetter = false }
            for position in (index + 1)...min(end + 1, tokens.count - 1) { tokens[position].boundary = .none }
            index = end + 1
        }
        return tokens
    }

    static let numberWords = ["two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
                              "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12",
                              "thirteen": "13", "fourteen": "14", "fifteen": "15", "sixteen": "16",
                              "seventeen": "17", "eighteen": "18", "nineteen": "19", "twenty": "20", "thirty": "30",
                              "forty": "40", "fifty": "50", "sixty": "60", "seventy": "70", "eighty": "80",
                              "ninety": "90", "hundred": "100", "thousand": "1000", "zero": "0"]
    /// Words that only steer the reading (negation, contrast), never content.
    static let cueOnly: Set<String> = ["none", "nothing", "never", "neither", "nor", "unlike", "rather", "instead",
                                       "however", "whereas", "although", "though", "despite", "option",
                                       "choice", "correct", "right", "answer", "wrong", "incorrect", "s", "t",
                                       "happen", "happens", "happened", "mean", "means", "statement",
                                       "statements", "following", "describe", "describes", "best", "likely"]

    private struct Scanner {
        let scalars: [Unicode.Scalar]
        var index = 0
        var boundary = EvidenceToken.Boundary.sentence
        var out: [EvidenceToken] = []
        var buffer: [UInt8] = []

        mutating func run() -> [EvidenceToken] {
            while index < scalars.count {
                let scalar = scalars[index]
                if startsToken(at: index) { readToken() } else if isSymbol(scalar) { emit(index, index + 1, .symbol) } else {
                    note(punctuation: scalar)
                    index += 1
                }
            }
            return out
        }

        func startsToken(at i: Int) -> Bool {
            if scalars[i].isWordCharacter { return true }
            return (scalars[i] == "-" || scalars[i] == "−") && i + 1 < scalars.count && scalars[i + 1].isDigitLike
                && (i == 0 || !scalars[i - 1].isWordCharacter)
        }

        mutating func readToken() {
            let start = index
            index += 1
            while index < scalars.count {
                if scalars[index].isWordCharacter || joinsNumber(at: index) { index += 1 } else { break }
            }
            let hasDigit = scalars[start..<index].contains { $0.isDigitLike }
            let isNumber = hasDigit && (scalars[start].isDigitLike || !scalars[start].isWordCharacter)
            if !isNumber, index + 1 < scalars.count, (scalars[index] == "'" || scalars[index] == "’") {
                readContraction(start)
                return
            }
            emit(start, index, isNumber ? .number : .word)
        }

        /// `.`/`,` between digits, and `×`, `^`, `·`, `⁻`, `⁺` inside a number.
        func joinsNumber(at i: Int) -> Bool {
            guard i > 0, i + 1 < scalars.count, scalars[i - 1].isDigitLike else { return false }
            let next = scalars[i + 1]
            switch scalars[i] {
            case ".", ",": return next.isDigitLike && next.isASCII
            case "×", "^", "·", "⁻", "⁺": return next.isDigitLike || "-−⁻".unicodeScalars.contains(next)
            default: return false
            }
        }

        /// `Earth's` → `earth`; `isn't` → `is` `not`; other apostrophes split.
        mutating func readContraction(_ start: Int) {
            var end = index + 1
            while end < scalars.count, scalars[end].isWordCharacter { end += 1 }
            let suffix = String(String.UnicodeScalarView(scalars[(index + 1)..<end])).lowercased()
            let word = String(String.UnicodeScalarView(scalars[start..<index])).lowercased()
            if suffix == "t", word.hasSuffix("n") {
                emit(start, index - 1, .word)
                out.append(EvidenceToken(text: "not", kind: .word, boundary: .none, isCapitalLetter: false))
            } else if suffix == "s", ["it", "that", "this", "what", "here", "there"].contains(word) {
                // `It's C.`, `That's C.`: the verb, not a possessive.
                emit(start, index, .word)
                out.append(EvidenceToken(text: "is", kind: .word, boundary: .none, isCapitalLetter: false))
            } else if suffix == "s" || suffix.isEmpty {
                emit(start, index, .word)
            } else {
                emit(start, index, .word)
                emit(index + 1, end, .word)
            }
            index = end
        }

        mutating func emit(_ start: Int, _ end: Int, _ kind: EvidenceToken.Kind) {
            guard end > start else { index = max(index, end); return }
            var text = lowercased(scalars[start..<end])
            if kind == .number { text = Self.normalizedNumber(text) }
            let capital = end - start == 1 && (65...72).contains(scalars[start].value)
            let before = start > 0 && !scalars[start - 1].isSpaceLike ? scalars[start - 1] : nil
            let after = end < scalars.count && !scalars[end].isSpaceLike ? scalars[end] : nil
            let capitals = scalars[start..<end].lazy.filter(\.isUppercaseLetter)
            out.append(EvidenceToken(text: text, kind: kind, boundary: boundary, isCapitalLetter: capital,
                                     isCapitalized: scalars[start].isUppercaseLetter,
                                     isAcronym: end - start <= 6 && capitals.prefix(2).count == 2, before: before, after: after))
            boundary = .none
            index = max(index, end)
        }

        /// The scalars as a lower-cased string; ASCII without Unicode case mapping, through a
        /// buffer the scanner keeps.
        mutating func lowercased(_ slice: ArraySlice<Unicode.Scalar>) -> String {
            buffer.removeAll(keepingCapacity: true)
            for scalar in slice {
                guard scalar.value < 0x80 else { return String(String.UnicodeScalarView(slice)).lowercased() }
                let byte = UInt8(scalar.value)
                buffer.append((65...90).contains(byte) ? byte | 0x20 : byte)
            }
            return String(decoding: buffer, as: UTF8.self)
        }

        /// `299,792,458` → `299792458`, `−40` → `-40`; `1,5` stays.
        static func normalizedNumber(_ text: String) -> String {
            var scalars = Array(text.unicodeScalars)
            if scalars.first == "−" { scalars[0] = "-" }
            var result = String.UnicodeScalarView()
            for (i, scalar) in scalars.enumerated() {
                if scalar == ",", scalars[(i + 1)...].prefix(while: { $0.isDigitLike }).count == 3 { continue }
                result.append(scalar)
            }
            return String(result)
        }

        mutating func note(punctuation scalar: Unicode.Scalar) {
            let next = index + 1 < scalars.count ? scalars[index + 1] : " "
            let found: EvidenceToken.Boundary
            switch scalar {
            case ".", "!", "?", "。", "！", "？": found = next.isSpaceLike || "\"'”’)".unicodeScalars.contains(next) ? .sentence : .none
            case ";", ":", "—": found = .clause
            case "–": found = next.isSpaceLike ? .clause : .none
            case ",": found = .comma
            case "\n": found = next == "\n" ? .sentence : .none
            default: found = .none
            }
            boundary = max(boundary, found)
        }

        func isSymbol(_ scalar: Unicode.Scalar) -> Bool {
            if scalar.value < 0x80 {
                switch scalar {
                case "%", "+", "<", "=", ">", "|", "~", "$": return true
                default: return false
                }
            }
            if "‰°′″".unicodeScalars.contains(scalar) { return true }
            switch scalar.properties.generalCategory {
            case .mathSymbol, .otherSymbol, .currencySymbol: return true
            default: return false
            }
        }
    }
}
