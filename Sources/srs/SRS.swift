import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

@main
struct SRS: AsyncParsableCommand {
    static let version = "0.1.0"

    /// ArgumentParser's own `main(_:)`, except that its messages (which quote option values as
    /// given) go out through `Output`, neutralised like everything srs writes.
    static func run(_ arguments: [String]) async {
        Output.prepare()
        do {
            var command = try parseAsRoot(arguments)
            if var command = command as? AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                // Help and version are output like any other: a failure to write them is exit 74.
                do {
                    if !message.isEmpty { try Output.out(message + "\n") }
                } catch let failure as Failure {
                    Output.err("Error: \(failure.description)\n")
                    Glibc.exit(failure.exitCode)
                } catch {}
            } else if !message.isEmpty {
                Output.err(message + "\n")
            }
            Glibc.exit(code.rawValue)
        }
    }

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
            ExportCommand.self,
            DecksCommand.self,
            AnswerCommand.self,
            StatsCommand.self,
        ],
        defaultSubcommand: ReviewCommand.self
    )

    /// Parses the command line with the shared options allowed before the command's name too.
    static func main() async {
        let names = Set(configuration.subcommands.compactMap { $0.configuration.commandName })
        await run(LeadingOptions.reordered(Array(CommandLine.arguments.dropFirst()), subcommands: names))
    }
}
