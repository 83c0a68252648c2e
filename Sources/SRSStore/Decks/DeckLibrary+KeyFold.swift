#if canImport(Glibc)
import Glibc
#endif
import Foundation
import SRSCore

extension DeckLibrary {
    /// Writes the key corrections of every imported deck's journal (`KeyCorrections`) into its
    /// deck file, atomically (exclusive temporary file, fsync, rename), then removes the journal
    /// unless a correction was added to it meanwhile (it is then applied again on top, which
    /// changes nothing, and folded next time). Folds of two processes take turns (an `flock` on
    /// the journal). Streams the deck a megabyte at a time: only the corrected cards are parsed
    /// and written anew. Returns the names of the decks folded. The review calls it at its end,
    /// after the screen is closed: never on the key path.
    @discardableResult
    public func foldKeyCorrections() throws -> [String] {
        var folded: [String] = []
        for source in try sources() where source.origin == .imported {
            guard let url = source.url, try fold(url, name: source.name) else { continue }
            folded.append(source.name)
        }
        return folded
    }

    /// Removes the journal of the deck file `deckPath` (none is fine).
    func removeJournal(of deckPath: String) throws {
        let journal = KeyCorrections.path(ofDeck: deckPath)
        guard io.unlink(journal) == 0 || errno == ENOENT else {
            throw StoreError.io(path: journal, operation: "remove", reason: Syscalls.lastError())
        }
    }

    private func fold(_ url: URL, name: String) throws -> Bool {
        let journal = KeyCorrections.path(ofDeck: url.path)
        guard let fd = try lockedJournal(journal) else { return false }
        defer { _ = io.close(fd) }
        let size = try io.size(of: fd, path: journal)
        guard let bytes = io.readExactly(fd, count: size, at: 0) else {
            throw StoreError.io(path: journal, operation: "read", reason: Syscalls.lastError())
        }
        let corrections = try KeyCorrections.parse(bytes, path: journal)
        let deck = try LazyDeck(name: name, file: url, io: io, corrections: [:])
        try io.writeAtomically(to: url.path) { out in try write(deck, with: corrections, to: out) }
        if try io.size(of: fd, path: journal) == size { try removeJournal(of: url.path) }
        return true
    }

    /// The journal, opened and locked against other folds; nil when there is none.
    private func lockedJournal(_ path: String) throws -> Int32? {
        while true {
            guard let fd = try io.openDataFile(path, O_RDONLY) else { return nil }
            guard io.flock(fd, LOCK_EX) == 0 else {
                _ = io.close(fd)
                throw StoreError.io(path: path, operation: "lock", reason: Syscalls.lastError())
            }
            if let info = io.fileStatus(fd), info.st_nlink > 0 { return fd }
            _ = io.close(fd) // removed by the fold that held the lock: open the next one, if any
        }
    }

    /// The deck's bytes with each corrected card's block written anew (`DeckWriter`); a deck
    /// of an older version is written anew whole, in the current version.
    private func write(_ deck: LazyDeck, with corrections: [CardID: Int], to out: Int32) throws {
        let head = try deck.bytes(0..<(deck.starts.first ?? deck.end))
        guard Self.isCurrentVersion(head) else {
            let cards = try deck.ids.indices.map { KeyCorrections.apply(corrections[deck.ids[$0]], to: try deck.parsedCard(at: $0)) }
            return try put(Array(DeckWriter.text(of: Deck(name: deck.name, cards: cards)).utf8), to: out)
        }
        var copied = 0 // the bytes before this offset are written
        for (index, id) in deck.ids.enumerated() where corrections[id] != nil {
            let block = deck.starts[index]..<(index + 1 < deck.starts.count ? deck.starts[index + 1] : deck.end)
            try copy(deck, copied..<block.lowerBound, to: out)
            var text = ""
            DeckWriter.write(KeyCorrections.apply(corrections[id], to: try deck.parsedCard(at: index)), to: &text)
            try put(Array((text + "\n").utf8), to: out)
            copied = block.upperBound
        }
        try copy(deck, copied..<deck.end, to: out)
    }

    /// Copies `range` of the deck's file, a megabyte at a time.
    private func copy(_ deck: LazyDeck, _ range: Range<Int>, to out: Int32) throws {
        var start = range.lowerBound
        while start < range.upperBound {
            let end = min(start + (1 << 20), range.upperBound)
            try put(try deck.bytes(start..<end), to: out)
            start = end
        }
    }

    private func put(_ bytes: [UInt8], to out: Int32) throws {
        guard bytes.withUnsafeBytes({ io.writeAll(out, $0) }) else {
            throw StoreError.io(path: folder.path, operation: "write", reason: Syscalls.lastError())
        }
    }

    /// Whether the first line that is not blank or a comment is `srs-deck 2` (the version the
    /// writer writes): then the other blocks can be copied as they are.
    static func isCurrentVersion(_ head: [UInt8]) -> Bool {
        let lines = head.split(separator: 0x0A).map { String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespaces) }
        return lines.first { !$0.isEmpty && !$0.hasPrefix("#") } == "srs-deck \(DeckWriter.version)"
    }
}
