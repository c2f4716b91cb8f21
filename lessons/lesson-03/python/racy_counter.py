"""The tutorials' race: four threads run `counter += 1` a million times each on one global
counter, with no lock. Three ways, each run several times, reporting per run the updates lost:

  plain   the tutorials' program as written
  switch  the same after sys.setswitchinterval(1e-6), which asks the interpreter to hand the GIL
          to another thread as often as it can
  call    the loop body as `counter = add_one(counter)`: a call between the read and the write,
          a place where CPython may switch threads (default switch interval)

Usage: python3 racy_counter.py [PER_THREAD] [RUNS]   (defaults: 1000000 10)
Prints one JSON line for lessons/lesson-03 to read.
"""

import json
import platform
import sys
import threading

counter = 0


def increment(n):
    global counter
    for _ in range(n):
        counter += 1  # read counter, add 1, write counter back


def add_one(value):
    return value + 1


def increment_with_a_call(n):
    global counter
    for _ in range(n):
        counter = add_one(counter)  # read, call (a switch point), write


def updates_lost(target, n, threads=4):
    global counter
    counter = 0
    workers = [threading.Thread(target=target, args=(n,)) for _ in range(threads)]
    for t in workers:
        t.start()
    for t in workers:
        t.join()
    return threads * n - counter


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    default = sys.getswitchinterval()
    report = {"python": platform.python_version(), "threads": 4, "per_thread": n, "runs": runs}
    report["plain"] = [updates_lost(increment, n) for _ in range(runs)]
    sys.setswitchinterval(1e-6)
    report["switch"] = [updates_lost(increment, n) for _ in range(runs)]
    sys.setswitchinterval(default)
    report["call"] = [updates_lost(increment_with_a_call, n) for _ in range(runs)]
    print(json.dumps(report))


if __name__ == "__main__":
    main()
