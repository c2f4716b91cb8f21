"""The tutorials' mixed pipeline as they write it: stage 1 downloads every page in a
ThreadPoolExecutor, then stage 2 analyses them all in a ProcessPoolExecutor.

Usage: python3 two_stages.py BASE PAGES LATENCY_MS BYTES LIMIT ANALYSIS_MS
Downloads BASE/data/ID?ms=LATENCY_MS&bytes=BYTES for ID in 0..PAGES (the lesson's server on
127.0.0.1), LIMIT at once, then analyses each page with as many terms of sum(i * i) as take
about ANALYSIS_MS in this interpreter (measured first), one process per core. Prints one JSON
line for lessons/lesson-11 to read: the total time (the process pool's start included, as the
tutorials' program pays it) and each stage's.
"""

import concurrent.futures
import json
import os
import sys
import time
import urllib.request


def download(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode()


def analyse(job):
    page, terms = job
    words = len(page.split())
    return words + sum(i * i for i in range(terms))


def terms_for(millis):
    trial = 200_000
    best = min(_timed(trial) for _ in range(3))
    return max(1, int(trial * (millis / 1000) / best))


def _timed(terms):
    started = time.perf_counter()
    sum(i * i for i in range(terms))
    return time.perf_counter() - started


def main(base, pages, latency_ms, size, limit, analysis_ms):
    urls = [f"{base}/data/{i}?ms={latency_ms}&bytes={size}" for i in range(pages)]
    terms = terms_for(analysis_ms)
    started = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(max_workers=limit) as pool:
        texts = list(pool.map(download, urls))  # stage 1: every page...
    downloaded = time.perf_counter()
    with concurrent.futures.ProcessPoolExecutor() as pool:
        reports = list(pool.map(analyse, [(text, terms) for text in texts]))  # ...then stage 2
    finished = time.perf_counter()
    print(json.dumps({
        "seconds": finished - started,
        "download_seconds": downloaded - started,
        "analysis_seconds": finished - downloaded,
        "pages": len(reports),
        "processes": os.cpu_count(),
    }))


if __name__ == "__main__":  # a process pool re-imports this file in each worker
    base, pages, latency_ms, size, limit, analysis_ms = sys.argv[1:7]
    main(base, int(pages), int(latency_ms), int(size), int(limit), int(analysis_ms))
