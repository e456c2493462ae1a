// Gives the terminal back when the dashboard crashes (SIGSEGV, SIGBUS, SIGILL, SIGABRT, SIGFPE).
//
// The handlers run on an alternate signal stack (a stack overflow leaves no room on the normal
// one) and use only async-signal-safe calls: tcsetattr with the termios saved before the screen
// was set up, write of the terminal's own "leave the alternate screen, show the cursor, reset the
// colours" sequence, open/write of a short crash report, then one line on standard error saying
// where that report is. The signal is then delivered again with the handler that was there
// before (the Swift runtime's backtracer, or the default action), so the process still dies of it.
#ifndef VANTAGE_TERMINAL_RESCUE_H
#define VANTAGE_TERMINAL_RESCUE_H

#ifdef __cplusplus
extern "C" {
#endif

/// Remembers the terminal modes of `fd` as they are now (call before the screen is set up).
/// Returns 0, or -1 when `fd` is not a terminal.
int vt_rescue_save_modes(int fd);

/// Installs the handlers. `restore` is written to `output_fd` on a crash (at most 255 bytes are
/// kept); `report_path` is where the crash report goes (at most 1023 bytes). Returns 0 or -1.
int vt_rescue_arm(int output_fd, const char *restore, const char *report_path);

/// Puts the previous handlers back (the terminal was restored the normal way).
void vt_rescue_disarm(void);

/// Gives the calling thread an alternate signal stack if it has none (once per thread; the
/// screen's work may run on any of the threads that serve the main queue). Returns 0 or -1.
int vt_rescue_ensure_alternate_stack(void);

#ifdef __cplusplus
}
#endif

#endif
