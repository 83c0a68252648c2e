import Foundation
import SRSAnki
import SRSCore
import SRSStore
import SRSText

/// `srs import FILE.apkg|FILE.colpkg`: every Anki card into the deck of its Anki deck
/// (`docs/anki-import.md`). Nothing is written when the package is bad (exit 65).
struct AnkiImporter {
    let library: DeckLibrary
    let limits: AnkiLimits

    /// The decks to write and the report's lines.
    struct Plan {
        var package: AnkiPackage?
        /// The media files the cards may name, each checked to unpack within the limits.
        var media: [AnkiMediaFile] = []
        var decks: [Deck] = []
        /// The Anki cards written to `decks`, for the history import (their text is in `decks`).
        var history: [ConvertedCard.Link] = []
        /// Cards a previous import wrote to these decks that the package no longer has.
        var removed: [CardID] = []
        var report: [String] = []
        var warnings: [String] = []
    }

    func plan(path: String, within parent: String?, timer: inout PhaseTimer) throws -> Plan {
        var package = try read(path)
        timer.lap("read")
        let (cards, warnings) = AnkiConversion.cards(of: package.collection)
        package.releaseNoteTexts()
        timer.lap("convert")
        let decks = package.collection.decks.filter { !$0.filtered }.map(\.path)
        var plan = try plan(cards, warnings: warnings, path: path, within: parent, decks: decks)
        plan.package = package
        try checkMedia(of: package, into: &plan)
        return plan
    }

    /// A CSV/TSV notes file: its `#deck:`, a deck column, or `deck` (the file's name or `--deck`).
    func planText(path: String, deck: String, forced: Bool, separator: Character?) throws -> Plan {
        let bytes = Data(try InputFile.read(path, what: "notes file"))
        do {
            let file = try DelimitedText.read(bytes, separator: separator)
            let (cards, warnings) = try DelimitedConversion.cards(of: file, fallbackDeck: deck, forcedDeck: forced ? deck : nil)
            guard !cards.isEmpty else {
                throw Failure(description: "\(TerminalSafe.sanitize(path)): no notes found. Nothing was written.", exitCode: 65)
            }
            return try plan(cards, warnings: warnings.map { "\(path): " + $0 }, path: path, within: nil)
        } catch let error as DelimitedTextError {
            throw Failure(description: "\(TerminalSafe.sanitize(path)):\(error.line): \(TerminalSafe.sanitize(error.problem)). Nothing was written.", exitCode: error.exitCode)
        }
    }

    /// `decks`: every deck of the package, those without cards too (a deck emptied in Anki).
    private func plan(_ cards: [ConvertedCard], warnings: [String], path: String, within parent: String?,
                      decks: [[String]] = []) throws -> Plan {
        var cards = cards, decks = decks
        if let parent {
            // The deck's name as Anki shows it (`a/b`) or as srs does (`a%2Fb`).
            let wanted = [parent.components(separatedBy: "::"), AnkiDeckName.path(of: parent)]
            let within = { (path: [String]) in wanted.contains { AnkiDeckName.path(path, isWithin: $0) } }
            cards = cards.filter { within($0.deckPath) }
            decks = decks.filter(within)
            if cards.isEmpty { throw Failure(description: "\(path): no Anki deck '\(TerminalSafe.sanitize(parent))' with cards in the package.", exitCode: 66) }
        }
        var plan = Plan()
        plan.warnings = warnings
        try group(cards, into: &plan)
        try emptied(decks.map(AnkiDeckName.name(of:)), into: &plan)
        plan.report = Self.report(cards, path: path)
        if !plan.removed.isEmpty {
            plan.report.append("  \(Format.count(plan.removed.count, "card")) of an earlier import no longer in the package: "
                + "removed from their decks, their history kept (" + plan.removed.prefix(5).map(\.rawValue).joined(separator: ", ")
                + (plan.removed.count > 5 ? ", …)" : ")"))
        }
        return plan
    }

    /// Unpacks every media file once before anything is written, so a bomb in the media is
    /// found while nothing is written; a name this data directory cannot hold is left out, warned.
    private func checkMedia(of package: AnkiPackage, into plan: inout Plan) throws {
        for file in package.media {
            if let problem = MediaFolder.problem(withName: file.name) {
                // Shown on one line: a newline or tab in the name is a visible mark too.
                plan.warnings.append("media file '\(TerminalSafe.sanitize(file.name, keepNewlines: false))' not copied: \(problem)")
                continue
            }
            do { _ = try package.mediaData(file) } catch let error as AnkiError {
                throw Failure(description: "\(error.description). Nothing was written.", exitCode: error.exitCode)
            }
            plan.media.append(file)
        }
    }

    /// Copies the checked media into `<data-dir>/media/`: the count written.
    func copyMedia(_ plan: Plan, to folder: MediaFolder) throws -> Int {
        guard let package = plan.package else { return 0 }
        for file in plan.media {
            _ = try folder.save(Array(try package.mediaData(file)), named: file.name)
        }
        return plan.media.count
    }

    private func read(_ path: String) throws -> AnkiPackage {
        let data = Data(try InputFile.read(path, what: "Anki package"))
        do { return try AnkiPackage.read(consume data, limits: limits) } catch let error as AnkiError {
            throw Failure(description: "\(TerminalSafe.sanitize(path)): \(error.description). Nothing was written.", exitCode: error.exitCode)
        }
    }

    /// One srs deck per Anki deck; a card id another deck already holds is left out with a warning.
    /// Deck names differing only in case are one deck, as in Anki (and one deck file): the first
    /// spelling names it, with a warning, so no card is lost to a file written twice.
    /// Each deck's list is sized first and filled once, and the history keeps only links to the
    /// cards: a card's text is held once (memory, issue 12.9).
    private func group(_ cards: [ConvertedCard], into plan: inout Plan) throws {
        var order: [String] = [], counts: [Int] = [], deckOfCard: [Int] = []
        var numbers: [[String]: Int] = [:], folded: [String: Int] = [:]
        deckOfCard.reserveCapacity(cards.count)
        for converted in cards {
            let number = numbers[converted.deckPath] ?? {
                let name = AnkiDeckName.name(of: converted.deckPath)
                if let known = order.firstIndex(of: name) { return known }
                if let known = folded[name.lowercased()] {
                    plan.warnings.append("Anki decks '\(order[known])' and '\(name)' differ only in case: "
                        + "one deck '\(order[known])', as in Anki")
                    return known
                }
                folded[name.lowercased()] = order.count
                order.append(name)
                counts.append(0)
                return order.count - 1
            }()
            numbers[converted.deckPath] = number
            counts[number] += 1
            deckOfCard.append(number)
        }
        for name in order where DeckLibrary.problem(withName: name) != nil {
            throw Failure(description: "Anki deck '\(TerminalSafe.sanitize(name))' cannot be a deck name: \(DeckLibrary.problem(withName: name) ?? ""). Rename it in Anki.", exitCode: 65)
        }
        let taken = try library.cardIDs(excluding: Set(order.map { $0.lowercased() }))
        var kept = counts.map { count in
            var list: [Card] = []
            list.reserveCapacity(count)
            return list
        }
        var skipped = [[String]](repeating: [], count: order.count)
        plan.history.reserveCapacity(cards.count)
        for (converted, number) in zip(cards, deckOfCard) {
            guard !taken.contains(converted.card.id) else {
                skipped[number].append("card \(converted.card.id) is already in another deck; left there (delete it there to move it to '\(order[number])')")
                continue
            }
            kept[number].append(converted.card)
            plan.history.append(converted.link)
        }
        for (number, name) in order.enumerated() {
            plan.warnings += skipped[number]
            let existing = try library.existing(named: name)
            if let existing {
                let keptIDs = Set(kept[number].map(\.id))
                plan.removed += existing.cards.map(\.id).filter { $0.rawValue.hasPrefix("anki-") && !keptIDs.contains($0) }
            }
            plan.decks.append(Deck(name: existing?.name ?? name, cards: kept[number]))
        }
    }

    /// A deck of the package that has no cards left, written by an earlier import: emptied,
    /// its cards reported removed.
    private func emptied(_ names: [String], into plan: inout Plan) throws {
        let planned = Set(plan.decks.map { $0.name.lowercased() })
        for name in names where !planned.contains(name.lowercased()) && DeckLibrary.problem(withName: name) == nil {
            guard let existing = try library.existing(named: name) else { continue }
            let earlier = existing.cards.map(\.id).filter { $0.rawValue.hasPrefix("anki-") }
            guard !earlier.isEmpty else { continue }
            plan.removed += earlier
            plan.decks.append(Deck(name: existing.name, cards: existing.cards.filter { !$0.id.rawValue.hasPrefix("anki-") }))
        }
    }

    /// Counts by note type and by deck, and the suspended and buried cards.
    static func report(_ cards: [ConvertedCard], path: String) -> [String] {
        var lines = ["\(TerminalSafe.sanitize(path)): \(Format.count(cards.count, "card")) converted"]
        let counted = { (key: (ConvertedCard) -> String) in
            var counts: [String: Int] = [:]
            for card in cards { counts[key(card), default: 0] += 1 }
            return counts.map { ($0.key, $0.value) }.sorted { $0.0 < $1.0 }
        }
        lines += counted { "note type " + $0.notetype }.map { "  \($0.0): \($0.1)" }
        lines += counted { "deck " + AnkiDeckName.name(of: $0.deckPath) }.map { "  \($0.0): \($0.1)" }
        let suspended = cards.filter { $0.queue == -1 }.count, buried = cards.filter { $0.queue == -2 || $0.queue == -3 }.count
        if suspended + buried > 0 { lines.append("  suspended in Anki: \(suspended), buried: \(buried)") }
        return lines.map { TerminalSafe.sanitize($0) }
    }
}
