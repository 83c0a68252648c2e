#if canImport(Glibc)
import Glibc
#endif
import SRSCore

extension ProgressStore {
    /// Writes a whole history at once into a user folder that has none (an import from another
    /// tool, or the benchmark's generated collection): the log with one fsync at the end, and its
    /// snapshot. Records must be numbered 1, 2, 3, … Throws if the user already has a log.
    public static func writeNewHistory(_ location: DataLocation, records: [LogRecord], io: Syscalls = .live) throws {
        try io.makeDirectories(location.userFolder.path)
        let path = location.userFolder.appendingPathComponent("reviews.jsonl").path
        guard let fd = try io.openDataFile(path, O_WRONLY | O_CREAT | O_EXCL) else { throw StoreError.creating(path) }
        defer { _ = io.close(fd) }
        var cards: [CardID: CardProgress] = [:]
        var chunk = ProgressFormat.logHeader
        var size = 0
        func flush() throws {
            let bytes = Array(chunk.utf8)
            guard bytes.withUnsafeBytes({ io.writeAll(fd, $0) }) else {
                throw StoreError.io(path: path, operation: "write", reason: Syscalls.lastError())
            }
            size += bytes.count
            chunk = ""
        }
        for (i, record) in records.enumerated() {
            precondition(record.seq == i + 1, "records must be numbered from 1 without gaps")
            chunk += ProgressFormat.line(record)
            cards[record.card] = record.after == CardProgress() ? nil : record.after
            if chunk.utf8.count > 1 << 20 { try flush() }
        }
        try flush()
        guard io.fsync(fd) == 0 else { throw StoreError.io(path: path, operation: "write", reason: Syscalls.lastError()) }
        let snapshot = Snapshot(logRecords: records.count, logBytes: size, cards: cards)
        try write(snapshot, user: location.user, to: location.userFolder.appendingPathComponent("cards.json").path, io: io)
    }
}
