#if canImport(Glibc)
import Glibc
#endif
import SRSCore
import Foundation

/// One user's progress on disk: the review log, its snapshot and settings.
///
/// Opening reads every card's state; `takeCards()` hands it to its one owner (a `ReviewBook`
/// during a review), and the store keeps no copy: it appends the records the owner returns and
/// writes the snapshot the owner passes to `checkpoint(_:)`.
///
/// On disk (`docs/progress-format.md`), in the user's folder:
/// - `reviews.jsonl`, the review log: the source of truth, appended and fsynced once per answer;
/// - `cards.json`, a snapshot of every card's state as of a point in the log (a cache);
/// - `settings.json`, limits and the day's rollover; `lock`, held by a review session.
/// Opening reads the snapshot and only the log records after it.
public final class ProgressStore {
    public let location: DataLocation
    public private(set) var settings: UserSettings
    /// The state of every card that has one, as loaded; emptied by `takeCards()`.
    var cards: CardTable
    /// The number of records in the log (the `seq` of the newest).
    public private(set) var recordCount: Int
    /// Things worth telling the learner, e.g. that an interrupted write was discarded.
    public internal(set) var notes: [String] = []

    let io: Syscalls
    private var lock: UserLock?
    private var logFD: Int32 = -1
    /// The log's length in bytes as this store wrote or read it.
    private(set) var logSize: Int
    private var snapshotRecords: Int
    /// The number of records in the log when it was opened.
    private var recordsAtOpen = 0
    /// What a deferred history read left for `history.cache` (`saveHistoryCache()`).
    var pendingHistoryCache: PendingHistoryCache?
    /// The format version of the log as read (1 until a writing command upgrades it).
    public private(set) var logVersion = ProgressFormat.version
    /// The log's last record lacks its line feed (written whole, then cut by a crash).
    private var logEndsMidLine = false

    public var logPath: String { location.userFolder.appendingPathComponent("reviews.jsonl").path }
    public var snapshotPath: String { location.userFolder.appendingPathComponent("cards.json").path }
    public var settingsPath: String { location.userFolder.appendingPathComponent("settings.json").path }
    var lockPath: String { location.userFolder.appendingPathComponent("lock").path }

    /// Records after the snapshot beyond which opening for review refreshes the snapshot.
    static let snapshotRefreshRecords = 2_000

    /// Opens the user's progress for a review session: creates the folder, takes the lock
    /// (`StoreError.locked` if another session holds it), discards a torn final line left by a
    /// crash, and creates the log when there is none.
    public static func openForReview(_ location: DataLocation, io: Syscalls = .live) throws -> ProgressStore {
        let folder = location.userFolder.path
        try io.requireRealFolders(of: location)
        try io.makeDirectories(folder)
        try io.requireRealFolders(of: location)
        let lock = try UserLock(path: location.userFolder.appendingPathComponent("lock").path, user: location.user, io: io)
        let store = try ProgressStore(location: location, io: io, lock: lock)
        if store.logVersion < ProgressFormat.version { try store.upgradeLog() }
        try store.openLogForAppending()
        store.keepClassicSM2()
        return store
    }

    /// Opens the user's progress to read it (stats, deck counts): no lock, no writes. A user
    /// with no progress yet gets empty progress.
    public static func openReadOnly(_ location: DataLocation, io: Syscalls = .live) throws -> ProgressStore {
        try io.requireRealFolders(of: location)
        let store = try ProgressStore(location: location, io: io, lock: nil)
        // The scheduler a writing command would keep, in memory only: a reader writes nothing.
        if let (name, _) = store.keptScheduler() { store.settings.scheduler = name }
        return store
    }

    private init(location: DataLocation, io: Syscalls, lock: UserLock?) throws {
        self.location = location
        self.io = io
        self.lock = lock
        let settingsPath = location.userFolder.appendingPathComponent("settings.json").path
        var settings = try Self.readSettings(settingsPath, io: io)
        settings.zone = try TimeZones.zone(setting: settings.timeZone, settingsPath: settingsPath,
                                           environment: ProcessInfo.processInfo.environment)
        self.settings = settings
        let snapshotPath = location.userFolder.appendingPathComponent("cards.json").path
        var snapshot = try Snapshot.read(snapshotPath, io: io) ?? Snapshot()
        cards = snapshot.cards
        // The store's is then the only copy: the records after the snapshot change it in place.
        snapshot.cards = [:]
        recordCount = snapshot.logRecords
        snapshotRecords = snapshot.logRecords
        logSize = 0
        try replayLog(after: snapshot)
        recordsAtOpen = recordCount
    }

    deinit { if logFD >= 0 { _ = io.close(logFD) } }

    /// Applies the log records that the snapshot does not cover.
    private func replayLog(after snapshot: Snapshot) throws {
        let path = logPath
        guard let fd = try io.openDataFile(path, O_RDONLY) else {
            if snapshot.logRecords > 0 {
                throw StoreError.damaged(path: path, line: nil, problem: "the review log is missing but cards.json covers \(snapshot.logRecords) records of it",
                                         fix: "Restore reviews.jsonl from a backup, or delete cards.json to start this user afresh.")
            }
            return
        }
        defer { _ = io.close(fd) }
        let size = try io.size(of: fd, path: path)
        guard size >= snapshot.logBytes else {
            throw try LogCoverage.mismatch(fd, size: size, snapshot: snapshot, path: path, io: io)
        }
        let (coveredEndsInNewline, headerVersion) = try LogCoverage.check(fd, size: size, snapshot: snapshot, path: path, io: io)
        let firstLine = snapshot.logBytes == 0 ? 1 : snapshot.logRecords + 2
        let chunk = try ReviewLogFile.stream(fd, io: io, path: path, from: snapshot.logBytes, firstLine: firstLine,
                                             previousSeq: snapshot.logRecords) { apply($0) }
        logSize = chunk.endOffset
        logVersion = chunk.version ?? headerVersion ?? snapshot.version
        logEndsMidLine = chunk.missingNewline || (size == snapshot.logBytes && !coveredEndsInNewline)
        if chunk.tornBytes > 0 && lock != nil {
            notes.append("\(path): the last \(chunk.tornBytes) bytes were an answer cut short by an interrupted write (never acknowledged); they were discarded.")
        }
    }

    /// A user whose progress was made with classic SM-2 and who never chose a scheduler keeps
    /// classic SM-2, and the learner is told how to switch. It is written into settings.json (so
    /// this happens once) by `saveSettingsChosenAtOpening()`, once the command has succeeded: a
    /// command that fails leaves the data folder as it was.
    /// Likewise every card's state FSRS's with no scheduler named: a `srs scheduler fsrs` stopped
    /// after its records and before settings.json; srs keeps FSRS, the switch done.
    func keepClassicSM2() {
        guard let (name, note) = keptScheduler() else { return }
        settings.scheduler = name
        settingsChosenAtOpening = true
        notes.append(note)
    }

    /// The scheduler kept when settings.json names none (`keepClassicSM2`), and what the learner
    /// is told; nil for a new user's default.
    private func keptScheduler() -> (name: String, note: String)? {
        guard settings.scheduler == nil else { return nil }
        // One pass: a classic SM-2 memory anywhere wins; else only FSRS states keep FSRS.
        var fsrs = false, other = false
        for progress in cards.values {
            if progress.memory != nil {
                return ("sm2", "Your progress was made with classic SM-2, so srs keeps it. Anki's SM-2 (what new users get) or FSRS: `srs scheduler anki` or `srs scheduler fsrs` replays your answers through it; `srs scheduler sm2` goes back.")
            }
            guard let name = progress.state?.schedulerName else { continue }
            if name == "fsrs" { fsrs = true } else { other = true }
        }
        guard fsrs, !other else { return nil }
        return ("fsrs", "Every card's state is FSRS's and settings.json names no scheduler (a `srs scheduler fsrs` stopped before it wrote settings.json), so srs keeps FSRS. `srs scheduler anki` or `srs scheduler sm2` switches back.")
    }

    /// Hands the loaded progress of every card to its owner; the store keeps none. A card
    /// missing from the result is new.
    public func takeCards() -> CardTable {
        defer { (cards, cardsTaken) = ([:], true) }
        return cards
    }

    /// True once `takeCards()` handed the progress over.
    private(set) var cardsTaken = false

    private func apply(_ record: LogRecord) {
        cards[record.card] = record.after.nilIfNew
        recordCount = record.seq
    }

    /// Opens the log for appends, cutting off a torn final line, or creates it with its header.
    private func openLogForAppending() throws {
        let path = logPath
        guard let fd = try io.openDataFile(path, O_WRONLY | O_APPEND) else {
            guard let fd = try io.openDataFile(path, O_WRONLY | O_APPEND | O_CREAT | O_EXCL) else { throw StoreError.creating(path) }
            logFD = fd
            try appendDurably(Array(ProgressFormat.logHeader.utf8))
            io.syncDirectory(of: path)
            return
        }
        logFD = fd
        if try io.size(of: fd, path: path) > logSize {
            guard io.ftruncate(fd, off_t(logSize)) == 0, io.fsync(fd) == 0 else {
                throw StoreError.io(path: path, operation: "repair", reason: Syscalls.lastError())
            }
        }
        if logSize == 0 { try appendDurably(Array(ProgressFormat.logHeader.utf8)) }
        if logEndsMidLine {
            try appendDurably([0x0A])
            logEndsMidLine = false
        }
    }

    /// Appends one record (made by a `ReviewBook`, numbered after the log's newest) and makes
    /// it durable (fdatasync) before returning. On failure the log is cut back to its previous
    /// length and `StoreError.io` is thrown (exit 74).
    public func append(_ record: LogRecord) throws {
        try append(contentsOf: [record])
    }

    /// Appends `records` (numbered on from the log's newest) with one write and one fsync: all of
    /// them, or on failure none (the log is cut back; `StoreError.io`, exit 74). A scheduler
    /// switch writes one record per card: one fsync each took minutes at 90,000 cards.
    public func append(contentsOf records: [LogRecord]) throws {
        guard let last = records.last else { return }
        var bytes: [UInt8] = []
        for (offset, record) in records.enumerated() {
            precondition(record.seq == recordCount + 1 + offset, "records are appended in order")
            bytes += ProgressFormat.line(record).utf8
        }
        try appendDurably(bytes)
        recordCount = last.seq
        if let change = settingsOnFirstRecord {
            // The records are durable; the settings are a convenience the command retries.
            settingsOnFirstRecord = nil
            try? updateSettings(change)
        }
    }

    private func appendDurably(_ bytes: [UInt8]) throws {
        precondition(logFD >= 0, "the store was opened read-only")
        let ok = bytes.withUnsafeBytes { io.writeAll(logFD, $0) } && io.fsync(logFD) == 0
        guard ok else {
            let reason = Syscalls.lastError()
            _ = io.ftruncate(logFD, off_t(logSize))
            _ = io.fsync(logFD)
            throw StoreError.io(path: logPath, operation: "write", reason: reason)
        }
        logSize += bytes.count
    }

    /// After `appendAll` renamed a longer log over the old one: appends go to the new file, and
    /// a store that still owns its progress applies the records (each card's newest) to it. When
    /// the new log cannot be opened, the store keeps its old length and count (a prefix of the
    /// new log, so a snapshot it writes stays true) and cannot append.
    func reopenLog(size: Int, appended records: [LogRecord], lastSeq: Int) throws {
        if logFD >= 0 { _ = io.close(logFD) }
        logFD = -1
        guard let fd = try io.openDataFile(logPath, O_WRONLY | O_APPEND) else { throw StoreError.notFound(path: logPath, what: "review log") }
        logFD = fd
        logSize = size
        if !cardsTaken { for record in records { apply(record) } }
        recordCount = lastSeq
    }

    /// How many cards hold a state that another scheduler than the settings' made, and which one
    /// (nil when none do): answered by the settings' scheduler they would start over as new cards.
    /// Read before `takeCards()`.
    public var statesOfAnotherScheduler: (count: Int, scheduler: String)? {
        let name = settings.schedulerName
        var count = 0, other = ""
        for progress in cards.values {
            if let made = progress.state?.schedulerName, made != name { (count, other) = (count + 1, made) }
        }
        return count == 0 ? nil : (count, other)
    }

    /// True when more records follow the snapshot than a start should read.
    public var isSnapshotBehind: Bool { recordCount - snapshotRecords > Self.snapshotRefreshRecords }

    /// Writes `cards`, the state after the whole log, as the snapshot (`cards.json`),
    /// atomically. Only a cache: a failure here loses nothing.
    public func checkpoint(_ cards: CardTable) throws {
        guard lock != nil, recordCount != snapshotRecords else { return }
        let snapshot = Snapshot(logRecords: recordCount, logBytes: logSize, cards: cards)
        try write(snapshot)
        snapshotRecords = recordCount
    }

    /// After the upgrade replaced the log: its new size, and no snapshot coverage yet.
    func upgraded(logSize size: Int) {
        logSize = size
        logVersion = ProgressFormat.version
        snapshotRecords = 0
    }

    /// For a store opened read-only (stats, deck counts) that found no snapshot, or one far
    /// behind the log: writes `cards`, the progress it rebuilt (as `takeCards()` handed it over),
    /// as the snapshot when the user's lock can be taken at once and nobody appended meanwhile,
    /// so the next start need not replay the log. Never waits; a failure loses nothing (it is a
    /// cache). A version-1 log is left as it is, snapshot included, until a writing command
    /// upgrades it.
    public func saveSnapshotIfUnlocked(_ cards: CardTable) {
        let behind = recordCount - snapshotRecords
        guard lock == nil, behind > 0, snapshotRecords == 0 || behind > Self.snapshotRefreshRecords,
              logVersion == ProgressFormat.version,
              let taken = try? UserLock(path: lockPath, user: location.user, io: io) else { return }
        defer { withExtendedLifetime(taken) {} }
        guard let fd = try? io.openDataFile(logPath, O_RDONLY) else { return }
        let size = try? io.size(of: fd, path: logPath)
        _ = io.close(fd)
        guard size == logSize else { return }
        let snapshot = Snapshot(logRecords: recordCount, logBytes: logSize, cards: cards)
        if (try? write(snapshot)) != nil {
            snapshotRecords = recordCount
        }
    }

    /// Writes `snapshot` as `cards.json` atomically, streaming it to the file.
    private func write(_ snapshot: Snapshot) throws {
        try Self.write(snapshot, user: location.user, to: snapshotPath, io: io)
    }

    static func write(_ snapshot: Snapshot, user: String, to path: String, io: Syscalls) throws {
        try io.writeAtomically(to: path) { fd in
            try snapshot.encode(user: user) { chunk in
                guard chunk.withUnsafeBytes({ io.writeAll(fd, $0) }) else {
                    throw StoreError.io(path: path, operation: "write", reason: Syscalls.lastError())
                }
            }
        }
    }

    /// Saves new settings atomically (e.g. a one-day new-card limit). A command saves them once
    /// it has done its work, so that one that fails writes nothing.
    public func save(settings: UserSettings) throws { try write(settings) }

    private func write(_ settings: UserSettings) throws {
        try io.makeDirectories(location.userFolder.path)
        try io.writeAtomically(settings.encoded(), to: settingsPath)
        settingsChosenAtOpening = false
    }

    /// A writing command's last step once its work is done: the settings opening chose, then the
    /// snapshot of `cards` when a start would otherwise read many records after it.
    public func finish(_ cards: CardTable) throws {
        try saveSettingsChosenAtOpening()
        if isSnapshotBehind { try? checkpoint(cards) }
    }

    /// Settings that opening chose and did not write yet (classic SM-2 kept, `keepClassicSM2`).
    public private(set) var settingsChosenAtOpening = false

    /// Writes the settings that opening chose, if any: called by a command that opened the store
    /// for review once it has succeeded (`save(settings:)` writes them too, and `close()` when
    /// records were appended).
    public func saveSettingsChosenAtOpening() throws {
        if settingsChosenAtOpening { try updateSettings { _ in } }
    }

    /// Changes settings.json as it is now on disk (a hand edit made since opening stays), with
    /// the scheduler opening chose when the file names none: `change` sets only its own fields.
    public func updateSettings(_ change: (inout UserSettings) -> Void) throws {
        var current = try Self.readSettings(settingsPath, io: io)
        if settingsChosenAtOpening, current.scheduler == nil { current.scheduler = settings.scheduler }
        change(&current)
        try write(current)
    }

    /// settings.json as it is on disk; the defaults when there is none.
    private static func readSettings(_ path: String, io: Syscalls) throws -> UserSettings {
        try io.readFile(path).map { try UserSettings.parse($0, path: path) } ?? UserSettings()
    }

    /// A settings change to write (`updateSettings`) once the first record is appended: a review's
    /// `--new-today` is kept by a session killed after its first answer, and written by none that
    /// fails before one.
    public func updateSettingsOnFirstRecord(_ change: @escaping (inout UserSettings) -> Void) {
        settingsOnFirstRecord = change
    }

    private var settingsOnFirstRecord: ((inout UserSettings) -> Void)?

    /// Writes the snapshot when more records follow it than a start should read: a review does
    /// this at its start, once its checks have passed (never on the way to an error).
    public func refreshSnapshotIfBehind() {
        if isSnapshotBehind { try? checkpoint(cards) }
    }

    /// Releases the lock. The owner of the progress writes its snapshot first, if it wants one;
    /// a store whose progress was never taken (the store's own tests, repairs) writes its own
    /// when records were appended through it, and so do the settings opening chose. A command
    /// that fails before it appended anything (a refused start) so writes nothing.
    public func close() {
        if recordCount != recordsAtOpen { try? saveSettingsChosenAtOpening() }
        if !cardsTaken && recordCount != recordsAtOpen { try? checkpoint(cards) }
        if logFD >= 0 { _ = io.close(logFD) }
        logFD = -1
        lock = nil
    }
}
