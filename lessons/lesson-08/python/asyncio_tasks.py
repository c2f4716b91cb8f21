"""The tutorials' asyncio at scale: N tasks each doing `await asyncio.sleep(SECONDS)`.

Usage: python3 asyncio_tasks.py [TASKS] [SECONDS]   (defaults: 100000 1.0)
Prints one JSON line for lessons/lesson-08 to read: the wall time from the first create_task
to the end of gather, and the growth of the resident set (VmRSS in /proc/self/status) between
just before the first task and the moment all are asleep, per task, in kB (1000 bytes).
"""

import asyncio
import json
import platform
import sys
import time


def resident_bytes():
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


async def main(tasks, seconds):
    before = resident_bytes()
    started = time.perf_counter()
    running = [asyncio.create_task(asyncio.sleep(seconds)) for _ in range(tasks)]
    await asyncio.sleep(0)  # one turn of the loop: every task has started and is asleep
    during = resident_bytes()
    await asyncio.gather(*running)
    elapsed = time.perf_counter() - started
    report = {"python": platform.python_version(), "tasks": tasks, "seconds": elapsed}
    if before is not None and during is not None and tasks > 0:
        report["kb_each"] = (during - before) / 1000 / tasks
    print(json.dumps(report))


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    nap = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
    asyncio.run(main(count, nap))
