import CNcursesw
import PopApp
import PopDashboard
import PopPage
import PopScreen
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one place pop talks to ncurses: it copies changed cells of each frame and reads keys.
/// Everything it draws comes from the pure views; it never clears the screen per frame
/// (`doupdate` sends only what changed).
final class Terminal {
    private var previous: Buffer?
    private let colour: Bool
    let unicode: Bool

    /// Sets the terminal up for the dashboard, or says why it cannot: TERM names no terminal
    /// the system knows, or one that cannot place the cursor (TERM=dumb), where ncurses would
    /// draw a blank screen.
    init(colour wantColour: Bool) throws(PopError) {
        setlocale(LC_ALL, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        unicode = codeset.uppercased().filter { $0 != "-" } == "UTF8"
        let term = getenv("TERM").map { String(cString: $0) } ?? "unset"
        guard pop_start_screen() != 0 else {
            throw PopError(.noTerminal, "TERM=\(Words.visible(term)) names no terminal this system knows. For text, Markdown, CSV or JSON use: pop report")
        }
        guard pop_can_address_cursor() != 0 else {
            endwin()
            throw PopError(.noTerminal, "this terminal (TERM=\(Words.visible(term))) cannot place the cursor, so the dashboard cannot draw on it. "
                           + "For text, Markdown, CSV or JSON use: pop report")
        }
        cbreak()
        noecho()
        nonl()
        keypad(pop_stdscr(), true)
        curs_set(0)
        set_escdelay(25)
        colour = wantColour && has_colors()
        if colour {
            start_color()
            use_default_colors()   // the terminal's own background: light and dark both read
            let grey: Int16 = pop_colors() >= 16 ? 8 : Int16(COLOR_WHITE)
            let map: [(Colour, Int16)] = [(.red, Int16(COLOR_RED)), (.green, Int16(COLOR_GREEN)), (.yellow, Int16(COLOR_YELLOW)),
                                          (.blue, Int16(COLOR_BLUE)), (.magenta, Int16(COLOR_MAGENTA)), (.cyan, Int16(COLOR_CYAN)), (.grey, grey)]
            for (c, fg) in map { init_pair(Int16(c.rawValue), fg, -1) }
        }
        mousemask(pop_button1_clicked(), nil)
        mouseinterval(0)
    }

    var size: (width: Int, height: Int) {
        var y: Int32 = 0, x: Int32 = 0
        pop_getmaxyx(pop_stdscr(), &y, &x)
        return (Int(x), Int(y))
    }

    /// Sends the frame: only cells that differ from the last frame are written.
    func draw(_ b: Buffer) {
        let full = previous == nil || previous!.width != b.width || previous!.height != b.height
        var wide: [wchar_t] = [0, 0, 0, 0, 0]
        for y in 0..<b.height {
            for x in 0..<b.width {
                let cell = b[x, y]
                if !full && previous![x, y] == cell { continue }
                var n = 0
                // Never a control character to the terminal: a comment or team name holding ESC
                // would otherwise move the cursor, retitle the window or clear the screen.
                for u in Words.visible(cell.character).unicodeScalars.prefix(4) {
                    wide[n] = wchar_t(bitPattern: u.value)
                    n += 1
                }
                wide[n] = 0
                var attrs: attr_t = 0
                if cell.style.bold { attrs |= pop_a_bold() }
                if cell.style.reverse { attrs |= pop_a_reverse() }
                if cell.style.dim { attrs |= pop_a_dim() }
                if cell.style.underline { attrs |= pop_a_underline() }
                let pair: Int16 = colour && cell.style.colour != .normal ? Int16(cell.style.colour.rawValue) : 0
                _ = pop_set_cell(Int32(y), Int32(x), &wide, attrs, pair)
            }
        }
        previous = b
        wnoutrefresh(pop_stdscr())
        doupdate()
    }

    /// After a resize ncurses has its own idea of the screen: repaint every cell.
    func invalidate() { previous = nil }

    /// What reading the terminal gave.
    enum Input {
        case key(Key)
        /// A key pop does not use, or a read interrupted by a signal: read again.
        case nothing
        /// The terminal is gone (its window closed while SIGHUP is ignored): end the program
        /// rather than spin on failing reads.
        case gone
    }

    /// The next key.
    func read() -> Input {
        var wch: wint_t = 0
        let r = wget_wch(pop_stdscr(), &wch)
        if r == ERR {
            // An interrupted read (a signal) is retried; any other failure means the terminal is gone.
            if errno == EINTR || isatty(0) != 0 { failedReads += 1 } else { return .gone }
            return failedReads > 1000 ? .gone : .nothing
        }
        failedReads = 0
        guard let key = key(r, wch) else { return .nothing }
        return .key(key)
    }

    private var failedReads = 0

    /// The key a read gave, or nil for one pop does not use.
    private func key(_ r: Int32, _ wch: wint_t) -> Key? {
        if r == pop_key_code_yes() {
            switch Int32(wch) {
            case KEY_UP: return .up
            case KEY_DOWN: return .down
            case KEY_LEFT: return .left
            case KEY_RIGHT: return .right
            case KEY_NPAGE: return .pageDown
            case KEY_PPAGE: return .pageUp
            case KEY_HOME: return .home
            case KEY_END: return .end
            case KEY_ENTER: return .enter
            case KEY_BACKSPACE: return .backspace
            case KEY_RESIZE:
                let (w, h) = size
                invalidate()
                return .resize(width: w, height: h)
            case KEY_MOUSE:
                var event = MEVENT()
                guard getmouse(&event) == OK else { return nil }
                return .click(x: Int(pop_mouse_x(&event)), y: Int(pop_mouse_y(&event)))
            default: return nil
            }
        }
        switch wch {
        case 27: return .escape
        case 10, 13: return .enter
        case 127, 8: return .backspace
        case 9: return .tab
        default:
            guard let scalar = Unicode.Scalar(UInt32(wch)), wch >= 32 else { return nil }
            return .char(Character(scalar))
        }
    }

    func end() { endwin() }
}
