"""Atomic output: a file is either the whole new document or untouched.

The bytes go to a temporary file in the target's folder, are flushed to disk, then the
file is moved into place in one step (``os.replace``). Without ``force`` an existing
file is never overwritten, even by a race: the temporary file is hard-linked to the
target name, which fails if the name exists (falling back to a check where the file
system has no hard links). On any failure the temporary file is removed.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from os import PathLike
from pathlib import Path

from kehoach.errors import OutputError, OutputExistsError

_NO_LINKS = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK, errno.ENOSYS}


def write_atomic(path: str | PathLike[str], data: bytes, *, force: bool) -> None:
    """Write ``data`` to ``path`` atomically.

    Raises:
        OutputExistsError: ``path`` exists and ``force`` is false.
        OutputError: ``path`` is a folder, or its folder is missing or not writable.
        OSError: another failure while writing (nothing is left behind).
    """
    target = Path(path)
    if target.is_dir():
        raise OutputError(target, "đây là một thư mục", "it is a folder")
    if not force and target.exists():
        raise OutputExistsError(target)
    temp = target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    except FileNotFoundError:
        raise OutputError(
            target, "thư mục chứa không tồn tại", "its folder does not exist"
        ) from None
    except PermissionError:
        raise OutputError(
            target, "không có quyền ghi vào thư mục", "no permission to write in its folder"
        ) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if force:
            os.replace(temp, target)
        else:
            _place_new(temp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
        raise
    _sync_folder(target.parent)


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
