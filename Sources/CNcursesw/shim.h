#ifndef VANTAGE_CNCURSESW_SHIM_H
#define VANTAGE_CNCURSESW_SHIM_H
// Wide-character ncurses. These must be defined before <ncurses.h>.
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <wchar.h>
#include <ncursesw/ncurses.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <signal.h>

// Globals Swift 6 rejects as not concurrency-safe: read them through functions.
static inline WINDOW *vt_stdscr(void) { return stdscr; }
static inline int vt_colors(void) { return COLORS; }
static inline int vt_color_pairs(void) { return COLOR_PAIRS; }
static inline int vt_lines(void) { return LINES; }
static inline int vt_cols(void) { return COLS; }

// Attribute macros are not importable.
static inline attr_t vt_a_normal(void) { return A_NORMAL; }
static inline attr_t vt_a_bold(void) { return A_BOLD; }
static inline attr_t vt_a_dim(void) { return A_DIM; }
static inline attr_t vt_a_underline(void) { return A_UNDERLINE; }
static inline attr_t vt_a_reverse(void) { return A_REVERSE; }
static inline attr_t vt_a_italic(void) { return A_ITALIC; }

// The terminal size straight from the tty (ioctl is variadic, so Swift cannot call it).
static inline int vt_winsize(int fd, int *rows, int *cols) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) != 0) return -1;
    *rows = ws.ws_row; *cols = ws.ws_col;
    return 0;
}

static inline int vt_key_f(int n) { return KEY_F(n); }
#endif
