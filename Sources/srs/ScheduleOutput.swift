import SRSCore
import SRSJSON

/// One output line of `srs schedule`: the input fields, then the vector fields of the
/// scheduler (the field tables of `../shared/scheduler-vectors/README.md`).
struct ScheduleOutput {
    let scheduler: any Scheduler

    func line(_ input: ReviewInput, before: SchedulerState?, after: SchedulerState) -> String {
        let fields = common(input) + state(before: before, after: after, at: input.reviewAt)
        return "{" + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
    }

    private func common(_ input: ReviewInput) -> [(String, String)] {
        [("card", JSONText.quoted(input.card)), ("index", String(input.index)),
         ("review_at", time(input.reviewAt)), ("grade", String(input.quality))]
    }

    private func state(before: SchedulerState?, after: SchedulerState, at: EpochSeconds) -> [(String, String)] {
        switch after {
        case let .sm2(m):
            return [("interval_days", String(m.intervalDays)), ("due", time(m.due)),
                    ("easiness", String(m.easiness)), ("repetitions", String(m.repetitions)),
                    ("lapses", String(m.lapses))]
        case let .anki(card): return anki(card)
        case let .fsrs(card):
            var old = FSRSCard.new
            if case let .fsrs(previous) = before { old = previous }
            let r = (scheduler as? FSRSScheduler)?.retrievability(old, at: at) ?? 0
            return fsrs(card, retrievability: r)
        }
    }

    private func anki(_ card: AnkiCard) -> [(String, String)] {
        let due: String
        switch card.due {
        case let .time(t): due = time(t)
        case let .day(d): due = JSONText.quoted(AnkiDays.dateName(ofDay: d))
        }
        return [("state", JSONText.quoted(Self.ankiKind[card.kind.rawValue])),
                ("queue", JSONText.quoted(Self.ankiQueue[card.queue.rawValue])),
                ("remaining_steps", String(card.remainingSteps)), ("interval_days", String(card.intervalDays)),
                ("ease", String(Double(card.easePermille) / 1000)), ("due", due),
                ("reps", String(card.reps)), ("lapses", String(card.lapses))]
    }

    private func fsrs(_ card: FSRSCard, retrievability: Double) -> [(String, String)] {
        [("state", JSONText.quoted(Self.fsrsState[card.state.rawValue])),
         ("step", card.step.map(String.init) ?? "null"),
         ("stability", card.stability.map { String($0) } ?? "null"),
         ("difficulty", card.difficulty.map { String($0) } ?? "null"),
         ("retrievability", String(retrievability)),
         ("interval_days", card.intervalDays.map(String.init) ?? "null"),
         ("due", time(card.due)), ("last_review", card.lastReview.map(time) ?? "null"),
         ("reps", String(card.reps)), ("lapses", String(card.lapses))]
    }

    private func time(_ t: EpochSeconds) -> String { JSONText.quoted(ISOTime.format(t)) }

    static let ankiKind = ["New", "Learning", "Review", "Relearning"]
    static let ankiQueue = ["new", "learn", "review", "daylearn"]
    static let fsrsState = ["", "Learning", "Review", "Relearning"]
}
