#define _GNU_SOURCE
#include "terminal_rescue.h"

#include <errno.h>
#include <execinfo.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static const int rescued_signals[] = { SIGSEGV, SIGBUS, SIGILL, SIGABRT, SIGFPE };
#define RESCUED_COUNT ((int)(sizeof(rescued_signals) / sizeof(rescued_signals[0])))

static struct termios saved_modes;
static int modes_fd = -1;
static int restore_fd = -1;
static char restore_sequence[256];
static size_t restore_length;
static char report_path[1024];
static struct sigaction previous[RESCUED_COUNT];
static volatile sig_atomic_t armed;
static volatile sig_atomic_t crashing;
static __thread int thread_has_stack;
#define ALTERNATE_STACK_SIZE (64 * 1024)

// Async-signal-safe output helpers: no allocation, no stdio.
static void put(int fd, const char *text, size_t length) {
    while (length > 0) {
        ssize_t n = write(fd, text, length);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return;
        text += n;
        length -= (size_t)n;
    }
}

static void put_string(int fd, const char *text) { put(fd, text, strlen(text)); }

static void put_number(int fd, uintptr_t value, int base) {
    char digits[32];
    int i = (int)sizeof(digits);
    do {
        unsigned d = (unsigned)(value % (uintptr_t)base);
        digits[--i] = (char)(d < 10 ? '0' + d : 'a' + d - 10);
        value /= (uintptr_t)base;
    } while (value > 0 && i > 0);
    put(fd, digits + i, sizeof(digits) - (size_t)i);
}

static const char *signal_name(int sig) {
    switch (sig) {
    case SIGSEGV: return "SIGSEGV (invalid memory access)";
    case SIGBUS: return "SIGBUS (bus error)";
    case SIGILL: return "SIGILL (illegal instruction: a Swift runtime check failed)";
    case SIGABRT: return "SIGABRT (abort)";
    case SIGFPE: return "SIGFPE (arithmetic error)";
    default: return "a fatal signal";
    }
}

static int index_of(int sig) {
    for (int i = 0; i < RESCUED_COUNT; i++) if (rescued_signals[i] == sig) return i;
    return -1;
}

static void write_report(int sig, siginfo_t *info) {
    if (report_path[0] == 0) return;
    int fd = open(report_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) return;
    put_string(fd, "vantage crashed: ");
    put_string(fd, signal_name(sig));
    put_string(fd, "\nsignal ");
    put_number(fd, (uintptr_t)sig, 10);
    put_string(fd, ", code ");
    put_number(fd, (uintptr_t)(intptr_t)info->si_code, 10);
    put_string(fd, ", address 0x");
    put_number(fd, (uintptr_t)info->si_addr, 16);
    put_string(fd, "\npid ");
    put_number(fd, (uintptr_t)getpid(), 10);
    put_string(fd, "\nbacktrace (return addresses; `swift demangle` reads the symbols):\n");
    void *frames[128];
    int count = backtrace(frames, 128);
    backtrace_symbols_fd(frames, count, fd);
    close(fd);
}

static void rescue(int sig, siginfo_t *info, void *context) {
    (void)context;
    int i = index_of(sig);
    if (armed && !crashing) {
        crashing = 1;
        if (modes_fd >= 0) tcsetattr(modes_fd, TCSANOW, &saved_modes);
        if (restore_fd >= 0 && restore_length > 0) put(restore_fd, restore_sequence, restore_length);
        write_report(sig, info);
        put_string(STDERR_FILENO, "vantage: crashed with ");
        put_string(STDERR_FILENO, signal_name(sig));
        put_string(STDERR_FILENO, "; the terminal was restored; crash report: ");
        put_string(STDERR_FILENO, report_path[0] ? report_path : "(none)");
        put_string(STDERR_FILENO, "\n");
    }
    // Deliver the signal again with the handler from before: a fault re-executes the faulting
    // instruction when this returns; a sent or raised signal (abort) is raised again.
    if (i >= 0) sigaction(sig, &previous[i], NULL);
    else signal(sig, SIG_DFL);
    if (info->si_code <= 0 || sig == SIGABRT) raise(sig);
}

int vt_rescue_save_modes(int fd) {
    if (tcgetattr(fd, &saved_modes) != 0) return -1;
    modes_fd = fd;
    return 0;
}

int vt_rescue_arm(int output_fd, const char *restore, const char *path) {
    restore_fd = output_fd;
    restore_length = restore ? strlen(restore) : 0;
    if (restore_length >= sizeof(restore_sequence)) restore_length = sizeof(restore_sequence) - 1;
    if (restore_length) memcpy(restore_sequence, restore, restore_length);
    report_path[0] = 0;
    if (path) {
        size_t n = strlen(path);
        if (n >= sizeof(report_path)) n = sizeof(report_path) - 1;
        memcpy(report_path, path, n);
        report_path[n] = 0;
    }
    // backtrace() loads the unwinder on its first call, which is not safe inside a handler.
    void *warm[2];
    (void)backtrace(warm, 2);

    if (vt_rescue_ensure_alternate_stack() != 0) return -1;
    struct sigaction action;
    memset(&action, 0, sizeof(action));
    action.sa_sigaction = rescue;
    action.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
    sigemptyset(&action.sa_mask);
    for (int i = 0; i < RESCUED_COUNT; i++) {
        if (sigaction(rescued_signals[i], &action, &previous[i]) != 0) return -1;
    }
    armed = 1;
    return 0;
}

int vt_rescue_ensure_alternate_stack(void) {
    if (thread_has_stack) return 0;
    stack_t current;
    if (sigaltstack(NULL, &current) == 0 && !(current.ss_flags & SS_DISABLE)) {
        thread_has_stack = 1;
        return 0;
    }
    // Kept for the thread's life (dispatch's threads live as long as the process).
    void *memory = malloc(ALTERNATE_STACK_SIZE);
    if (!memory) return -1;
    stack_t stack = { .ss_sp = memory, .ss_size = ALTERNATE_STACK_SIZE, .ss_flags = 0 };
    if (sigaltstack(&stack, NULL) != 0) { free(memory); return -1; }
    thread_has_stack = 1;
    return 0;
}

void vt_rescue_disarm(void) {
    if (!armed) return;
    armed = 0;
    for (int i = 0; i < RESCUED_COUNT; i++) sigaction(rescued_signals[i], &previous[i], NULL);
}
