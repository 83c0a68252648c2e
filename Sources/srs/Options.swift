import ArgumentParser
import Foundation
import SRSStore

/// `--data-dir` and `--user`, shared by every subcommand that reads or writes a user's data.
struct UserOptions: ParsableArguments {
    @Option(name: .customLong("data-dir"), help: ArgumentHelp(
        "The data directory (default: $SRS_DATA_DIR, else $XDG_DATA_HOME/srs, else ~/.local/share/srs).",
        valueName: "dir"))
    var dataDir: String?

    @Option(help: ArgumentHelp("Whose progress to use (default: $SRS_USER, else the login name).",
                               valueName: "name"))
    var user: String?

    /// The resolved data directory and user; a bad user name is a usage error (exit 64).
    func location() throws -> DataLocation {
        try DataLocation.resolve(dataDir: dataDir, user: user,
                                 environment: ProcessInfo.processInfo.environment)
    }
}
