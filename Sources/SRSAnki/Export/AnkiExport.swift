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

    /// One graded answer, kept as the few numbers the revlog and the CSV need (a heavy
    /// user's export holds a million of them).
    public struct Answer: Sendable {
        public var card: CardID
        public var time: EpochSeconds
        public var grade: Grade
        public var kind: ReviewKind
        public var millis: Int
        /// Anki's revlog `ivl`, `lastIvl`, `factor` and `type` (`ExportBuilder`'s rules).
        public var revlogInterval: Int64
        public var revlogLastInterval: Int64
        public var revlogFactor: Int
        public var revlogType: Int
        /// The card's interval (days), ease and due moment after the answer.
        public var intervalAfter: Int?
        public var easeAfter: Double?
        public var dueAfter: EpochSeconds?
        /// The id of the Anki revlog row the answer was imported from (`revlogID(ofRecord:)`), which
        /// its revlog row keeps, so that Anki, which adds a revlog row only when its id is new, does
        /// not add it twice to the collection it came from; nil for an answer given in srs.
        public var ankiRevlogID: Int64?

        /// The answer, from the card's state `before` it (nil for a new card) and `after` it.
        public init(card: CardID, time: EpochSeconds, grade: Grade, kind: ReviewKind, millis: Int,
                    before: CardProgress?, after: CardProgress, ankiRevlogID: Int64? = nil) {
            self.ankiRevlogID = ankiRevlogID
            self.card = card
            self.time = time
            self.grade = grade
            self.kind = kind
            self.millis = millis
            revlogInterval = ExportBuilder.interval(after)
            revlogLastInterval = before.map(ExportBuilder.interval) ?? 0
            revlogFactor = ExportBuilder.factor(after.state)
            revlogType = ExportBuilder.reviewType(kind, before: before)
            intervalAfter = after.intervalDays
            easeAfter = after.ease
            dueAfter = after.dueTime
        }
    }

    /// The collection holding `items` (in their order) and the answers to them. `now` numbers
    /// the notes and cards and is the moment buried cards are compared with; `days` are the
    /// learner's study days, which the collection's creation day and due days are counted in.
    /// `options` become the decks' presets: `srs` for every deck, and `srs: NAME` for a deck
    /// with options of its own (`deckOptions`, by srs deck name); without them the decks use
    /// Anki's Default preset.
    public static func collection(_ items: [Item], answers: [Answer], days: AnkiDays, now: EpochSeconds,
                                  options: Options? = nil, deckOptions: [String: Options] = [:]) -> AnkiCollection {
        let firstDay = min(days.today(at: now), earliestDay(items, answers, days))
        let creation = days.start(ofDay: firstDay)
        var builder = ExportBuilder(days: days, firstDay: firstDay, now: now, base: Int64(now) * 1000)
        builder.presets(options, deckOptions, decks: items.map(\.deck))
        builder.add(items)
        builder.useBasicForLoneFronts()
        builder.addRevlog(answers)
        return AnkiCollection(
            schema: 11, creation: Int64(creation), rollover: days.rolloverHour,
            creationOffset: -days.timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(creation))) / 60, fsrs: false,
            notetypes: ExportNotetypes.all.filter { builder.usedNotetypes.contains($0.id) },
            notes: builder.notes, cards: builder.cards, decks: builder.decks, deckConfigs: builder.presets, revlog: builder.revlog)
    }

    /// The Anki revlog id in the id of a record `srs import` made from a revlog row
    /// (`anki-<revlog id>-<card id>`, `docs/anki-import.md`); nil for any other record.
    public static func revlogID(ofRecord id: RecordID) -> Int64? {
        guard id.hasPrefix("anki-") else { return nil }
        let rest = id.dropFirst(5)
        guard let dash = rest.firstIndex(of: "-"), let number = Int64(rest[..<dash]), number > 0 else { return nil }
        return number
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
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): bytes += Array("&amp;".utf8)
            case UInt8(ascii: "<"): bytes += Array("&lt;".utf8)
            case UInt8(ascii: ">"): bytes += Array("&gt;".utf8)
            case UInt8(ascii: "\n"): bytes += Array("<br>".utf8)
            default: bytes.append(byte)
            }
        }
        let out = String(decoding: bytes, as: UTF8.self)
        // Most fields name no media: the byte scan keeps Foundation's slow searching for the few that do.
        guard contains(bytes, "[image: ") || contains(bytes, "[sound: ") else { return out }
        let images = replaceMarkers(out, "[image: ") { "<img src=\"\($0.replacingOccurrences(of: "\"", with: "&quot;"))\">" }
        return replaceMarkers(images, "[sound: ") { "[sound:\($0)]" }
    }

    /// Whether `bytes` hold `needle` (ASCII).
    static func contains(_ bytes: [UInt8], _ needle: StaticString) -> Bool {
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        guard let first = pattern.first, bytes.count >= pattern.count else { return false }
        var index = 0
        while index <= bytes.count - pattern.count {
            if bytes[index] == first, bytes[index..<index + pattern.count].elementsEqual(pattern) { return true }
            index += 1
        }
        return false
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

    /// The media files the cards of `items` name (`Card.allMediaNames`), each once, in order:
    /// those the fields of their export refer to (`<img src>` and `[sound:]`).
    public static func mediaNames(_ items: [Item]) -> [String] {
        var seen: Set<String> = []
        return items.flatMap(\.card.allMediaNames).filter { seen.insert($0).inserted }
    }
}
