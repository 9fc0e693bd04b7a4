"""The files of the served folder: safe names, versions, atomic version-checked saves.

Every name the page sends is checked here before any file is touched: a plain name
(``[A-Za-z0-9._-]``, no leading dot, no ``..``) whose resolved path, symbolic links
followed, is still inside the folder. A file's version is the SHA-256 of its bytes; a
save names the version it was made from and is refused (409) when the file changed
since, so two tabs cannot silently overwrite each other. Saves go through
:func:`kehoach.write_atomic` (temporary file + rename) under one lock per folder, so
of two saves of the same version exactly one wins.
"""

from __future__ import annotations

import hashlib
import re
import threading
from datetime import UTC, datetime
from pathlib import Path

from kehoach.errors import OutputExistsError
from kehoach.input_limits import read_bounded
from kehoach.output import write_all
from kehoach.web.problems import ApiError

__all__ = ["Folder", "Stale", "version_of"]

PLAN_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*\.ya?ml$")
REVIEW_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*\.review\.json$")
DOWNLOAD_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*\.(docx|pdf|xlsx|md|json|ya?ml)$")


def version_of(data: bytes) -> str:
    """The version of a file's content: the hex SHA-256 of its bytes."""
    return hashlib.sha256(data).hexdigest()


class Stale(Exception):
    """A save named a version that is no longer the file's (or the file is gone)."""

    def __init__(self, current: str | None) -> None:
        super().__init__(current)
        self.current = current


_LOCKS: dict[Path, threading.Lock] = {}
_LOCKS_LOCK = threading.Lock()


def _lock_of(root: Path) -> threading.Lock:
    """One lock per folder in this process, however many applications serve it."""
    with _LOCKS_LOCK:
        return _LOCKS.setdefault(root, threading.Lock())


class Folder:
    """The folder ``kehoach serve`` works in; nothing outside it is read or written."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self.lock = _lock_of(self.root)

    def path(self, name: str, pattern: re.Pattern[str] = PLAN_NAME) -> Path:
        """The path of ``name`` in the folder.

        Raises:
            ApiError: 400 when the name is not a plain file name of the folder, or it
                leads outside the folder (``..``, a symbolic link pointing out).
        """
        if not pattern.match(name) or ".." in name:
            raise ApiError(
                400,
                "bad-name",
                f"tên tệp không hợp lệ: “{name}” (chỉ dùng chữ không dấu, số, . _ -)",
                f"invalid file name: “{name}” (use letters, digits, . _ - only)",
            )
        path = self.root / name
        if not path.resolve().is_relative_to(self.root):
            raise ApiError(
                400,
                "outside",
                f"“{name}” trỏ ra ngoài thư mục làm việc",
                f"“{name}” points outside the working folder",
            )
        return path

    def read(self, name: str, pattern: re.Pattern[str] = PLAN_NAME) -> tuple[Path, bytes]:
        """The path and bytes of an existing file (404 when missing)."""
        path = self.path(name, pattern)
        if not path.is_file():
            raise ApiError(404, "not-found", f"không có tệp “{name}”", f"no file “{name}”")
        return path, read_bounded(path)

    def write(self, files: list[tuple[str, bytes]], *, versions: dict[str, str | None]) -> None:
        """Write ``files`` together (all or none), each checked against its version.

        ``versions[name]`` is the version the writer saw: a hex digest, or ``None`` for a
        file that must not exist yet. A file missing from ``versions`` is replaced as is.

        Raises:
            Stale: a file's current version differs from the one given.
            OutputExistsError: a file that must be new exists.
        """
        paths = [(self.path(name, DOWNLOAD_NAME), data) for name, data in files]
        with self.lock:
            for name, expected in versions.items():
                path = self.path(name, DOWNLOAD_NAME)
                if expected is None:
                    if path.exists():
                        raise OutputExistsError(name)
                    continue
                current = version_of(path.read_bytes()) if path.is_file() else None
                if current != expected:
                    raise Stale(current)
            write_all(paths, force=True)

    def free_name(self, stem: str, suffix: str = ".yaml") -> str:
        """``stem + suffix``, or ``stem-2 + suffix``… the first name not yet taken."""
        name = f"{stem}{suffix}"
        number = 2
        while (self.root / name).exists():
            name = f"{stem}-{number}{suffix}"
            number += 1
        return name

    def plan_names(self) -> list[str]:
        """The YAML files of the folder (not those inside sub-folders), sorted."""
        return sorted(
            p.name
            for p in self.root.iterdir()
            if PLAN_NAME.match(p.name) and p.is_file() and p.resolve().is_relative_to(self.root)
        )

    def modified(self, name: str) -> str:
        """When the file was last changed, ISO 8601 in UTC."""
        stamp = (self.root / name).stat().st_mtime
        return datetime.fromtimestamp(stamp, UTC).isoformat(timespec="seconds")
