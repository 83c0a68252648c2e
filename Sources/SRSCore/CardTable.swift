/// Every card's progress, keyed by card id: what a `CardTable` would hold, in about
/// 80 bytes a card instead of 160 at up to twice that for the dictionary's empty buckets
/// (`docs/architecture.md`, "The card table").
///
/// A value type (copy on write, through its arrays) with the dictionary's API that srs uses. The
/// ids are kept in one array, the states packed (`PackedProgress`, 56 bytes) in another at the
/// same position, and a `CardIDIndex` finds an id's position. A state that does not pack exactly
/// (absurd hand-edited numbers, times before 1970 or after 2106, a NaN) is kept whole in a small
/// side table, so the table gives back exactly what was stored, always.
///
/// Iteration is in insertion order (deterministic, unlike a dictionary's); removing a card moves
/// the last card into its place. Two tables are equal when they hold the same cards with equal
/// progress, in any order.
public struct CardTable: Sendable {
    public typealias Element = (key: CardID, value: CardProgress)

    private var ids: [CardID] = []
    private var states: [PackedProgress] = []
    private var index = CardIDIndex()
    /// The progress of the positions whose state is `.whole`.
    private var whole: [Int: CardProgress] = [:]

    public init() {}

    /// An empty table with room for `capacity` cards.
    public init(minimumCapacity capacity: Int) { reserveCapacity(capacity) }

    /// Makes room for `capacity` cards, so that growing to that many allocates nothing more.
    public mutating func reserveCapacity(_ capacity: Int) {
        ids.reserveCapacity(capacity)
        states.reserveCapacity(capacity)
        index.reserveCapacity(capacity, in: ids)
    }

    /// The progress of `id` (nil: the card is new); setting nil removes the card.
    public subscript(id: CardID) -> CardProgress? {
        get { index.position(of: id, in: ids).map(progress(at:)) }
        set {
            if let newValue { set(newValue, for: id) } else { removeValue(forKey: id) }
        }
    }

    /// The progress of `id`, or `defaultValue` for a new card; setting stores the progress.
    public subscript(id: CardID, default defaultValue: @autoclosure () -> CardProgress) -> CardProgress {
        get { self[id] ?? defaultValue() }
        set { set(newValue, for: id) }
    }

    /// The card ids, in the table's order.
    public var keys: [CardID] { ids }

    /// Every card's progress, in the table's order.
    public var values: Values { Values(table: self) }

    /// Removes `id`'s progress and returns it; the last card takes its place in the order.
    @discardableResult
    public mutating func removeValue(forKey id: CardID) -> CardProgress? {
        guard let position = index.position(of: id, in: ids) else { return nil }
        let removed = progress(at: position)
        index.remove(position, in: ids)
        whole[position] = nil
        let last = ids.count - 1
        if position != last {
            index.move(last, to: position, id: ids[last])
            ids[position] = ids[last]
            states[position] = states[last]
            if let kept = whole.removeValue(forKey: last) { whole[position] = kept }
        }
        ids.removeLast()
        states.removeLast()
        return removed
    }

    /// The cards' entries ordered by id (`CardID`'s `<`), as the snapshot writes them: sorted
    /// positions (4 bytes a card), each entry unpacked when it is reached.
    public func sortedByID() -> LazyMapSequence<[Int32], Element> {
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
        let packed = PackedProgress(progress).flatMap { $0.progress == progress ? $0 : nil }
        let position: Int
        if let known = index.position(of: id, in: ids) {
            position = known
            if states[known].kind == .whole && packed != nil { whole[known] = nil }
            states[known] = packed ?? .whole
        } else {
            position = ids.count
            ids.append(id)
            states.append(packed ?? .whole)
            index.insert(position, in: ids)
        }
        if packed == nil { whole[position] = progress }
    }
}

extension CardTable: RandomAccessCollection {
    public var startIndex: Int { 0 }
    public var endIndex: Int { ids.count }
    public subscript(position: Int) -> Element { (ids[position], progress(at: position)) }

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
