/// A key the explanation computes: the result of its calculation (`1/(1 − MPC) = 1/0.2 = 5`,
/// `η = 1 − 300/600 = 0.5`) equal to the number of exactly one option, when every option is a
/// number (`5`, `1.25`, `50%`, `Zero`, `300 K`). It is weighed evidence (`--infer-keys`), not a
/// stated key: an explanation may compute a step and then adjust it in words (`2⁶ = 64
/// addresses… two of them cannot be assigned` for 62), so `docs/quiz-format.md` ("Evidence").
///
/// A result is the number after the last `=` or `≈` of a chain, not followed by another operator
/// (`1 − 0.8 = 0.2` ends a chain, `= 0.2 × 5` does not). A result in a sentence that denies,
/// warns or supposes (`not`, `mistake`, `would`, `if`…) is no result. A fraction and a
/// percentage are the same value (`0.5` and `50%`); an option with a unit needs the same unit
/// after the result (`= 200 m/s` is not `200 km/h`). A number the question gives is its data
/// (`k = 2` restated from the question), no result. Results matching two options give none.
enum ComputedValue {
    struct Value: Equatable {
        var number: Double
        var percent: Bool
        /// The text after the number, lower-cased and trimmed (`k`, `m/s`); empty for none.
        var unit: String
    }

    static func key(question: String, options: [String], explanation: String) -> Int? {
        // Cheap tests first: an `=` or `≈` in the explanation, every option opening with a digit,
        // a sign or a letter (a number word).
        // `=` is 0x3D; `≈` (U+2248) is E2 89 88 in UTF-8.
        guard options.count >= 2, explanation.utf8.contains(where: { $0 == 0x3D || $0 == 0xE2 }),
              explanation.unicodeScalars.contains(where: { $0 == "=" || $0 == "≈" }) else { return nil }
        var values: [Value] = []
        for option in options {
            guard let value = optionValue(option) else { return nil }   // most items stop at their first option
            values.append(value)
        }
        let given = numbers(in: Array(question.unicodeScalars))
        let scalars = Array(explanation.unicodeScalars)
        let doubted = doubtedBefore(scalars)
        var matched = Set<Int>()
        for index in scalars.indices where scalars[index] == "=" || scalars[index] == "≈" {
            guard !doubted[index], let (result, end) = number(in: scalars, from: index + 1), !continuesExpression(scalars, end),
                  !given.contains(where: { close($0, result.number) }) else { continue }
            let unit = unitText(scalars, from: end)
            for (option, value) in values.enumerated() where matches(result, unit: unit, value) {
                matched.insert(option)
            }
        }
        return matched.count == 1 ? matched.first : nil
    }

    /// An option that is only a number, a number word, or a number with `%` or a short unit.
    static func optionValue(_ text: String) -> Value? {
        guard let first = text.utf8.first else { return nil }
        // Cheap tests first: a number word is short, a number opens with a digit or a sign.
        guard (48...57).contains(first) || first == UInt8(ascii: "-") || first == 0xE2 else {
            return text.utf8.count <= 5 ? numberWords[text.lowercased()].map { Value(number: $0, percent: false, unit: "") } : nil
        }
        let trimmed = text.trimmingSpaces
        let scalars = Array(trimmed.unicodeScalars)
        guard let (number, end) = number(in: scalars, from: 0, leadingSpace: false) else { return nil }
        var rest = String(String.UnicodeScalarView(scalars[end...])).trimmingSpaces
        var percent = false
        if rest.hasPrefix("%") { percent = true; rest.removeFirst() }
        rest = rest.trimmingSpaces.lowercased()
        // A unit is a short run of letters, `/`, `°` and `²`-like signs: not a phrase.
        guard rest.count <= 6, !rest.contains(" "), rest.unicodeScalars.allSatisfy({ unitScalar($0) }) else { return nil }
        return Value(number: number.number, percent: percent || number.percent, unit: rest)
    }

    private static func unitScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || "/°²³·".unicodeScalars.contains(scalar)
    }

    static func matches(_ result: Value, unit: String, _ option: Value) -> Bool {
        if !option.unit.isEmpty, !unit.hasPrefix(option.unit) { return false }
        if option.percent == result.percent { return close(result.number, option.number) }
        // `0.5` for `50%`, `50%` for `0.5`: only without units on either side.
        guard option.unit.isEmpty else { return false }
        return option.percent ? close(result.number * 100, option.number) : close(result.number, option.number * 100)
    }

    private static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(1, abs(a), abs(b)) }

    /// The number starting at `start` (after spaces when `leadingSpace`): digits, `,` thousands,
    /// one `.`, a leading `-` or `−`; its value with `%` when one follows, and where it ends.
    static func number(in scalars: [Unicode.Scalar], from start: Int, leadingSpace: Bool = true) -> (Value, Int)? {
        var index = start
        while leadingSpace, index < scalars.count, scalars[index] == " " || scalars[index] == "\u{A0}" { index += 1 }
        var text = ""
        if index < scalars.count, scalars[index] == "-" || scalars[index] == "−" { text = "-"; index += 1 }
        var digits = 0
        var point = false
        while index < scalars.count {
            let scalar = scalars[index]
            if isDigit(scalar) { text.unicodeScalars.append(scalar); digits += 1 }
            else if scalar == ",", digits > 0, (1...3).allSatisfy({ index + $0 < scalars.count && isDigit(scalars[index + $0]) }),
                    !(index + 4 < scalars.count && isDigit(scalars[index + 4])) {}
            else if scalar == ".", !point, digits > 0, index + 1 < scalars.count, ("0"..."9").contains(scalars[index + 1]) {
                point = true; text.append(".")
            } else { break }
            index += 1
        }
        guard digits > 0, let value = Double(text) else { return nil }
        var end = index
        while end < scalars.count, scalars[end] == " " { end += 1 }
        if end < scalars.count, scalars[end] == "%" { return (Value(number: value, percent: true, unit: ""), end + 1) }
        return (Value(number: value, percent: false, unit: ""), index)
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    /// Every number in `scalars` (the question's data).
    static func numbers(in scalars: [Unicode.Scalar]) -> [Double] {
        var found: [Double] = []
        var index = 0
        while index < scalars.count {
            if isDigit(scalars[index]), index == 0 || !isDigit(scalars[index - 1]) && scalars[index - 1] != ".",
               let (value, end) = number(in: scalars, from: index, leadingSpace: false) {
                found.append(value.number)
                index = max(end, index + 1)
            } else { index += 1 }
        }
        return found
    }

    /// `= 0.2 × 5`, `= 2^3`, `= 10 − x`: the number is a term, not the result.
    private static func continuesExpression(_ scalars: [Unicode.Scalar], _ end: Int) -> Bool {
        var index = end
        while index < scalars.count, scalars[index] == " " { index += 1 }
        guard index < scalars.count else { return false }
        if "=≈×*/÷+^·(".unicodeScalars.contains(scalars[index]) { return true }
        // A minus is an operator only before a number or a letter (`= 10 − x`), not a dash (`5 — the`).
        if scalars[index] == "−" || (scalars[index] == "-" && index + 1 < scalars.count && scalars[index + 1] == " ") {
            var next = index + 1
            while next < scalars.count, scalars[next] == " " { next += 1 }
            return next < scalars.count && (scalars[next].properties.isAlphabetic || ("0"..."9").contains(scalars[next]))
        }
        return false
    }

    private static func unitText(_ scalars: [Unicode.Scalar], from end: Int) -> String {
        var index = end
        while index < scalars.count, scalars[index] == " " { index += 1 }
        var unit = ""
        while index < scalars.count, unitScalar(scalars[index]) { unit.unicodeScalars.append(scalars[index]); index += 1 }
        return unit.lowercased()
    }

    /// For each place, whether the sentence so far (from its start to that place) denies, warns or
    /// supposes: one pass over the text.
    private static func doubtedBefore(_ scalars: [Unicode.Scalar]) -> [Bool] {
        var flags = [Bool](repeating: false, count: scalars.count)
        var doubted = false
        var word: [UInt8] = []   // the current word, lower-cased ASCII (no doubting word is other)
        var wordIsASCII = true
        for (index, scalar) in scalars.enumerated() {
            let value = scalar.value
            if (65...90).contains(value) || (97...122).contains(value) || value == 39 {
                word.append(UInt8(value) | (value == 39 ? 0 : 0x20))
            } else if value >= 0x80, scalar.properties.isAlphabetic {
                wordIsASCII = false
                word.append(0)
            } else if !word.isEmpty {
                if wordIsASCII, word.count <= 14 {
                    let lowered = String(decoding: word, as: UTF8.self)
                    if doubting.contains(lowered) || lowered.hasSuffix("n't") { doubted = true }
                }
                word.removeAll(keepingCapacity: true)
                wordIsASCII = true
            }
            flags[index] = doubted
            // A sentence ends at `!`, `?`, `;`, or `.` before a space.
            if "!?;".unicodeScalars.contains(scalar) || (scalar == "." && index + 1 < scalars.count && scalars[index + 1] == " ") {
                doubted = false
            }
        }
        return flags
    }

    static let doubting: Set<String> = ["not", "no", "never", "mistake", "mistakenly", "wrong", "wrongly", "incorrect",
                                        "incorrectly", "error", "would", "could", "might", "if", "suppose", "instead",
                                        "rather", "unlike", "confuse", "confused", "misconception", "forget", "forgetting"]

    static let numberWords: [String: Double] = ["zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                                                "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10]
}
