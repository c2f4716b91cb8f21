"""The tutorials' CPU-bound example: compute(n) four times, one after another, on threads, and
on processes. Under the GIL the threads take turns; each process has its own interpreter and GIL.

Usage: python3 cpu_bound.py [SIZE] [JOBS]   (defaults: 5000000 4)
Prints one JSON line with the timings in seconds, for lessons/lesson-04 to read.
"""

import json
import platform
import sys
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor


def compute(n):
    return sum(i * i for i in range(n))


def timed(run):
    started = time.perf_counter()
    results = run()
    return time.perf_counter() - started, results


def sequential(jobs):
    return [compute(n) for n in jobs]


def threads(jobs):
    with ThreadPoolExecutor(max_workers=len(jobs)) as pool:
        return list(pool.map(compute, jobs))


def processes(jobs):
    # The default pool size is the number of cores. The timing includes starting the workers,
    # as the tutorials' `with ProcessPoolExecutor() as pool:` block does.
    with ProcessPoolExecutor() as pool:
        return list(pool.map(compute, jobs))


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 5_000_000
    jobs = [size] * (int(sys.argv[2]) if len(sys.argv) > 2 else 4)
    report = {
        "python": platform.python_version(),
        # sys._is_gil_enabled exists from 3.13; older interpreters always have the GIL.
        "gil_enabled": getattr(sys, "_is_gil_enabled", lambda: True)(),
        "switch_interval": sys.getswitchinterval(),
        "size": size,
        "jobs": len(jobs),
    }
    expected = None
    for name, run in [("sequential", sequential), ("threads", threads), ("processes", processes)]:
        seconds, results = timed(lambda: run(jobs))
        expected = expected or results
        assert results == expected, f"{name} computed different results"
        report[name] = seconds
    print(json.dumps(report))


if __name__ == "__main__":
    main()
