/// One card's imported history (an Anki package's answers and its state) merged with the log
/// (issue 12.4). Pure: the caller appends the records.
///
/// - Answers are known by their record id (`anki-<revlog id>-<card id>`): those the log holds
///   already are not added again, so importing the same package twice adds nothing.
/// - When no answer was given in srs since the card's last import, the package's state is the
///   card's state (Anki's, as the package holds it).
/// - Otherwise both histories count: from the state the last import set (none if the card was
///   never imported), the answers since, given in srs or newly in Anki, are replayed in time
///   order through `reviewer`; suspension and burying from either side are kept.
/// A last `imported` record sets the card's progress, when it changes or answers were added.
public enum ImportMerge {
    public static func records(card: CardID, existing: [LogRecord], imported: [LogRecord], packageState: CardProgress,
                               current: CardProgress?, reviewer: Reviewer, at time: EpochSeconds,
                               ids: inout RecordIDs) -> [LogRecord] {
        records(card: card, existing: Existing(existing), imported: imported, packageState: packageState, current: current,
                reviewer: reviewer, at: time, ids: &ids)
    }

    /// `card` names the `imported` record: a card with no answers (a new card Anki suspended or
    /// buried) still gets its state.
    public static func records(card: CardID, existing: Existing, imported: [LogRecord], packageState: CardProgress,
                               current: CardProgress?, reviewer: Reviewer, at time: EpochSeconds,
                               ids: inout RecordIDs) -> [LogRecord] {
        let added = imported.filter { !existing.holds($0.id) }
        let since = existing.answersSinceImport
        var final = packageState
        if !since.isEmpty {
            final = replay(from: existing.lastImported, (since + added).sorted { ($0.time, $0.id) < ($1.time, $1.id) }, reviewer: reviewer)
            final.suspended = packageState.suspended || (current?.suspended ?? false)
            final.buriedUntil = max(packageState.buriedUntil, current?.buriedUntil ?? 0)
            final.leech = packageState.leech || (current?.leech ?? false)
        }
        guard !added.isEmpty || final != (current ?? CardProgress()) else { return [] }
        return added + [LogRecord(seq: 0, id: ids.next(), card: card, time: time, action: .imported,
                                  scheduler: final.state?.schedulerName ?? reviewer.scheduler.name, after: final)]
    }

    /// What the merge needs of one card's records in the log, gathered a record at a time
    /// (`add`, oldest first) as the log streams: their ids (the answers the log holds already),
    /// the state the last import set, the records since it and the ids undone. A re-import of a
    /// large collection holds these rather than every record of the log.
    public struct Existing: Sendable {
        /// The records' ids: those of Anki's answers as their two numbers (16 bytes, not a
        /// string of 37), the others as they are.
        private var ankiIDs: Set<AnkiAnswerID> = []
        private var otherIDs: Set<RecordID> = []
        /// The state the card's last `imported` record set (nil: never imported).
        public private(set) var lastImported: CardProgress?
        private var sinceImport: [LogRecord] = []
        private var undone: Set<RecordID> = []

        public init() {}

        public init(_ records: [LogRecord]) {
            for record in records { add(record) }
        }

        /// Whether one of the records has the id `id`.
        public func holds(_ id: RecordID) -> Bool {
            AnkiAnswerID(id).map { ankiIDs.contains($0) } ?? otherIDs.contains(id)
        }

        public mutating func add(_ record: LogRecord) {
            if let anki = AnkiAnswerID(record.id) { ankiIDs.insert(anki) } else { otherIDs.insert(record.id) }
            if case let .undo(target) = record.action { undone.insert(target) }
            if record.action == .imported {
                lastImported = record.after
                sinceImport = []
            } else {
                sinceImport.append(record)
            }
        }

        /// The answers given in srs (not imported, not undone) after the card's last import.
        var answersSinceImport: [LogRecord] {
            sinceImport.filter { record in
                guard case .answer = record.action, !undone.contains(record.id) else { return false }
                return !record.id.hasPrefix("anki-")
            }
        }
    }

    /// `records` applied to `base`: answers through the reviewer (practice leaves the state),
    /// a reschedule sets the state it carries when it is the reviewer's scheduler's (or none).
    public static func replay(from base: CardProgress?, _ records: [LogRecord], reviewer: Reviewer) -> CardProgress {
        var progress = base
        for record in records {
            switch record.action {
            case let .answer(grade, kind, _):
                progress = reviewer.answer(progress, grade: grade, at: record.time, practice: kind == .practice, card: record.card)
            case .reschedule:
                guard record.after.state.map({ $0.schedulerName == reviewer.scheduler.name }) ?? true else { continue }
                var next = progress ?? CardProgress()
                (next.state, next.due) = (record.after.state, record.after.due)
                progress = next
            default: continue
            }
        }
        return progress ?? CardProgress()
    }
}

/// The id of a record made from an Anki revlog row, `anki-<revlog id>-<card id>`, as its two
/// numbers; nil for any other id, and for one not written exactly so (leading zeros, a plus sign),
/// so that two such ids are equal exactly when their numbers are.
struct AnkiAnswerID: Hashable, Sendable {
    let revlog: Int64
    let card: Int64

    init?(_ id: RecordID) {
        guard let (revlog, card) = id.utf8.withContiguousStorageIfAvailable(Self.numbers)
                ?? Array(id.utf8).withUnsafeBufferPointer(Self.numbers) else { return nil }
        (self.revlog, self.card) = (revlog, card)
    }

    private static func numbers(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int64, Int64)? {
        guard bytes.starts(with: "anki-".utf8) else { return nil }
        var i = 5
        guard let revlog = number(bytes, at: &i), i < bytes.count, bytes[i] == UInt8(ascii: "-") else { return nil }
        i += 1
        guard let card = number(bytes, at: &i), i == bytes.count else { return nil }
        return (revlog, card)
    }

    /// The number at `i` if it is written as `String(_: Int64)` writes it (no leading zero or
    /// plus sign, no "-0"); `i` moves past it.
    private static func number(_ bytes: UnsafeBufferPointer<UInt8>, at i: inout Int) -> Int64? {
        let negative = i < bytes.count && bytes[i] == UInt8(ascii: "-")
        if negative { i += 1 }
        let start = i
        var value: Int64 = 0
        while i < bytes.count, (0x30...0x39).contains(bytes[i]) {
            let digit = Int64(bytes[i] - 0x30)
            let (tens, overflow) = value.multipliedReportingOverflow(by: 10)
            let (next, carry) = negative ? tens.subtractingReportingOverflow(digit) : tens.addingReportingOverflow(digit)
            guard !overflow, !carry else { return nil }
            value = next
            i += 1
        }
        guard i > start, bytes[start] != 0x30 || (i - start == 1 && !negative) else { return nil }
        return value
    }
}
