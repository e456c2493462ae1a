#!/usr/bin/env python3
"""The daemon and an attached console, measured the way they run together (issue 15's targets).

  python3 scripts/bench/daemon.py --bin PATH [--minutes 2] [--soak 10] [--idle 30] [--cycles 40]

Prints, each on its own line:
  - event on the daemon's bus -> changed cell on the attached console's terminal, p50/p99, over the
    unix socket and over SSH on loopback (a real sshd, as in the tests), while 12 projects each log
    1,000 lines/s (small shell loops). The bus side is a `subscribe` client on the daemon's socket:
    it reads the probe project's state change; the terminal side is the console's pty fed to pyte
    (a VT100 emulator), and the cell is the probe's state in the grid. The change is a `vantage
    stop` / `vantage launch` of the probe, alternately.
  - the console's first full frame after attach, the daemon already running (12 quiet projects);
  - idle CPU of console and daemon over --idle seconds, 12 quiet running projects, 1 s refresh;
  - RSS, PSS and USS (Private_Clean + Private_Dirty) of each from /proc/PID/smaps_rollup
    --minutes after the console started, side by side;
  - RSS growth of each over a --soak minutes run with 12 projects logging.
Needs pyte (pip install pyte); the SSH figure needs /usr/sbin/sshd, ssh and ssh-keygen.
"""
import argparse, fcntl, json, os, pty, pwd, select, shutil, socket, struct, subprocess, sys, tempfile, termios, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tui import TITLES, cpu_seconds, rss_kb, terminal_stream  # noqa: E402  (one reader of /proc for the benches)

try:
    import pyte
except ImportError:
    sys.exit("pyte is needed: pip install pyte")

WIDTH, HEIGHT = 200, 60
PROBE = "a-probe"            # sorts first, so its row is always on screen
QUIET = 'sleep 100000'
# About 1,000 lines a second: 100 lines, then a tenth of a second's rest.
LOGGER = 'i=0; while :; do j=0; while [ $j -lt 100 ]; do echo "line $i.$j of a steady log"; j=$((j+1)); done; i=$((i+1)); sleep 0.1; done'


def write_root(root, command, probe):
    for i in range(1, 13):
        d = os.path.join(root, f"svc{i:02d}")
        os.makedirs(d)
        with open(d + "/.vantage.toml", "w") as f:
            f.write(f"command = {json.dumps(command)}\n")
    if probe:
        d = os.path.join(root, PROBE)
        os.makedirs(d)
        with open(d + "/.vantage.toml", "w") as f:
            f.write(f"command = {json.dumps(QUIET)}\n")


def environment(home):
    env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8", VANTAGE_HOME=home,
               XDG_CONFIG_HOME=home + "/config", TZ="UTC", DOCKER_HOST="unix://" + home + "/no-docker.sock",
               VANTAGE_TIMEOUT="60")   # a daemon busy with the logging projects still answers the CLI's stop and launch
    env.pop("COLORTERM", None)
    return env


class Daemon:
    def __init__(self, binary, root, home):
        self.binary, self.home, self.env = binary, home, environment(home)
        os.makedirs(home, exist_ok=True)
        self.log = open(home + "/daemon.log", "w")
        self.proc = subprocess.Popen([binary, "daemon", "--root", root, "--refresh", "1"], env=self.env,
                                     stdout=subprocess.DEVNULL, stderr=self.log)
        for _ in range(400):
            if self.cli("ps", "--json").returncode == 0:
                return
            time.sleep(0.05)
        sys.exit("the daemon did not answer; its log: " + open(home + "/daemon.log").read())

    def cli(self, *args):
        return subprocess.run([self.binary, *args], env=self.env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(timeout=120)
        except subprocess.TimeoutExpired:
            print("the daemon did not stop within 120 s of SIGTERM; killed, with its projects", file=sys.stderr)
            children = [int(d) for d in os.listdir("/proc") if d.isdigit() and parent_of(int(d)) == self.proc.pid]
            self.proc.kill()
            self.proc.wait()
            for pid in children:   # a killed daemon leaves its projects for the next one to adopt
                try:
                    os.kill(pid, 9)
                except ProcessLookupError:
                    pass


def parent_of(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return int(f.read().rsplit(")", 1)[1].split()[1])
    except (OSError, ValueError, IndexError):
        return None


class Console:
    """The console in a pty of WIDTH x HEIGHT, its output fed to pyte."""

    def __init__(self, binary, args, env):
        self.screen, self.stream = terminal_stream(WIDTH, HEIGHT)
        self.started = time.monotonic()
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            # The size is set before the console starts (set after, it would race its first read).
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", HEIGHT, WIDTH, 0, 0))
            os.execve(binary, [binary, *args], env)
        self.screen.answer_fd = self.fd

    def pump(self, timeout):
        """Reads what is there within `timeout`; returns the time the last bytes came, or None."""
        r, _, _ = select.select([self.fd], [], [], timeout)
        if not r:
            return None
        try:
            data = os.read(self.fd, 1 << 20)
        except OSError:
            return None
        now = time.monotonic()
        self.stream.feed(data)
        return now

    def text(self):
        return "\n".join(self.screen.display)

    def row(self, name):
        """The grid row of project `name` (its name in the first columns; the timeline beside the
        grid can name it too), from the name on."""
        for line in self.screen.display:
            i = line.find(name)
            if 0 <= i < 12:
                return line[i:i + 50]
        return ""

    def wait(self, predicate, timeout):
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            t = self.pump(0.05)
            if t is not None and predicate(self):
                return t
        return None

    def stop(self):
        self.quit()

    def quit(self):
        try:
            os.write(self.fd, b"q")
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                pid, _ = os.waitpid(self.pid, os.WNOHANG)
                if pid:
                    return
                self.pump(0.1)
        except (OSError, ChildProcessError):
            return
        os.kill(self.pid, 9)


def smaps(pid):
    out = {}
    with open(f"/proc/{pid}/smaps_rollup") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2 and parts[0].endswith(":") and parts[1].isdigit():
                out[parts[0][:-1]] = int(parts[1])
    return out["Rss"], out["Pss"], out.get("Private_Clean", 0) + out.get("Private_Dirty", 0)


def percentile(values, p):
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]


def state_changes(sock, buf):
    """The probe's state changes read from the subscriber: [(time, new state)]."""
    out = []
    try:
        data = sock.recv(1 << 20)
    except BlockingIOError:
        return out, buf
    now = time.monotonic()
    buf += data
    *lines, buf = buf.split(b"\n")
    for line in lines:
        if b"stateChanged" not in line or PROBE.encode() not in line:
            continue
        found = []

        def walk(o):
            if isinstance(o, dict):
                if "stateChanged" in o and isinstance(o["stateChanged"], dict):
                    found.append(o["stateChanged"].get("to"))
                for v in o.values():
                    walk(v)
            elif isinstance(o, list):
                for v in o:
                    walk(v)
        walk(json.loads(line))
        out += [(now, s) for s in found if s]
    return out, buf


def latency(daemon, console, cycles, label):
    """Alternately stops and starts the probe; for each, the time from the subscriber reading the
    probe's last state change to the console's grid showing that state."""
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.connect(daemon.home + "/vantage.sock")
    sock.sendall(b'{"subscribe":{}}\n')
    sock.setblocking(False)
    buf = b""
    samples = []
    unseen_event = unseen_cell = 0
    for i in range(cycles):
        verb, target = ("stop", "stopped") if i % 2 == 0 else ("launch", "ready")
        cmd = subprocess.Popen([daemon.binary, verb, PROBE], env=daemon.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        t0 = t1 = None
        # A daemon busy with the logging projects can take seconds to carry the command out: the
        # wait ends 20 s after the command has returned (2 minutes at most).
        begun, end = time.monotonic(), time.monotonic() + 20
        while t1 is None and time.monotonic() < min(end, begun + 120):
            if cmd.poll() is None:
                end = time.monotonic() + 20
            r, _, _ = select.select([console.fd, sock], [], [], 0.05)
            if sock in r:
                got, buf = state_changes(sock, buf)
                t0 = t0 or next((t for t, state in got if state == target), None)
            if console.fd in r:
                t = console.pump(0)
                if t is not None and t0 is not None and target in console.row(PROBE):
                    t1 = t
            # The console can draw before the subscriber's read returns (both read the same
            # event): the cell already shows it, and the latency is below what this can see.
            if t0 is not None and t1 is None and target in console.row(PROBE):
                t1 = t0
        cmd.wait()
        if t0 is None:
            unseen_event += 1
        elif t1 is None:
            unseen_cell += 1
        else:
            samples.append((t1 - t0) * 1000)
        time.sleep(0.3)
    sock.close()
    if samples:
        print(f"event -> changed cell, {label}: p50 {percentile(samples, 50):.1f} ms, p99 {percentile(samples, 99):.1f} ms, "
              f"max {max(samples):.1f} ms over {len(samples)} changes"
              + (f" ({unseen_cell} not drawn, {unseen_event} not on the bus, within 20 s of the command's return)" if unseen_cell or unseen_event else ""))
    else:
        print(f"event -> changed cell, {label}: none drawn within 20 s of the command's return ({unseen_cell} changes on the bus not drawn, "
              f"{unseen_event} commands whose change the bus did not show)")


class LoopbackSSHD:
    """Debian's sshd on a free loopback port with fresh keys (as Tests/VantageEndToEndTests/LoopbackSSHD.swift)."""

    def __init__(self, folder):
        self.folder = folder
        os.makedirs(folder)
        for key in ("host_key", "user_key"):
            subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", f"{folder}/{key}"], check=True)
        shutil.copy(f"{folder}/user_key.pub", f"{folder}/authorized_keys")
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        self.port = s.getsockname()[1]
        s.close()
        self.user = pwd.getpwuid(os.getuid()).pw_name
        with open(f"{folder}/sshd_config", "w") as f:
            f.write(f"Port {self.port}\nListenAddress 127.0.0.1\nHostKey {folder}/host_key\nAuthorizedKeysFile {folder}/authorized_keys\n"
                    f"PidFile {folder}/sshd.pid\nStrictModes no\nUsePAM no\nPasswordAuthentication no\nPermitRootLogin prohibit-password\n")
        self.config = f"{folder}/ssh_config"
        with open(self.config, "w") as f:
            f.write(f"Host *\n  IdentityFile {folder}/user_key\n  IdentitiesOnly yes\n  StrictHostKeyChecking no\n"
                    "  UserKnownHostsFile /dev/null\n  LogLevel ERROR\n")
        if os.getuid() == 0:
            os.makedirs("/run/sshd", mode=0o755, exist_ok=True)
        self.proc = subprocess.Popen(["/usr/sbin/sshd", "-D", "-f", f"{folder}/sshd_config", "-E", f"{folder}/sshd.log"])
        for _ in range(100):
            if subprocess.run(["ssh", "-F", self.config, "-o", "BatchMode=yes", "-p", str(self.port), f"{self.user}@127.0.0.1", "true"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0:
                return
            time.sleep(0.1)
        sys.exit("the loopback sshd did not accept a session: " + open(f"{folder}/sshd.log").read())

    def stop(self):
        self.proc.terminate()
        self.proc.wait()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--minutes", type=float, default=2.0, help="memory is read this long after the console started")
    ap.add_argument("--soak", type=float, default=10.0, help="minutes of the RSS soak with 12 logging projects")
    ap.add_argument("--idle", type=float, default=30.0, help="seconds of the idle CPU window")
    ap.add_argument("--cycles", type=int, default=40, help="state changes measured per transport")
    a = ap.parse_args()
    work = tempfile.mkdtemp(prefix="vantage-bench-daemon-")
    # A copy: a rebuild while this runs must not change (or lock) the binary under measurement.
    shutil.copy(a.bin, work + "/vantage")
    a.bin = work + "/vantage"
    running = []             # daemons, consoles and sshd to end whatever happens
    try:
        # --- quiet workspace: first frame, idle CPU, memory ------------------------------------
        root, home = work + "/quiet", work + "/quiet-home"
        write_root(root, QUIET, probe=False)
        daemon = Daemon(a.bin, root, home)
        running.append(daemon)
        daemon.cli("launch", "--all")
        names = [f"svc{i:02d}" for i in range(1, 13)]
        console = Console(a.bin, ["--root", root, "--refresh", "1"], daemon.env)
        running.append(console)
        t = console.wait(lambda c: all(x in c.text() for x in TITLES + names), 30)
        if t is None:
            missing = [x for x in TITLES + names if x not in console.text()]
            print(f"console first full frame after attach: NOT REACHED within 30 s (missing: {', '.join(missing)})")
        else:
            print(f"console first full frame after attach (daemon running, 12 projects): {(t - console.started) * 1000:.1f} ms")
        settle = time.monotonic() + 10
        while time.monotonic() < settle:
            console.pump(0.2)
        c0, d0, w0 = cpu_seconds(console.pid), cpu_seconds(daemon.proc.pid), time.monotonic()
        while time.monotonic() < w0 + a.idle:
            console.pump(0.2)
        wall = time.monotonic() - w0
        print(f"idle CPU over {wall:.0f} s, 12 quiet running projects, 1 s refresh: console "
              f"{(cpu_seconds(console.pid) - c0) / wall * 100:.2f} %, daemon {(cpu_seconds(daemon.proc.pid) - d0) / wall * 100:.2f} % of a core")
        until = console.started + a.minutes * 60
        while time.monotonic() < until:
            console.pump(0.5)
        for label, pid in (("console", console.pid), ("daemon", daemon.proc.pid)):
            rss, pss, uss = smaps(pid)
            print(f"memory after {a.minutes:g} min side by side, {label}: RSS {rss / 1024:.1f} MB, PSS {pss / 1024:.1f} MB, USS {uss / 1024:.1f} MB")
        console.quit()
        daemon.stop()

        # --- logging workspace: latency over the socket and over SSH, soak ---------------------
        root, home = work + "/loud", work + "/loud-home"
        write_root(root, LOGGER, probe=True)
        daemon = Daemon(a.bin, root, home)
        running.append(daemon)
        daemon.cli("launch", "--all")
        time.sleep(3)
        have_ssh = os.access("/usr/sbin/sshd", os.X_OK) and shutil.which("ssh") and shutil.which("ssh-keygen")
        if have_ssh:
            sshd = LoopbackSSHD(work + "/ssh")
            running.append(sshd)
            program = work + "/remote-vantage"
            with open(program, "w") as f:
                f.write(f"#!/bin/sh\nVANTAGE_HOME='{home}' exec '{a.bin}' \"$@\"\n")
            os.chmod(program, 0o755)
            local_home = work + "/console-home"
            os.makedirs(local_home + "/root")
            env = dict(environment(local_home), VANTAGE_SSH_CONFIG=sshd.config)
            console = Console(a.bin, ["--root", local_home + "/root", "--refresh", "1", "--connect", f"ssh://{sshd.user}@127.0.0.1:{sshd.port}",
                                      "--remote-vantage", program], env)
            running.append(console)
            if console.wait(lambda c: PROBE in c.text(), 20) is None:
                print("SSH: the console did not show the remote projects\n" + console.text(), file=sys.stderr)
            else:
                latency(daemon, console, a.cycles, "SSH loopback, 12 projects x 1,000 lines/s")
            console.quit()
            sshd.stop()
        else:
            print("event -> changed cell over SSH: not measured (needs /usr/sbin/sshd, ssh and ssh-keygen: apt-get install openssh-server)")
        console = Console(a.bin, ["--root", root, "--refresh", "1"], daemon.env)
        running.append(console)
        console.wait(lambda c: PROBE in c.text(), 20)
        latency(daemon, console, a.cycles, "unix socket, 12 projects x 1,000 lines/s")
        warm = time.monotonic() + 20
        while time.monotonic() < warm:
            console.pump(0.2)
        start = {"console": rss_kb(console.pid), "daemon": rss_kb(daemon.proc.pid)}
        until = time.monotonic() + a.soak * 60
        while time.monotonic() < until:
            console.pump(0.5)
        for label, pid in (("console", console.pid), ("daemon", daemon.proc.pid)):
            end = rss_kb(pid)
            print(f"RSS growth over a {a.soak:g} min soak, 12 projects logging, {label}: {(end - start[label]) / 1024:+.2f} MB "
                  f"({start[label] / 1024:.1f} -> {end / 1024:.1f} MB)")
        console.quit()
        daemon.stop()
    finally:
        for p in reversed(running):
            try:
                p.stop()
            except Exception as e:  # noqa: BLE001  (the others are still ended)
                print(f"could not stop {p}: {e}", file=sys.stderr)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
