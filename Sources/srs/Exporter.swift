import Foundation
import SRSAnki
import SRSCore
import SRSStore
import SRSText

/// Gathers what `srs export` writes: the cards of the chosen decks, and the learner's states
/// and answers when asked for, read from the store without writing to it.
struct Exporter {
    let location: DataLocation
    /// `--deck` names: each deck with its subdecks; empty for every deck.
    let decks: [String]
    let withProgress: Bool
    let now: EpochSeconds

    struct Content {
        var items: [AnkiExport.Item] = []
        var answers: [AnkiExport.Answer] = []
        var days = AnkiDays()
        var deckOf: [CardID: String] = [:]
        /// With progress, the learner's options and each deck's own, for the decks' presets.
        var options: AnkiExport.Options?
        var deckOptions: [String: AnkiExport.Options] = [:]
        var decks: [String] = []
    }

    func gather() throws -> Content {
        let decks = try chosenDecks()
        let store = try ProgressStore.openReadOnly(location)
        var content = Content()
        content.days = AnkiDays(rolloverHour: store.settings.rolloverHour, timeZone: store.settings.zone)
        content.decks = decks.map(\.name)
        let progress = withProgress ? store.takeCards() : [:]
        for deck in decks {
            for card in deck.cards {
                content.items.append(AnkiExport.Item(card: card, deck: deck.name, progress: progress[card.id]))
                content.deckOf[card.id] = deck.name
            }
        }
        if withProgress {
            content.answers = try answers(store, cards: content.deckOf)
            let settings = store.settings
            content.options = Self.options(settings, settings.options)
            content.deckOptions = settings.deckOptions.mapValues { Self.options(settings, $0) }
        }
        return content
    }

    /// The decks `--deck` names with their subdecks (only those are read), or every deck.
    private func chosenDecks() throws -> [Deck] {
        let library = DeckLibrary(location: location)
        guard !decks.isEmpty else {
            let all = try library.loadAll()
            guard !all.isEmpty else { throw Failure(description: "there are no decks to export. Import some with `srs import FILE`.", exitCode: 66) }
            return all
        }
        let chosen = try library.loadAll(within: decks)
        if let name = chosen.unknown.first {
            throw Failure(description: "no deck '\(TerminalSafe.sanitize(name))'. `srs decks` lists them.", exitCode: 66)
        }
        return chosen.decks
    }

    /// Every graded answer to the exported cards that no undo took back, with the card's state
    /// before and after it.
    private func answers(_ store: ProgressStore, cards: [CardID: String]) throws -> [AnkiExport.Answer] {
        /// One exported card while the log streams by: its latest state and its answers so far
        /// (record id, index), which an undo of that card names.
        struct Track {
            var progress: CardProgress?
            var answers: [(RecordID, Int)] = []
        }
        var tracks = cards.mapValues { _ in Track() }
        var answers: [AnkiExport.Answer] = []
        var undone: Set<Int> = []
        try store.eachRecord { record in
            guard var track = tracks[record.card] else { return }
            switch record.action {
            case let .answer(grade, kind, millis):
                track.answers.append((record.id, answers.count))
                answers.append(AnkiExport.Answer(card: record.card, time: record.time, grade: grade, kind: kind,
                                                 millis: millis, before: track.progress, after: record.after,
                                                 ankiRevlogID: AnkiExport.revlogID(ofRecord: record.id)))
            case let .undo(undoes):
                if let found = track.answers.last(where: { $0.0 == undoes }) { undone.insert(found.1) }
            default: break
            }
            track.progress = record.after
            tracks[record.card] = track
        }
        return undone.isEmpty ? answers : answers.enumerated().filter { !undone.contains($0.offset) }.map(\.element)
    }

    /// The learner's limits and leech rule with the scheduler options `scheduling`.
    static func options(_ settings: UserSettings, _ scheduling: SchedulerOptions) -> AnkiExport.Options {
        var options = AnkiExport.Options()
        options.anki = scheduling.anki
        options.fsrs = scheduling.fsrs
        options.usesFSRS = settings.schedulerName == "fsrs"
        options.newPerDay = settings.limits.newPerDay
        options.reviewsPerDay = settings.limits.maxReviewsPerDay
        options.leechSuspends = settings.leechAction == .suspend
        return options
    }

    /// The legacy Anki package, with the media files its cards name that the data directory has.
    func package(_ content: Content) throws -> Data {
        let collection = AnkiExport.collection(content.items, answers: content.answers, days: content.days, now: now,
                                               options: content.options, deckOptions: content.deckOptions)
        let folder = MediaFolder(location: location)
        let media = try AnkiExport.mediaNames(content.items).compactMap { name in
            try folder.read(named: name).map { AnkiPackageWriter.MediaFile(name: name, bytes: Data($0)) }
        }
        do {
            return try AnkiPackageWriter.legacy(collection, media: media, modified: Int64(now))
        } catch let error as AnkiWriteError {
            throw Failure(description: error.description + ". Nothing was written.", exitCode: error.exitCode)
        }
    }

    func cardsCSV(_ content: Content) -> String {
        CSVExport.cards(content.items, days: withProgress ? content.days : nil)
    }

    func logCSV(_ content: Content) -> String { CSVExport.log(content.answers, deck: content.deckOf) }

    func summary(_ content: Content, file: String, log: Bool) -> String {
        guard !log else { return "\(TerminalSafe.sanitize(file)): \(Format.count(content.answers.count, "answer")) written.\n" }
        let progress = withProgress ? ", with progress (\(Format.count(content.answers.count, "answer")))" : ""
        return "\(TerminalSafe.sanitize(file)): \(Format.count(content.items.count, "card")) from \(Format.count(content.decks.count, "deck")) written\(progress).\n"
    }
}
