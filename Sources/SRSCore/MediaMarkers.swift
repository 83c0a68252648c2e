import Foundation

/// The media a card's text names, as the Anki import writes them (`docs/anki-import.md`,
/// "Media"): `[image: name]` and `[sound: name]`, the files in `<data-dir>/media/`.
public enum MediaMarkers {
    static let openings = ["[image: ", "[sound: "]

    /// The names in `text`, in order of appearance, each once.
    public static func names(in text: String) -> [String] {
        var found: [(String.Index, String)] = []
        for opening in openings {
            var rest = Substring(text)
            while let start = rest.range(of: opening), let end = rest[start.upperBound...].firstIndex(of: "]") {
                let name = String(rest[start.upperBound..<end])
                if !name.isEmpty { found.append((start.lowerBound, name)) }
                rest = rest[rest.index(after: end)...]
            }
        }
        var names: [String] = []
        for (_, name) in found.sorted(by: { $0.0 < $1.0 }) where !names.contains(name) { names.append(name) }
        return names
    }
}

extension Card {
    /// The media the review shows of this card: those of what it asks (the prompt and the
    /// options), and once `revealed`, of the answer and the explanation too.
    public func mediaNames(revealed: Bool) -> [String] {
        var texts = [prompt]
        if case let .multipleChoice(options, _) = kind { texts += options }
        if revealed { texts += [revealedAnswer ?? "", explanation] }
        return MediaMarkers.names(in: texts.joined(separator: "\n"))
    }

    /// The media every text of the card names, shown or not (the question with all its cloze
    /// deletions and hints, the answer, the options, the explanation), in that order: what an
    /// export of the card refers to.
    public var allMediaNames: [String] {
        var texts = [question]
        switch kind {
        case .basic(let text), .reverse(let text), .typeIn(let text), .shortAnswer(let text): texts.append(text)
        case .multipleChoice(let options, _): texts += options
        case .cloze, .trueFalse: break
        }
        return MediaMarkers.names(in: (texts + [explanation]).joined(separator: "\n"))
    }
}
