import Foundation
import SRSCore
import SRSStore

/// Makes a heavy user's collection shaped like a real one (as `../shared/bench/` does for Anki):
/// one deck of `cards` cards (questions of about 60 characters, answers and explanations of about
/// 200), about `seenShare` of them reviewed, about `reviewsPerCard` answers per reviewed card.
struct CollectionGenerator {
    var cards = 100_000
    var seenShare = 0.9
    var reviewsPerCard = 11
    var now: EpochSeconds
    var random: SeededGenerator
    /// The scheduler whose states and log records the collection holds ("sm2", "anki", "fsrs").
    var scheduler = "sm2"

    static let words = ("memory retrieval interval spacing recall forgetting curve lapse review card deck "
        + "matrix vector kernel gradient network neuron layer function theorem proof lemma basis "
        + "protein enzyme cell membrane river mountain capital treaty empire century language verb "
        + "noun grammar tense sound wave energy particle field charge orbit planet star galaxy").split(separator: " ").map(String.init)

    mutating func text(length: Int) -> String {
        var out = ""
        while out.count < length {
            if !out.isEmpty { out += " " }
            out += Self.words[Int.random(in: 0..<Self.words.count, using: &random)]
        }
        return out.prefix(1).uppercased() + out.dropFirst()
    }

    mutating func deck(name: String) -> Deck {
        var result: [Card] = []
        result.reserveCapacity(cards)
        for i in 0..<cards {
            let id = CardID(String(format: "bench-%06d", i))
            let question = text(length: 58) + "?"
            let kind: CardKind
            switch i % 5 {
            case 0, 1, 2:
                let options = (0..<4).map { _ in text(length: 40) }
                kind = .multipleChoice(options: options, key: AnswerKey(index: i % 4, source: .written))
            case 3: kind = .trueFalse(answer: i % 2 == 0)
            default: kind = .shortAnswer(modelAnswer: text(length: 200))
            }
            result.append(Card(id: id, question: question, kind: kind, explanation: text(length: 200)))
        }
        return Deck(name: name, cards: result)
    }

    /// The reviewer for `scheduler` on UTC study days, with default options.
    func reviewer() -> Reviewer {
        let clock = DayClock(timeZone: TimeZone(identifier: "UTC") ?? .current)
        var settings = UserSettings()
        settings.zone = clock.timeZone
        return settings.reviewer(scheduler: scheduler)
    }

    /// The review log: each reviewed card's answers from a start up to six years ago, due
    /// review after due review, all in time order, and all before today's study day began (so
    /// that today's queue is a whole day's work). Classic SM-2 repeats each Again the same day;
    /// Anki's SM-2 and FSRS answer a card in (re)learning again when its step is due, and a card
    /// whose answers end on an Again, or before it graduates, stays in the learning queue.
    mutating func history(for deck: Deck) -> [LogRecord] {
        let reviewer = reviewer()
        let end = reviewer.clock.dayStart(containing: now)
        var answers: [(EpochSeconds, CardID, Grade, ReviewKind, CardProgress)] = []
        answers.reserveCapacity(deck.cards.count * reviewsPerCard)
        for card in deck.cards where Double.random(in: 0..<1, using: &random) < seenShare {
            let count = Int.random(in: 3...(2 * reviewsPerCard + 7), using: &random)
            var time = end - EpochSeconds.random(in: 30...2_500, using: &random) * secondsPerDay
            var progress: CardProgress?
            for _ in 0..<count where time < end {
                let grade = randomGrade()
                let kind = reviewer.kind(of: progress, at: time)
                let after = reviewer.answer(progress, grade: grade, at: time, card: card.id)
                answers.append((time, card.id, grade, kind, after))
                progress = after
                if grade == .again && reviewer.repeatsSameDay {
                    time += 600
                    guard time < end else { break }
                    let repeated = reviewer.answer(progress, grade: .good, at: time)
                    answers.append((time, card.id, .good, .repeat, repeated))
                    progress = repeated
                }
                let due = progress?.state.map(reviewer.scheduler.due(of:)) ?? time
                time = max(due, time + 3600) + EpochSeconds.random(in: 0...(3 * secondsPerDay), using: &random)
            }
        }
        answers.sort { $0.0 < $1.0 }
        return answers.enumerated().map { i, a in
            LogRecord(seq: i + 1, id: "bench-" + String(i + 1), card: a.1, time: a.0,
                      action: .answer(grade: a.2, kind: a.3, answerMillis: Int.random(in: 1_500...20_000, using: &random)),
                      scheduler: scheduler, after: a.4)
        }
    }

    /// Again 10 %, Hard 10 %, Good 65 %, Easy 15 %.
    mutating func randomGrade() -> Grade {
        switch Int.random(in: 0..<100, using: &random) {
        case ..<10: return .again
        case ..<20: return .hard
        case ..<85: return .good
        default: return .easy
        }
    }
}
