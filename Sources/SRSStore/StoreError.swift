import Foundation
import SRSCore
import SRSText

/// Everything that can go wrong reading or writing a user's data. Each message names the file
/// and says what to do; `exitCode` is the conventional sysexits code the CLI exits with.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    case badUserName(String, String)
    case noDataDirectory
    /// A file that is not what srs wrote: edited by hand, cut short, or from elsewhere.
    case damaged(path: String, line: Int?, problem: String, fix: String)
    /// Written by a newer srs.
    case newerFormat(path: String, found: Int, supported: Int)
    /// Another process holds the user's lock.
    case locked(path: String, user: String, holder: String?)
    /// A folder or file could not be created.
    case cannotCreate(path: String, reason: String)
    /// A read or write failed (disk full, read-only file system, I/O error).
    case io(path: String, operation: String, reason: String)
    case notFound(path: String, what: String)
    /// A data file that is a symbolic link, a folder or anything but a plain file: never
    /// followed, read or replaced.
    case notAFile(path: String, found: String)
    /// A file (or a link) where srs keeps a folder.
    case notAFolder(path: String, found: String)
    /// `$TZ` names a zone srs cannot use.
    case badTimeZone(value: String, problem: String)

    public var exitCode: Int32 {
        switch self {
        case .badUserName: return 64
        case .noDataDirectory, .badTimeZone: return 64
        case .damaged, .newerFormat, .notAFile, .notAFolder: return 65
        case .notFound: return 66
        case .cannotCreate: return 73
        case .io: return 74
        case .locked: return 75
        }
    }

    public var description: String {
        switch self {
        case let .badUserName(name, problem):
            return "invalid user name '\(TerminalSafe.sanitize(name, keepNewlines: false))': \(problem). Use letters, digits, '-', '_' or '.' (not first), e.g. --user alice."
        case .noDataDirectory:
            return "no data directory: $HOME is not set. Give one with --data-dir DIR or $SRS_DATA_DIR."
        case let .damaged(path, line, problem, fix):
            let place = line.map { "\(path):\($0)" } ?? path
            return "\(place): \(problem). The file was left untouched. \(fix)"
        case let .newerFormat(path, found, supported):
            return "\(path): written by a newer srs (format version \(found); this srs reads up to \(supported)). The file was left untouched. Upgrade srs to use it."
        case let .locked(path, user, holder):
            let who = holder.map { " (\($0))" } ?? ""
            let stopped = holder?.hasSuffix(UserLock.stoppedNote) == true
            let fix = stopped ? "Resume it with `fg` in the terminal it was started in, then quit it (q)" : "Finish or quit it first"
            return "another srs session for user '\(user)' is running\(who). \(fix); lock file: \(path)"
        case let .cannotCreate(path, reason):
            return "cannot create \(path): \(reason). Check that the folder is writable, or choose another with --data-dir."
        case let .io(path, operation, reason):
            return "cannot \(operation) \(path): \(reason). Nothing was lost: the previous file is intact. Free some space or make the data directory writable, then try again."
        case let .notFound(path, what):
            return "\(what) not found: \(path)"
        case let .notAFile(path, found):
            return "\(path) is \(found), not a plain file: srs never follows a link or opens anything else inside the data directory (only the data directory and its decks folder may be links). Nothing was read or written. Put the file itself there, or move it away."
        case let .badTimeZone(value, problem):
            return "TZ=\(TerminalSafe.sanitize(value, keepNewlines: false)) cannot be used: \(problem). Set TZ to a zone name such as Europe/Berlin (or :Europe/Berlin), or set \"time_zone\" in settings.json."
        case let .notAFolder(path, found):
            return "\(path) is \(found) where srs keeps a folder. Nothing was written. Move it away, or choose another data directory with --data-dir."
        }
    }

    /// A failure to create `path`, from `errno`: a full or read-only disk is an I/O error (74),
    /// anything else (a missing or unwritable folder) "cannot create" (73).
    static func creating(_ path: String) -> StoreError {
        let code = errno
        let reason = String(cString: strerror(code))
        switch code {
        case EROFS, ENOSPC, EDQUOT, EIO: return .io(path: path, operation: "create", reason: reason)
        default: return .cannotCreate(path: path, reason: reason)
        }
    }
}
