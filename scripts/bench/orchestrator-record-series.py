#!/usr/bin/env python3
"""Records real usage series for the forecast benchmark: the RSS of a process that leaks memory at an
uneven rate, and the CPU share (from /proc/PID/schedstat, in ns) of a process whose load ramps up, sampled every 0.25 s.
Usage: orchestrator-record-series.py OUTDIR [seconds]"""
import os, random, subprocess, sys, time

out = sys.argv[1]
seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 75
os.makedirs(out, exist_ok=True)
leaker = subprocess.Popen([sys.executable, "-c", """
import random, time
keep = []
while True:
    keep.append(bytearray(random.randint(0, 120_000)))
    if random.random() < 0.05 and len(keep) > 20: del keep[:random.randint(1, 10)]
    time.sleep(0.05)
"""])
ramp = subprocess.Popen([sys.executable, "-c", f"""
import random, time
start = time.time()
while True:
    duty = min(0.9, 0.1 + 0.8 * (time.time() - start) / {seconds}) * random.uniform(0.7, 1.1)
    t = time.time()
    while time.time() - t < 0.05 * duty: pass
    time.sleep(max(0.0, 0.05 * (1 - duty)))
"""])
tick = 1e9
page = os.sysconf("SC_PAGE_SIZE")
def cpu_ticks(pid):
    # Nanoseconds on CPU (the precision of the cgroup's cpuacct.usage the supervisor reads).
    return int(open(f"/proc/{pid}/schedstat").read().split()[0])
def rss(pid):
    return int(open(f"/proc/{pid}/statm").read().split()[1]) * page
mem, cpu = [], []
last = cpu_ticks(ramp.pid); last_t = time.time()
end = time.time() + seconds
while time.time() < end:
    time.sleep(0.25)
    now = time.time(); c = cpu_ticks(ramp.pid)
    cpu.append(100.0 * (c - last) / tick / (now - last_t)); last, last_t = c, now
    mem.append(rss(leaker.pid))
leaker.kill(); ramp.kill()
open(os.path.join(out, "memory-leak.csv"), "w").write("\n".join(str(v) for v in mem) + "\n")
open(os.path.join(out, "cpu-ramp.csv"), "w").write("\n".join(f"{v:.2f}" for v in cpu) + "\n")
print(f"recorded {len(mem)} samples each in {out}")
