"""Atomic output: a file is either the whole new document or untouched.

The bytes go to a temporary file in the target's folder, are flushed to disk, then the
file is moved into place in one step (``os.replace``). Without ``force`` an existing
file is never overwritten, even by a race: the temporary file is hard-linked to the
target name, which fails if the name exists (falling back to a check where the file
system has no hard links). On any failure the temporary file is removed. The files of
one result (a plan and its review list) are written together by :func:`write_all`.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Sequence
from os import PathLike
from pathlib import Path

from kehoach.errors import OutputError, OutputExistsError, os_reason
from kehoach.output.tempfiles import remove_stale_temps, temp_name

_NO_LINKS = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK, errno.ENOSYS}


def write_atomic(path: str | PathLike[str], data: bytes, *, force: bool) -> None:
    """Write ``data`` to ``path`` atomically; a missing folder is created.

    Raises:
        OutputExistsError: ``path`` exists and ``force`` is false.
        OutputError: ``path`` is a folder, the file is locked, the disk is full… (the
            message says which); nothing is left behind.
    """
    write_all([(Path(path), data)], force=force)


def write_all(files: Sequence[tuple[Path, bytes]], *, force: bool) -> None:
    """Write several files of one result all together, or none of them.

    Every file goes to a temporary file first; only when all are written are they moved
    into place. Should a move fail, the files already moved are taken back (a replaced
    file is restored when the file system allows hard links). Temporary files are removed
    on any failure, Ctrl-C and SIGTERM included (see :mod:`kehoach.output.tempfiles`).

    Raises:
        OutputExistsError: a target exists and ``force`` is false.
        OutputError: a target cannot be written; the message says why.
    """
    targets = [Path(path) for path, _ in files]
    for target in targets:
        if target.is_dir():
            raise OutputError(target, "đây là một thư mục", "it is a folder")
        if not force and target.exists():
            raise OutputExistsError(target)
    temps: list[Path] = []
    try:
        for target, (_, data) in zip(targets, files, strict=True):
            _make_folder(target)
            remove_stale_temps(target.parent)
            temps.append(_write_temp(target, data))
        _place_all(temps, targets, force)
    except BaseException:
        for temp in temps:
            with contextlib.suppress(OSError):
                temp.unlink()
        raise
    for folder in {target.parent for target in targets}:
        _sync_folder(folder)


def _make_folder(target: Path) -> None:
    """Create the target's folder (``-o out/x.docx`` as ``--out-dir out``)."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise OutputError(
            target,
            f"{target.parent} là một tệp, không phải thư mục",
            f"{target.parent} is a file, not a folder",
        ) from None
    except OSError as exc:
        raise _output_error(target, exc) from None


def _write_temp(target: Path, data: bytes) -> Path:
    temp = temp_name(target)
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    except OSError as exc:
        raise _output_error(target, exc) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        if isinstance(exc, OSError):
            raise _output_error(target, exc) from None
        raise
    return temp


def _place_all(temps: list[Path], targets: list[Path], force: bool) -> None:
    """Move every temporary file into place; on a failure, undo the moves made."""
    done: list[tuple[Path, Path | None]] = []  # (target, backup of the file it replaced)
    try:
        for temp, target in zip(temps, targets, strict=True):
            backup = _backup(target) if force and len(targets) > 1 else None
            try:
                if force:
                    os.replace(temp, target)
                else:
                    _place_new(temp, target)
            except OSError as exc:
                if backup is not None:
                    with contextlib.suppress(OSError):
                        backup.unlink()
                raise _output_error(target, exc) from None
            done.append((target, backup))
    except BaseException:
        for target, backup in reversed(done):
            with contextlib.suppress(OSError):
                if backup is not None:
                    os.replace(backup, target)
                else:
                    target.unlink()
        raise
    for _, backup in done:
        if backup is not None:
            with contextlib.suppress(OSError):
                backup.unlink()


def _backup(target: Path) -> Path | None:
    """A hard link to the file ``target`` names now, to restore it; None if impossible."""
    if not target.exists():
        return None
    backup = temp_name(target)
    try:
        os.link(target, backup)
    except OSError:
        return None
    return backup


def _output_error(target: Path, exc: OSError) -> OutputError:
    if exc.errno == errno.ENOENT:
        return OutputError(target, "thư mục chứa không tồn tại", "its folder does not exist")
    vi, en = os_reason(exc)
    return OutputError(target, vi, en)


def _place_new(temp: Path, target: Path) -> None:
    try:
        os.link(temp, target)
    except FileExistsError:
        raise OutputExistsError(target) from None
    except OSError as exc:
        if exc.errno not in _NO_LINKS:
            raise
        if target.exists():
            raise OutputExistsError(target) from None
        os.replace(temp, target)
    else:
        temp.unlink()


def _sync_folder(folder: Path) -> None:
    """Make the rename durable (POSIX); a no-op where folders cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
