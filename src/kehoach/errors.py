"""Errors kehoach reports to people: each says what is wrong, where, in vi or en.

The CLI turns every :class:`KehoachError` into a message and exit code 2, never a
traceback. Failures of the machine, not of kehoach (a full disk, a read-only folder, a
file open in Word), are worded for the person who can fix them (:func:`os_reason`):
"lỗi nội bộ" (internal error) stays for kehoach's own bugs.
"""

from __future__ import annotations

import errno
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Problem:
    """One thing wrong in an input file: where it is and what is wrong (in both languages)."""

    field: str  # "content.objectives.areas[0].title", "" for the whole file
    message_vi: str
    message_en: str
    line: int | None = None  # 1-based
    column: int | None = None  # 1-based
    sheet: str | None = None  # spreadsheets: the sheet name

    def message(self, lang: str = "vi") -> str:
        """The message in ``lang`` ("vi" or "en")."""
        return self.message_en if lang == "en" else self.message_vi

    def location(self, lang: str = "vi") -> str:
        """ "dòng 12, cột 5, trường header.date" / "line 12, column 5, field header.date"."""
        words = _WORDS[lang if lang in _WORDS else "vi"]
        parts = []
        if self.sheet:
            parts.append(f"{words['sheet']} {self.sheet}")
        if self.line is not None:
            parts.append(f"{words['line']} {self.line}")
        if self.column is not None:
            parts.append(f"{words['column']} {self.column}")
        if self.field:
            parts.append(f"{words['field']} {self.field}")
        return ", ".join(parts)


_WORDS = {
    "vi": {"sheet": "trang tính", "line": "dòng", "column": "cột", "field": "trường"},
    "en": {"sheet": "sheet", "line": "line", "column": "column", "field": "field"},
}

Locate = Callable[[tuple[Any, ...]], Problem]
"""Turns a field path of a file just read into where it was written: a :class:`Problem`
without a message (a line of a YAML file, a cell of a spreadsheet). Problems found after
reading (an unknown id) are placed with it."""


class KehoachError(Exception):
    """Base class of the errors kehoach explains to the user."""

    def messages(self, lang: str = "vi") -> list[str]:
        """The lines to show the user."""
        return [str(self)]


class InputError(KehoachError):
    """An input file is missing, unreadable, malformed or invalid."""

    def __init__(self, path: str | Path, problems: list[Problem]):
        self.path = str(path)
        self.problems = problems
        super().__init__(self.messages("en")[0] if problems else self.path)

    def messages(self, lang: str = "vi") -> list[str]:
        """One line per problem: "file, line 3, field x: message"."""
        lines = []
        for problem in self.problems:
            where = problem.location(lang)
            prefix = f"{self.path}, {where}" if where else self.path
            lines.append(f"{prefix}: {problem.message(lang)}")
        return lines


class OutputExistsError(KehoachError):
    """The output file exists and ``force`` was not given."""

    def __init__(self, path: str | Path):
        self.path = str(path)
        super().__init__(f"{self.path} already exists; use --force to overwrite it")

    def messages(self, lang: str = "vi") -> list[str]:
        """The message in ``lang``."""
        if lang == "en":
            return [str(self)]
        return [f"{self.path} đã tồn tại; dùng --force để ghi đè"]


class WordedError(KehoachError):
    """An error with one message, worded in Vietnamese and in English."""

    def __init__(self, message_vi: str, message_en: str):
        self.message_vi, self.message_en = message_vi, message_en
        super().__init__(message_en)

    def messages(self, lang: str = "vi") -> list[str]:
        """The message in ``lang``."""
        return [self.message_en if lang == "en" else self.message_vi]


class UsageError(WordedError):
    """A wrong command-line value (unknown type, year not after the plan's…)."""


class RenderError(WordedError):
    """A document could not be laid out: a broken template, text a DOCX cannot hold…"""


class OutputError(KehoachError):
    """An output file cannot be written (missing folder, no permission, a folder there)."""

    def __init__(self, path: str | Path, reason_vi: str, reason_en: str):
        self.path = str(path)
        self.reason_vi, self.reason_en = reason_vi, reason_en
        super().__init__(f"cannot write {self.path}: {reason_en}")

    def messages(self, lang: str = "vi") -> list[str]:
        """The message in ``lang``."""
        if lang == "en":
            return [str(self)]
        return [f"không ghi được {self.path}: {self.reason_vi}"]


# errno → (vi, en): what happened and, where it helps, what to do.
_REASONS: dict[int, tuple[str, str]] = {
    errno.ENOSPC: ("ổ đĩa đã đầy; giải phóng chỗ trống rồi chạy lại", "the disk is full"),
    errno.EROFS: (
        "ổ đĩa hoặc thư mục chỉ cho phép đọc; chọn nơi ghi khác",
        "the file system is read-only; choose another place",
    ),
    errno.EACCES: (
        "không có quyền truy cập (tệp đang mở trong Word/Excel, hoặc thư mục không cho ghi?)",
        "permission denied (is the file open in Word/Excel, or the folder not writable?)",
    ),
    errno.EPERM: (
        "tệp bị khoá hoặc không được phép thay đổi (đang mở trong Word/Excel?)",
        "the file is locked or may not be changed (is it open in Word/Excel?)",
    ),
    errno.EBUSY: (
        "tệp đang bận (đang mở trong Word/Excel?); đóng tệp rồi chạy lại",
        "the file is busy (open in Word/Excel?); close it and run again",
    ),
    errno.ETXTBSY: (
        "tệp đang bận (đang mở trong chương trình khác?); đóng tệp rồi chạy lại",
        "the file is busy (open in another program?); close it and run again",
    ),
    errno.ENOTDIR: (
        "một phần của đường dẫn là tệp, không phải thư mục",
        "a part of the path is a file, not a folder",
    ),
    errno.EISDIR: ("đây là một thư mục", "it is a folder"),
    errno.ENOENT: ("không tồn tại", "it does not exist"),
    errno.EEXIST: ("đã tồn tại", "it already exists"),
    errno.ENAMETOOLONG: ("tên tệp quá dài", "the file name is too long"),
    errno.ELOOP: ("liên kết tượng trưng vòng quanh", "a loop of symbolic links"),
    errno.EIO: ("lỗi đọc/ghi đĩa (đĩa hỏng hoặc đã tháo ra?)", "input/output error (bad disk?)"),
    errno.EMFILE: ("quá nhiều tệp đang mở", "too many open files"),
    errno.ENFILE: ("quá nhiều tệp đang mở", "too many open files"),
    errno.EINVAL: ("tên tệp hoặc đường dẫn không hợp lệ", "invalid file name or path"),
    errno.EFBIG: ("tệp quá lớn với ổ đĩa này", "the file is too large for this file system"),
}
if hasattr(errno, "EDQUOT"):
    _REASONS[errno.EDQUOT] = ("đã hết hạn mức dung lượng ổ đĩa", "disk quota exceeded")

_WINDOWS_SHARING_VIOLATION = 32  # "The process cannot access the file…" (open in Word)


def os_reason(exc: OSError) -> tuple[str, str]:
    """(vi, en) words for an operating-system error: what happened, what to do."""
    if getattr(exc, "winerror", None) == _WINDOWS_SHARING_VIOLATION:
        return _REASONS[errno.EBUSY]
    if exc.errno in _REASONS:
        return _REASONS[exc.errno]
    detail = exc.strerror or str(exc) or type(exc).__name__
    return f"lỗi hệ thống ({detail})", f"system error ({detail})"


class SystemFileError(KehoachError):
    """An operating-system failure on a file kehoach was reading or writing."""

    def __init__(self, exc: OSError):
        self.path = exc.filename
        self.reason_vi, self.reason_en = os_reason(exc)
        super().__init__(self.messages("en")[0])

    def messages(self, lang: str = "vi") -> list[str]:
        """One line: the file (when known) and what happened."""
        if lang == "en":
            where = f" {self.path}" if self.path else ""
            return [f"cannot access{where}: {self.reason_en}"]
        where = f" {self.path}" if self.path else " tệp"
        return [f"không truy cập được{where}: {self.reason_vi}"]


class OutOfMemoryError(KehoachError):
    """The machine ran out of memory: the input is too large for it."""

    def __init__(self) -> None:
        super().__init__("not enough memory to process the input")

    def messages(self, lang: str = "vi") -> list[str]:
        """One line, in ``lang``."""
        if lang == "en":
            return [str(self)]
        return ["không đủ bộ nhớ để xử lý tệp đầu vào (tệp quá lớn?)"]
