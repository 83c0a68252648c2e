import Foundation
import Testing

/// Compares `text` with `Snapshots/<name>.txt` next to this file. With `SRS_RECORD_SNAPSHOTS=1`
/// in the environment it writes the file instead (re-record only on purpose, then read the diff).
func expectSnapshot(_ text: String, named name: String, filePath: String = #filePath,
                    sourceLocation: SourceLocation = #_sourceLocation) {
    let url = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        .appendingPathComponent("Snapshots").appendingPathComponent(name + ".txt")
    let recording = ProcessInfo.processInfo.environment["SRS_RECORD_SNAPSHOTS"] == "1"
    guard !recording, let expected = try? String(contentsOf: url, encoding: .utf8) else {
        do {
            try (text + "\n").write(to: url, atomically: true, encoding: .utf8)
        } catch {
            Issue.record("cannot write snapshot \(url.path): \(error)", sourceLocation: sourceLocation)
        }
        if !recording {
            Issue.record("no snapshot \(name).txt: recorded it now, check it and run again", sourceLocation: sourceLocation)
        }
        return
    }
    if expected != text + "\n" {
        Issue.record("""
            screen differs from Snapshots/\(name).txt (SRS_RECORD_SNAPSHOTS=1 re-records)
            --- expected
            \(expected)--- actual
            \(text)
            """, sourceLocation: sourceLocation)
    }
}
