/// Card ids in the order they were added, and an index from an id to its position: open
/// addressing with linear probing over 32-bit slots, a power-of-two number of them, at most half
/// full. 4 bytes a slot, so 8 to 16 bytes a card beside the id's 16, where a `[CardID: Int32]`
/// takes 20 bytes a bucket at up to 3/4 full (`docs/architecture.md`, "The card table").
///
/// Ids hash with Swift's `Hasher` (seeded per process, never persisted), so two ids that are
/// equal as strings (canonically equivalent) are one key, as in a `Dictionary`. A list read from
/// a file can be added unindexed (`appendUnindexed`) and indexed only when an id is looked up.
public struct IndexedCardIDs: Sendable {
    /// The ids, in the order they were added.
    public private(set) var ids: [CardID] = []
    /// 0: empty; otherwise the position + 1.
    private var slots: [UInt32] = []
    /// Slots in use.
    private var entries = 0
    /// `ids[..<indexed]` are in the slots.
    private var indexed = 0

    public init() {}

    public var count: Int { ids.count }

    /// Makes room for `capacity` ids without growing again.
    public mutating func reserveCapacity(_ capacity: Int) {
        ids.reserveCapacity(capacity)
        if Self.slotCount(for: capacity) > slots.count { rehash(into: Self.slotCount(for: capacity)) }
    }

    /// The position of `id`, or nil. Every id must be indexed (`indexAll`).
    public func position(of id: CardID) -> Int? {
        precondition(indexed == ids.count, "look-ups need every id indexed")
        return slot(of: id, hash: id.hashValue).map { Int(slots[$0] - 1) }
    }

    /// The position of `id`, added at the end when it is not in the list (`inserted`): one hash
    /// and one probe for both. Every id must be indexed (`indexAll`).
    @discardableResult
    public mutating func insert(_ id: CardID) -> (inserted: Bool, position: Int) {
        precondition(indexed == ids.count && ids.count < Int(UInt32.max) - 1, "appended ids are indexed, below 2³²-1")
        let hash = id.hashValue
        if let slot = slot(of: id, hash: hash) { return (false, Int(slots[slot] - 1)) }
        ids.append(id)
        place(ids.count - 1, hash: hash)
        indexed = ids.count
        return (true, ids.count - 1)
    }

    /// Adds `id` to the list without indexing it (a list read from a file, looked up later if at all).
    public mutating func appendUnindexed(_ id: CardID) { ids.append(id) }

    /// Indexes the ids added unindexed; of two equal ids, the later position is found.
    public mutating func indexAll() {
        guard indexed < ids.count else { return }
        if Self.slotCount(for: ids.count) > slots.count { rehash(into: Self.slotCount(for: ids.count)) }
        for position in indexed..<ids.count {
            let hash = ids[position].hashValue
            if let earlier = slot(of: ids[position], hash: hash) {
                slots[earlier] = UInt32(position + 1)
            } else {
                place(position, hash: hash)
            }
        }
        indexed = ids.count
    }

    /// Removes the id at `position`; the last id moves into its place. The entries after it in its
    /// run of slots move back (backward-shift deletion), so no tombstones slow later look-ups.
    public mutating func removeMovingLast(at position: Int) {
        precondition(indexed == ids.count, "removals need every id indexed")
        let last = ids.count - 1
        unplace(position)
        if position != last {
            if let slot = slot(ofPosition: last) { slots[slot] = UInt32(position + 1) }
            ids[position] = ids[last]
        }
        ids.removeLast()
        indexed = ids.count
    }

    /// Puts `position` into the first free slot of its run (growing the table first if needed).
    private mutating func place(_ position: Int, hash: Int) {
        if (entries + 1) * 2 > slots.count { rehash(into: Self.slotCount(for: entries + 1)) }
        let mask = slots.count - 1
        var i = hash & mask
        while slots[i] != 0 { i = (i + 1) & mask }
        slots[i] = UInt32(position + 1)
        entries += 1
    }

    private mutating func unplace(_ position: Int) {
        guard var hole = slot(ofPosition: position) else { return }
        let mask = slots.count - 1
        var next = (hole + 1) & mask
        while slots[next] != 0 {
            let home = ids[Int(slots[next] - 1)].hashValue & mask
            // The entry at `next` may fill the hole when the hole lies on its way from home.
            if (next - home) & mask >= (next - hole) & mask {
                slots[hole] = slots[next]
                hole = next
            }
            next = (next + 1) & mask
        }
        slots[hole] = 0
        entries -= 1
    }

    private func slot(of id: CardID, hash: Int) -> Int? {
        guard !slots.isEmpty else { return nil }
        let mask = slots.count - 1
        var i = hash & mask
        while true {
            let entry = slots[i]
            if entry == 0 { return nil }
            if ids[Int(entry - 1)] == id { return i }
            i = (i + 1) & mask
        }
    }

    private func slot(ofPosition position: Int) -> Int? {
        guard !slots.isEmpty else { return nil }
        let mask = slots.count - 1, wanted = UInt32(position + 1)
        var i = ids[position].hashValue & mask
        while slots[i] != 0 {
            if slots[i] == wanted { return i }
            i = (i + 1) & mask
        }
        return nil
    }

    /// Moves every entry into a table of `size` slots (each entry's home recomputed).
    private mutating func rehash(into size: Int) {
        let old = slots
        slots = [UInt32](repeating: 0, count: size)
        let mask = size - 1
        for entry in old where entry != 0 {
            var i = ids[Int(entry - 1)].hashValue & mask
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = entry
        }
    }

    /// The slots for `count` entries: a power of two, at least twice the count.
    private static func slotCount(for count: Int) -> Int {
        var size = 16
        while size < count * 2 { size *= 2 }
        return size
    }
}
