"""Read ahead in one background thread: the next item of an iterator is produced while the caller works on this one.

Worth it where producing an item releases the GIL (GDAL decompressing a strip, rasterizing zones) and the caller
reduces it with numpy: the two then overlap on two cores. The iterator is advanced, and closed, only in the worker
thread, so objects it alone uses (a GDAL dataset it opened) are never used from two threads at once.
"""
from __future__ import annotations

import queue
import threading
from typing import Iterable, Iterator, TypeVar

T = TypeVar("T")

_DONE = object()


class _Failure:
    """An exception raised in the worker, handed to the caller's thread."""

    def __init__(self, error: BaseException) -> None:
        self.error = error


def prefetch(items: Iterable[T]) -> Iterator[T]:
    """The items of ``items`` in order, each produced in a worker thread while the caller handles the previous one
    (one item ahead). An exception of the iterator is raised in the caller's thread; when the caller stops early
    (``close()``, an exception in its loop, garbage collection) the worker stops, closes the iterator and is
    joined before this generator returns: no thread is left running."""
    slot: queue.Queue = queue.Queue(maxsize=1)
    stop = threading.Event()

    def work() -> None:
        iterator = None
        try:
            iterator = iter(items)
            while not stop.is_set():
                try:
                    item = next(iterator)
                except StopIteration:
                    item = _DONE
                slot.put(item)  # at most one put after ``stop``: the caller empties the slot once
                if item is _DONE:
                    return
        except BaseException as error:  # handed to the caller, who raises it
            slot.put(_Failure(error))
        finally:
            close = getattr(iterator, "close", None)
            if close is not None:
                close()

    worker = threading.Thread(target=work, name="sdg-prefetch", daemon=True)
    worker.start()
    try:
        while True:
            item = slot.get()
            if item is _DONE:
                return
            if isinstance(item, _Failure):
                raise item.error
            yield item
    finally:
        stop.set()
        try:
            slot.get_nowait()  # unblock a worker waiting to put
        except queue.Empty:
            pass
        worker.join()
