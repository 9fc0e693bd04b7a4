"""Write the documents of a batch (``render``, ``report``) as they come, bad ones listed.

The files are written while the next one is made, so the disk's flush overlaps the work.

Every output is written atomically and flushed to the disk (fsync), which takes about
as long as rendering a plan on an ordinary disk, yet needs no processor. One writer
thread writes file *i* while the caller makes file *i + 1*. The caller says "Wrote …"
for file *i* before it says anything about file *i + 1*, so the messages and their order
are those of writing each file in turn; at most one file waits in memory.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from kehoach.cli.base import CliContext

if TYPE_CHECKING:
    from concurrent.futures import Future, ThreadPoolExecutor

    from kehoach.cli.render_jobs import BatchJob, Rendered


def write_results(
    ctx: CliContext,
    jobs: Sequence[BatchJob],
    results: Iterable[Rendered],
    args: argparse.Namespace,
    *,
    what: tuple[str, str],
) -> int:
    """Write each good document, print each bad one's errors; exit code 2 if any failed.

    ``what`` names the inputs in the final count ("kế hoạch", "plans"). Should writing
    stop part-way (a full disk, Ctrl-C), the files written and those not are listed.
    With ``--pdf``/``--pdfa`` (or a PDF target) the documents are kept and converted in
    one LibreOffice start.
    """
    from kehoach.cli.pdf_commands import is_pdf_path, write_documents
    from kehoach.cli.plan_commands import say_stopped

    failed: list[str] = []
    if args.pdf or args.pdfa or any(is_pdf_path(job.target) for job in jobs):
        code = write_documents(ctx, list(_documents(ctx, results, failed)), args)
    else:
        code = 0
        writer = BatchWriter(ctx, force=args.force, threaded=len(jobs) > 1)
        try:
            with writer:
                for path, data in _documents(ctx, results, failed, before=writer.finish):
                    writer.write(path, data)
        except BaseException:
            done = len(writer.written) + len(failed)
            say_stopped(ctx, writer.written, [str(job.target) for job in jobs[done:]])
            raise
    if not failed:
        return code
    if len(jobs) > 1:
        vi, en = what
        names = ", ".join(failed)
        ctx.error(
            ctx.t(
                f"{len(failed)}/{len(jobs)} {vi} không dựng được: {names}",
                f"{len(failed)} of {len(jobs)} {en} failed: {names}",
            )
        )
    return 2


def _documents(
    ctx: CliContext,
    results: Iterable[Rendered],
    failed: list[str],
    before: Callable[[], None] | None = None,
) -> Iterator[tuple[Path, bytes]]:
    """The documents of the good inputs; the errors of the bad ones printed (and listed).

    ``before`` runs as each result arrives, before anything is said about it.
    """
    for result in results:
        if before is not None:
            before()
        # What still needs a person is said on stderr (a good document is made anyway).
        for line in result.warnings:
            ctx.warn(line)
        if result.data is None:
            ctx.errors(result.errors)
            failed.append(result.job.name)
            continue
        yield result.job.target, result.data


class BatchWriter:
    """Writes files one at a time in a thread; ``written`` lists those done, in order.

    Not ``threaded`` (a batch of one), each file is written at once, in the caller.
    """

    def __init__(self, ctx: CliContext, *, force: bool, threaded: bool = True) -> None:
        self._ctx = ctx
        self._force = force
        self._pool: ThreadPoolExecutor | None = None
        if threaded:
            from concurrent.futures import ThreadPoolExecutor

            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kehoach-writer")
        self._pending: tuple[Path, Future[None]] | None = None
        self.written: list[Path] = []

    def write(self, path: Path, data: bytes) -> None:
        """Start writing ``path`` (after the file before it is done)."""
        from kehoach import write_atomic

        self.finish()
        if self._pool is None:
            write_atomic(path, data, force=self._force)
            self._done(path)
            return
        self._pending = (path, self._pool.submit(write_atomic, path, data, force=self._force))

    def finish(self) -> None:
        """Wait for the file being written and say it was; its error is raised here."""
        if self._pending is None:
            return
        path, future = self._pending
        self._pending = None
        future.result()
        self._done(path)

    def _done(self, path: Path) -> None:
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
                    self._done(path)
        finally:
            if self._pool is not None:
                self._pool.shutdown(wait=True)
