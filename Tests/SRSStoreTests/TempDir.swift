import Foundation
@testable import SRSStore

/// A fresh temporary folder, removed when the value is released.
final class TempDir {
    let url: URL
    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("srs-test-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }

    var path: String { url.path }
    func location(user: String = "alice") -> DataLocation { DataLocation(root: url, user: user) }
    func bytes(_ relative: String) -> Data? { try? Data(contentsOf: url.appendingPathComponent(relative)) }
    func write(_ relative: String, _ text: String) throws {
        let file = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }
}
