#!/usr/bin/env python3
"""Measures the dashboard the way a user meets it: the release binary on examples/ in a real
pty of 120x40. Prints time to the first full frame, Vantage's own CPU over an idle window at a
1 s refresh, its RSS, and the bytes written to the terminal per refresh.

  python3 scripts/bench/tui.py [--bin PATH] [--idle 30] [--width 120] [--height 40]

A frame is "full" when the five pane titles and every example project's name are on the
emulated screen (pyte, a VT100 emulator from PyPI, is the reference terminal here).
"""
import argparse, fcntl, json, os, pty, select, struct, subprocess, sys, tempfile, termios, time

try:
    import pyte
except ImportError:
    sys.exit("pyte is needed: pip install pyte")

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TITLES = ["Projects", "Metrics", "Graph", "Timeline", "Troubleshooting"]


class TerminalScreen(pyte.Screen):
    """pyte's screen plus the two scrolls it lacks: SU (CSI n S) and SD (CSI n T). ncurses scrolls a
    region with them (after DECSTBM) when a list moves by whole lines; pyte ignored them, so every
    line the console did not redraw stayed where it was before the scroll, and the emulated screen
    no longer matched the terminal's (the lower panes' titles were overwritten)."""

    #: The pty master the answers to the program's questions go back to (set once the program
    #: runs). A real terminal answers device attributes (CSI c) at once; without an answer the
    #: console's background query (OSC 11, then CSI c) waited its whole 150 ms timeout in every
    #: first-frame figure.
    answer_fd = None

    def write_process_input(self, data):
        if self.answer_fd is not None:
            os.write(self.answer_fd, data.encode())

    def scroll_up(self, count=1, **_):
        self._scroll(count, up=True)

    def scroll_down(self, count=1, **_):
        self._scroll(count, up=False)

    def _scroll(self, count, up):
        top, bottom = self.margins or pyte.screens.Margins(0, self.lines - 1)
        x, y = self.cursor.x, self.cursor.y
        self.cursor.y = bottom if up else top
        for _ in range(max(1, count or 1)):
            self.index() if up else self.reverse_index()
        self.cursor.x, self.cursor.y = x, y


class TerminalStream(pyte.ByteStream):
    csi = dict(pyte.ByteStream.csi, S="scroll_up", T="scroll_down")


def terminal_stream(width, height):
    """The reference terminal of the benches: a screen of WIDTH x HEIGHT and the byte stream that
    feeds it, with SU/SD understood."""
    screen = TerminalScreen(width, height)
    return screen, TerminalStream(screen)


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_kb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=None)
    ap.add_argument("--idle", type=float, default=30.0)
    ap.add_argument("--width", type=int, default=120)
    ap.add_argument("--height", type=int, default=40)
    a = ap.parse_args()
    binary = a.bin or subprocess.check_output(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, text=True).strip() + "/vantage"
    examples = os.path.join(ROOT, "examples")
    home = tempfile.mkdtemp(prefix="vantage-bench-")
    env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8", VANTAGE_HOME=home,
               XDG_CONFIG_HOME=home + "/config")
    env.pop("COLORTERM", None)
    names = [p["name"] for p in json.loads(subprocess.check_output([binary, "scan", examples, "--json"], env=env))]

    screen, stream = terminal_stream(a.width, a.height)
    t0 = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(binary, [binary, "--root", examples, "--refresh", "1"], env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", a.height, a.width, 0, 0))
    screen.answer_fd = fd

    first_frame = None
    total = 0
    deadline = t0 + 10
    while time.monotonic() < deadline and first_frame is None:
        r, _, _ = select.select([fd], [], [], 0.05)
        if r:
            data = os.read(fd, 65536)
            now = time.monotonic()
            total += len(data)
            stream.feed(data)
            text = "\n".join(screen.display)
            if all(t in text for t in TITLES) and all(n in text for n in names):
                first_frame = now - t0
    if first_frame is None:
        print("first full frame: NOT REACHED within 10 s", file=sys.stderr)
        print("\n".join(screen.display), file=sys.stderr)
        os.kill(pid, 9)
        sys.exit(1)

    # Let start-up work (scan, analysis, graph settling) finish, then measure an idle window.
    settle_until = time.monotonic() + 5
    while time.monotonic() < settle_until:
        r, _, _ = select.select([fd], [], [], 0.1)
        if r:
            stream.feed(os.read(fd, 65536))
    cpu0, w0, bytes_idle = cpu_seconds(pid), time.monotonic(), 0
    end = w0 + a.idle
    while time.monotonic() < end:
        r, _, _ = select.select([fd], [], [], 0.2)
        if r:
            data = os.read(fd, 65536)
            bytes_idle += len(data)
            stream.feed(data)
    wall = time.monotonic() - w0
    cpu = (cpu_seconds(pid) - cpu0) / wall * 100
    rss = rss_kb(pid)
    os.write(fd, b"q")
    try:
        _, status = os.waitpid(pid, 0)
    except ChildProcessError:
        status = 0
    refreshes = wall / 1.0
    print(f"time to first full frame: {first_frame * 1000:.1f} ms   (target <= 40 ms)")
    print(f"idle CPU over {wall:.0f} s at 1 s refresh: {cpu:.2f} % of a core   (target <= 0.5 %)")
    print(f"RSS: {rss / 1024:.1f} MB   (target <= 20 MB)")
    print(f"bytes written per refresh: {bytes_idle / refreshes:.0f} B   (target <= 1024 B)")
    print(f"exit status after q: {os.waitstatus_to_exitcode(status) if status else 0}")


if __name__ == "__main__":
    main()
