#if canImport(Glibc)
import Glibc
#endif
import SRSText

/// Standard output and standard error, written with `write(2)` so that a failure is an error srs
/// handles, never a crash. Everything written passes through `TerminalSafe.sanitize` (JSON is
/// already escaped by `JSONText`, so it passes unchanged): a closed pipe (`srs stats | head -1`) ends srs quietly, as `head`
/// expects; any other failure to write standard output (a full disk, `> /dev/full`) is exit 74
/// with a message on standard error.
enum Output {
    /// Called once at start: a closed pipe becomes `EPIPE` from `write` instead of a silent death,
    /// so that `srs answer` can still say what it recorded.
    static func prepare() {
        signal(SIGPIPE, SIG_IGN)
        reserveClosedStandardStreams()
    }

    /// A standard stream the caller closed (`srs answer >&-`) gets /dev/null opened read-only in
    /// its place: otherwise the next file srs opens (the review log) would get its number, and
    /// what srs prints would land in that file. Writing there then fails: exit 74.
    private static func reserveClosedStandardStreams() {
        for fd in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
            let null = open("/dev/null", O_RDONLY | O_CLOEXEC)
            if null >= 0 && null != fd {
                dup2(null, fd)
                close(null)
            }
        }
    }

    /// Writes `text` to standard output. On a failure, `onFailure` runs first (with `errno`'s
    /// value); then a closed pipe ends srs quietly and anything else throws exit 74.
    ///
    /// `styledBy` is set only for text whose escape sequences srs itself added (the colours of
    /// `srs stats` on a terminal, from `TextStyle`) around content its renderer already passed
    /// through `TerminalSafe`; that text goes out as it is.
    static func out(_ text: String, styledBy renderer: StyledRenderer? = nil, onFailure: (Int32) -> Void = { _ in }) throws {
        let safe = renderer == nil ? TerminalSafe.sanitize(text, keepTabs: true) : text
        guard let code = writeAll(STDOUT_FILENO, safe) else { return }
        onFailure(code)
        if code == EPIPE { endQuietly() }
        throw Failure(description: "cannot write to standard output: \(String(cString: strerror(code))). Check where it goes (a full disk, a closed file) and run srs again.",
                      exitCode: 74)
    }

    /// Writes `text` to standard error; a failure there has nowhere to be reported.
    static func err(_ text: String) { _ = writeAll(STDERR_FILENO, TerminalSafe.sanitize(text, keepTabs: true)) }

    /// The renderers whose output carries srs's own escape sequences.
    enum StyledRenderer { case statsText }

    /// Ends srs as a closed pipe ends any program: by SIGPIPE, with no message.
    static func endQuietly() -> Never {
        signal(SIGPIPE, SIG_DFL)
        raise(SIGPIPE)
        exit(128 + SIGPIPE)
    }

    /// Writes all of `text` to `fd`; nil when done, else the `errno` of the failure.
    private static func writeAll(_ fd: Int32, _ text: String) -> Int32? {
        var text = text
        return text.withUTF8 { bytes in
            var done = 0
            while done < bytes.count {
                let n = write(fd, bytes.baseAddress.map { $0 + done }, bytes.count - done)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { return n == 0 ? EIO : errno }
                done += n
            }
            return nil
        }
    }
}
