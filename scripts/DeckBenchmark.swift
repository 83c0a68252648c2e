// Release-mode measurement of deck loading and quiz parsing (scripts/bench-decks.sh builds it
// together with the SRSCore and SRSStore sources as one module). Prints one line per figure.
import Foundation

@main
struct DeckBenchmark {
    static func main() throws {
        let cardCount = Int(CommandLine.arguments.dropFirst().first ?? "") ?? 100_000
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("srs-bench-\(getpid())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let library = DeckLibrary(folder: folder, shipped: [])
        let deck = generatedDeck(cardCount)
        let written = try measure("write deck (\(cardCount) cards)", runs: 3) { _ = try library.save(deck) }
        _ = written
        let size = (try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("big.deck").path)[.size] as? Int) ?? 0
        print("deck file: \(size / 1_000_000) MB")
        // The previous result is freed before the clock starts: a process exits without freeing.
        var kept: Deck?
        try measure("load deck by name (\(cardCount) cards)", runs: 15, reset: { kept = nil }) {
            kept = try library.load(named: "BIG")
        }
        precondition(kept == deck, "the loaded deck differs from the written one")
        var opened: LazyDeck?
        try measure("open for review (DeckLibrary.lazy(named:), ids + first card)", runs: 15, reset: { opened = nil }) {
            let lazy = try library.lazy(named: "BIG")
            _ = try lazy.card(at: 0)
            opened = lazy
        }
        precondition(opened?.ids == deck.cards.map(\.id), "lazily opened ids differ")
        var listed: [DeckSummary] = []
        try measure("list card ids only (DeckLibrary.list())", runs: 15, reset: { listed = [] }) {
            listed = try library.list()
        }
        precondition(listed.first?.cardIDs == deck.cards.map(\.id), "listed ids differ")
        let bytes = try Data(contentsOf: folder.appendingPathComponent("big.deck"))
        try measure("parse only (bytes in memory)", runs: 15, reset: { kept = nil }) {
            kept = try DeckReader.read(bytes: bytes, name: "big", path: "big.deck")
        }
    }

    static func generatedDeck(_ count: Int) -> Deck {
        var rng = SystemRandomNumberGenerator()
        let words = "memory interval retention spacing recall kernel matrix vector layer theory limit".split(separator: " ")
        func text(_ length: Int) -> String {
            var out = ""
            while out.utf8.count < length { out += (out.isEmpty ? "" : " ") + words.randomElement(using: &rng)! }
            return out
        }
        return Deck(name: "big", cards: (0..<count).map { index in
            let kind: CardKind
            switch index % 3 {
            case 0: kind = .multipleChoice(options: (0..<4).map { _ in text(20) }, key: AnswerKey(index: index % 4, source: .explicit))
            case 1: kind = .trueFalse(answer: index % 2 == 0)
            default: kind = .shortAnswer(modelAnswer: text(120))
            }
            return Card(id: CardID(String(format: "%012x", index)), question: text(60), kind: kind, explanation: text(160))
        })
    }

    /// This thread's CPU time in milliseconds: less disturbed than wall time on a shared machine.
    static func cpuMilliseconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) * 1e3 + Double(spec.tv_nsec) / 1e6
    }

    /// Runs `body` `runs` times and prints the median and the fastest wall time, and the median
    /// CPU time, in milliseconds.
    @discardableResult
    static func measure(_ label: String, runs: Int, reset: () -> Void = {}, _ body: () throws -> Void) throws -> Double {
        var times: [Double] = []
        var cpu: [Double] = []
        for _ in 0..<runs {
            reset()
            let start = DispatchTime.now().uptimeNanoseconds
            let cpuStart = cpuMilliseconds()
            try body()
            cpu.append(cpuMilliseconds() - cpuStart)
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        times.sort()
        cpu.sort()
        let median = times[times.count / 2]
        let format = { (value: Double) in String(format: "%.1f", value) }
        print("\(label): wall median \(format(median)) ms, best \(format(times[0])) ms; CPU median \(format(cpu[cpu.count / 2])) ms (\(runs) runs)")
        return median
    }
}
