import Testing
@testable import SRSCore

@Suite struct CardTableTests {
    /// Ids that collide often in a small table, plus two spellings of one id ("é" precomposed and
    /// decomposed: equal as strings, so one key, as in a dictionary).
    static let universe = (0..<48).map { CardID("card-\($0)") } + [CardID("caf\u{E9}"), CardID("cafe\u{301}")]

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func randomChangesMatchADictionary(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        var table = CardTable()
        var model: [CardID: CardProgress] = [:]
        var order: [CardID] = [] // the documented order: insertion, a removal moves the last into its place
        for step in 0..<3_000 {
            let id = Self.universe.randomElement(using: &random) ?? CardID("x")
            if Int.random(in: 0..<3, using: &random) == 0 {
                let removed = table.removeValue(forKey: id)
                #expect(Self.identical(removed, model.removeValue(forKey: id)))
                if let at = order.firstIndex(of: id) {
                    order[at] = order[order.count - 1]
                    order.removeLast()
                }
            } else {
                let progress = Self.progress(&random, absurd: Int.random(in: 0..<8, using: &random) == 0)
                if model[id] == nil { order.append(id) }
                table[id] = progress
                model[id] = progress
            }
            if step % 50 == 0 || step == 2_999 { check(table, model: model, order: order) }
        }
    }

    func check(_ table: CardTable, model: [CardID: CardProgress], order: [CardID]) {
        #expect(table.count == model.count && table.isEmpty == model.isEmpty)
        for id in Self.universe { #expect(Self.identical(table[id], model[id])) }
        #expect(table.keys == order)
        #expect(table.map(\.key) == order)
        #expect(zip(table.values, order).allSatisfy { Self.identical($0, model[$1]) })
    }

    @Test(arguments: [11, 12, 13] as [UInt64])
    func everyStoredValueComesBackExactly(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        for absurd in [false, true] {
            var table = CardTable()
            var stored: [(CardID, CardProgress)] = []
            for i in 0..<2_000 {
                let p = Self.progress(&random, absurd: absurd)
                table[CardID("\(i)")] = p
                stored.append((CardID("\(i)"), p))
            }
            for (id, p) in stored { #expect(Self.identical(table[id], p), "\(p)") }
            // Ordinary values are packed, not kept whole.
            if !absurd { #expect(table.wholeCount == 0) }
            if absurd { #expect(table.wholeCount > 0) }
        }
    }

    @Test(arguments: CardTableTests.absurdValues)
    func anAbsurdValueIsKeptAsItWas(_ p: CardProgress) {
        var table: CardTable = [CardID("a"): p]
        #expect(Self.identical(table[CardID("a")], p))
        #expect(table.wholeCount == 1)
        table[CardID("a")] = CardProgress(memory: Memory(intervalDays: 1, due: 86_400, easiness: 2.5, repetitions: 1, lapses: 0))
        #expect(table.wholeCount == 0)
    }

    /// Each breaks exactly one packing rule.
    static let absurdValues: [CardProgress] = {
        let m = Memory(intervalDays: 3, due: 1_800_000_000, easiness: 2.5, repetitions: 2, lapses: 0)
        var list: [CardProgress] = []
        var p = CardProgress(memory: m, firstReview: 1_700_000_000, lastReview: 1_790_000_000)
        p.firstReview = -1; list.append(p)
        p.firstReview = 1 << 32; list.append(p)
        p.firstReview = 0; p.lastReview = .min; list.append(p)
        p.lastReview = 0; p.buriedUntil = .max; list.append(p)
        p.buriedUntil = 0; p.due = m.due + 1; list.append(p) // due ≠ the memory's due
        list.append(CardProgress(memory: Memory(intervalDays: .max, due: 5, easiness: 2.5, repetitions: 0, lapses: 0)))
        list.append(CardProgress(memory: Memory(intervalDays: 1, due: 5, easiness: .nan, repetitions: -1, lapses: 0)))
        let anki = AnkiCard(kind: .review, queue: .review, remainingSteps: 0, intervalDays: 4, easePermille: 2_500,
                            due: .day(20_000), reps: 5, lapses: Int.min)
        list.append(CardProgress(state: .anki(anki), due: 1_800_000_000))
        var fsrs = FSRSCard(state: .review, step: nil, stability: 3, difficulty: 5, due: 9, lastReview: -9, reps: 1, lapses: 0)
        list.append(CardProgress(state: .fsrs(fsrs), due: 9))
        fsrs.lastReview = 5
        list.append(CardProgress(state: .fsrs(fsrs), due: 10)) // due ≠ the card's due
        fsrs.step = -3
        list.append(CardProgress(state: .fsrs(fsrs), due: 9))
        return list
    }()

    @Test func nanAndInfinityArePackedBitForBit() {
        let fsrs = FSRSCard(state: .review, step: nil, stability: -.nan, difficulty: Double(nan: 0x1234, signaling: true),
                            due: 9, lastReview: nil, reps: 1, lapses: 0)
        let values = [CardProgress(memory: Memory(intervalDays: 1, due: 5, easiness: .nan, repetitions: 0, lapses: 0)),
                      CardProgress(memory: Memory(intervalDays: 1, due: 5, easiness: -.infinity, repetitions: 0, lapses: 0)),
                      CardProgress(memory: Memory(intervalDays: 1, due: 5, easiness: -0.0, repetitions: 0, lapses: 0)),
                      CardProgress(state: .fsrs(fsrs), due: 9)]
        var table = CardTable()
        for (i, p) in values.enumerated() { table[CardID("\(i)")] = p }
        for (i, p) in values.enumerated() { #expect(Self.identical(table[CardID("\(i)")], p)) }
        #expect(table.wholeCount == 0)
    }

    /// Packing stores each of these fields: a new one must be packed too (`PackedProgress`).
    @Test func packingKnowsEveryField() {
        func labels(_ value: Any) -> [String] { Mirror(reflecting: value).children.compactMap(\.label) }
        #expect(labels(CardProgress()) == ["state", "due", "firstReview", "lastReview", "repeatPending", "suspended", "buriedUntil", "leech"])
        #expect(labels(Memory(intervalDays: 0, due: 0, easiness: 0, repetitions: 0, lapses: 0))
                == ["intervalDays", "due", "easiness", "repetitions", "lapses"])
        #expect(labels(AnkiCard.new) == ["kind", "queue", "remainingSteps", "intervalDays", "easePermille", "due", "reps", "lapses"])
        #expect(labels(FSRSCard.new) == ["state", "step", "stability", "difficulty", "due", "lastReview", "reps", "lapses"])
    }

    @Test func theOrderIsInsertionOrderAndARemovalMovesTheLastIntoItsPlace() {
        let (a, b, c, d) = (CardID("a"), CardID("b"), CardID("c"), CardID("d"))
        var table: CardTable = [d: Self.sm2(1), a: Self.sm2(2), c: Self.sm2(3), b: Self.sm2(4)]
        #expect(table.keys == [d, a, c, b])
        table[a] = Self.sm2(5) // an update keeps the place
        #expect(table.keys == [d, a, c, b] && table[a] == Self.sm2(5))
        table[d] = nil
        #expect(table.keys == [b, a, c] && table.values.map(\.memory?.intervalDays) == [4, 5, 3])
        table.removeValue(forKey: c)
        #expect(table.keys == [b, a])
        #expect(table.removeValue(forKey: c) == nil)
        table[d] = Self.sm2(6)
        #expect(table.keys == [b, a, d] && table.sortedByID().map(\.key) == [a, b, d])
        #expect(table.filter { $0.value.memory?.intervalDays != 5 }.keys == [b, d])
        #expect(table.mapValues { _ in Self.sm2(7) } == [a: Self.sm2(7), b: Self.sm2(7), d: Self.sm2(7)])
    }

    /// More cards than one chunk of states (2¹⁶) holds, removals across a chunk's edge included.
    @Test func aLargeTableKeepsEveryCardAcrossChunks() {
        let n = 140_000
        var table = CardTable(minimumCapacity: 1_000)
        for i in 0..<n { table[CardID("c\(i)")] = Self.sm2(i) }
        #expect(table.count == n && table[CardID("c65536")] == Self.sm2(65_536) && table[CardID("c\(n - 1)")] == Self.sm2(n - 1))
        for i in (n - 74_470)..<n { table[CardID("c\(i)")] = nil } // down to 65,530: the third and second chunks go
        table[CardID("c3")] = nil // the last card (c65529) moves into c3's place
        #expect(table.count == 65_529 && table.keys[3] == CardID("c65529") && table[CardID("c65529")] == Self.sm2(65_529))
        for i in 0..<10 { table[CardID("d\(i)")] = Self.sm2(i) }
        #expect(table.count == 65_539 && table.keys.last == CardID("d9") && table[CardID("d9")] == Self.sm2(9))
        #expect((0..<65_530).allSatisfy { i in i == 3 || table[CardID("c\(i)")] == Self.sm2(i) })
    }

    @Test func equalityIgnoresOrder() {
        let (a, b) = (CardID("a"), CardID("b"))
        let one: CardTable = [a: Self.sm2(1), b: Self.sm2(2)]
        #expect(one == [b: Self.sm2(2), a: Self.sm2(1)])
        #expect(one != [a: Self.sm2(1)] && one != [a: Self.sm2(1), b: Self.sm2(3)] && one != [a: Self.sm2(1), CardID("c"): Self.sm2(2)])
        #expect(one.description == "[a: \(Self.sm2(1)), b: \(Self.sm2(2))]" && CardTable().description == "[:]")
    }

    @Test func aRepeatedIdInALiteralKeepsItsLastValue() {
        let table: CardTable = [CardID("a"): Self.sm2(1), CardID("a"): Self.sm2(2)]
        #expect(table.count == 1 && table[CardID("a")] == Self.sm2(2))
    }

    @Test func aListWithARepeatedIdFindsTheLaterPosition() {
        var list = IndexedCardIDs()
        for id in ["x", "y", "x"] { list.appendUnindexed(CardID(id)) }
        list.indexAll()
        #expect(list.position(of: CardID("x")) == 2 && list.position(of: CardID("y")) == 1)
        #expect(list.position(of: CardID("z")) == nil && list.count == 3)
        #expect(list.insert(CardID("z")) == (true, 3) && list.insert(CardID("y")) == (false, 1) && list.position(of: CardID("z")) == 3)
    }

    @Test func aPackedStateIsAtMost56Bytes() {
        #expect(MemoryLayout<PackedProgress>.stride == 56)
        #expect(MemoryLayout<CardProgress>.stride == 144)
    }

    // MARK: - Values

    static func sm2(_ interval: Int) -> CardProgress {
        CardProgress(memory: Memory(intervalDays: interval, due: 86_400 * EpochSeconds(interval), easiness: 2.5,
                                    repetitions: 1, lapses: 0))
    }

    /// A random progress of any scheduler (or none); `absurd` draws from the edges too.
    static func progress(_ r: inout SeededGenerator, absurd: Bool) -> CardProgress {
        let due = time(&r, absurd: absurd)
        let state: SchedulerState?
        switch Int.random(in: 0..<4, using: &r) {
        case 0: state = nil
        case 1: state = .sm2(Memory(intervalDays: count(&r, absurd), due: due, easiness: double(&r, absurd),
                                    repetitions: count(&r, absurd), lapses: count(&r, absurd)))
        case 2:
            let day = Bool.random(using: &r)
            state = .anki(AnkiCard(kind: AnkiCard.Kind.allCases.randomElement(using: &r) ?? .new,
                                   queue: AnkiCard.Queue.allCases.randomElement(using: &r) ?? .new,
                                   remainingSteps: count(&r, absurd), intervalDays: count(&r, absurd),
                                   easePermille: count(&r, absurd), due: day ? .day(count(&r, absurd)) : .time(time(&r, absurd: absurd)),
                                   reps: count(&r, absurd), lapses: count(&r, absurd)))
        default:
            state = .fsrs(FSRSCard(state: FSRSCard.State.allCases.randomElement(using: &r) ?? .review,
                                   step: Bool.random(using: &r) ? nil : count(&r, absurd),
                                   stability: Bool.random(using: &r) ? nil : double(&r, absurd),
                                   difficulty: Bool.random(using: &r) ? nil : double(&r, absurd), due: due,
                                   lastReview: Bool.random(using: &r) ? nil : time(&r, absurd: absurd),
                                   reps: count(&r, absurd), lapses: count(&r, absurd)))
        }
        var p = CardProgress(state: state, due: due, firstReview: time(&r, absurd: absurd), lastReview: time(&r, absurd: absurd),
                             repeatPending: Bool.random(using: &r), suspended: Bool.random(using: &r),
                             buriedUntil: Bool.random(using: &r) ? 0 : time(&r, absurd: absurd))
        p.leech = Bool.random(using: &r)
        if absurd && Int.random(in: 0..<4, using: &r) == 0 { p.due = time(&r, absurd: true) } // due ≠ the state's
        return p
    }

    static func time(_ r: inout SeededGenerator, absurd: Bool) -> EpochSeconds {
        if absurd && Bool.random(using: &r) {
            return [EpochSeconds.min, .max, -1, 1 << 32, (1 << 32) - 1, -86_400 * 365 * 500].randomElement(using: &r) ?? 0
        }
        return EpochSeconds.random(in: 946_684_800...4_102_444_800, using: &r) // 2000 to 2100
    }

    static func count(_ r: inout SeededGenerator, _ absurd: Bool) -> Int {
        if absurd && Bool.random(using: &r) { return [Int.min, .max, -1, 1 << 32, Int(UInt32.max)].randomElement(using: &r) ?? 0 }
        return Int.random(in: 0...40_000, using: &r)
    }

    static func double(_ r: inout SeededGenerator, _ absurd: Bool) -> Double {
        if absurd && Bool.random(using: &r) {
            return [Double.nan, -.nan, Double(nan: 0x1234, signaling: false), .infinity, -.infinity, -0.0,
                    .leastNonzeroMagnitude, .greatestFiniteMagnitude].randomElement(using: &r) ?? 0
        }
        return Double.random(in: 0.01...1_000, using: &r)
    }

    /// Equal, with every `Double` compared by its bits (a NaN is then equal to itself).
    static func identical(_ a: CardProgress?, _ b: CardProgress?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        var (x, y) = (a, b)
        (x.state, y.state) = (nil, nil)
        return x == y && identical(a.state, b.state)
    }

    static func identical(_ a: SchedulerState?, _ b: SchedulerState?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case let (.sm2(m)?, .sm2(n)?):
            return m.easiness.bitPattern == n.easiness.bitPattern
                && m.intervalDays == n.intervalDays && m.due == n.due && m.repetitions == n.repetitions && m.lapses == n.lapses
        case let (.anki(c)?, .anki(d)?): return c == d
        case let (.fsrs(c)?, .fsrs(d)?):
            var (x, y) = (c, d)
            (x.stability, x.difficulty, y.stability, y.difficulty) = (nil, nil, nil, nil)
            return x == y && c.stability?.bitPattern == d.stability?.bitPattern
                && c.difficulty?.bitPattern == d.difficulty?.bitPattern
        default: return false
        }
    }
}
