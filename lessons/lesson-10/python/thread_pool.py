"""The tutorials' web scraping: `ThreadPoolExecutor(max_workers=WORKERS)` mapping a fetch over
a list of pages, here with the standard library's urllib.request (requests is not installed
everywhere), against the lesson's own server on 127.0.0.1.

Usage: python3 thread_pool.py BASE_URL PAGES WORKERS
Fetches BASE_URL/page/1 ... BASE_URL/page/PAGES and prints one JSON line for lessons/lesson-10
to read: the wall time, and how many pages answered 200.
"""

import json
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor


def fetch(url):
    with urllib.request.urlopen(url, timeout=30) as response:
        response.read()
        return response.status


def main(base, pages, workers):
    urls = [f"{base}/page/{n}" for n in range(1, pages + 1)]
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        statuses = list(pool.map(fetch, urls))
    seconds = time.perf_counter() - started
    print(json.dumps({"seconds": seconds, "ok": statuses.count(200)}))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
