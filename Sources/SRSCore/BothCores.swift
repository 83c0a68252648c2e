import Dispatch

/// Runs two independent pieces of pure work at the same time, on the machine's two cores, and
/// returns both results. Used where one pass over a large collection splits cleanly in two
/// (today's queue, the statistics' card and answer passes).
public func bothCores<A, B>(_ first: () -> A, _ second: () -> B) -> (A, B) {
    withoutActuallyEscaping(first) { first in
        withoutActuallyEscaping(second) { second in
            nonisolated(unsafe) var a: A?
            nonisolated(unsafe) var b: B?
            nonisolated(unsafe) let (runFirst, runSecond) = (first, second)
            DispatchQueue.concurrentPerform(iterations: 2) { part in
                if part == 0 { a = runFirst() } else { b = runSecond() }
            }
            // concurrentPerform returns only after both ran.
            return (a ?? runFirst(), b ?? runSecond())
        }
    }
}
