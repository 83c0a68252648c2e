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
        var cards: CardTable = [:]
        for (i, record) in records.enumerated() {
            precondition(record.seq == i + 1, "records must be numbered from 1 without gaps")
            cards[record.card] = record.after.nilIfNew
        }
        let size = try writeLog(records, to: fd, path: path, io: io)
        let snapshot = Snapshot(logRecords: records.count, logBytes: size, cards: cards)
        try write(snapshot, user: location.user, to: location.userFolder.appendingPathComponent("cards.json").path, io: io)
    }
}
