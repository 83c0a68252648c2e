/// The `limit` smallest of the elements added so far by `less`, smallest first: what sorting
/// them all and keeping the first `limit` gives, without keeping or sorting the rest. For a
/// total order (elements that neither precedes are equal values), so that which of two tied
/// elements is kept cannot matter.
///
/// Until `limit` elements came they are only kept; then they become a max-heap of the `limit`
/// smallest seen, where an element larger than the largest kept costs one comparison. Today's
/// queue keeps 200 of several thousand due reviews this way (and with no limit, simply sorts).
public struct SmallestElements<Element> {
    public let limit: Int
    private let less: (Element, Element) -> Bool
    /// Once full: each parent not less than its children, the largest kept at the root.
    private var heap: [Element] = []

    public init(_ limit: Int, by less: @escaping (Element, Element) -> Bool) {
        self.limit = max(limit, 0)
        self.less = less
    }

    public mutating func add(_ element: Element) {
        if heap.count < limit {
            heap.append(element)
            if heap.count == limit {
                for parent in stride(from: limit / 2 - 1, through: 0, by: -1) { siftDown(parent) }
            }
        } else if limit > 0, less(element, heap[0]) {
            heap[0] = element
            siftDown(0)
        }
    }

    /// The elements kept, smallest first.
    public func sorted() -> [Element] { heap.sorted(by: less) }

    private mutating func siftDown(_ index: Int) {
        var parent = index
        while true {
            let left = 2 * parent + 1
            guard left < heap.count else { return }
            let right = left + 1
            let larger = right < heap.count && less(heap[left], heap[right]) ? right : left
            guard less(heap[parent], heap[larger]) else { return }
            heap.swapAt(parent, larger)
            parent = larger
        }
    }
}

extension Array {
    /// The `count` smallest elements by `less`, smallest first: `sorted(by: less).prefix(count)`
    /// for a total order, in O(n log count) (`SmallestElements`).
    public func smallest(_ count: Int, by less: @escaping (Element, Element) -> Bool) -> [Element] {
        var kept = SmallestElements(count, by: less)
        for element in self { kept.add(element) }
        return kept.sorted()
    }
}
