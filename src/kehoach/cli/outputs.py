"""Writing the outputs of a command: atomically, saying what was written and what was not."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from kehoach.cli.base import CliContext


def write_each(ctx: CliContext, files: Sequence[tuple[Path, bytes]], *, force: bool) -> None:
    """Write independent outputs one by one; if stopped, say which were written and not."""
    written: list[Path] = []
    try:
        for path, data in files:
            write_one(ctx, path, data, force=force)
            written.append(path)
    except BaseException:
        say_stopped(ctx, written, [str(path) for path, _ in files[len(written) :]])
        raise


def write_one(ctx: CliContext, path: Path, data: bytes, *, force: bool) -> None:
    """Write one output atomically and say so."""
    from kehoach import write_atomic

    write_atomic(path, data, force=force)
    ctx.say(f"Đã tạo {path}", f"Wrote {path}")


def say_stopped(ctx: CliContext, written: Sequence[Path], not_written: Sequence[str]) -> None:
    """After a batch stopped part-way: which files were written and which not."""
    if not not_written or len(written) + len(not_written) < 2:
        return
    total = len(written) + len(not_written)
    ctx.error(
        ctx.t(
            f"dừng giữa chừng: đã ghi {len(written)}/{total} tệp; chưa ghi: "
            + ", ".join(not_written),
            f"stopped part-way: {len(written)} of {total} files written; not "
            "written: " + ", ".join(not_written),
        )
    )
