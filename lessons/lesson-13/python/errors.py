"""The tutorials' errors in concurrent code, measured: where an exception goes, and what
asyncio does with the other tasks when one fails.

Usage: python3 errors.py [UNIT]   (default: 0.1 seconds)
Five fetches of 4, 9, 3, 7 and 6 units, the third failing (like lessons/lesson-13's Rust), and a
thread and a task that raise. Prints one JSON line for lessons/lesson-13 to read.
"""

import asyncio
import gc
import json
import platform
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

UNITS = [("page-1", 4), ("page-2", 9), ("page-3", 3), ("page-4", 7), ("page-5", 6)]


def threads():
    """An exception in a threading.Thread: printed by threading.excepthook, then lost."""
    seen = []
    threading.excepthook = lambda args: seen.append(str(args.exc_value))  # instead of printing

    def parse(page):
        raise ValueError(f"page {page} is corrupt")

    worker = threading.Thread(target=parse, args=(3,))
    worker.start()
    worker.join()  # returns normally: the caller is not told
    with ThreadPoolExecutor() as pool:
        future = pool.submit(parse, 4)
        try:
            future.result()
            reraised = None
        except ValueError as error:  # the executor keeps it, and result() raises it again
            reraised = str(error)
    return {"thread_join_raised": False, "thread_hook_saw": len(seen), "executor_reraised": reraised}


async def fetch(url, units, unit, ended, started):
    try:
        await asyncio.sleep(units * unit)
        if url == "page-3":
            raise LookupError(f"{url}: not found")
        return url
    finally:  # runs when the fetch ends, and when it is cancelled
        ended[url] = time.perf_counter() - started


def fetches(unit, ended, started):
    return [fetch(url, units, unit, ended, started) for url, units in UNITS]


async def gather_fail_fast(unit):
    """gather raises the first exception, but does not cancel the other tasks."""
    ended, started = {}, time.perf_counter()
    try:
        await asyncio.gather(*fetches(unit, ended, started))
    except LookupError:
        raised = time.perf_counter() - started
    await asyncio.sleep(7 * unit)  # time for the others to end (9 units): do they run on?
    return raised, max(ended.values()) - ended["page-3"]


async def gather_values(unit):
    """return_exceptions=True: every result, exceptions as values, once all are done."""
    ended, started = {}, time.perf_counter()
    results = await asyncio.gather(*fetches(unit, ended, started), return_exceptions=True)
    errors = [r for r in results if isinstance(r, BaseException)]
    return time.perf_counter() - started, len(errors)


async def task_group(unit):
    """asyncio.TaskGroup (3.11+): the first exception cancels the other tasks."""
    ended, started = {}, time.perf_counter()
    try:
        async with asyncio.TaskGroup() as group:
            for coroutine in fetches(unit, ended, started):
                group.create_task(coroutine)
    except Exception:  # an ExceptionGroup holding the LookupError (no `except*` before 3.11)
        pass
    raised = time.perf_counter() - started
    await asyncio.sleep(7 * unit)
    return raised, max(ended.values()) - ended["page-3"]


async def never_retrieved(unit):
    """A task whose exception nobody retrieves: reported only when it is garbage-collected."""
    messages = []
    asyncio.get_running_loop().set_exception_handler(
        lambda loop, context: messages.append(context["message"])
    )
    task = asyncio.create_task(fetch("page-3", 1, unit, {}, time.perf_counter()))
    await asyncio.sleep(2 * unit)
    del task
    gc.collect()
    return messages


async def tasks(unit):
    report = {}
    raised, ran_on = await gather_fail_fast(unit)
    report.update(gather_raised_seconds=raised, gather_others_ran_on_seconds=ran_on)
    returned, errors = await gather_values(unit)
    report.update(return_exceptions_seconds=returned, return_exceptions_errors=errors)
    if sys.version_info >= (3, 11):
        raised, ran_on = await task_group(unit)
        report.update(task_group_raised_seconds=raised, task_group_others_ran_on_seconds=ran_on)
    report["never_retrieved"] = await never_retrieved(unit)
    return report


if __name__ == "__main__":
    unit = float(sys.argv[1]) if len(sys.argv) > 1 else 0.1
    report = {"python": platform.python_version()}
    report.update(threads())
    report.update(asyncio.run(tasks(unit)))
    print(json.dumps(report))
