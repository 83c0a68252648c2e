import ArgumentParser
import Foundation
import SRSStore

/// An error already worded for the user, with the exit code to leave with.
struct Failure: Error, CustomStringConvertible {
    let description: String
    let exitCode: Int32
}

extension ParsableCommand {
    /// Runs `body`, printing any error as `Error: …` on stderr and exiting with its code.
    /// ArgumentParser maps only `ExitCode` and validation errors; our errors carry their own code.
    func reportingErrors<T>(_ body: () throws -> T) throws -> T {
        Output.prepare()
        do {
            return try body()
        } catch let error as StoreError {
            throw fail(error.description, error.exitCode)
        } catch let error as Failure {
            throw fail(error.description, error.exitCode)
        } catch let error as ExitCode {
            throw error
        } catch {
            // Never a library's wording (NSCocoaErrorDomain …): say what kind of failure it was.
            throw fail("an unexpected \(String(describing: type(of: error))) error stopped srs. Nothing after it was done; please report it with the command you ran.", 74)
        }
    }

    private func fail(_ message: String, _ code: Int32) -> ExitCode {
        Output.err("Error: \(message)\n")
        return ExitCode(code)
    }
}
