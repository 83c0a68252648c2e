#ifndef SRS_CNCURSES_SHIM_H
#define SRS_CNCURSES_SHIM_H
// SwiftPM drops -D_XOPEN_SOURCE=600 from pkg-config's flags; without a wide-character define
// ncurses does not declare cchar_t, wget_wch or add_wch.
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <stdio.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Swift cannot import the attribute macros, and Swift 6 rejects reads of the C globals.
static inline WINDOW *srs_stdscr(void) { return stdscr; }
static inline int srs_lines(void) { return LINES; }
static inline int srs_cols(void) { return COLS; }
static inline attr_t srs_a_bold(void) { return A_BOLD; }
static inline attr_t srs_a_reverse(void) { return A_REVERSE; }
static inline attr_t srs_a_underline(void) { return A_UNDERLINE; }
static inline attr_t srs_a_dim(void) { return A_DIM; }
static inline attr_t srs_a_normal(void) { return A_NORMAL; }
static inline int srs_key_resize(void) { return KEY_RESIZE; }
static inline FILE *srs_stdin(void) { return stdin; }
static inline FILE *srs_stdout(void) { return stdout; }
#endif
