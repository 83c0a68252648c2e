// The only module that imports CNCurses.
import CNCurses
import Dispatch
import Glibc
import SRSText
import SRSUI
import Synchronization

/// Why the full-screen review cannot start. Each is a usage problem (exit 64).
public enum TerminalError: Error, Equatable, CustomStringConvertible {
    case notATerminal(stream: String)
    case unusableTerm(String?)

    public var exitCode: Int32 { 64 }

    public var description: String {
        switch self {
        case let .notATerminal(stream):
            return "the review screen needs a terminal, but \(stream) is not one. Run srs in an interactive terminal (for scripts, use `srs answer`)."
        case let .unusableTerm(term?):
            return "the terminal type TERM=\(term) cannot draw the review screen. Set TERM to your terminal's type, e.g. TERM=xterm-256color."
        case .unusableTerm(nil):
            return "TERM is not set, so the review screen cannot be drawn. Set TERM to your terminal's type, e.g. TERM=xterm-256color."
        }
    }
}

/// What the terminal reports: a key, or a new size.
public enum TerminalEvent: Equatable, Sendable {
    case key(Key)
    case resize(Size)
}

/// A full-screen ncursesw terminal: set up in `open`, restored by `close`. Every signal whose
/// default ends the process ends the key loop, so the terminal is restored first; a crash
/// restores it from the signal handler (see `Signals`).
public final class Terminal {
    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private let colors: Bool
    private var closed = false

    /// Checks that standard input and output are terminals and that `TERM` is usable, without
    /// touching the terminal. Throws `TerminalError`.
    public static func check(environment: [String: String]) throws {
        if isatty(STDIN_FILENO) == 0 { throw TerminalError.notATerminal(stream: "standard input") }
        if isatty(STDOUT_FILENO) == 0 { throw TerminalError.notATerminal(stream: "standard output") }
        let term = environment["TERM"] ?? ""
        if term.isEmpty { throw TerminalError.unusableTerm(nil) }
        if Self.unusableTerms.contains(term) { throw TerminalError.unusableTerm(term) }
    }

    /// Terminal types that initialise but cannot address the cursor.
    static let unusableTerms: Set<String> = ["dumb", "unknown", "cons25-dumb"]

    /// Takes over the screen: UTF-8 locale, raw keys, no echo, hidden cursor, colours unless
    /// `NO_COLOR` is set or the terminal has none.
    public static func open(environment: [String: String]) throws -> Terminal {
        try check(environment: environment)
        setlocale(LC_ALL, "")
        Signals.saveTerminalModes()
        guard let screen = newterm(nil, srs_stdout(), srs_stdin()), let window = srs_stdscr() else {
            throw TerminalError.unusableTerm(environment["TERM"])
        }
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        return Terminal(screen: screen, window: window, useColor: !noColor)
    }

    private init(screen: OpaquePointer, window: UnsafeMutablePointer<WINDOW>, useColor: Bool) {
        self.screen = screen
        self.window = window
        raw()
        noecho()
        nonl()
        keypad(window, true)
        set_escdelay(Self.escapeDelayMillis)
        curs_set(0)
        wtimeout(window, Self.pollMillis)
        colors = useColor && has_colors()
        if colors { Self.startColors() }
        Signals.install(resetSequence: Self.resetSequence())
    }

    /// What `endwin` would send, from terminfo: normal attributes, visible cursor, keypad off,
    /// the normal screen back.
    private static func resetSequence() -> [UInt8] {
        ["sgr0", "cnorm", "rmkx", "rmcup"].flatMap { name -> [UInt8] in
            guard let text = tigetstr(name), Int(bitPattern: text) != -1 else { return [] }
            return Array(String(cString: text).utf8)
        }
    }

    /// Esc alone is a key here; 25 ms tells it from the start of an arrow key's sequence.
    static let escapeDelayMillis: Int32 = 25
    /// How often the key loop wakes to notice a signal when no key comes.
    static let pollMillis: Int32 = 200

    private static func startColors() {
        start_color()
        use_default_colors()
        for color in Color.allCases {
            init_pair(Int16(color.rawValue + 1), Int16(color.rawValue), -1)
        }
    }

    /// The screen size in cells.
    public var size: Size { Size(columns: Int(srs_cols()), rows: Int(srs_lines())) }

    /// True once a signal that ends srs arrived (SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, …),
    /// or the terminal went away: the caller should close and exit.
    public var interrupted: Bool { Signals.received != 0 || lost }

    /// Reads that failed at once instead of waiting for the poll interval, in a row.
    private var instantFailures = 0
    /// A terminal that is gone (end of input) fails every read at once; waiting on it would
    /// spin a core, so after this many such reads in a row the session ends.
    static let instantFailureLimit = 100
    private var lost: Bool { instantFailures >= Self.instantFailureLimit }

    /// The signal that ended the session, if any.
    public var signal: Int32 { Signals.received }

    /// Waits for the next key or resize; nil when nothing came within the poll interval.
    public func next() -> TerminalEvent? {
        var character: wint_t = 0
        let started = DispatchTime.now().uptimeNanoseconds
        let status = wget_wch(window, &character)
        if status == ERR {
            let waited = DispatchTime.now().uptimeNanoseconds - started
            instantFailures = waited < UInt64(Self.pollMillis) * 500_000 ? instantFailures + 1 : 0
            return nil
        }
        instantFailures = 0
        if status == KEY_CODE_YES {
            if Int32(character) == srs_key_resize() { return .resize(size) }
            return Keymap.functionKey(Int32(character)).map(TerminalEvent.key)
        }
        guard status == OK else { return nil }
        if character == Self.ctrlZ {
            suspendToShell()
            return .resize(size)
        }
        return Keymap.character(UInt32(character)).map(TerminalEvent.key)
    }

    /// Ctrl-Z, which raw mode delivers as a character rather than as SIGTSTP.
    static let ctrlZ: wint_t = 26

    /// Gives the terminal back and stops, as a shell job does on Ctrl-Z; when the shell resumes
    /// it (`fg`, SIGCONT), takes the terminal again. The caller then redraws everything.
    private func suspendToShell() {
        endwin()
        raise(SIGSTOP)
        wrefresh(window)
    }

    /// Draws `screen`; only the cells that changed reach the terminal.
    public func draw(_ frame: Screen) {
        werase(window)
        for (y, row) in frame.rows.enumerated() {
            var x = 0
            for span in row.spans {
                x = draw(span, row: y, column: x)
            }
        }
        wrefresh(window)
    }

    /// Draws each character at the column the display-width rules give it, so a terminal that
    /// disagrees about one character cannot shift the rest of the row.
    private func draw(_ span: Span, row: Int, column: Int) -> Int {
        let (attributes, pair) = look(span.style)
        var x = column
        for character in span.text {
            let width = DisplayWidth.of(character)
            guard width > 0 else { continue }
            put(character, attributes: attributes, pair: pair, row: Int32(row), column: Int32(x))
            x += width
        }
        return x
    }

    /// One character into one cell. A cell holds a spacing character plus up to four combining
    /// ones; a cluster of several spacing characters (a flag, a ZWJ emoji) goes in as a string.
    private func put(_ character: Character, attributes: attr_t, pair: Int16, row: Int32, column: Int32) {
        var wide = character.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
        let combining = character.unicodeScalars.dropFirst().allSatisfy { DisplayWidth.of(Character($0)) == 0 }
        guard combining && wide.count < Int(CCHARW_MAX) else {
            wattr_set(window, attributes, pair, nil)
            mvwaddnwstr(window, row, column, wide, Int32(wide.count))
            wattr_set(window, srs_a_normal(), 0, nil)
            return
        }
        wide.append(0)
        var cell = cchar_t()
        setcchar(&cell, wide, attributes, pair, nil)
        mvwadd_wch(window, row, column, &cell)
    }

    private func look(_ style: Style) -> (attr_t, Int16) {
        var attributes = srs_a_normal()
        if style.bold { attributes |= srs_a_bold() }
        if style.dim { attributes |= srs_a_dim() }
        if style.reverse { attributes |= srs_a_reverse() }
        if style.underline { attributes |= srs_a_underline() }
        let pair = colors ? style.foreground.map { Int16($0.rawValue + 1) } ?? 0 : 0
        return (attributes, pair)
    }

    /// Restores the terminal. Safe to call twice.
    public func close() {
        guard !closed else { return }
        closed = true
        endwin()
        delscreen(screen)
        Signals.disarmCrashRestore()
    }

    deinit { close() }
}
