import Foundation

/// Where a user's data lives: the data directory (shared decks) and the user's own folder.
public struct DataLocation: Equatable, Sendable {
    public let root: URL
    public let user: String

    /// The folder of imported decks, shared by every user of the data directory.
    public var decksFolder: URL { root.appendingPathComponent("decks", isDirectory: true) }
    /// The user's own folder: progress snapshot, review log, settings, lock.
    public var userFolder: URL {
        root.appendingPathComponent("users", isDirectory: true).appendingPathComponent(user, isDirectory: true)
    }

    public init(root: URL, user: String) {
        self.root = root
        self.user = user
    }

    /// Resolves the data directory and the user name.
    ///
    /// Data directory: `dataDir`, else `$SRS_DATA_DIR`, else `$XDG_DATA_HOME/srs`, else
    /// `~/.local/share/srs`. User: `user`, else `$SRS_USER`, else the login name.
    /// Throws `StoreError.badUserName` for names that could escape the directory and
    /// `StoreError.noDataDirectory` when neither a directory nor `$HOME` is known.
    public static func resolve(dataDir: String?, user: String?,
                               environment: [String: String]) throws -> DataLocation {
        let root = try resolveRoot(dataDir: dataDir, environment: environment)
        let name = user ?? nonEmpty(environment["SRS_USER"]) ?? loginName(environment)
        try validate(userName: name)
        return DataLocation(root: root, user: name)
    }

    static func resolveRoot(dataDir: String?, environment: [String: String]) throws -> URL {
        if let dataDir { return URL(fileURLWithPath: dataDir, isDirectory: true) }
        if let dir = nonEmpty(environment["SRS_DATA_DIR"]) { return URL(fileURLWithPath: dir, isDirectory: true) }
        if let xdg = nonEmpty(environment["XDG_DATA_HOME"]), xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg, isDirectory: true).appendingPathComponent("srs", isDirectory: true)
        }
        guard let home = nonEmpty(environment["HOME"]) else { throw StoreError.noDataDirectory }
        return URL(fileURLWithPath: home, isDirectory: true)
            .appendingPathComponent(".local/share/srs", isDirectory: true)
    }

    static func loginName(_ environment: [String: String]) -> String {
        if let name = nonEmpty(environment["USER"]) ?? nonEmpty(environment["LOGNAME"]) { return name }
        if let pw = getpwuid(getuid()), let name = pw.pointee.pw_name { return String(cString: name) }
        return "default"
    }

    /// A user name becomes a folder name: refuse anything that could escape the data directory
    /// or confuse a terminal.
    public static func validate(userName name: String) throws {
        if let problem = FileName.problem(with: name, maxBytes: 128) { throw StoreError.badUserName(name, problem) }
    }

    private static func nonEmpty(_ value: String?) -> String? {
        guard let value, !value.isEmpty else { return nil }
        return value
    }
}
