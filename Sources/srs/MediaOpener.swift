import Foundation
import SRSStore
import SRSText

/// Opens a card's media (`o` in the review) with the system's opener: the first of `xdg-open`
/// (freedesktop systems) and `open` (macOS) found on the PATH. Each file is handed to it in the
/// background with no terminal (stdin, stdout and stderr are /dev/null), through `/bin/sh`, so
/// the review neither waits for a viewer nor has its screen written over. Returns what to tell
/// the learner on the status line.
enum MediaOpener {
    static let openers = ["xdg-open", "open"]

    /// The opener's path: the first of `openers` that is an executable file in a folder of `path`.
    static func find(path: String?) -> String? {
        let folders = (path ?? "").split(separator: ":").map(String.init).filter { !$0.isEmpty }
        for name in openers {
            for folder in folders {
                let candidate = folder + "/" + name
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: candidate, isDirectory: &isFolder), !isFolder.boolValue,
                   FileManager.default.isExecutableFile(atPath: candidate) {
                    return candidate
                }
            }
        }
        return nil
    }

    static func open(_ names: [String], in media: MediaFolder, environment: [String: String]) -> String {
        let safe = names.filter { MediaFolder.problem(withName: $0) == nil }
        if safe.isEmpty, let unsafe = names.first {
            return "'\(unsafe)' is not opened: it is not a media file name (\(MediaFolder.problem(withName: unsafe) ?? "")), so it could lead out of \(media.folder.path)."
        }
        let files = safe.map { media.folder.appendingPathComponent($0).path }
            .filter { FileManager.default.fileExists(atPath: $0) }
        guard !files.isEmpty else {
            return "\(names.joined(separator: ", ")) is not in \(media.folder.path): import the Anki package again to copy its media."
        }
        guard let opener = find(path: environment["PATH"]) else {
            return "No program to open media: neither xdg-open nor open is on the PATH. The file: \(files.joined(separator: ", "))"
        }
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", "for f in \"$@\"; do \"$0\" \"$f\" </dev/null >/dev/null 2>&1 & done", opener] + files
        shell.standardInput = FileHandle.nullDevice
        shell.standardOutput = FileHandle.nullDevice
        shell.standardError = FileHandle.nullDevice
        do {
            try shell.run()
            shell.waitUntilExit()
        } catch {
            return "Could not start /bin/sh to run \(opener)."
        }
        let opened = files.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")
        return "Opened \(opened) with \((opener as NSString).lastPathComponent)."
    }
}
