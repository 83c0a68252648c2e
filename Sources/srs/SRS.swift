import ArgumentParser

@main
struct SRS: AsyncParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "srs",
        abstract: "Spaced-repetition flashcards in the terminal.",
        discussion: """
            Exit codes: 0 success, 64 usage error, 65 bad data (a damaged or newer file), \
            66 missing input, 73 cannot create a file, 74 I/O error (disk full, read-only), \
            75 locked (another session of the same user).
            """,
        version: version,
        subcommands: [
            ReviewCommand.self,
            UnsuspendCommand.self,
            SchedulerCommand.self,
            ScheduleCommand.self,
            ImportCommand.self,
            DecksCommand.self,
            AnswerCommand.self,
            StatsCommand.self,
        ],
        defaultSubcommand: ReviewCommand.self
    )
}
