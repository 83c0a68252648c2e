import Foundation
import SRSCore
import SRSText

/// A deck built into srs from `decks/` (see `ShippedDecks.swift`).
public struct ShippedDeck: Sendable {
    public let name: String
    /// The deck file's text, in the native format.
    public let text: String
}

/// Where a deck in the library comes from.
public enum DeckOrigin: String, Sendable {
    /// Built into srs; read-only.
    case shipped
    /// A file `<data-dir>/decks/<name>.deck`, shared by every user of the data directory.
    case imported
}

/// One line of `srs decks`.
public struct DeckSummary: Equatable, Sendable {
    public var name: String
    public var origin: DeckOrigin
    public var cardIDs: [CardID]
    public var cardCount: Int { cardIDs.count }
}

/// The decks a learner can study: the shipped decks plus the imported ones in the data
/// directory. An imported deck hides a shipped deck of the same name (names match without
/// regard to case), so importing or correcting a shipped deck takes effect at once.
public struct DeckLibrary: Sendable {
    /// `<data-dir>/decks`: created on the first save.
    public let folder: URL
    public let shipped: [ShippedDeck]
    /// The system calls it reads and writes deck files with.
    public let io: Syscalls

    public init(folder: URL, shipped: [ShippedDeck] = ShippedDeck.all, io: Syscalls = .live) {
        self.folder = folder
        self.shipped = shipped
        self.io = io
    }

    /// The library of a data directory, with the decks built into srs.
    public init(location: DataLocation, io: Syscalls = .live) { self.init(folder: location.decksFolder, io: io) }

    /// Every deck, sorted by name without regard to case, with its origin and card ids.
    ///
    /// By default reads only the `card:` lines, a megabyte at a time (fast, and no card text is
    /// built or kept), so a deck damaged elsewhere is listed and fails when loaded;
    /// `checkingCards` reads every card and throws `StoreError.damaged` for the first problem. Either way a file whose first line is not a
    /// supported `srs-deck` version throws `StoreError.newerFormat` or `.damaged`.
    /// Two decks holding the same card id are `StoreError.damaged` (progress is kept by id).
    public func list(checkingCards: Bool = false) throws -> [DeckSummary] {
        let sources = try sources()
        let ids = try sources.map { try checkingCards ? load($0).cards.map(\.id) : lazy($0).ids }
        try Self.checkDistinct(zip(sources, ids).map { ($0.path, $1) })
        return zip(sources, ids).map { DeckSummary(name: $0.name, origin: $0.origin, cardIDs: $1) }
    }

    /// The deck called `name` (any case). Throws `StoreError.notFound` (exit 66) when there is
    /// none, `StoreError.damaged` (exit 65) when its file does not parse.
    public func load(named name: String) throws -> Deck { try load(existingSource(named: name)) }

    /// The deck called `name` (any case), or nil when there is none.
    public func existing(named name: String) throws -> Deck? {
        try source(named: name).map(load)
    }

    /// The card ids of every deck except those named in `names` (lower-cased), which are not
    /// even read: new ids avoid these.
    public func cardIDs(excluding names: Set<String>) throws -> Set<CardID> {
        var ids = Set<CardID>()
        for source in try sources() where !names.contains(source.name.lowercased()) {
            ids.formUnion(try lazy(source).ids)
        }
        return ids
    }

    /// Every deck, in `list()` order.
    public func loadAll() throws -> [Deck] { try sources().map(load) }

    /// The decks within any of `names` (each with its subdecks, any case), in `list()` order, and
    /// the names no deck is within; the other decks are not read, so one damaged elsewhere stops
    /// nothing.
    public func loadAll(within names: [String]) throws -> (decks: [Deck], unknown: [String]) {
        let sources = try sources()
        let unknown = names.filter { name in !sources.contains { Self.deck($0.name, isWithin: name) } }
        let chosen = sources.filter { source in names.contains { Self.deck(source.name, isWithin: $0) } }
        return (try chosen.map(load), unknown)
    }

    /// Every deck in `list()` order, opened lazily (ids now, card text when asked; see `LazyDeck`).
    public func lazyAll() throws -> [LazyDeck] {
        let decks = try sources().map(lazy)
        try Self.checkDistinct(decks.map { ($0.path, $0.ids) })
        return decks
    }

    /// Throws `StoreError.damaged` naming both files when two decks hold the same card id.
    /// (A shipped deck and the imported copy that a key correction makes share their ids on
    /// purpose; the copy hides the shipped deck, so they never meet here.)
    static func checkDistinct(_ decks: [(path: String, ids: [CardID])]) throws {
        // The ids of every deck but the largest go into a table; the largest deck's ids (often
        // all but a few: 100,000 against the shipped decks' 32) are only looked up in it.
        guard let largest = decks.indices.max(by: { decks[$0].ids.count < decks[$1].ids.count }) else { return }
        var owner: [CardID: Int] = [:]
        owner.reserveCapacity(decks.reduce(0) { $0 + $1.ids.count } - decks[largest].ids.count)
        for (index, deck) in decks.enumerated() where index != largest {
            for id in deck.ids {
                if let first = owner.updateValue(index, forKey: id), first != index { throw shared(id, decks, first, index) }
            }
        }
        guard !owner.isEmpty else { return }
        for id in decks[largest].ids {
            if let other = owner[id] { throw shared(id, decks, min(other, largest), max(other, largest)) }
        }
    }

    /// Card `id` is in the decks at `first` and `second` (in `list()` order).
    private static func shared(_ id: CardID, _ decks: [(path: String, ids: [CardID])], _ first: Int, _ second: Int) -> StoreError {
        StoreError.damaged(path: decks[second].path, line: nil,
            problem: "card id `\(TerminalSafe.sanitize(id.rawValue, keepNewlines: false))` is also in \(decks[first].path); progress is kept by card id, so each id must belong to one deck",
            fix: "Give the card in one of the decks a new id (any id no deck uses), or remove the copy.")
    }

    /// The deck called `name` (any case), opened lazily. Throws `StoreError.notFound` (exit 66)
    /// when there is none.
    public func lazy(named name: String) throws -> LazyDeck { try lazy(existingSource(named: name)) }

    /// Whether deck `name` is `parent` or one of its subdecks (`parent::…`), without regard to case.
    public static func deck(_ name: String, isWithin parent: String) -> Bool {
        let name = name.lowercased(), parent = parent.lowercased()
        return name == parent || name.hasPrefix(parent + "::")
    }

    /// The deck called `name` (any case) and its subdecks (`name::…`, Anki's deck hierarchy),
    /// opened lazily in `list()` order: what `srs review --deck` studies. Throws
    /// `StoreError.notFound` (exit 66) when there is neither.
    public func lazyWithSubdecks(named name: String) throws -> [LazyDeck] {
        let chosen = try sources().filter { Self.deck($0.name, isWithin: name) }
        guard !chosen.isEmpty else { return [try lazy(existingSource(named: name))] }
        let decks = try chosen.map(lazy)
        try Self.checkDistinct(decks.map { ($0.path, $0.ids) })
        return decks
    }

    private func lazy(_ source: Source) throws -> LazyDeck {
        if let url = source.url { return try LazyDeck(name: source.name, file: url, io: io) }
        return try LazyDeck(name: source.name, bytes: Array((source.text ?? "").utf8), path: "(built-in deck \(source.name))")
    }

    /// Writes `deck` to `<folder>/<name>.deck` atomically, replacing an imported deck whose
    /// name differs only in case. Returns the file written. Throws `StoreError.cannotCreate`
    /// or `.io`; the previous file is then intact.
    @discardableResult
    public func save(_ deck: Deck) throws -> URL {
        let url = try importedFile(named: deck.name) ?? folder.appendingPathComponent("\(deck.name).deck")
        try DeckFiles.writeAtomically(DeckWriter.text(of: deck), to: url, io: io)
        try removeJournal(of: url.path) // its corrections were in `deck` (read with them applied)
        return url
    }

    /// Corrects the key of multiple-choice card `id` of deck `deckName` to option `index` (0
    /// is A), durably but without rewriting the deck: one line appended to the deck's journal
    /// (`KeyCorrections`) and synced. A shipped deck gets an imported copy first (`setKey`);
    /// `foldKeyCorrections()` later writes the keys into the deck file. The caller has checked
    /// that the card has that option (the review shows it); a correction that no longer fits
    /// the card is ignored when the deck is read.
    public func correctKey(option index: Int, card id: CardID, deck deckName: String) throws {
        let source = try existingSource(named: deckName)
        guard let url = source.url else {
            try setKey(option: index, card: id, deck: deckName)
            return
        }
        try KeyCorrections.append(option: index, card: id, deckPath: url.path, io: io)
    }

    /// Sets the key of multiple-choice card `id` of deck `deckName` to option `index` (0 is A),
    /// as an explicit key, and saves the deck (a shipped deck becomes an imported copy with the
    /// same ids). Returns the updated deck. Throws `StoreError.notFound` when the deck has no
    /// such multiple-choice card or option.
    @discardableResult
    public func setKey(option index: Int, card id: CardID, deck deckName: String) throws -> Deck {
        var deck = try load(named: deckName)
        guard let position = deck.cards.firstIndex(where: { $0.id == id }),
              case .multipleChoice(let options, _) = deck.cards[position].kind, options.indices.contains(index)
        else {
            throw StoreError.notFound(path: "card \(id) option \(index + 1) in deck '\(deck.name)'",
                                      what: "multiple-choice option")
        }
        deck.cards[position].kind = .multipleChoice(options: options, key: AnswerKey(index: index, source: .corrected))
        try save(deck)
        return deck
    }

    /// Why `name` cannot name a deck file, or nil when it can.
    public static func problem(withName name: String) -> String? {
        if name.lowercased().hasSuffix(".deck") { return "it ends in .deck (srs adds that itself; leave it out)" }
        return FileName.problem(with: name, maxBytes: 100)
    }

    // MARK: Sources

    struct Source {
        let name: String
        let origin: DeckOrigin
        let url: URL?
        let text: String?
        var path: String { url?.path ?? "(built-in deck \(name))" }
    }

    /// Imported decks, then shipped decks not hidden by one, sorted by name.
    func sources() throws -> [Source] {
        let imported = try DeckFiles.deckFiles(in: folder, io: io).map {
            Source(name: $0.deletingPathExtension().lastPathComponent, origin: .imported, url: $0, text: nil)
        }
        let hidden = Set(imported.map { $0.name.lowercased() })
        let builtIn = shipped.filter { !hidden.contains($0.name.lowercased()) }.map {
            Source(name: $0.name, origin: .shipped, url: nil, text: $0.text)
        }
        return (imported + builtIn).sorted { ($0.name.lowercased(), $0.name) < ($1.name.lowercased(), $1.name) }
    }

    /// The deck called `name`, or `StoreError.notFound` (exit 66) listing the names there are.
    private func existingSource(named name: String) throws -> Source {
        guard let source = try source(named: name) else {
            let known = try sources().map(\.name).joined(separator: ", ")
            throw StoreError.notFound(path: "'\(name)' (decks: \(known); see `srs decks`)", what: "deck")
        }
        return source
    }

    private func source(named name: String) throws -> Source? {
        let wanted = name.lowercased()
        return try sources().first { $0.name.lowercased() == wanted }
    }

    private func importedFile(named name: String) throws -> URL? {
        let wanted = name.lowercased()
        return try DeckFiles.deckFiles(in: folder, io: io).first {
            $0.deletingPathExtension().lastPathComponent.lowercased() == wanted
        }
    }

    private func load(_ source: Source) throws -> Deck {
        var deck = try withBytes(of: source) { try DeckReader.read($0, name: source.name, path: $1) }
        guard let url = source.url else { return deck }
        let corrections = try KeyCorrections.read(deckPath: url.path, io: io)
        if !corrections.isEmpty { deck.cards = deck.cards.map { KeyCorrections.apply(corrections[$0.id], to: $0) } }
        return deck
    }

    /// Calls `body` with the deck's bytes and the path to name in messages.
    private func withBytes<T>(of source: Source, _ body: (UnsafeRawBufferPointer, String) throws -> T) throws -> T {
        if let url = source.url {
            return try DeckFiles.read(url, io: io).withUnsafeBytes { try body($0, url.path) }
        }
        var text = source.text ?? ""
        return try text.withUTF8 { try body(UnsafeRawBufferPointer($0), "(built-in deck \(source.name))") }
    }
}
