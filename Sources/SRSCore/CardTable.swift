/// Every card's progress, keyed by card id: what a `[CardID: CardProgress]` would hold, in about
/// 80 bytes a card instead of 160 at up to twice that for the dictionary's empty buckets
/// (`docs/architecture.md`, "The card table").
///
/// A value type (copy on write, through its arrays) with the dictionary's API that srs uses. The
/// ids and their index are an `IndexedCardIDs`; the states are packed (`PackedProgress`, 56
/// bytes) at the same positions, in chunks that growing never copies. A state that does not pack
/// exactly (absurd hand-edited numbers, times before 1970 or after 2106, an SM-2 or FSRS state
/// due at another time than the progress) is kept whole in a small side table, so the table
/// gives back exactly what was stored, always.
///
/// Iteration is in insertion order (deterministic, unlike a dictionary's); removing a card moves
/// the last card into its place. Two tables are equal when they hold the same cards with equal
/// progress, in any order.
public struct CardTable: Sendable {
    public typealias Element = (key: CardID, value: CardProgress)

    private var cards = IndexedCardIDs()
    private var states = Chunks<PackedProgress>()
    /// The progress of the positions whose state is `.whole`.
    private var whole: [Int: CardProgress] = [:]

    public init() {}

    /// An empty table with room for `capacity` cards.
    public init(minimumCapacity capacity: Int) { reserveCapacity(capacity) }

    /// Makes room for `capacity` cards' ids and index (the states grow by chunks, never copied).
    public mutating func reserveCapacity(_ capacity: Int) {
        cards.reserveCapacity(capacity)
        states.reserveFirstChunk(capacity)
    }

    /// The progress of `id` (nil: the card is new); setting nil removes the card.
    public subscript(id: CardID) -> CardProgress? {
        get {
            // Not `.map(progress(at:))`: a method taken as a closure copies the table (four retains).
            guard let position = cards.position(of: id) else { return nil }
            return progress(at: position)
        }
        set {
            if let newValue { set(newValue, for: id) } else { removeValue(forKey: id) }
        }
    }

    /// The progress of `id`, or `defaultValue` for a new card; setting stores the progress.
    public subscript(id: CardID, default defaultValue: @autoclosure () -> CardProgress) -> CardProgress {
        get { self[id] ?? defaultValue() }
        set { set(newValue, for: id) }
    }

    /// How many cards have progress (declared here, not taken from `Collection`, so that a
    /// caller in another module does not copy the table into a generic call).
    public var count: Int { cards.count }
    public var isEmpty: Bool { cards.count == 0 }

    /// The card ids, in the table's order.
    public var keys: [CardID] { cards.ids }

    /// Every card's progress, in the table's order.
    public var values: Values { Values(table: self) }

    /// Removes `id`'s progress and returns it; the last card takes its place in the order.
    @discardableResult
    public mutating func removeValue(forKey id: CardID) -> CardProgress? {
        guard let position = cards.position(of: id) else { return nil }
        let removed = progress(at: position)
        let last = cards.count - 1
        cards.removeMovingLast(at: position)
        whole[position] = nil
        if position != last {
            states[position] = states[last]
            if let kept = whole.removeValue(forKey: last) { whole[position] = kept }
        }
        states.removeLast()
        return removed
    }

    /// The cards for which `isIncluded` holds, in the table's order (a table, as a dictionary's
    /// `filter` gives a dictionary).
    public func filter(_ isIncluded: (Element) throws -> Bool) rethrows -> CardTable {
        var kept = CardTable()
        for entry in self where try isIncluded(entry) { kept[entry.key] = entry.value }
        return kept
    }

    /// Each card's progress transformed, in the table's order.
    public func mapValues(_ transform: (CardProgress) throws -> CardProgress) rethrows -> CardTable {
        var mapped = CardTable(minimumCapacity: count)
        for (id, progress) in self { mapped[id] = try transform(progress) }
        return mapped
    }

    /// The cards' entries ordered by id (`CardID`'s `<`), as the snapshot writes them: sorted
    /// positions (4 bytes a card), each entry unpacked when it is reached.
    public func sortedByID() -> LazyMapSequence<[Int32], Element> {
        let ids = cards.ids
        var order = Array(0..<Int32(ids.count))
        order.sort { ids[Int($0)] < ids[Int($1)] }
        return order.lazy.map { self[Int($0)] }
    }

    /// How many cards are kept whole (not packed).
    var wholeCount: Int { whole.count }

    private func progress(at position: Int) -> CardProgress {
        let state = states[position]
        guard state.kind == .whole else { return state.progress }
        return whole[position] ?? CardProgress()
    }

    private mutating func set(_ progress: CardProgress, for id: CardID) {
        let packed = PackedProgress(progress)
        let (inserted, position) = cards.insert(id)
        if inserted {
            states.append(packed ?? .whole)
        } else {
            if packed != nil && states[position].kind == .whole { whole[position] = nil }
            states[position] = packed ?? .whole
        }
        if packed == nil { whole[position] = progress }
    }
}

extension CardTable: RandomAccessCollection {
    public var startIndex: Int { 0 }
    public var endIndex: Int { cards.count }
    public subscript(position: Int) -> Element { (cards.ids[position], progress(at: position)) }

    /// The table's progress values, in its order.
    public struct Values: RandomAccessCollection, Sendable {
        let table: CardTable
        public var startIndex: Int { 0 }
        public var endIndex: Int { table.count }
        public subscript(position: Int) -> CardProgress { table.progress(at: position) }
    }
}

extension CardTable: Equatable {
    public static func == (a: CardTable, b: CardTable) -> Bool {
        a.count == b.count && a.allSatisfy { b[$0.key] == $0.value }
    }
}

extension CardTable: ExpressibleByDictionaryLiteral {
    /// A table of the pairs in order; a repeated id keeps its last progress.
    public init(dictionaryLiteral elements: (CardID, CardProgress)...) {
        self.init(minimumCapacity: elements.count)
        for (id, progress) in elements { self[id] = progress }
    }
}

extension CardTable: CustomStringConvertible {
    /// Like a dictionary's: `[id: progress, …]`, in the table's order.
    public var description: String {
        isEmpty ? "[:]" : "[" + map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "]"
    }
}

/// An array in chunks of 2¹⁶ elements: appending never copies more than one chunk, so a table
/// of 900,000 states (50 MB) grows without holding an old and a new copy of them at once.
struct Chunks<Element> {
    private var chunks: [[Element]] = []
    private(set) var count = 0
    private static var shift: Int { 16 }
    private static var size: Int { 1 << shift }

    subscript(position: Int) -> Element {
        get { chunks[position >> Self.shift][position & (Self.size - 1)] }
        set { chunks[position >> Self.shift][position & (Self.size - 1)] = newValue }
    }

    mutating func append(_ element: Element) {
        if chunks.isEmpty || chunks[chunks.count - 1].count == Self.size {
            var chunk: [Element] = []
            // The first chunk grows as an array does (a small table stays small); later ones
            // are allocated whole.
            if !chunks.isEmpty { chunk.reserveCapacity(Self.size) }
            chunks.append(chunk)
        }
        chunks[chunks.count - 1].append(element)
        count += 1
    }

    /// Room for `capacity` elements in the first chunk (at most a chunk), so that it does not
    /// grow by copies either.
    mutating func reserveFirstChunk(_ capacity: Int) {
        if chunks.isEmpty { chunks.append([]) }
        chunks[0].reserveCapacity(min(capacity, Self.size))
    }

    mutating func removeLast() {
        chunks[chunks.count - 1].removeLast()
        if chunks[chunks.count - 1].isEmpty { chunks.removeLast() }
        count -= 1
    }
}

extension Chunks: Sendable where Element: Sendable {}
