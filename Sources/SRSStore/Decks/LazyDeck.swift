#if canImport(Glibc)
import Glibc
#endif
import Foundation
import SRSCore

/// A deck opened for a review: every card id in order, at once, and a card's text only when it
/// is asked for. A review shows a few hundred cards a day of decks that may hold 100,000, so a
/// start reads the `card:` lines alone and parses a card's block when it comes up. A deck file
/// is scanned a megabyte at a time and kept open, not in memory: its blocks are read back with
/// `pread` from the file as it was opened (a deck rewritten meanwhile, e.g. by a key correction,
/// replaces the file, not this one). A card that does not parse is reported when it comes up,
/// naming its file and line; `srs decks --check` reads every card. The key corrections of the
/// deck's journal (`KeyCorrections`) are read at the start and applied to each card read.
public final class LazyDeck: @unchecked Sendable {
    public let name: String
    /// The card ids, in deck order.
    public let ids: [CardID]
    /// The deck's file, or `(built-in deck NAME)`.
    public let path: String
    /// The offset of each card's `card:` line, and the end of the last card.
    let starts: [Int]
    let end: Int
    private let source: Source
    private let io: Syscalls
    /// Key corrections (card id → option index) from the journal and from `correct`.
    private var corrections: [CardID: Int]
    private let lock = NSLock()

    private enum Source {
        case memory([UInt8])
        case file(Int32)
    }

    /// A deck held in memory (a deck built into srs).
    init(name: String, bytes: [UInt8], path: String) throws {
        self.name = name
        self.path = path
        io = .live
        corrections = [:]
        var scan = CardLineScan(path: path)
        _ = try bytes.withUnsafeBytes { try scan.feed($0, at: 0, atEnd: true) }
        (ids, starts, end, source) = (scan.ids, scan.starts, bytes.count, .memory(bytes))
    }

    /// A deck file, scanned in chunks; the file stays open for reading cards. Its key
    /// corrections are read too, unless `corrections` are given.
    init(name: String, file url: URL, io: Syscalls, corrections given: [CardID: Int]? = nil) throws {
        self.name = name
        self.io = io
        path = url.path
        corrections = try given ?? KeyCorrections.read(deckPath: url.path, io: io)
        guard let fd = try io.openDataFile(path, O_RDONLY) else { throw StoreError.notFound(path: path, what: "deck file") }
        var scan = CardLineScan(path: path)
        // Each megabyte is read in place after the few bytes the last one left (a line it cut),
        // so no byte is copied twice.
        var window = [UInt8](repeating: 0, count: Self.chunk)
        var kept = 0, offset = 0
        do {
            while true {
                if window.count - kept < Self.chunk / 2 { window += repeatElement(0, count: Self.chunk) } // a very long line
                let n = window.withUnsafeMutableBytes { io.read(fd, UnsafeMutableRawBufferPointer(rebasing: $0[kept...]), offset) }
                if n < 0 && errno == EINTR { continue }
                guard n >= 0 else { throw StoreError.io(path: path, operation: "read", reason: Syscalls.lastError()) }
                let done = try window.withUnsafeBytes {
                    try scan.feed(UnsafeRawBufferPointer(rebasing: $0[..<(kept + n)]), at: offset - kept, atEnd: n == 0)
                }
                offset += n
                if n == 0 { break }
                window.withUnsafeMutableBytes { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[done..<(kept + n)])) }
                kept += n - done
            }
        } catch {
            _ = io.close(fd)
            throw error
        }
        (ids, starts, end, source) = (scan.ids, scan.starts, offset, .file(fd))
    }

    deinit { if case let .file(fd) = source { _ = io.close(fd) } }

    /// How much of a deck file is read at a time.
    static let chunk = 1 << 20

    /// The position of `id` in the deck (a linear scan: called once per card shown).
    public func index(of id: CardID) -> Int? { ids.firstIndex(of: id) }

    /// The card at `index`, parsed from its block. Throws `StoreError.damaged` with the file's
    /// line number when the block is malformed, `.io` when the file cannot be read.
    public func card(at index: Int) throws -> Card {
        try KeyCorrections.apply(correction(of: ids[index]), to: parsedCard(at: index))
    }

    /// Records that card `id`'s key is now option `index` (already saved in the journal): the
    /// card reads so from now on, though the file is the one that was opened.
    public func correct(_ id: CardID, option index: Int) {
        lock.lock()
        defer { lock.unlock() }
        corrections[id] = index
    }

    func correction(of id: CardID) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        return corrections[id]
    }

    /// The card at `index` as its block in the file says, without corrections.
    func parsedCard(at index: Int) throws -> Card {
        let range = starts[index]..<(index + 1 < starts.count ? starts[index + 1] : end)
        let block = try bytes(range)
        return try block.withUnsafeBytes { raw in
            do {
                return try Self.parse(raw, path: path, linesBefore: 0)
            } catch {
                // Parse again, counting lines this time, so the message names the right one.
                let before = try bytes(0..<range.lowerBound)
                let lines = before.withUnsafeBytes { DeckLines.lineCount($0, before: $0.count, from: 0) }
                return try Self.parse(raw, path: path, linesBefore: lines)
            }
        }
    }

    /// The card called `id`, or nil when the deck has none.
    public func card(_ id: CardID) throws -> Card? {
        try index(of: id).map(card(at:))
    }

    func bytes(_ range: Range<Int>) throws -> [UInt8] {
        switch source {
        case let .memory(all):
            return Array(all[range])
        case let .file(fd):
            guard let block = io.readExactly(fd, count: range.count, at: range.lowerBound) else {
                throw StoreError.io(path: path, operation: "read", reason: errno == 0 ? "the file got shorter" : Syscalls.lastError())
            }
            return block
        }
    }

    private static func parse(_ block: UnsafeRawBufferPointer, path: String, linesBefore: Int) throws -> Card {
        var scanner = DeckScanner(bytes: block, path: path, linesBefore: linesBefore)
        var builder = DeckCardBuilder(path: path, expectedCards: 1)
        while let field = try scanner.nextField() { try builder.add(field) }
        let (cards, _) = try builder.finish()
        guard cards.count == 1, let card = cards.first else {
            throw StoreError.damaged(path: path, line: linesBefore + 1, problem: "a card block that is not one card",
                                     fix: "Start each card with a line `card: ID`.")
        }
        return card
    }
}

/// Finds the `card:` lines of a deck fed to it in windows: the id of each and the file offset
/// where its line starts. The first window must hold the `srs-deck` line.
struct CardLineScan {
    let path: String
    var ids: [CardID] = []
    var starts: [Int] = []
    private var sawHeader = false

    init(path: String) { self.path = path }

    /// Reads the `card:` lines of `raw`, whose first byte is at file offset `base`. Returns how
    /// many of its bytes are done with: the rest (a marker or a `card:` line cut by the
    /// window's end) must begin the next window.
    mutating func feed(_ raw: UnsafeRawBufferPointer, at base: Int, atEnd: Bool) throws -> Int {
        var position = 0
        if !sawHeader {
            var scanner = DeckScanner(bytes: raw, path: path)
            try scanner.readHeader()
            sawHeader = true
            position = scanner.offset
        }
        var keepFrom = max(position, raw.count - (DeckLines.cardMarker.count - 1))
        while let lineStart = DeckLines.cardLine(in: raw, from: max(position - 1, 0)) {
            let valueStart = lineStart + DeckLines.cardMarker.count - 1
            guard let lineEnd = raw[valueStart...].firstIndex(of: 0x0A) ?? (atEnd ? raw.count : nil) else {
                keepFrom = lineStart - 1 // the line goes on in the next window
                break
            }
            var (first, last) = (valueStart, lineEnd)
            while first < last, DeckScanner.isSpace(raw[first]) { first += 1 }
            while last > first, DeckScanner.isSpace(raw[last - 1]) { last -= 1 }
            ids.append(CardID(String(decoding: UnsafeRawBufferPointer(rebasing: raw[first..<last]), as: UTF8.self)))
            starts.append(base + lineStart)
            position = lineEnd
            keepFrom = max(position, raw.count - (DeckLines.cardMarker.count - 1))
        }
        return keepFrom
    }
}
