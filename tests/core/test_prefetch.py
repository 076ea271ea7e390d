"""The read-ahead thread: same items in order, errors raised in the caller, no thread left when the caller stops."""
from __future__ import annotations

import threading
from contextlib import nullcontext

import pytest
from sdg_monitor.core.prefetch import prefetch


def prefetch_threads() -> list[threading.Thread]:
    return [thread for thread in threading.enumerate() if thread.name == "sdg-prefetch"]


def source(n: int, log: list[str], fail_at: int | None = None):
    """0..n-1, noting the thread that produces each item and the one that closes the source."""
    try:
        for i in range(n):
            if i == fail_at:
                raise ValueError(f"bad item {i}")
            log.append(threading.current_thread().name)
            yield i
    finally:
        log.append("closed in " + threading.current_thread().name)


def test_same_items_in_order_produced_in_the_worker():
    log: list[str] = []
    assert list(prefetch(source(50, log))) == list(range(50))
    assert set(log[:-1]) == {"sdg-prefetch"} and log[-1] == "closed in sdg-prefetch"
    assert not prefetch_threads()
    assert list(prefetch(iter([]))) == []


def test_an_error_of_the_source_is_raised_in_the_caller_and_the_thread_ends():
    log: list[str] = []
    items = prefetch(source(10, log, fail_at=3))
    assert [next(items) for _ in range(3)] == [0, 1, 2]
    with pytest.raises(ValueError, match="bad item 3"):
        next(items)
    assert not prefetch_threads()
    assert log[-1] == "closed in sdg-prefetch"


@pytest.mark.parametrize("stop", ["break", "raise"])
def test_a_caller_that_stops_early_stops_and_joins_the_thread(stop):
    log: list[str] = []
    items = prefetch(source(1000, log))
    with pytest.raises(RuntimeError) if stop == "raise" else nullcontext():
        for i in items:
            if i == 2:
                if stop == "raise":
                    raise RuntimeError("the caller fails")
                break
    items.close()  # what the end of the caller's frame does (the algorithms close it with contextlib.closing)
    assert not prefetch_threads()
    assert log[-1] == "closed in sdg-prefetch"
    assert len(log) <= 6  # read ahead by one or two items, not to the end

