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
        /// The Anki cards written to `decks`, for the history import.
        var converted: [ConvertedCard] = []
        /// Cards a previous import wrote to these decks that the package no longer has.
        var removed: [CardID] = []
        var report: [String] = []
        var warnings: [String] = []
    }

    func plan(path: String, within parent: String?) throws -> Plan {
        var package = try read(path)
        let (cards, warnings) = AnkiConversion.cards(of: package.collection)
        package.releaseNoteFields()
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
            let wanted = parent.components(separatedBy: "::")
            cards = cards.filter { AnkiDeckName.path($0.deckPath, isWithin: wanted) }
            decks = decks.filter { AnkiDeckName.path($0, isWithin: wanted) }
            if cards.isEmpty { throw Failure(description: "\(path): no Anki deck '\(TerminalSafe.sanitize(parent))' with cards in the package.", exitCode: 66) }
        }
        var plan = Plan()
        plan.warnings = warnings
        try group(cards, into: &plan)
        try emptied(decks.map(AnkiDeckName.name(of:)), into: &plan)
        var written = Set<CardID>(minimumCapacity: cards.count)
        for deck in plan.decks { for card in deck.cards { written.insert(card.id) } }
        // Usually every card is written: the array is then shared, not copied (memory, issue 12.9).
        plan.converted = cards.allSatisfy { written.contains($0.card.id) } ? cards : cards.filter { written.contains($0.card.id) }
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
                plan.warnings.append("media file '\(file.name)' not copied: \(problem)")
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
    private func group(_ cards: [ConvertedCard], into plan: inout Plan) throws {
        var byName: [String: [Card]] = [:]
        var order: [String] = []
        for converted in cards {
            let name = AnkiDeckName.name(of: converted.deckPath)
            if byName[name] == nil { order.append(name) }
            byName[name, default: []].append(converted.card)
        }
        for name in order where DeckLibrary.problem(withName: name) != nil {
            throw Failure(description: "Anki deck '\(TerminalSafe.sanitize(name))' cannot be a deck name: \(DeckLibrary.problem(withName: name) ?? ""). Rename it in Anki.", exitCode: 65)
        }
        let taken = try library.cardIDs(excluding: Set(order.map { $0.lowercased() }))
        for name in order {
            let kept = (byName[name] ?? []).filter { card in
                guard taken.contains(card.id) else { return true }
                plan.warnings.append("card \(card.id) is already in another deck; left there (delete it there to move it to '\(name)')")
                return false
            }
            let existing = try library.existing(named: name)
            let keptIDs = Set(kept.map(\.id))
            plan.removed += (existing?.cards ?? []).map(\.id).filter { $0.rawValue.hasPrefix("anki-") && !keptIDs.contains($0) }
            plan.decks.append(Deck(name: existing?.name ?? name, cards: kept))
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
