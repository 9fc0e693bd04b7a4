"""Work on many inputs in order, in this process or in a pool of processes (``--jobs``).

Results come back in the order of the inputs, whatever order the work finishes in, so a
batch prints, writes and exits the same with one job or several. Only a few items per
worker are in flight at a time: a batch of 1,000 plans holds a handful of results in
memory, not 1,000 documents.

``work`` and ``setup`` must be module-level functions and items and results picklable
(they cross process boundaries). A user's error belongs in the result; an exception
raised by ``work`` is re-raised in the caller, as it would be without a pool.
"""

from __future__ import annotations

import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from concurrent.futures import Future

__all__ = ["AHEAD", "in_order"]

T = TypeVar("T")
R = TypeVar("R")

AHEAD = 4
"""Items submitted per worker before the first result is taken: keeps workers busy while
the caller writes, and bounds what waits in memory."""


def in_order(
    work: Callable[[T], R],
    items: Iterable[T],
    *,
    jobs: int = 1,
    setup: Callable[..., None] | None = None,
    setup_args: tuple[Any, ...] = (),
) -> Iterator[R]:
    """``work(item)`` for each item, yielded in the order of ``items``.

    Args:
        work: The function applied to each item.
        items: The inputs.
        jobs: Processes to use; 1 (or a single item) works in this process.
        setup: Run once in each worker process before its first item (e.g. to load
            plugins); the calling process sets itself up before calling.
        setup_args: Arguments of ``setup``.
    """
    todo = list(items)
    if jobs <= 1 or len(todo) <= 1:
        for item in todo:
            yield work(item)
        return
    # Imported here: a run with one job (the default) does not pay for them.
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    workers = min(jobs, len(todo))
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context(_start_method()),
        initializer=_start_worker,
        initargs=(setup, setup_args),
    ) as pool:
        feed = iter(todo)
        pending: deque[Future[R]] = deque(
            pool.submit(work, item) for item in islice(feed, workers * AHEAD)
        )
        try:
            while pending:
                result = pending.popleft().result()
                pending.extend(pool.submit(work, item) for item in islice(feed, 1))
                yield result
        except BaseException:  # Ctrl-C, a full disk in the caller, an early stop
            for future in pending:
                future.cancel()
            raise


def _start_method() -> str:
    """Forked workers start warm (modules, template already loaded); elsewhere, spawn."""
    return "fork" if sys.platform.startswith("linux") else "spawn"


def _start_worker(setup: Callable[..., None] | None, args: tuple[Any, ...]) -> None:
    # Ctrl-C and SIGTERM are the parent's to handle: it stops the batch and says what
    # was written. A worker interrupted as well would print a traceback of its own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if setup is not None:
        setup(*args)
