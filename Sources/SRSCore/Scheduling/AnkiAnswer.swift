extension AnkiScheduler {
    /// One answer's context: the scheduler, the moment, Anki's today and the fuzz draw.
    struct Answer {
        let scheduler: AnkiScheduler
        let now: EpochSeconds
        let fraction: Float?
        let today: Int

        init(scheduler: AnkiScheduler, now: EpochSeconds, fraction: Float?) {
            self.scheduler = scheduler
            self.now = now
            self.fraction = fraction
            today = scheduler.days.today(at: now)
        }

        var options: AnkiOptions { scheduler.options }

        /// A new or learning card (`learning.rs`), `remaining` learning steps to pass.
        func learning(_ card: AnkiCard, remaining: Int, grade: Grade) -> AnkiCard {
            let steps = AnkiSteps(steps: options.learningSteps)
            let good = Float(options.graduatingInterval).rounded()
            switch grade {
            case .again:
                if let delay = steps.againDelay { return step(card, .learning, remaining: steps.count, delay: delay) }
                return graduate(card, interval: max(good, 1))
            case .hard:
                if let delay = steps.hardDelay(remaining: remaining) { return step(card, .learning, remaining: remaining, delay: delay) }
                return graduate(card, interval: max(good, 1))
            case .good:
                if let delay = steps.goodDelay(remaining: remaining) {
                    return step(card, .learning, remaining: steps.remainingAfterGood(remaining), delay: delay)
                }
                return graduate(card, interval: max(good, 1))
            case .easy:
                return graduate(card, interval: Float(options.easyInterval))
            }
        }

        /// Graduation from learning: the (fuzzed) interval, the starting ease.
        private func graduate(_ card: AnkiCard, interval: Float) -> AnkiCard {
            let days = Fuzz.anki(interval, minimum: 1, maximum: scheduler.maximum, fraction: fraction)
            return reviewCard(card, interval: days, ease: AnkiScheduler.permille(options.startingEase), lapses: card.lapses)
        }

        /// A review card (`review.rs`): lateness from day numbers, the due day capped at today.
        func review(_ card: AnkiCard, grade: Grade) -> AnkiCard {
            let ease = card.ease
            if grade == .again { return lapse(card) }
            let (hard, good, easy) = passingIntervals(card)
            switch grade {
            case .hard:
                return reviewCard(card, interval: hard, ease: AnkiScheduler.permille(max(ease + -0.15, AnkiScheduler.minimumEase)), lapses: card.lapses)
            case .good:
                return reviewCard(card, interval: good, ease: card.easePermille, lapses: card.lapses)
            default:
                return reviewCard(card, interval: easy, ease: AnkiScheduler.permille(ease + 0.15), lapses: card.lapses)
            }
        }

        /// Hard, Good and Easy with the +1 minimums (`passing_nonearly_review_intervals`).
        func passingIntervals(_ card: AnkiCard) -> (Int, Int, Int) {
            let ivl = card.intervalDays
            let current = Float(max(ivl, 1))
            let late = Float(max(today - dueDay(card), 0))
            let hardFactor = options.hardInterval
            let hard = scheduler.constrain(current * hardFactor, minimum: hardFactor <= 1 ? 0 : ivl + 1, fraction: fraction)
            let good = scheduler.constrain((current + late / 2) * card.ease,
                                           minimum: hardFactor <= 1 ? ivl + 1 : hard + 1, fraction: fraction)
            let easy = scheduler.constrain((current + late) * card.ease * options.easyBonus,
                                           minimum: good + 1, fraction: fraction)
            return (hard, good, easy)
        }

        /// The due day, capped at today: an early review counts as on time.
        private func dueDay(_ card: AnkiCard) -> Int {
            switch card.due {
            case let .day(day): return min(day, today)
            case let .time(time): return min(scheduler.days.today(at: time), today)
            }
        }

        /// The lapse interval: `round(max(I, 1) × new interval)`, fuzzed, at least the minimum.
        func lapseInterval(_ card: AnkiCard) -> Int {
            let days = Fuzz.anki(Float(max(card.intervalDays, 1)) * options.lapseMultiplier,
                                 minimum: min(max(options.minimumInterval, 1), scheduler.maximum),
                                 maximum: scheduler.maximum, fraction: fraction)
            return max(days, 1)
        }

        /// Again on a review card: a lapse, the ease − 0.2 (floor 1.3), then relearning.
        private func lapse(_ card: AnkiCard) -> AnkiCard {
            let ease = AnkiScheduler.permille(max(card.ease + -0.2, AnkiScheduler.minimumEase))
            let lapses = card.lapses == .max ? .max : card.lapses + 1
            let interval = lapseInterval(card)
            let relearning = AnkiSteps(steps: options.relearningSteps)
            guard let delay = relearning.againDelay else {
                return reviewCard(card, interval: interval, ease: ease, lapses: lapses)
            }
            var next = step(card, .relearning, remaining: relearning.count, delay: delay)
            (next.intervalDays, next.easePermille, next.lapses) = (interval, ease, lapses)
            return next
        }

        /// A relearning card (`relearning.rs`): ease and lapses never change here.
        func relearning(_ card: AnkiCard, grade: Grade) -> AnkiCard {
            let steps = AnkiSteps(steps: options.relearningSteps)
            let remaining = card.remainingSteps
            let unchanged = reviewCard(card, interval: card.intervalDays, ease: card.easePermille, lapses: card.lapses)
            switch grade {
            case .again:
                guard let delay = steps.againDelay else { return unchanged }
                var next = step(card, .relearning, remaining: steps.count, delay: delay)
                next.intervalDays = lapseInterval(card)
                return next
            case .hard:
                guard let delay = steps.hardDelay(remaining: remaining) else { return unchanged }
                return step(card, .relearning, remaining: remaining, delay: delay)
            case .good:
                guard let delay = steps.goodDelay(remaining: remaining) else { return unchanged }
                return step(card, .relearning, remaining: steps.remainingAfterGood(remaining), delay: delay)
            case .easy:
                let interval = min(card.intervalDays, 4_294_967_294) + 1
                return reviewCard(card, interval: interval, ease: card.easePermille, lapses: card.lapses)
            }
        }

        /// A (re)learning step of `delay` seconds: the `learn` queue at now + delay, or the
        /// `dayLearn` queue when it reaches the next rollover (`maybe_as_days`).
        private func step(_ card: AnkiCard, _ kind: AnkiCard.Kind, remaining: Int, delay: Int) -> AnkiCard {
            var next = card
            (next.kind, next.remainingSteps) = (kind, remaining)
            let untilRollover = scheduler.days.secondsUntilRollover(at: now)
            if EpochSeconds(delay) >= untilRollover {
                next.queue = .dayLearn
                next.due = .day(today + Int((EpochSeconds(delay) - untilRollover) / secondsPerDay) + 1)
            } else {
                next.queue = .learn
                next.due = .time(Saturating.add(now, EpochSeconds(fuzzedStep(delay))))
            }
            return next
        }

        /// An intraday step with fuzz: up to a quarter of it more, at most 5 minutes
        /// (`learning_ivl_with_fuzz`: D + floor(f · min(floor(D / 4), 300))).
        private func fuzzedStep(_ delay: Int) -> Int {
            guard let fraction else { return delay }
            let extra = min(delay / 4, 300)
            return delay + min(Int((fraction * Float(extra)).rounded(.down)), max(extra - 1, 0))
        }

        /// A review card due `interval` days from today.
        private func reviewCard(_ card: AnkiCard, interval: Int, ease: Int, lapses: Int) -> AnkiCard {
            AnkiCard(kind: .review, queue: .review, remainingSteps: 0, intervalDays: interval,
                     easePermille: ease, due: .day(today + interval), reps: card.reps, lapses: lapses)
        }
    }
}
