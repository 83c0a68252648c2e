import Foundation
import SRSCore
import SRSStore

/// `srs-bench`: generates a heavy user's collection and measures srs's own work on it, in a
/// release build. Whole-process figures come from hyperfine and /usr/bin/time around `srs`;
/// see docs/benchmarks.md for the commands.
@main
enum Bench {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        do {
            switch arguments.first {
            case "generate": try generate(arguments.dropFirst())
            case "load": try load(arguments.dropFirst())
            case "answer": try answer(arguments.dropFirst())
            case "phases": try phases(arguments.dropFirst())
            case "history": try history(arguments.dropFirst())
            case "switch": BenchSwitch.run(arguments.dropFirst())
            case "rebuild": try rebuild(arguments.dropFirst())
            default:
                print("""
                    usage: srs-bench generate DIR [--cards N] [--now ISO] [--seed N]
                                             [--scheduler sm2|anki|fsrs] [--reviews-per-card N]
                           srs-bench load DIR       open progress + decks, build today's queue (ms)
                           srs-bench phases DIR     the same, each part alone (ms)
                           srs-bench answer DIR [--count N]   durable answers (median, p95 ms)
                           srs-bench history DIR    read the review history for stats (ms)
                           srs-bench switch [--reviews N] [--cards N]   replay through anki and fsrs (ms)
                           srs-bench rebuild DIR snapshot|history|open   rebuild one cache from the log (ms)
                    """)
                exit(64)
            }
        } catch {
            FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
            exit(1)
        }
    }

    static func option(_ name: String, in args: ArraySlice<String>) -> String? {
        guard let i = args.firstIndex(of: name), args.index(after: i) < args.endIndex else { return nil }
        return args[args.index(after: i)]
    }

    static func location(_ args: ArraySlice<String>) -> DataLocation {
        DataLocation(root: URL(fileURLWithPath: args.first ?? "bench-data", isDirectory: true), user: "bench")
    }

    static func ms(_ start: UInt64) -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6 }

    static func generate(_ args: ArraySlice<String>) throws {
        let now = option("--now", in: args).flatMap(ISOTime.parse) ?? EpochSeconds(Date().timeIntervalSince1970)
        var generator = CollectionGenerator(now: now, random: SeededGenerator(seed: UInt64(option("--seed", in: args) ?? "") ?? 1))
        generator.cards = Int(option("--cards", in: args) ?? "") ?? generator.cards
        generator.reviewsPerCard = Int(option("--reviews-per-card", in: args) ?? "") ?? generator.reviewsPerCard
        let scheduler = option("--scheduler", in: args)
        if let scheduler {
            guard Schedulers.names.contains(scheduler) else {
                FileHandle.standardError.write(Data("--scheduler must be one of \(Schedulers.names.joined(separator: ", "))\n".utf8))
                exit(64)
            }
            generator.scheduler = scheduler
        }
        let where_ = location(args)
        let deck = generator.deck(name: "bench")
        let records = generator.history(for: deck)
        try FileManager.default.createDirectory(at: where_.decksFolder, withIntermediateDirectories: true)
        try Data(DeckWriter.text(of: deck).utf8).write(to: where_.decksFolder.appendingPathComponent("bench.deck"))
        try ProgressStore.writeNewHistory(where_, records: records)
        if let scheduler {
            try Data("{\"scheduler\":\"\(scheduler)\"}\n".utf8).write(to: where_.userFolder.appendingPathComponent("settings.json"))
        }
        let seen = Set(records.map(\.card)).count
        print("{\"cards\":\(deck.cards.count),\"seen\":\(seen),\"reviews\":\(records.count),\"data_dir\":\"\(where_.root.path)\",\"user\":\"bench\"}")
    }

    static func load(_ args: ArraySlice<String>) throws {
        let t0 = DispatchTime.now().uptimeNanoseconds
        // As the review does: progress and decks at once, on two threads.
        let (store, decks, order) = try StartUp.open(location(args), deck: nil)
        let t1 = DispatchTime.now().uptimeNanoseconds
        let now = EpochSeconds(Date().timeIntervalSince1970)
        let clock = store.settings.clock()
        let cards = store.takeCards()
        let queue = DailyQueue.build(cards: order, progress: cards,
                                     limits: store.settings.limits(at: now, clock: clock), clock: clock, now: now)
        let t2 = DispatchTime.now().uptimeNanoseconds
        print(String(format: "{\"open_ms\":%.1f,\"queue_ms\":%.1f,\"total_ms\":%.1f,\"cards\":%d,\"states\":%d,\"repeats\":%d,\"reviews\":%d,\"new\":%d}",
                     Double(t1 - t0) / 1e6, Double(t2 - t1) / 1e6, Double(t2 - t0) / 1e6,
                     decks.reduce(0) { $0 + $1.ids.count }, cards.count, queue.repeats.count, queue.reviews.count, queue.new.count))
        store.close()
    }

    /// Each part of the load alone, one after the other, for finding where the time goes.
    static func phases(_ args: ArraySlice<String>) throws {
        let t0 = DispatchTime.now().uptimeNanoseconds
        let store = try ProgressStore.openForReview(location(args))
        let t1 = DispatchTime.now().uptimeNanoseconds
        let decks = try DeckLibrary(location: location(args)).lazyAll()
        let t2 = DispatchTime.now().uptimeNanoseconds
        let now = EpochSeconds(Date().timeIntervalSince1970)
        let clock = store.settings.clock()
        _ = clock.dayStart(containing: now)
        let t3 = DispatchTime.now().uptimeNanoseconds
        let queue = DailyQueue.build(cards: decks.flatMap(\.ids), progress: store.takeCards(),
                                     limits: store.settings.limits(at: now, clock: clock), clock: clock, now: now)
        let t4 = DispatchTime.now().uptimeNanoseconds
        print(String(format: "{\"progress_ms\":%.1f,\"deck_ids_ms\":%.1f,\"first_calendar_ms\":%.1f,\"queue_ms\":%.1f,\"queued\":%d}",
                     Double(t1 - t0) / 1e6, Double(t2 - t1) / 1e6, Double(t3 - t2) / 1e6, Double(t4 - t3) / 1e6, queue.count))
        store.close()
    }

    static func answer(_ args: ArraySlice<String>) throws {
        let count = Int(option("--count", in: args) ?? "") ?? 1000
        // Answer on a copy of the generated user, so the collection stays as generated.
        let source = location(args)
        let scratch = DataLocation(root: source.root, user: "bench-answer")
        try? FileManager.default.removeItem(at: scratch.userFolder)
        try FileManager.default.copyItem(at: source.userFolder, to: scratch.userFolder)
        sync() // the copy's dirty pages must not be charged to the first answers
        let store = try ProgressStore.openForReview(scratch)
        var book = ReviewBook<NoMark>(cards: store.takeCards(), reviewer: store.settings.reviewer(),
                                      recordCount: store.recordCount, ids: .fresh())
        let now = EpochSeconds(Date().timeIntervalSince1970)
        let ids = Array(book.cards.keys.sorted().prefix(count))
        var times: [Double] = []
        for (i, id) in ids.enumerated() {
            let time = now + EpochSeconds(i)
            let start = DispatchTime.now().uptimeNanoseconds
            try book.answer(id, grade: .good, at: time, millis: 3000, mark: NoMark(), appending: store.append)
            times.append(ms(start))
        }
        times.sort()
        print(String(format: "{\"answers\":%d,\"median_ms\":%.3f,\"p95_ms\":%.3f,\"max_ms\":%.3f}",
                     times.count, times[times.count / 2], times[times.count * 95 / 100], times.last ?? 0))
        store.close()
    }

    /// Rebuilds `cards.json` (a read-only open with no snapshot, then writing it) or
    /// `history.cache` from the whole log, after deleting it; run under /usr/bin/time for memory.
    static func rebuild(_ args: ArraySlice<String>) throws {
        let where_ = location(args)
        let which = args.dropFirst().first ?? "snapshot"
        let file = where_.userFolder.appendingPathComponent(which == "history" ? "history.cache" : "cards.json")
        if which != "open" { try? FileManager.default.removeItem(at: file) } // "open": the baseline, nothing rebuilt
        let t0 = DispatchTime.now().uptimeNanoseconds
        let store = try ProgressStore.openReadOnly(where_)
        if which == "history" { try store.rebuildHistoryCache() } else { store.saveSnapshotIfUnlocked(store.takeCards()) }
        print("{\"rebuild\":\"\(which)\"," + String(format: "\"ms\":%.1f,\"records\":%d,\"cards\":%d}", ms(t0), store.recordCount, store.takeCards().count))
    }

    static func history(_ args: ArraySlice<String>) throws {
        let t0 = DispatchTime.now().uptimeNanoseconds
        let store = try ProgressStore.openReadOnly(location(args))
        let t1 = DispatchTime.now().uptimeNanoseconds
        let history = try store.history()
        print(String(format: "{\"open_ms\":%.1f,\"history_ms\":%.1f,\"events\":%d}", Double(t1 - t0) / 1e6, ms(t1), history.events.count))
    }
}
