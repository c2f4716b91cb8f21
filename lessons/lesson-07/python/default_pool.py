"""The tutorials' thread pool for downloads at its default size: ThreadPoolExecutor() with no
max_workers has min(32, os.cpu_count() + 4) workers. Fifty downloads (a sleep stands for the
network) on that pool, then on a pool of 50.

Usage: python3 default_pool.py [LATENCY_SECONDS] [DOWNLOADS]   (defaults: 0.2 50)
Prints one JSON line with the timings in seconds, for lessons/lesson-07 to read.
"""

import json
import os
import platform
import sys
import time
from concurrent.futures import ThreadPoolExecutor

latency = 0.2


def download_file(url):
    time.sleep(latency)  # the network
    return f"contents of {url}"


def main():
    global latency
    latency = float(sys.argv[1]) if len(sys.argv) > 1 else 0.2
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 50
    urls = [f"https://example.com/file-{i}.csv" for i in range(count)]
    report = {"python": platform.python_version(), "cores": os.cpu_count(),
              "latency": latency, "downloads": count}

    started = time.perf_counter()
    with ThreadPoolExecutor() as pool:  # the default size
        report["default_workers"] = pool._max_workers
        pages = list(pool.map(download_file, urls))
    report["default"] = time.perf_counter() - started

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=count) as pool:
        assert list(pool.map(download_file, urls)) == pages
    report["one_per_download"] = time.perf_counter() - started
    print(json.dumps(report))


if __name__ == "__main__":
    main()
