"""Write a batch's files while the next one is made: the disk's flush overlaps the work.

Every output is written atomically and flushed to the disk (fsync), which takes about
as long as rendering a plan on an ordinary disk, yet needs no processor. One writer
thread writes file *i* while the caller makes file *i + 1*. The caller says "Wrote …"
for file *i* before it says anything about file *i + 1*, so the messages and their order
are those of writing each file in turn; at most one file waits in memory.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from types import TracebackType

from kehoach.cli.base import CliContext


class BatchWriter:
    """Writes files one at a time in a thread; ``written`` lists those done, in order."""

    def __init__(self, ctx: CliContext, *, force: bool) -> None:
        self._ctx = ctx
        self._force = force
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kehoach-writer")
        self._pending: tuple[Path, Future[None]] | None = None
        self.written: list[Path] = []

    def write(self, path: Path, data: bytes) -> None:
        """Start writing ``path`` (after the file before it is done)."""
        from kehoach import write_atomic

        self.finish()
        self._pending = (path, self._pool.submit(write_atomic, path, data, force=self._force))

    def finish(self) -> None:
        """Wait for the file being written and say it was; its error is raised here."""
        if self._pending is None:
            return
        path, future = self._pending
        self._pending = None
        future.result()
        self.written.append(path)
        self._ctx.say(f"Đã tạo {path}", f"Wrote {path}")

    def __enter__(self) -> BatchWriter:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        try:
            if kind is None:
                self.finish()
            elif self._pending is not None:
                # Stopped (Ctrl-C, a failed write): the file in flight is complete or not
                # there at all (written atomically); count it only if it was written.
                path, future = self._pending
                self._pending = None
                if future.exception() is None:
                    self.written.append(path)
                    self._ctx.say(f"Đã tạo {path}", f"Wrote {path}")
        finally:
            self._pool.shutdown(wait=True)
