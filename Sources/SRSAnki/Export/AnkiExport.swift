import Foundation
import SRSCore

/// srs cards, their progress and their answers as an Anki collection (`docs/anki-export.md`):
/// the inverse of `AnkiConversion`, pure. `AnkiPackageWriter` packs the result.
public enum AnkiExport {
    /// One card to export: the deck it is in (an srs deck name) and, with progress, its state.
    public struct Item: Sendable {
        public var card: Card
        public var deck: String
        public var progress: CardProgress?
        public init(card: Card, deck: String, progress: CardProgress? = nil) {
            self.card = card
            self.deck = deck
            self.progress = progress
        }
    }

    /// One graded answer, with the card's state before and after it.
    public struct Answer: Sendable {
        public var card: CardID
        public var time: EpochSeconds
        public var grade: Grade
        public var kind: ReviewKind
        public var millis: Int
        public var before: CardProgress?
        public var after: CardProgress
        public init(card: CardID, time: EpochSeconds, grade: Grade, kind: ReviewKind, millis: Int,
                    before: CardProgress?, after: CardProgress) {
            self.card = card
            self.time = time
            self.grade = grade
            self.kind = kind
            self.millis = millis
            self.before = before
            self.after = after
        }
    }

    /// The collection holding `items` (in their order) and the answers to them. `now` numbers
    /// the notes and cards and is the moment buried cards are compared with; `days` are the
    /// learner's study days, which the collection's creation day and due days are counted in.
    public static func collection(_ items: [Item], answers: [Answer], days: AnkiDays, now: EpochSeconds) -> AnkiCollection {
        let firstDay = min(days.today(at: now), earliestDay(items, answers, days))
        let creation = days.start(ofDay: firstDay)
        var builder = ExportBuilder(days: days, firstDay: firstDay, now: now, base: Int64(now) * 1000)
        builder.add(items)
        builder.useBasicForLoneFronts()
        builder.addRevlog(answers)
        return AnkiCollection(
            schema: 11, creation: Int64(creation), rollover: days.rolloverHour,
            creationOffset: -days.timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(creation))) / 60, fsrs: false,
            notetypes: ExportNotetypes.all.filter { builder.usedNotetypes.contains($0.id) },
            notes: builder.notes, cards: builder.cards, decks: builder.decks, deckConfigs: [], revlog: builder.revlog)
    }

    /// The first day any due day or answer falls on, so that no day number is negative.
    static func earliestDay(_ items: [Item], _ answers: [Answer], _ days: AnkiDays) -> Int {
        let dues = items.compactMap { $0.progress?.dueTime }
        let times = dues + answers.map(\.time)
        return times.map { days.today(at: $0) }.min() ?? Int.max
    }

    /// `text` (srs's plain text) as an Anki field: HTML-escaped, line breaks as `<br>`, and the
    /// media markers the import wrote (`[image: x]`, `[sound: x]`) as Anki's own again.
    public static func field(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\n": out += "<br>"
            default: out.append(character)
            }
        }
        out = replaceMarkers(out, "[image: ") { "<img src=\"\($0.replacingOccurrences(of: "\"", with: "&quot;"))\">" }
        return replaceMarkers(out, "[sound: ") { "[sound:\($0)]" }
    }

    private static func replaceMarkers(_ text: String, _ opening: String, _ make: (String) -> String) -> String {
        var out = ""
        var rest = Substring(text)
        while let start = rest.range(of: opening), let end = rest[start.upperBound...].firstIndex(of: "]") {
            out += rest[..<start.lowerBound]
            out += make(String(rest[start.upperBound..<end]))
            rest = rest[rest.index(after: end)...]
        }
        return out + rest
    }

    /// The media file names the collection's fields refer to (`<img src>` and `[sound:]`).
    public static func mediaNames(_ collection: AnkiCollection) -> [String] {
        var names: [String] = []
        for field in collection.notes.flatMap(\.fields) {
            for (opening, closing) in [("<img src=\"", "\""), ("[sound:", "]")] {
                var rest = Substring(field)
                while let start = rest.range(of: opening), let end = rest[start.upperBound...].range(of: closing) {
                    let name = HTMLText.plain(String(rest[start.upperBound..<end.lowerBound]))
                    if !names.contains(name) { names.append(name) }
                    rest = rest[end.upperBound...]
                }
            }
        }
        return names
    }
}
