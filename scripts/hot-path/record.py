#!/usr/bin/env python3
"""Records which code the dashboard runs in its steady state and writes Sources/vantage/hot-functions.order,
the symbol ordering file the release link gives lld (see Package.swift and docs/DECISIONS.md).

  python3 scripts/hot-path/record.py [--settle 12] [--trace 90]

1. Links the release binary with a link map.
2. Opens the dashboard on examples/ in a pty of 120x40, waits --settle seconds for start-up to end,
   then puts a one-shot breakpoint on every function (hottrace.c) and records, for --trace seconds,
   which ones run. 90 s covers the minute-long periodic work (the council, the analyzer's poll).
3. Maps each function reached to the input section that holds it. Functions compiled with
   -function-sections (Vantage's modules, the static Swift runtime and Foundation) are listed one by
   one, in the order they were first reached; then come the whole-object `.text` sections of
   dependencies built without it (GRDB, NIO...) that hold reached code, so those at least sit
   together. Each is named by a symbol no other section defines, so lld moves exactly that section.
4. Links again with the new order and prints how compact the reached code is.

Needs root or ptrace rights over the child (it is our own child, so the default Yama scope 1 allows it).
Run it after changes that move the steady-state code a lot; a stale file only makes the layout
worse (unknown names are skipped), never the program wrong.
"""
import argparse, bisect, collections, fcntl, os, pty, re, struct, subprocess, sys, tempfile, termios, threading, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ORDER = os.path.join(ROOT, "Sources/vantage/hot-functions.order")


def build(extra=()):
    run = subprocess.run(["swift", "build", "-c", "release", *extra], cwd=ROOT, capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(run.stdout + run.stderr + "\nrecord.py: the release build failed (above)")
    return subprocess.check_output(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, text=True).strip() + "/vantage"


def parse_map(path):
    """Input sections of the output .text: (start, size, label, [(address, symbol)])."""
    sections, current, in_text = [], None, False
    line_re = re.compile(r"\s*([0-9a-f]+)\s+[0-9a-f]+\s+([0-9a-f]+)\s+\d+ (\s*)(.*)")
    for line in open(path, errors="replace"):
        m = line_re.match(line)
        if not m:
            continue
        indent, name = len(m.group(3)), m.group(4)
        if indent == 0:
            in_text = name == ".text"
            current = None
        elif in_text and indent == 8:
            current = (int(m.group(1), 16), int(m.group(2), 16), name, [])
            sections.append(current)
        elif in_text and indent == 16 and current is not None:
            current[3].append((int(m.group(1), 16), name))
    return sections


def trace(binary, settle, seconds, workdir):
    functions = set()
    for line in subprocess.check_output(["nm", "--defined-only", binary], text=True, errors="replace").splitlines():
        parts = line.split(None, 2)
        if len(parts) == 3 and parts[1] in "tTW":
            functions.add(int(parts[0], 16))
    tracer = os.path.join(workdir, "hottrace")
    subprocess.check_call(["clang", "-O2", "-o", tracer, os.path.join(ROOT, "scripts/hot-path/hottrace.c")])
    home = tempfile.mkdtemp(prefix="vantage-hot-")
    env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8", VANTAGE_HOME=home,
               XDG_CONFIG_HOME=home + "/config")
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(binary, [binary, "--root", os.path.join(ROOT, "examples"), "--refresh", "1"], env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))

    def drain():
        while True:
            try:
                os.read(fd, 65536)
            except OSError:
                return
    threading.Thread(target=drain, daemon=True).start()
    time.sleep(settle)
    base = 0
    if "DYN" in subprocess.check_output(["readelf", "-h", binary], text=True):   # position-independent
        for line in open(f"/proc/{pid}/maps"):
            f = line.split()
            if len(f) >= 6 and os.path.realpath(f[5]) == os.path.realpath(binary) and int(f[2], 16) == 0:
                base = int(f[0].split("-")[0], 16)
                break
    addresses, reached = os.path.join(workdir, "addresses"), os.path.join(workdir, "reached")
    with open(addresses, "w") as out:
        out.writelines(f"{a + base:x}\n" for a in functions)
    subprocess.check_call([tracer, str(pid), addresses, str(seconds), reached])
    os.waitpid(pid, 0)
    return [int(l, 16) - base for l in open(reached)]


def order(sections, reached):
    starts = [s[0] for s in sections]
    defined = collections.Counter(sym for s in sections for _, sym in s[3])
    hot, seen = [], set()
    for address in reached:
        i = bisect.bisect_right(starts, address) - 1
        if i >= 0 and address < sections[i][0] + sections[i][1] and i not in seen:
            seen.add(i)
            hot.append(sections[i])
    whole_object = lambda s: s[2].endswith(":(.text)")
    names, sizes = [], collections.Counter()
    for section in [s for s in hot if not whole_object(s)] + [s for s in hot if whole_object(s)]:
        symbols = [sym for _, sym in section[3]]
        if not symbols:
            continue
        unique = [sym for sym in symbols if defined[sym] == 1]
        names.append(unique[0] if unique else symbols[0])
        sizes["object .text" if whole_object(section) else "function"] += section[1]
    return names, sizes


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--settle", type=float, default=12)
    ap.add_argument("--trace", type=float, default=90)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="vantage-hot-path-") as workdir:
        link_map = os.path.join(workdir, "vantage.map")
        binary = build(["-Xlinker", f"-Map={link_map}", "-Xlinker", "--no-demangle"])
        print(f"tracing {binary} for {a.trace:.0f} s after {a.settle:.0f} s of start-up ...", file=sys.stderr)
        reached = trace(binary, a.settle, a.trace, workdir)
        names, sizes = order(parse_map(link_map), reached)
    with open(ORDER, "w") as out:
        out.write("# The code the dashboard runs every refresh, in the order it first ran; made by\n")
        out.write("# scripts/hot-path/record.py. lld lays these sections out first (Package.swift).\n")
        out.writelines(n + "\n" for n in names)
    print(f"{len(reached)} functions reached; {len(names)} sections ordered: "
          f"{sizes['function'] // 1024} KB of functions, {sizes['object .text'] // 1024} KB of whole-object .text")
    build()


if __name__ == "__main__":
    main()
