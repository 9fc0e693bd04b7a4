"""Read progress data from YAML, JSON or a progress spreadsheet, with located errors.

It sits above both :mod:`kehoach.report` (whose links it checks) and
:mod:`kehoach.sheets` (whose progress spreadsheet it reads).

With the plan at hand, ids are checked at load time so that an unknown id is reported
at its YAML line or spreadsheet cell, with the nearest known ids.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from os import PathLike
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from kehoach.errors import InputError, Locate, Problem
from kehoach.loader import data_positions, format_path, problems_from, read_mapping
from kehoach.model import Plan, Progress
from kehoach.report.links import Notice, link_progress

ProgressSource = str | PathLike[str] | Mapping[str, Any] | Progress

SHEET_SUFFIXES = (".xlsx", ".xlsm")


def load_progress(
    source: ProgressSource, *, plan: Plan | None = None, period: str | None = None
) -> Progress:
    """Load progress from a ``.yaml``/``.json`` file, a progress spreadsheet or a dict.

    When ``plan`` is given, every id is checked against it and each unknown one is
    reported where it was written (line, or sheet/row/column), with the nearest ids.

    Raises:
        kehoach.InputError: naming the file and the line (or sheet, row, column) of
            every problem.
    """
    return load_progress_located(source, plan=plan, period=period)[0]


def load_progress_located(
    source: ProgressSource, *, plan: Plan | None = None, period: str | None = None
) -> tuple[Progress, Callable[[Notice], Notice]]:
    """:func:`load_progress`, with a function that words a later notice (a report
    warning) with where its field was written: the file and its line, or the sheet, row
    and column of a progress spreadsheet."""
    if isinstance(source, Progress):
        if plan is not None:
            check_links(plan, source, period, "<progress>", None)
        return source, _unlocated
    if isinstance(source, Mapping):
        data = dict(source)
        try:
            progress = Progress.model_validate(data)
        except ValidationError as exc:
            raise InputError("<dict>", problems_from(exc, data_positions(data), Progress)) from None
        if plan is not None:
            check_links(plan, progress, period, "<dict>", None)
        return progress, _unlocated
    path = Path(source)
    if path.suffix.lower() in SHEET_SUFFIXES:
        # Imported here for speed, not for a cycle: a YAML progress file does not pay
        # for loading openpyxl.
        from kehoach.sheets.progress import read_progress_sheet

        progress, locate = read_progress_sheet(path)
    else:
        progress, locate = _read_text(path)
    if plan is not None:
        check_links(plan, progress, period, str(path), locate)

    def where(notice: Notice) -> Notice:
        place = _located(notice, locate)
        found = place.sheet is not None or place.line is not None
        # A field no cell holds (the sheet's metadata): the workbook alone says enough.
        vi, en = (place.location("vi"), place.location("en")) if found else ("", "")
        return Notice(
            notice.path,
            f"{path}, {vi}: {notice.message_vi}" if vi else f"{path}: {notice.message_vi}",
            f"{path}, {en}: {notice.message_en}" if en else f"{path}: {notice.message_en}",
        )

    return progress, where


def _unlocated(notice: Notice) -> Notice:
    return notice


def _read_text(path: Path) -> tuple[Progress, Locate]:
    data, positions = read_mapping(path)
    try:
        progress = Progress.model_validate(data)
    except ValidationError as exc:
        raise InputError(path, problems_from(exc, positions, Progress)) from None

    def locate(field: tuple[Any, ...]) -> Problem:
        found, where = positions.locate(field)
        line, column = where if where else (None, None)
        return Problem(format_path(found), "", "", line, column)

    return progress, locate


def check_links(
    plan: Plan,
    progress: Progress,
    period: str | None,
    source: str,
    locate: Locate | None,
) -> None:
    """Raise the link errors of ``progress`` on ``plan`` as one located InputError."""
    errors = link_progress(plan, progress, period, require_period=False).errors
    if errors:
        raise InputError(source, [_located(e, locate) for e in errors])


def _located(notice: Notice, locate: Locate | None) -> Problem:
    if locate is None:
        return Problem(format_path(notice.path), notice.message_vi, notice.message_en)
    where = locate(notice.path)
    return Problem(
        where.field,
        notice.message_vi,
        notice.message_en,
        where.line,
        where.column,
        where.sheet,
    )


__all__ = [
    "Locate",
    "ProgressSource",
    "check_links",
    "load_progress",
    "load_progress_located",
]
