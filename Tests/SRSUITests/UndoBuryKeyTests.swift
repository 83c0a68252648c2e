import Testing
import SRSCore
@testable import SRSUI

@Suite struct UndoTests {
    @Test func undoesSeveralLevelsAlsoAfterTheLastCard() {
        var h = Harness(cards: [Fixtures.capital, Fixtures.truth])
        let before = h.session.progress
        h.send(letterOf("Canberra", in: h.screen) + " enter t enter")
        #expect(h.screen.contains("Review finished"))
        h.send("u")
        #expect(h.screen.contains("The Sun is a star."))
        #expect(h.screen.contains("card 2 of 2"))
        h.send("u")
        #expect(h.screen.contains("What is the capital of Australia?"))
        #expect(h.screen.contains("card 1 of 2"))
        #expect(h.session.progress == before)
        // Records 1 and 2 are the answers; each undo names the record it takes back.
        let undos = h.records.compactMap { record -> String? in
            guard case let .undo(undoes) = record.action, record.after == CardProgress() else { return nil }
            return "\(record.id) \(record.card.rawValue) undoes \(undoes)"
        }
        #expect(undos == ["0000000000000001-3 \(Fixtures.truth.id.rawValue) undoes 0000000000000001-2",
                          "0000000000000001-4 \(Fixtures.capital.id.rawValue) undoes 0000000000000001-1"])
        h.send("u")
        #expect(h.screen.contains("Nothing to undo."))
        expectSnapshot(h.screen, named: "undo-nothing-left")
    }

    @Test func undoRestoresTheCountsAndTheSameDayRepeat() {
        var h = Harness(cards: [Fixtures.truth, Fixtures.capital])
        h.send("f enter")
        let queueAfterFailure = h.screen
        #expect(queueAfterFailure.contains("repeat 1"))
        h.send("u")
        #expect(h.screen.contains("new 2  repeat 0  review 0"))
        #expect(h.session.progress.isEmpty)
    }

    @Test func undoRestoresAReviewedCardExactly() {
        let seen = CardProgress(memory: Memory(intervalDays: 6, due: Harness.start / 1000 - 100, easiness: 2.36,
                                               repetitions: 2, lapses: 1),
                                firstReview: 1_700_000_000, lastReview: 1_795_000_000)
        var h = Harness(cards: [Fixtures.truth], progress: [Fixtures.truth.id: seen])
        #expect(h.screen.contains("review 1"))
        h.send("t 4 u")
        #expect(h.session.progress[Fixtures.truth.id] == seen)
        #expect(h.records.last?.card == Fixtures.truth.id && h.records.last?.after == seen)
        #expect(h.records.first?.id == "0000000000000001-1")
        #expect(h.records.last?.action == .undo(undoes: "0000000000000001-1"))
    }
}

@Suite struct BuryAndSuspendTests {
    @Test func buryHidesTheCardUntilTomorrow() {
        var h = Harness(cards: [Fixtures.capital, Fixtures.truth])
        h.send("s")
        expectSnapshot(h.screen, named: "bury")
        guard let record = h.records.first, record.action == .bury else { Issue.record("\(h.effects)"); return }
        let (card, after) = (record.card, record.after)
        #expect(card == Fixtures.capital.id)
        #expect(after.buriedUntil == 1_796_097_600) // 2026-12-01 04:00 UTC, the next study day
        #expect(after.memory == nil)
        h.send("u")
        #expect(h.screen.contains("capital of Australia"))
    }

    @Test func suspendTakesTheCardOut() {
        var h = Harness(cards: [Fixtures.truth])
        h.send("!")
        guard let after = h.records.first?.after, h.records.first?.action == .suspend else { Issue.record("\(h.effects)"); return }
        #expect(after.suspended)
        #expect(h.screen.contains("Suspended"))
        #expect(h.screen.contains("Nothing is due right now."))
    }
}

@Suite struct KeyCorrectionTests {
    @Test func correctsAWrongKeyAfterTheReveal() {
        var h = Harness(cards: [Fixtures.inferred])
        h.send(letterOf("4", in: h.screen))
        expectSnapshot(h.screen, named: "key-inferred-wrong")
        let four = letterOf("4", in: h.screen)
        h.send("k")
        expectSnapshot(h.screen, named: "key-fix-prompt")
        h.send(four)
        expectSnapshot(h.screen, named: "key-fixed")
        #expect(h.effects == [.saveKey(Fixtures.inferred.id, AnswerKey(index: 1, source: .corrected))])
        h.send("enter")
        #expect(h.recorded.last.map(\.1) == .answer(grade: .good, kind: .learn, answerMillis: 16_000))
    }

    @Test func setsAKeyOnASelfGradedCard() {
        var h = Harness(cards: [Fixtures.noKey])
        h.send("k " + letterOf("Merge sort", in: h.screen) + " " + letterOf("Merge sort", in: h.screen))
        #expect(h.effects == [.saveKey(Fixtures.noKey.id, AnswerKey(index: 1, source: .corrected))])
        #expect(h.screen.contains("✓ Right."))
    }

    @Test func escCancels() {
        var h = Harness(cards: [Fixtures.capital])
        h.send("k esc")
        #expect(h.effects.isEmpty)
        #expect(h.screen.contains("Answer key unchanged."))
    }

    @Test func qStillQuitsWhileAKeyIsAwaited() {
        var h = Harness(cards: [Fixtures.capital])
        #expect(h.send("k q") == [.quit])
    }

    @Test func onlyMultipleChoiceCardsHaveAKey() {
        var h = Harness(cards: [Fixtures.truth])
        h.send("k")
        #expect(h.screen.contains("Only multiple-choice cards have an answer key."))
    }
}

@Suite struct UnreadableCardTests {
    /// A card whose text cannot be read is a value the session handles: the review stops at
    /// it (the shell then ends with its message, every answer before it saved); a card no
    /// deck holds is skipped.
    @Test func anUnreadableCardStopsTheReviewAndAMissingOneIsSkipped() {
        let cards = [Fixtures.short, Fixtures.truth, Fixtures.capital]
        let source = CardSource(order: cards.map(\.id)) { id in
            switch id {
            case Fixtures.truth.id: return .card(Fixtures.truth)
            case Fixtures.capital.id: return .unreadable("deck.deck:4: a damaged block")
            default: return .missing
            }
        }
        let book = ReviewBook<SessionMark>(cards: [:], reviewer: Reviewer(clock: Harness.clock), recordCount: 0, ids: RecordIDs(prefix: 1))
        var session = ReviewSession(SessionSetup(title: "Sampler", source: source, book: book, limits: QueueLimits(),
                                                 now: Harness.start, seed: 7, size: Size(columns: 80, rows: 24)))
        let screen = session.render(Size(columns: 80, rows: 24)).text
        #expect(screen.contains("The Sun is a star.") && screen.contains("card 1 of 2"))
        #expect(session.unreadable == nil)
        let effects = session.update(.key(.character("t"), at: Harness.start + 1_000))
            + session.update(.key(.enter, at: Harness.start + 2_000))
        #expect(effects.count == 1)
        #expect(session.unreadable?.card == Fixtures.capital.id)
        #expect(session.unreadable?.problem == "deck.deck:4: a damaged block")
        #expect(!session.isReviewing)
    }
}
