"""Problems found in progress data, in both languages, with the field they concern.

A notice carries the path of the progress field (``targets[3].id``) rather than a
position, so that whoever loaded the data (YAML line, spreadsheet cell) can locate it.
Errors stop the report; warnings are issued as :class:`ProgressWarning` and the report
is still made.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import Any

Path = tuple[Any, ...]
"""The path of a progress field: ``("targets", 3, "id")``."""


@dataclass(frozen=True)
class Notice:
    """A problem found in progress data: where (a field path) and what (vi, en)."""

    path: Path
    message_vi: str
    message_en: str

    def message(self, lang: str = "vi") -> str:
        """The message in ``lang``."""
        return self.message_en if lang == "en" else self.message_vi


class ProgressWarning(UserWarning):
    """Something in progress data the user should look at; the report is still made."""

    def __init__(self, notice: Notice):
        self.notice = notice
        super().__init__(notice.message_en)

    def message(self, lang: str = "vi") -> str:
        """The message in ``lang``."""
        return self.notice.message(lang)


def emit_warnings(notices: list[Notice]) -> None:
    """Issue each notice as a :class:`ProgressWarning` (the CLI prints them)."""
    for notice in notices:
        # 3: point at whoever called the report function, not at this helper.
        warnings.warn(ProgressWarning(notice), stacklevel=3)


__all__ = ["Notice", "Path", "ProgressWarning", "emit_warnings"]
