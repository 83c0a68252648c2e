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

    public var exitCode: Int32 {
        switch self {
        case .badUserName: return 64
        case .noDataDirectory: return 64
        case .damaged, .newerFormat: return 65
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
            return "another srs session for user '\(user)' is running\(who). Finish or quit it first; lock file: \(path)"
        case let .cannotCreate(path, reason):
            return "cannot create \(path): \(reason). Check that the folder is writable, or choose another with --data-dir."
        case let .io(path, operation, reason):
            return "cannot \(operation) \(path): \(reason). Nothing was lost: the previous file is intact. Free some space or make the data directory writable, then try again."
        case let .notFound(path, what):
            return "\(what) not found: \(path)"
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
