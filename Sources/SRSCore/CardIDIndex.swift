/// An index from a card id to its position in an array of ids that its owner keeps beside it:
/// open addressing with linear probing over 32-bit slots, a power-of-two number of them, at
/// most half full. 4 bytes a slot, so 8 to 16 bytes a card, where a `[CardID: Int32]` takes 20
/// bytes a bucket at up to 3/4 full (`docs/architecture.md`, "The card table").
///
/// The index does not hold the ids: every call takes the owner's array, which must be the one
/// the positions were inserted from (`CardTable` and the history builder keep the two together).
/// Ids hash with Swift's `Hasher` (seeded per process; never persisted), so two ids that are
/// equal as strings (canonically equivalent) find the same slot, as in a `Dictionary`.
public struct CardIDIndex: Sendable {
    /// 0: empty; otherwise the position + 1.
    private var slots: [UInt32] = []
    /// The positions indexed.
    public private(set) var count = 0

    public init() {}

    /// An index of every position of `ids`; of two equal ids, the later position is found.
    public init(_ ids: [CardID]) {
        reserveCapacity(ids.count, in: ids)
        for position in ids.indices {
            if let earlier = slot(of: ids[position], in: ids) {
                slots[earlier] = UInt32(position + 1)
            } else {
                insert(position, in: ids)
            }
        }
    }

    public var isEmpty: Bool { count == 0 }

    /// Makes room for `capacity` positions of `ids` without growing again.
    public mutating func reserveCapacity(_ capacity: Int, in ids: [CardID]) {
        let needed = Self.slotCount(for: capacity)
        if needed > slots.count { rehash(into: needed, from: ids) }
    }

    /// The position of `id` in `ids`, or nil.
    public func position(of id: CardID, in ids: [CardID]) -> Int? {
        slot(of: id, in: ids).map { Int(slots[$0] - 1) }
    }

    /// Indexes `position` of `ids`, an id the index does not hold yet.
    public mutating func insert(_ position: Int, in ids: [CardID]) {
        precondition(position >= 0 && position < Int(UInt32.max), "the index holds positions below 2³²-1")
        if Self.slotCount(for: count + 1) > slots.count { rehash(into: Self.slotCount(for: count + 1), from: ids) }
        var i = Self.home(of: ids[position], mask: slots.count - 1)
        while slots[i] != 0 { i = (i + 1) & (slots.count - 1) }
        slots[i] = UInt32(position + 1)
        count += 1
    }

    /// Forgets `position` (whose id is `ids[position]`, still in the array): the entries after
    /// it in its run move back (backward-shift deletion), so no tombstones slow later look-ups.
    public mutating func remove(_ position: Int, in ids: [CardID]) {
        guard var hole = slot(ofPosition: position, id: ids[position]) else { return }
        let mask = slots.count - 1
        var next = (hole + 1) & mask
        while slots[next] != 0 {
            let home = Self.home(of: ids[Int(slots[next] - 1)], mask: mask)
            // The entry at `next` may fill the hole when the hole lies on its way from home.
            if (next - home) & mask >= (next - hole) & mask {
                slots[hole] = slots[next]
                hole = next
            }
            next = (next + 1) & mask
        }
        slots[hole] = 0
        count -= 1
    }

    /// Points the entry of `old` (whose id is `id`) at `new`: its id moved there in the array.
    public mutating func move(_ old: Int, to new: Int, id: CardID) {
        guard let i = slot(ofPosition: old, id: id) else { return }
        slots[i] = UInt32(new + 1)
    }

    private func slot(of id: CardID, in ids: [CardID]) -> Int? {
        guard !slots.isEmpty else { return nil }
        let mask = slots.count - 1
        var i = Self.home(of: id, mask: mask)
        while true {
            let entry = slots[i]
            if entry == 0 { return nil }
            if ids[Int(entry - 1)] == id { return i }
            i = (i + 1) & mask
        }
    }

    private func slot(ofPosition position: Int, id: CardID) -> Int? {
        guard !slots.isEmpty else { return nil }
        let mask = slots.count - 1, wanted = UInt32(position + 1)
        var i = Self.home(of: id, mask: mask)
        while slots[i] != 0 {
            if slots[i] == wanted { return i }
            i = (i + 1) & mask
        }
        return nil
    }

    /// Moves every entry into a table of `size` slots (each entry's home recomputed from `ids`).
    private mutating func rehash(into size: Int, from ids: [CardID]) {
        let old = slots
        slots = [UInt32](repeating: 0, count: size)
        let mask = size - 1
        for entry in old where entry != 0 {
            var i = Self.home(of: ids[Int(entry - 1)], mask: mask)
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

    private static func home(of id: CardID, mask: Int) -> Int { id.hashValue & mask }
}
