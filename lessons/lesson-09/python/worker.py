"""A worker process in Python for lesson 09: the same JSON lines as the lesson's Rust worker.

Reads one job a line on stdin, such as {"id": 0, "task": {"sum": {"terms": 1000000}}}, and
answers each with one line on stdout: {"job": 0, "pid": ..., "value": ..., "started_us": ...,
"ended_us": ...}. The Rust parent starts it with instruments::process::Worker, as it starts its
own binary: any program that reads and writes lines can be a worker.
"""

import json
import os
import sys
import time


def compute_heavy(n):
    return sum(i * i for i in range(n))


def micros():
    return time.time_ns() // 1000


if __name__ == "__main__":
    for line in sys.stdin:
        job = json.loads(line)
        started = micros()
        terms = job["task"]["sum"]["terms"]
        # Rust's u64 wraps; Python's int does not: keep the low 64 bits to match.
        value = compute_heavy(terms) % 2**64
        answer = {"job": job["id"], "pid": os.getpid(), "value": value,
                  "started_us": started, "ended_us": micros()}
        print(json.dumps(answer), flush=True)
