import ArgumentParser
import Foundation
import SRSCore
import SRSStore

/// `srs scheduler [NAME]`: names the scheduler in use, or switches to another by replaying
/// every card's answers through it (`docs/scheduling.md`, Switching).
struct SchedulerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scheduler",
        abstract: "Show the scheduler in use, or switch to anki, fsrs or sm2.",
        discussion: """
            Switching rebuilds every card's state under the new scheduler by replaying its answers \
            (undone and practice answers left out, same-day repeats taken as ordinary answers) and \
            writes the results to the review log as records of their own; the answers themselves \
            stay, and `srs stats` keeps the history. Switching back with no answers in between \
            gives back exactly the earlier states.
            """)

    @OptionGroup var user: UserOptions

    @Argument(help: ArgumentHelp("The scheduler to switch to: anki (Anki's SM-2), fsrs (FSRS-6) or sm2 (classic SM-2).",
                                 valueName: "name"))
    var name: String?

    @Flag(help: "Say what the switch would do, and change nothing.")
    var dryRun = false

    func run() throws {
        try reportingErrors {
            let location = try user.location()
            guard let name else {
                let store = try ProgressStore.openReadOnly(location)
                try Output.out("Scheduler: \(store.settings.schedulerName). Switch with `srs scheduler anki`, `srs scheduler fsrs` or `srs scheduler sm2`.\n")
                return
            }
            guard Schedulers.names.contains(name) else {
                throw Failure(description: "unknown scheduler \(name): use anki, fsrs or sm2", exitCode: 64)
            }
            let (store, decks, _) = try StartUp.open(location, deck: nil)
            defer { store.close() }
            try switchScheduler(store, decks: decks, to: name)
        }
    }

    /// Refuses to answer cards whose states another scheduler made (settings.json edited by hand,
    /// or a switch stopped between its records and the settings): the scheduler of the settings
    /// would start each of them over as a new card. With no scheduler in settings.json and
    /// classic SM-2 progress, srs keeps SM-2 (`ProgressStore.openForReview`), and says so.
    static func requireStatesOfTheSettingsScheduler(_ store: ProgressStore) throws {
        guard let (count, other) = store.statesOfAnotherScheduler else { return }
        let name = store.settings.schedulerName
        let cards = "\(count) \(count == 1 ? "card holds a state" : "cards hold states") of \(other)"
        let why = store.settingsChosenAtOpening
            ? "settings.json names no scheduler and the progress holds classic SM-2 states, so srs keeps \(name), but \(cards)"
            : "settings.json names the scheduler \(name), but \(cards) (settings.json was edited by hand, or `srs scheduler` was stopped midway)"
        throw Failure(description: why + ": answered now, they would start over as new cards. "
            + "Run `srs scheduler \(name)` to rebuild their states from their answers. Nothing was recorded.", exitCode: 65)
    }

    /// Replays each card with its deck's options under the new scheduler, as the review would.
    private func switchScheduler(_ store: ProgressStore, decks: [LazyDeck], to name: String) throws {
        let from = store.settings.schedulerName
        var settings = store.settings
        settings.scheduler = name
        var ids = RecordIDs.fresh()
        let cards = store.takeCards()
        let time = EpochSeconds(Date().timeIntervalSince1970)
        let plan = try SchedulerSwitch(to: settings.reviewers(decks: decks))
            .plan(cards: cards, at: time, ids: &ids, firstSeq: store.recordCount + 1) { try store.eachRecord($0) }
        try Output.out("Switching from \(from) to \(name): \(plan.records.count) cards get a state of \(name)'s "
            + "(\(plan.restoredCards) as they were under it, the others by replaying \(plan.replayedAnswers) answers; "
            + "undone and practice answers left out), written to the review log as records of their own. "
            + "The answers stay; `srs scheduler \(from)` switches back.\n")
        guard !dryRun else { return }
        var after = cards
        try store.append(contentsOf: plan.records)
        for record in plan.records { after[record.card] = record.after }
        try store.save(settings: settings)
        try? store.checkpoint(after)
        try Output.out("Switched to \(name).\n")
    }
}
