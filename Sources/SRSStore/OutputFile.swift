#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Why a file the learner asked for (`srs export FILE`) could not be written; the file that was
/// there before, if any, is untouched.
public struct OutputFileError: Error, Equatable, CustomStringConvertible {
    public let description: String
    /// 73 (cannot create) or 74 (I/O: a full or read-only disk).
    public let exitCode: Int32
}

/// Writes a file outside the data directory that the learner named, as a careful tool does: the
/// bytes go to an exclusive temporary file beside it, are fsynced, and only then renamed into
/// place, so a failure never leaves a truncated or half-written file. An existing file is
/// replaced only when `replacing` is set; a link, a folder or a device there is refused either
/// way (srs never writes through a link).
public enum OutputFile {
    public static func write(_ bytes: some ContiguousBytes, to path: String, replacing: Bool, io: Syscalls = .live) throws {
        if let info = io.pathStatus(path, false) {
            guard FileKind.isRegular(info) else {
                throw OutputFileError(description: "\(path) is \(FileKind.describe(info)), not a plain file: srs does not write through links or into anything else. Nothing was written. Name a new file.", exitCode: 73)
            }
            guard replacing else {
                throw OutputFileError(description: "\(path) already exists. Nothing was written. Give --force to replace it, or name another file.", exitCode: 73)
            }
        } else if !replacing {
            try reserve(path, io: io)
        }
        let failed = { (created: Bool) in failure(path, errno, creating: !created, reserved: !replacing, io: io) }
        try io.replaceAtomically(path, { fd in
            guard bytes.withUnsafeBytes({ io.writeAll(fd, $0) }) else { throw failed(true) }
        }, failure: failed)
    }

    /// Creates `path` empty and exclusively, so that a file another program makes there
    /// meanwhile is never replaced: the rename then replaces only this placeholder.
    private static func reserve(_ path: String, io: Syscalls) throws {
        let fd = io.open(path, O_WRONLY | O_CREAT | O_EXCL | Syscalls.dataFileFlags, 0o644)
        guard fd >= 0 else {
            if errno == EEXIST {
                throw OutputFileError(description: "\(path) already exists. Nothing was written. Give --force to replace it, or name another file.", exitCode: 73)
            }
            throw failure(path, errno, creating: true, reserved: false, io: io)
        }
        _ = io.close(fd)
    }

    /// The error for `errno` value `code`; the empty placeholder, if this call made one, is removed.
    private static func failure(_ path: String, _ code: Int32, creating: Bool, reserved: Bool, io: Syscalls) -> OutputFileError {
        let reason = String(cString: strerror(code))
        if reserved, let info = io.pathStatus(path, false), FileKind.isRegular(info), info.st_size == 0 { _ = io.unlink(path) }
        let disk = [EROFS, ENOSPC, EDQUOT, EIO].contains(code)
        let what = creating ? "cannot create \(path)" : "cannot write \(path)"
        let fix = disk ? "Free some space or choose a writable place, then try again." : "Check that the folder exists and is writable, or name another file."
        return OutputFileError(description: "\(what): \(reason). Nothing was written. \(fix)", exitCode: disk ? 74 : 73)
    }
}
