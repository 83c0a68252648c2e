import SRSCore

/// Writes a deck in the native format (`docs/deck-format.md`): `srs-deck 2`, then one block
/// of `field: value` lines per card. A value with several lines goes on indented lines under
/// its field, so long texts read naturally in an editor. Pure: returns the file's text.
public enum DeckWriter {
    /// The format version written on the first line. Version 2 records where each key came
    /// from (`written`, `stated`, `corrected`, `inferred`); the card kinds of the Anki import
    /// extend version 2 (`docs/deck-format.md`).
    public static let version = 2

    public static func text(of deck: Deck) -> String {
        var out = "srs-deck \(version)\n"
        out += "# \(deck.cards.count) cards. Format: docs/deck-format.md. Keep each `card:` id as it is:\n"
        out += "# progress is stored by id. Multi-line values are indented under their field.\n"
        for card in deck.cards {
            out += "\n"
            write(card, to: &out)
        }
        return out
    }

    static func write(_ card: Card, to out: inout String) {
        field("card", card.id.rawValue, to: &out)
        field("type", card.kind.typeName, to: &out)
        field("question", card.question, to: &out)
        switch card.kind {
        case .multipleChoice(let options, let key):
            for (index, option) in options.enumerated() {
                field(String(Character(UnicodeScalar(UInt8(65 + index)))), option, to: &out)
            }
            field("key", keyText(key), to: &out)
        case .trueFalse(let answer):
            field("answer", answer ? "true" : "false", to: &out)
        case .shortAnswer(let modelAnswer):
            field("model_answer", modelAnswer, to: &out)
        case .basic(let back), .reverse(let back), .typeIn(let back):
            field("answer", back, to: &out)
        case .cloze(let number):
            field("cloze", String(number), to: &out)
        }
        if !card.explanation.isEmpty { field("explanation", card.explanation, to: &out) }
        if !card.tags.isEmpty { field("tags", card.tags.joined(separator: " "), to: &out) }
        if let guid = card.ankiGuid { field("anki_guid", guid, to: &out) }
    }

    /// `B written`, `B stated`, `B corrected`, `B inferred 0.71`, or `none`.
    static func keyText(_ key: AnswerKey?) -> String {
        guard let key else { return "none" }
        switch key.source {
        case .written: return "\(key.letter) written"
        case .stated: return "\(key.letter) stated"
        case .corrected: return "\(key.letter) corrected"
        case .inferred(let confidence): return "\(key.letter) inferred \(confidenceText(confidence))"
        }
    }

    static func confidenceText(_ confidence: Double) -> String {
        let hundredths = Int((min(max(confidence, 0), 1) * 100).rounded())
        return hundredths == 100 ? "1.00" : "0." + (hundredths < 10 ? "0" : "") + String(hundredths)
    }

    /// One line `name: value`, or `name:` and the value's lines indented by four spaces when it
    /// has several lines or starts with a space or tab (which the same-line form would lose).
    /// Works on UTF-8 bytes: this is most of the time of writing a large deck.
    static func field(_ name: String, _ value: String, to out: inout String) {
        let bytes = value.utf8
        let multiLine = bytes.contains(0x0A) || bytes.first == 0x20 || bytes.first == 0x09
        guard multiLine else {
            out += name
            out += ": "
            out += value
            out += "\n"
            return
        }
        var block: [UInt8] = Array(name.utf8) + [UInt8(ascii: ":"), 0x0A]
        block.reserveCapacity(bytes.count + bytes.count / 16 + 16)
        for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            if !line.isEmpty { block.append(contentsOf: [0x20, 0x20, 0x20, 0x20]) }
            block.append(contentsOf: line)
            block.append(0x0A)
        }
        out += String(decoding: block, as: UTF8.self)
    }
}
