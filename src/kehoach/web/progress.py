"""Progress files for the page: the same rows and fields as the progress spreadsheet.

The page's progress form is built from the rows ``kehoach`` writes in the progress
workbook of the plan (:func:`kehoach.sheets.progress.progress_workbook`): the same
targets, tasks, budget sources and report fields, with the same labels. A new
progress file lists every id of those rows, for staff to fill in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kehoach.web.documents import jsonable

if TYPE_CHECKING:
    from kehoach.model import Plan

__all__ = ["new_progress", "sheet_rows"]


def sheet_rows(plan: Plan) -> dict[str, list[dict[str, Any]]]:
    """The rows of the plan's progress workbook, by sheet: ``targets``, ``tasks``,
    ``budget`` (the read-only columns and the ones to fill in, keyed as the sheet's
    columns) and ``report`` (``key`` = progress field, ``label``, ``area``)."""
    from kehoach.sheets.progress import BUDGET, REPORT, TARGETS, TASKS, progress_workbook
    from kehoach.sheets.progress_layout import BUDGET_COLS, REPORT_COLS, TARGET_COLS, TASK_COLS

    book = progress_workbook(plan)
    out: dict[str, list[dict[str, Any]]] = {}
    for key, sheet, columns in (
        ("targets", TARGETS, TARGET_COLS),
        ("tasks", TASKS, TASK_COLS),
        ("budget", BUDGET, BUDGET_COLS),
        ("report", REPORT, REPORT_COLS),
    ):
        names = [c.key for c in columns]
        rows = book[sheet].iter_rows(min_row=2, max_col=len(names), values_only=True)
        out[key] = [jsonable(dict(zip(names, row, strict=True))) for row in rows if row[0]]
    for row in out["report"]:
        row.pop("value", None)
    return out


def new_progress(plan: Plan, period: str) -> dict[str, Any]:
    """A progress file's data for ``plan`` and ``period``: every row of the sheet, empty."""
    from kehoach.report.snapshot import plan_snapshot

    rows = sheet_rows(plan)
    data: dict[str, Any] = {"year": plan.year, "period": period}
    data["targets"] = [{"id": r["id"]} for r in rows["targets"]]
    data["tasks"] = [{"id": r["id"]} for r in rows["tasks"]]
    data["budget"] = [{"source": r["source"]} for r in rows["budget"]]
    data["results"] = [{"area": r["area"]} for r in rows["report"] if r["key"] == "results"]
    data["generated_from"] = plan_snapshot(plan).model_dump()
    return {k: v for k, v in data.items() if v != []}
