"""Run a kernel over windows in this process or on a Dask cluster, and add the partial results.

The partial results are added pairwise in window order, in the same association in both cases (a streaming
binary counter here, a tree of ``_add`` tasks on the cluster), so both give bit-identical floating-point sums.
"""
from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Callable, Iterator, Sequence

import numpy as np

from .tiles import Window

Progress = Callable[[int, int], None]


@contextmanager
def local_client(workers: int) -> Iterator[Any]:
    """A ``distributed.Client`` of a local cluster of ``workers`` single-threaded processes (each sets its own
    malloc on its first window: :mod:`.allocator`)."""
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=workers, threads_per_worker=1, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        yield client


def reduce_windows(kernel: Callable[..., Any], windows: Sequence[Window], *args: Any, client: Any = None,
                   progress: Progress | None = None) -> Any:
    """``kernel(window, *args)`` for every window, added up; on ``client`` (a ``distributed.Client``) when
    given. ``progress(done, total)`` is called as windows finish."""
    if not windows:
        raise ValueError("no window to reduce")
    if client is None:
        return _local(kernel, windows, args, progress)
    return _distributed(kernel, windows, args, client, progress)


def _add(first: Any, second: Any) -> Any:
    """Sum of two partial results (arrays, or tuples of arrays)."""
    if isinstance(first, tuple):
        return tuple(_add(a, b) for a, b in zip(first, second))
    return np.add(first, second)


def _local(kernel, windows, args, progress) -> Any:
    stack: list[tuple[int, Any]] = []  # (windows summed, partial sum); sizes strictly decrease upwards
    for done, window in enumerate(windows, start=1):
        size, value = 1, kernel(window, *args)
        while stack and stack[-1][0] == size:
            size, value = size * 2, _add(stack.pop()[1], value)
        stack.append((size, value))
        if progress is not None:
            progress(done, len(windows))
    total = stack.pop()[1]
    while stack:
        total = _add(stack.pop()[1], total)
    return total


def _distributed(kernel, windows, args, client, progress) -> Any:
    from distributed import as_completed

    shared = [client.scatter([arg], broadcast=True, hash=False)[0] for arg in args]  # once to each worker
    futures = client.map(kernel, windows, *[[arg] * len(windows) for arg in shared], pure=False)
    level = list(futures)
    while len(level) > 1:
        level = [client.submit(_add, level[i], level[i + 1], pure=False) if i + 1 < len(level) else level[i]
                 for i in range(0, len(level), 2)]
    for done, future in enumerate(as_completed(futures), start=1):
        if future.status == "error":
            future.result()  # raises the worker's exception here
        if progress is not None:
            progress(done, len(windows))
    return level[0].result()
