"""The tutorials' two benchmarks, written their way: DOWNLOADS downloads of URL (the lesson's
server answers its /delay page after the delay) and JOBS x compute(SIZE), each one after
another, on threads, on processes and with asyncio. asyncio downloads through its own streams
(the tutorials use aiohttp, which is not in the standard library). The CPU benchmark runs each
way three times in turns and keeps the best: the run least disturbed by other programs.

Usage: python3 benchmarks.py URL [DOWNLOADS] [SIZE] [JOBS]   (defaults: 5 5000000 4)
Prints one JSON line with the timings in seconds, for lessons/lesson-12 to read.
"""

import asyncio
import json
import platform
import sys
import time
import urllib.request
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from urllib.parse import urlsplit


def download(url):
    with urllib.request.urlopen(url, timeout=30) as response:
        return len(response.read())


async def download_async(url):
    parts = urlsplit(url)
    reader, writer = await asyncio.open_connection(parts.hostname, parts.port)
    request = f"GET {parts.path} HTTP/1.1\r\nHost: {parts.netloc}\r\nConnection: close\r\n\r\n"
    writer.write(request.encode())
    await writer.drain()
    response = await reader.read()  # the server closes the connection after the page
    writer.close()
    await writer.wait_closed()
    return len(response.split(b"\r\n\r\n", 1)[1])


def compute(n):
    return sum(i * i for i in range(n))


async def compute_async(n):
    return compute(n)  # no await inside: the event loop runs nothing else meanwhile


def timed(run, args):
    started = time.perf_counter()
    results = run(args)
    return time.perf_counter() - started, results


def benchmark(report, prefix, job, job_async, args, repeats):
    def sequential(args):
        return [job(a) for a in args]

    def threads(args):
        with ThreadPoolExecutor(max_workers=len(args)) as pool:
            return list(pool.map(job, args))

    def processes(args):
        with ProcessPoolExecutor() as pool:  # one worker a core, started inside the timing
            return list(pool.map(job, args))

    def with_asyncio(args):
        async def gather():
            return await asyncio.gather(*(job_async(a) for a in args))

        return asyncio.run(gather())

    expected = None
    runs = [("sequential", sequential), ("threads", threads), ("processes", processes),
            ("asyncio", with_asyncio)]
    best = {}
    for _ in range(repeats):  # in turns, the best kept: the run least disturbed by others
        for name, run in runs:
            seconds, results = timed(run, args)
            expected = expected or results
            assert list(results) == expected, f"{prefix} {name} computed different results"
            best[name] = min(seconds, best.get(name, seconds))
    for name, seconds in best.items():
        report[f"{prefix}_{name}"] = seconds


def main():
    url = sys.argv[1]
    downloads = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    size = int(sys.argv[3]) if len(sys.argv) > 3 else 5_000_000
    jobs = int(sys.argv[4]) if len(sys.argv) > 4 else 4
    report = {
        "python": platform.python_version(),
        # sys._is_gil_enabled exists from 3.13; older interpreters always have the GIL.
        "gil_enabled": getattr(sys, "_is_gil_enabled", lambda: True)(),
        "downloads": downloads,
        "size": size,
        "jobs": jobs,
    }
    benchmark(report, "io", download, download_async, [url] * downloads, 1)
    benchmark(report, "cpu", compute, compute_async, [size] * jobs, 3)
    print(json.dumps(report))


if __name__ == "__main__":
    main()
