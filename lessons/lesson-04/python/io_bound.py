"""The tutorials' I/O-bound example: download_file(url) waits on the network (a sleep here),
one after another and on threads. A thread blocked in time.sleep (or a socket read) releases
the GIL, so the waits overlap.

Usage: python3 io_bound.py [LATENCY_SECONDS] [DOWNLOADS]   (defaults: 0.2 4)
Prints one JSON line with the timings in seconds, for lessons/lesson-04 to read.
"""

import json
import platform
import sys
import time
from concurrent.futures import ThreadPoolExecutor


def download_file(url, latency):
    time.sleep(latency)  # the network; the GIL is released while the thread sleeps
    return f"contents of {url}"


def main():
    latency = float(sys.argv[1]) if len(sys.argv) > 1 else 0.2
    urls = [f"file-{i}.csv" for i in range(1, 1 + (int(sys.argv[2]) if len(sys.argv) > 2 else 4))]
    report = {"python": platform.python_version(), "latency": latency, "downloads": len(urls)}

    started = time.perf_counter()
    pages = [download_file(url, latency) for url in urls]
    report["sequential"] = time.perf_counter() - started

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=len(urls)) as pool:
        threaded = list(pool.map(lambda url: download_file(url, latency), urls))
    report["threads"] = time.perf_counter() - started

    assert threaded == pages
    print(json.dumps(report))


if __name__ == "__main__":
    main()
