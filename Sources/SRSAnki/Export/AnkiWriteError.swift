/// Why a package could not be made. Nothing is written when one is thrown.
public enum AnkiWriteError: Error, Equatable, CustomStringConvertible, Sendable {
    /// More than the legacy package format holds.
    case tooLarge(String)
    /// SQLite or zlib failed (out of memory, most likely).
    case library(String)

    /// sysexits: 73 (cannot create) for a package too large, 74 for a library's failure.
    public var exitCode: Int32 {
        switch self {
        case .tooLarge: return 73
        case .library: return 74
        }
    }

    public var description: String {
        switch self {
        case .tooLarge(let why): return "cannot make the package: \(why); export fewer cards with --deck"
        case .library(let why): return "cannot make the package: \(why)"
        }
    }
}
