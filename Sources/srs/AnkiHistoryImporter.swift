import Foundation
import SRSAnki
import SRSCore
import SRSStore
import SRSText

/// An Anki package's review history and scheduling state into the user's progress
/// (`docs/anki-import.md`, "History and state"): the revlog as answers, each card's state as the
/// package holds it, the collection's scheduler, rollover and deck options as the settings;
/// merged with what the log holds already (a re-import). All the records are appended at once
/// (`ProgressStore.appendAll`): a failure leaves the progress as it was.
struct AnkiHistoryImporter {
    let collection: AnkiCollection
    let cards: [ConvertedCard.Link]

    /// What the import did or, with `write` false, would do.
    struct Outcome {
        var answers = 0
        var known = 0
        var states = 0
        var lines: [String] = []
        var warnings: [String] = []
    }

    /// Each card's state after the records written, to go into the store's snapshot
    /// (`checkpoint`) once the caller has released the collection: the cards' table is built
    /// without the package's rows held beside it.
    struct Written {
        var current: CardTable
        /// Each card's state after its newest record, in the order written.
        var final: [(card: CardID, progress: CardProgress?)]
    }

    /// The records into `store` (with `write`); `written` gets what `checkpoint` needs.
    func run(_ store: ProgressStore, at now: EpochSeconds, write: Bool, timer: inout PhaseTimer, written: inout Written?) throws -> Outcome {
        var settings = store.settings
        let schedule = AnkiSchedule(collection, zone: settings.zone, rollover: settings.rolloverHour)
        var outcome = Outcome()
        outcome.warnings = schedule.warnings
        let current = store.takeCards()
        let adopted = adoptable(schedule, current: current)
        if adopted {
            adopt(schedule, into: &settings)
        } else {
            outcome.warnings.append("your scheduler is \(settings.schedulerName), with progress of its own: kept, with your rollover hour and options. "
                + "The imported cards' states are rebuilt from their Anki answers under \(settings.schedulerName) "
                + "(Anki's own \(schedule.scheduler) states are not used; `srs scheduler \(schedule.scheduler)` switches every card).")
        }
        let merge = Merge(collection: collection, cards: cards, schedule: schedule, settings: settings, now: now,
                          existing: try existingRecords(store), rebuild: !adopted)
        timer.lap("history_prepare")
        if write {
            // Each card's state after its newest record, in the order written: the records come
            // card by card, so a list is enough (a dictionary of 100,000 cards held twice the memory).
            var final: [(card: CardID, progress: CardProgress?)] = []
            final.reserveCapacity(cards.count)
            try store.appendAll { add in
                try merge.records(current: current, outcome: &outcome) { record in
                    let after = try add(record).after.nilIfNew
                    if final.last?.card == record.card { final[final.count - 1].progress = after } else { final.append((record.card, after)) }
                }
            }
            timer.lap("history_write")
            if settings != store.settings { try store.save(settings: settings) }
            written = Written(current: current, final: final)
        } else {
            try merge.records(current: current, outcome: &outcome) { _ in }
        }
        outcome.lines = report(outcome, schedule: schedule, adopted: settings.schedulerName == schedule.scheduler, write: write)
        return outcome
    }

    /// The store's snapshot of the cards' states after `run` wrote the records (best effort: the
    /// log alone is the truth, a snapshot not written is rebuilt from it).
    static func checkpoint(_ written: inout Written?, into store: ProgressStore, timer: inout PhaseTimer) {
        guard var done = written.take() else { return }
        var current = done.current
        done.current = [:]
        current.reserveCapacity(current.count + done.final.count)
        for (card, progress) in done.final { current[card] = progress }
        done.final = []
        try? store.checkpoint(current)
        timer.lap("snapshot")
    }

    /// What the merge needs of the log's records of the package's cards (none on a first
    /// import), gathered as the log streams: not the records themselves (a million on a
    /// re-import of a large collection).
    private func existingRecords(_ store: ProgressStore) throws -> [CardID: ImportMerge.Existing] {
        guard store.recordCount > 0 else { return [:] }
        let wanted = Set(cards.map(\.card))
        var existing: [CardID: ImportMerge.Existing] = [:]
        try store.eachRecord { record in
            if wanted.contains(record.card) { existing[record.card, default: ImportMerge.Existing()].add(record) }
        }
        return existing
    }

    /// Every card's new records, card by card: its answers not yet in the log and its state.
    struct Merge {
        let collection: AnkiCollection
        let cards: [ConvertedCard.Link]
        let schedule: AnkiSchedule
        let settings: UserSettings
        let now: EpochSeconds
        let existing: [CardID: ImportMerge.Existing]
        /// The user keeps another scheduler: each card's state is its answers replayed under it.
        let rebuild: Bool

        func records(current: CardTable, outcome: inout Outcome, _ emit: (LogRecord) throws -> Void) throws {
            let progress = AnkiProgress(collection, schedule: schedule)
            var ids = RecordIDs.fresh()
            var reviewers: [[String]: Reviewer] = [:]
            for converted in cards {
                let imported = progress.card(converted, at: now)
                let reviewer = reviewers[converted.deckPath] ?? settings.reviewer(deck: AnkiDeckName.name(of: converted.deckPath))
                reviewers[converted.deckPath] = reviewer
                let added = ImportMerge.records(card: converted.card, existing: existing[converted.card] ?? ImportMerge.Existing(), imported: imported.records,
                                                packageState: state(imported, reviewer: reviewer), current: current[converted.card],
                                                reviewer: reviewer, at: now, ids: &ids)
                let answers = added.count - (added.last?.action == .imported ? 1 : 0)
                outcome.answers += answers
                outcome.known += imported.records.count - answers
                outcome.states += added.count - answers
                for record in added { try emit(record) }
            }
        }

        /// The package's state, or with `rebuild` the card's Anki answers replayed by `reviewer`
        /// (suspension, burying and the leech mark kept).
        func state(_ imported: ImportedCard, reviewer: Reviewer) -> CardProgress {
            guard rebuild else { return imported.progress }
            var rebuilt = ImportMerge.replay(from: nil, imported.records, reviewer: reviewer)
            (rebuilt.suspended, rebuilt.buriedUntil, rebuilt.leech) = (imported.progress.suspended, imported.progress.buriedUntil, imported.progress.leech)
            return rebuilt
        }
    }

    /// The collection's scheduling is taken over unless the user has progress of another scheduler.
    private func adoptable(_ schedule: AnkiSchedule, current: CardTable) -> Bool {
        !current.values.contains { $0.state != nil && $0.state?.schedulerName != schedule.scheduler }
    }

    private func adopt(_ schedule: AnkiSchedule, into settings: inout UserSettings) {
        let options = { (preset: AnkiPreset) -> SchedulerOptions in
            var o = SchedulerOptions()
            (o.anki, o.fsrs) = (preset.anki, preset.fsrs)
            return o
        }
        settings.adopt(scheduler: schedule.scheduler, rolloverHour: schedule.rolloverHour, options: options(schedule.preset),
                       leechAction: schedule.preset.leechSuspends ? .suspend : .tag,
                       deckOptions: schedule.deckPresets.mapValues(options),
                       within: Set(collection.decks.map { AnkiDeckName.name(of: $0.path) }))
    }

    private func report(_ outcome: Outcome, schedule: AnkiSchedule, adopted: Bool, write: Bool) -> [String] {
        // Reviews as Anki counts its revlog: the answers and the due dates set by hand.
        var lines = ["  history: \(Format.count(outcome.answers, "review")) " + (write ? "added" : "to add (dry run)")
            + (outcome.known > 0 ? ", \(Format.count(outcome.known, "review")) already there" : "")
            + "; \(Format.count(outcome.states, "card state")) " + (write ? "set" : "to set") + " as Anki holds them"]
        if adopted {
            let decks = schedule.deckPresets.keys.sorted()
            lines.append("  scheduler \(schedule.scheduler), day starts at \(schedule.rolloverHour):00, the collection's deck options"
                + (decks.isEmpty ? "" : " (own options for " + decks.joined(separator: ", ") + ")"))
        }
        return lines.map { TerminalSafe.sanitize($0) }
    }
}
