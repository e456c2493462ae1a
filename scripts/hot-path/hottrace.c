// hottrace: which functions does a running process execute?
//
//   hottrace PID ADDRESSES SECONDS OUT
//
// Puts a one-shot breakpoint (int3) on every function entry listed in ADDRESSES (hex, one per line)
// in the running process PID and all its threads, lets it run for SECONDS, and writes the entries
// that were reached to OUT (hex, in the order they were first reached). Each breakpoint is removed
// the first time it is hit, so a function costs one trap, however often it runs. The process is
// killed at the end (its code was patched). Used by scripts/hot-path/record.py; Linux x86-64 only.
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

enum { unset, armed, reached };
typedef struct { uint64_t address; unsigned char original; int state; } Breakpoint;

static Breakpoint *points;
static size_t count;

static int byAddress(const void *a, const void *b) {
  uint64_t x = ((const Breakpoint *)a)->address, y = ((const Breakpoint *)b)->address;
  return x < y ? -1 : x > y;
}

static Breakpoint *find(uint64_t address) {
  size_t low = 0, high = count;
  while (low < high) {
    size_t middle = (low + high) / 2;
    if (points[middle].address < address) low = middle + 1; else high = middle;
  }
  return low < count && points[low].address == address ? &points[low] : NULL;
}

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec / 1e9;
}

/// Calls `each` for every thread of `pid`.
static void forEachThread(pid_t pid, void (*each)(pid_t)) {
  char path[64];
  snprintf(path, sizeof path, "/proc/%d/task", pid);
  DIR *dir = opendir(path);
  if (!dir) { perror(path); exit(1); }
  struct dirent *entry;
  while ((entry = readdir(dir)))
    if (entry->d_name[0] != '.') each(atoi(entry->d_name));
  closedir(dir);
}

static void attach(pid_t tid) {
  if (ptrace(PTRACE_SEIZE, tid, 0, PTRACE_O_TRACECLONE) != 0) { perror("hottrace: PTRACE_SEIZE"); return; }
  ptrace(PTRACE_INTERRUPT, tid, 0, 0);
  int status;
  waitpid(tid, &status, __WALL);
}

static void resume(pid_t tid) { ptrace(PTRACE_CONT, tid, 0, 0); }

int main(int argc, char **argv) {
  if (argc != 5) { fprintf(stderr, "usage: hottrace PID ADDRESSES SECONDS OUT\n"); return 2; }
  pid_t pid = atoi(argv[1]);
  double seconds = atof(argv[3]);
  FILE *in = fopen(argv[2], "r");
  if (!in) { perror(argv[2]); return 1; }
  size_t capacity = 1 << 16;
  points = malloc(capacity * sizeof *points);
  char line[256];
  while (fgets(line, sizeof line, in)) {
    if (count == capacity) { capacity *= 2; points = realloc(points, capacity * sizeof *points); }
    points[count].address = strtoull(line, NULL, 16);
    points[count].state = unset;
    count++;
  }
  fclose(in);
  qsort(points, count, sizeof *points, byAddress);
  size_t *order = malloc((count + 1) * sizeof *order), reachedCount = 0;

  forEachThread(pid, attach);
  char path[64];
  snprintf(path, sizeof path, "/proc/%d/mem", pid);
  int memory = open(path, O_RDWR);
  if (memory < 0) { perror(path); return 1; }
  size_t armedCount = 0;
  const unsigned char trap = 0xCC;
  for (size_t i = 0; i < count; i++) {
    if (i > 0 && points[i].address == points[i - 1].address) continue;
    if (pread(memory, &points[i].original, 1, points[i].address) != 1) continue;
    if (pwrite(memory, &trap, 1, points[i].address) != 1) continue;
    points[i].state = armed;
    armedCount++;
  }
  fprintf(stderr, "hottrace: %zu of %zu breakpoints armed\n", armedCount, count);
  forEachThread(pid, resume);

  double end = now() + seconds;
  while (now() < end) {
    int status;
    pid_t tid = waitpid(-1, &status, __WALL | WNOHANG);
    if (tid == 0) { usleep(200); continue; }
    if (tid < 0) { if (errno == EINTR) continue; perror("hottrace: waitpid"); break; }
    if (WIFEXITED(status) || WIFSIGNALED(status)) { if (tid == pid) break; continue; }
    if (!WIFSTOPPED(status)) continue;
    int signal = WSTOPSIG(status);
    if (status >> 16) { ptrace(PTRACE_CONT, tid, 0, 0); continue; }   // clone and other ptrace events
    if (signal == SIGTRAP) {
      struct user_regs_struct registers;
      ptrace(PTRACE_GETREGS, tid, 0, &registers);
      Breakpoint *hit = find(registers.rip - 1);
      if (hit && hit->state != unset) {
        if (hit->state == armed) {
          pwrite(memory, &hit->original, 1, hit->address);
          hit->state = reached;
          order[reachedCount++] = (size_t)(hit - points);
        }
        registers.rip -= 1;   // run the restored instruction
        ptrace(PTRACE_SETREGS, tid, 0, &registers);
        ptrace(PTRACE_CONT, tid, 0, 0);
        continue;
      }
    }
    ptrace(PTRACE_CONT, tid, 0, signal == SIGSTOP ? 0 : signal);
  }
  FILE *out = fopen(argv[4], "w");
  if (!out) { perror(argv[4]); return 1; }
  for (size_t i = 0; i < reachedCount; i++) fprintf(out, "%llx\n", (unsigned long long)points[order[i]].address);
  fclose(out);
  fprintf(stderr, "hottrace: %zu functions reached in %.0f s\n", reachedCount, seconds);
  kill(pid, SIGKILL);
  return 0;
}
