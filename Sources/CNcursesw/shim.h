#ifndef VANTAGE_CNCURSESW_SHIM_H
#define VANTAGE_CNCURSESW_SHIM_H
// Wide-character ncurses. These must be defined before <ncurses.h>.
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#define NCURSES_WIDECHAR 1
#include <stdio.h>
#include <errno.h>
#include <locale.h>
#include <wchar.h>
#include <ncursesw/ncurses.h>
#include <ncursesw/term.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <signal.h>
#include <poll.h>

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

// Sets attributes and an extended colour pair (pairs above 32767 need the `opts` pointer).
static inline int vt_attr_set_pair(attr_t attrs, int pair) {
    return wattr_set(stdscr, attrs, (short)0, &pair);
}

// True when the terminfo entry declares direct colour (the `RGB` capability).
static inline int vt_has_direct_color(void) {
    int rgb = tigetflag("RGB");
    return rgb > 0 ? 1 : 0;
}

// Waits until `fd` is readable or `timeout_ms` passes: 1 readable, 0 timeout, -1 error/hangup.
static inline int vt_wait_readable(int fd, int timeout_ms) {
    struct pollfd p = { fd, POLLIN, 0 };
    int r = poll(&p, 1, timeout_ms);
    if (r < 0) return errno == EINTR ? 0 : -1;
    if (r == 0) return 0;
    if (p.revents & (POLLERR | POLLNVAL)) return -1;
    if (p.revents & POLLIN) return 1;
    if (p.revents & POLLHUP) return -1;
    return 0;
}

// Mouse masks are macros Swift cannot import. Presses, releases and the wheel (buttons 4 and 5);
// clicks are not synthesised (mouseinterval 0), so a press acts at once.
static inline mmask_t vt_mouse_mask(void) {
    return BUTTON1_PRESSED | BUTTON1_RELEASED | BUTTON4_PRESSED | BUTTON5_PRESSED;
}
static inline mmask_t vt_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t vt_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t vt_button5_pressed(void) { return BUTTON5_PRESSED; }
static inline int vt_key_mouse(void) { return KEY_MOUSE; }
// The next mouse event: 0 and its button state and cell, or -1.
static inline int vt_get_mouse(unsigned long *state, int *x, int *y) {
    MEVENT e;
    if (getmouse(&e) != OK) return -1;
    *state = (unsigned long)e.bstate; *x = e.x; *y = e.y;
    return 0;
}
#endif
