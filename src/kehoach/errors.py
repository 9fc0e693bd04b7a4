"""Errors kehoach reports to people: each says what is wrong, where, in vi or en.

The CLI turns every :class:`KehoachError` into a message and exit code 2, never a
traceback.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


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
