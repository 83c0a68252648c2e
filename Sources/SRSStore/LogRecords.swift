#if canImport(Glibc)
import Glibc
#endif
import SRSCore

extension ProgressStore {
    /// Hands every complete record of the user's log to `body`, oldest first, as it is read, a
    /// megabyte of the file at a time (memory stays the same however long the log). A user
    /// without a log has no records.
    public func eachRecord(_ body: (LogRecord) throws -> Void) throws {
        guard let fd = try io.openDataFile(logPath, O_RDONLY) else { return }
        defer { _ = io.close(fd) }
        _ = try ReviewLogFile.stream(fd, io: io, path: logPath, from: 0, firstLine: 1, previousSeq: 0, body)
    }
}
