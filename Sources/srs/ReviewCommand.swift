import ArgumentParser
import Foundation
import SRSCore
import SRSStore

/// `srs review` (the default): today's review. Until the full-screen session lands, prints the queue.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Review today's cards (the default command).")

    @OptionGroup var user: UserOptions

    func run() throws {
        try reportingErrors {
            let location = try user.location()
            print("srs: review for \(location.user) in \(location.root.path)")
        }
    }
}
