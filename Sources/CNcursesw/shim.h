#ifndef POP_CNCURSESW_SHIM_H
#define POP_CNCURSESW_SHIM_H
// Wide-character ncurses for Swift 6: the macros and globals Swift cannot import, as functions.
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <ncursesw/curses.h>

static inline WINDOW *pop_stdscr(void) { return stdscr; }
static inline int pop_cols(void) { return COLS; }
static inline int pop_lines(void) { return LINES; }
static inline int pop_colors(void) { return COLORS; }
static inline attr_t pop_a_bold(void) { return A_BOLD; }
static inline attr_t pop_a_reverse(void) { return A_REVERSE; }
static inline attr_t pop_a_dim(void) { return A_DIM; }
static inline attr_t pop_a_underline(void) { return A_UNDERLINE; }
static inline attr_t pop_color_pair(int n) { return COLOR_PAIR(n); }
static inline void pop_getmaxyx(WINDOW *w, int *y, int *x) { int yy, xx; getmaxyx(w, yy, xx); *y = yy; *x = xx; }
static inline int pop_key_code_yes(void) { return KEY_CODE_YES; }
static inline mmask_t pop_button1_clicked(void) { return BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_RELEASED; }
static inline mmask_t pop_mouse_state(MEVENT *e) { return e->bstate; }
static inline int pop_mouse_x(MEVENT *e) { return e->x; }
static inline int pop_mouse_y(MEVENT *e) { return e->y; }
static inline int pop_set_cell(int y, int x, const wchar_t *ch, attr_t attrs, short pair) {
    cchar_t c;
    setcchar(&c, ch, attrs, pair, NULL);
    return mvadd_wch(y, x, &c);
}
/// Whether the terminal ncurses set up can place the cursor (TERM=dumb cannot).
static inline int pop_can_address_cursor(void) {
    const char *cup = tigetstr("cup");
    return cup != 0 && cup != (const char *)-1;
}
/// Sets up the screen, or returns 0 when TERM names no terminal the system knows (initscr
/// would end the program with its own message instead).
static inline int pop_start_screen(void) {
    SCREEN *s = newterm(0, stdout, stdin);
    if (s == 0) return 0;
    set_term(s);
    return 1;
}
#endif
