extension Array {
    /// The `count` smallest elements by `less`, smallest first: what `sorted(by: less).prefix(count)`
    /// gives, without sorting the rest. For a total order (elements that neither precedes are
    /// equal values), so that which of two tied elements comes first cannot matter.
    ///
    /// A max-heap of the `count` smallest seen so far: O(n log count) comparisons, where today's
    /// queue keeps 200 of several thousand due reviews.
    public func smallest(_ count: Int, by less: (Element, Element) -> Bool) -> [Element] {
        guard count < self.count else { return sorted(by: less) }
        guard count > 0 else { return [] }
        var heap = Array(self[..<count])
        for root in stride(from: count / 2 - 1, through: 0, by: -1) { Self.siftDown(&heap, from: root, by: less) }
        for element in self[count...] where less(element, heap[0]) {
            heap[0] = element
            Self.siftDown(&heap, from: 0, by: less)
        }
        heap.sort(by: less)
        return heap
    }

    /// Restores the max-heap below `index` (each parent not less than its children).
    private static func siftDown(_ heap: inout [Element], from index: Int, by less: (Element, Element) -> Bool) {
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
