"""Errors and messages as the page receives them: JSON, in the page's language.

The wording is the command line's own: an :class:`~kehoach.errors.InputError`'s
problems become ``Msg`` objects with the JSON path of the field (so the page can show
each message at its field), the dotted field name, the line when the file has one, and
the very message ``kehoach validate`` prints.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from kehoach.errors import InputError, KehoachError, OutputExistsError, Problem

__all__ = ["ApiError", "error_body", "json_path", "problem_msgs", "status_of", "warning_msgs"]


class ApiError(Exception):
    """A refusal the page shows as it is: HTTP status, a stable code and the message."""

    def __init__(
        self, status: int, code: str, message_vi: str, message_en: str, **extra: Any
    ) -> None:
        super().__init__(message_en)
        self.status = status
        self.code = code
        self.message_vi, self.message_en = message_vi, message_en
        self.extra = extra

    def body(self, lang: str) -> dict[str, Any]:
        """The JSON body: ``{"error": {"code", "message"}, …extra}``."""
        message = self.message_en if lang == "en" else self.message_vi
        return {"error": {"code": self.code, "message": message}, **self.extra}


_PART = re.compile(r"\[(\d+)\]|([^.\[\]]+)")


def json_path(field: str) -> list[str | int]:
    """``"content.objectives.areas[0].title"`` → ``["content", "objectives", "areas", 0,
    "title"]`` (the inverse of :func:`kehoach.loader.format_path`)."""
    return [int(index) if index else key for index, key in _PART.findall(field)]


def problem_msgs(problems: Iterable[Problem], lang: str) -> list[dict[str, Any]]:
    """Validation problems as ``Msg`` objects (see docs/web.md)."""
    return [
        {
            "path": json_path(p.field),
            "field": p.field,
            "line": p.line,
            "message": p.message(lang),
            "code": "invalid",
        }
        for p in problems
    ]


def warning_msgs(warnings: Iterable[Any], lang: str, line_of: Any = None) -> list[dict[str, Any]]:
    """Review warnings (:class:`kehoach.PlanWarning`) as ``Msg`` objects."""
    return [
        {
            "path": json_path(w.field),
            "field": w.field,
            "line": line_of(w.field) if line_of is not None and w.field else None,
            "message": w.message(lang),
            "code": w.code,
        }
        for w in warnings
    ]


def status_of(error: KehoachError) -> int:
    """The HTTP status of a kehoach error: 409 for an existing output, 422 bad input."""
    if isinstance(error, OutputExistsError):
        return 409
    return 422


def error_body(error: KehoachError, lang: str) -> dict[str, Any]:
    """The JSON body of a kehoach error; invalid input also lists its fields."""
    lines = error.messages(lang)
    body: dict[str, Any] = {
        "error": {"code": type(error).__name__, "message": "\n".join(lines)},
    }
    if isinstance(error, InputError):
        body["errors"] = problem_msgs(error.problems, lang)
    return body
