"""How much a plan or progress file may hold, checked before the work is done.

Each number, and why it is what it is, is in docs/limits.md. The Thị ủy Sa Pa plan
(a full year's tuyên giáo plan, ten pages) is 47 kB, 705 values and 26,000 characters
of text; the limits leave twenty times that and more, and keep the slowest command
(rendering) within a few seconds. They are counted on the data as validation sees it:
a YAML alias (``*name``) counts as many times as it is used, so a small file that
expands into a huge plan is refused like a huge file.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Final

from kehoach.errors import InputError, Problem, os_reason

MAX_FILE_BYTES: Final[int] = 2 * 1024 * 1024
"""A plan file larger than this is refused before it is read."""
MAX_VALUES: Final[int] = 20_000
"""Values (mappings, lists, texts, numbers) after aliases are expanded."""
MAX_TEXT_CHARS: Final[int] = 500_000
"""Characters of text (keys and values) after aliases are expanded."""
MAX_DEPTH: Final[int] = 100
"""Levels of nesting: a plan nests a few; far deeper is a broken or hostile file."""


class TooMuch(Exception):
    """The data expands beyond :data:`MAX_VALUES` or :data:`MAX_TEXT_CHARS`."""

    def __init__(self, what: str):
        self.what = what


class Budget:
    """What is left of the limits while walking the data, aliases expanded."""

    def __init__(self) -> None:
        self.values = MAX_VALUES
        self.chars = MAX_TEXT_CHARS

    def spend(self, chars: int = 0) -> None:
        """Count one value of ``chars`` characters; raise :class:`TooMuch` past a limit."""
        self.values -= 1
        self.chars -= chars
        if self.values < 0:
            raise TooMuch("values")
        if self.chars < 0:
            raise TooMuch("chars")


def too_much_problem(error: TooMuch) -> Problem:
    """The problem of a file whose data is too large, aliases expanded."""
    if error.what == "values":
        return Problem(
            "",
            f"tệp có quá nhiều phần tử (quá {MAX_VALUES:,} sau khi mở rộng alias *tên)".replace(
                ",", "."
            ),
            f"the file has too many values (more than {MAX_VALUES:,} once aliases are expanded)",
        )
    return Problem(
        "",
        f"tệp có quá nhiều chữ (quá {MAX_TEXT_CHARS:,} ký tự sau khi mở rộng alias *tên)".replace(
            ",", "."
        ),
        f"the file has too much text (more than {MAX_TEXT_CHARS:,} characters once aliases "
        "are expanded)",
    )


def too_large_problem() -> Problem:
    """The problem of a file larger than :data:`MAX_FILE_BYTES`."""
    mb = MAX_FILE_BYTES // (1024 * 1024)
    return Problem("", f"tệp quá lớn (giới hạn {mb} MB)", f"file too large (limit {mb} MB)")


def _too_large(path: Path) -> InputError:
    return InputError(path, [too_large_problem()])


def read_bounded(path: Path) -> bytes:
    """The file's bytes, refused before reading when larger than :data:`MAX_FILE_BYTES`.

    The size is taken from the open file (a 2 GiB file costs nothing), and the read
    itself stops one byte past the limit, for devices and pipes that have no size
    (``/dev/zero``).

    Raises:
        InputError: the file is missing, a folder, unreadable or too large.
    """
    try:
        with path.open("rb") as handle:
            if os.fstat(handle.fileno()).st_size > MAX_FILE_BYTES:
                raise _too_large(path)
            raw = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise InputError(path, [Problem("", "không tìm thấy tệp", "file not found")]) from None
    except IsADirectoryError:
        raise InputError(
            path, [Problem("", "đây là thư mục, không phải tệp", "is a directory")]
        ) from None
    except OSError as exc:
        vi, en = os_reason(exc)
        raise InputError(
            path, [Problem("", f"không đọc được tệp: {vi}", f"cannot read: {en}")]
        ) from None
    if len(raw) > MAX_FILE_BYTES:
        raise _too_large(path)
    return raw
