"""The progress spreadsheet: made from a plan, filled in by staff, read back as progress.

Sheets: "Chỉ tiêu" (targets), "Nhiệm vụ" (tasks, status from a drop-down), "Kinh phí"
(budget sources), "Báo cáo" (period, report number and date, the narratives) and the
hidden "kehoach" metadata sheet (layout, version and the plan's fingerprint). Ids and
planned figures are locked (sheet protection without a password); the cells to fill in
are unlocked. Reading back gives the same :class:`~kehoach.model.Progress` as the
equivalent YAML file, and every problem names the sheet, row and column.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from pydantic import ValidationError

from kehoach.compose.text import text_runs
from kehoach.errors import InputError, Problem
from kehoach.loader import format_path
from kehoach.messages import word_error
from kehoach.model import (
    PERIODS,
    STATUS_LABELS,
    Block,
    Bullet,
    Paragraph,
    Plan,
    Progress,
    Subsection,
    iter_targets,
    iter_tasks,
    task_quarter,
)
from kehoach.report.compute import sentence_label, targets_in
from kehoach.report.links import TOTAL_SOURCE, plan_areas
from kehoach.report.snapshot import plan_snapshot
from kehoach.sheets.workbook import (
    META_SHEET,
    CellError,
    Column,
    Problems,
    SheetSource,
    add_meta_sheet,
    add_table_sheet,
    date_cell,
    money_cell,
    money_value,
    new_workbook,
    open_workbook,
    read_meta,
    read_table,
    text_cell,
    workbook_bytes,
)
from kehoach.vi import count, roman

LAYOUT = "progress"
VERSION = 1
TARGETS = "Chỉ tiêu"
TASKS = "Nhiệm vụ"
BUDGET = "Kinh phí"
REPORT = "Báo cáo"
DATE_FORMAT = "DD/MM/YYYY"
MONEY_FORMAT = "#,##0"

TARGET_COLS = (
    Column("id", "Mã chỉ tiêu", 18, locked=True),
    Column("area", "Lĩnh vực", 30, locked=True),
    Column("label", "Chỉ tiêu", 50, locked=True),
    Column("unit", "Đơn vị tính", 14, locked=True),
    Column("planned", "Kế hoạch", 11, locked=True),
    Column("achieved", "Thực hiện", 11),
    Column("notes", "Ghi chú, giải trình", 36),
    Column("evidence", "Minh chứng (mỗi dòng một mục)", 36),
)
TASK_COLS = (
    Column("id", "Mã nhiệm vụ", 22, locked=True),
    Column("quarter", "Quý", 7, locked=True),
    Column("text", "Nhiệm vụ", 60, locked=True),
    Column("lead", "Đơn vị chủ trì", 20, locked=True),
    Column("due", "Thời hạn", 12, locked=True, number_format=DATE_FORMAT),
    Column("status", "Tình trạng", 26),
    Column("completed", "Ngày hoàn thành", 14, number_format=DATE_FORMAT),
    Column("notes", "Kết quả, ghi chú", 40),
)
BUDGET_COLS = (
    Column("source", "Mã nguồn", 18, locked=True),
    Column("name", "Nguồn kinh phí", 36, locked=True),
    Column("amount", "Kinh phí theo kế hoạch (đồng)", 20, locked=True, number_format=MONEY_FORMAT),
    Column(
        "allocated",
        "Dự toán trong kỳ (đồng; để trống: như kế hoạch)",
        22,
        number_format=MONEY_FORMAT,
    ),
    Column("spent", "Đã sử dụng (đồng)", 20, number_format=MONEY_FORMAT),
    Column("notes", "Ghi chú", 30),
)
REPORT_COLS = (
    Column("key", "Mã", 4, locked=True),
    Column("label", "Nội dung", 44, locked=True),
    Column("value", "Nhập vào đây", 90),
    Column("area", "Lĩnh vực", 4, locked=True),
)

# (key, label) of the "Báo cáo" sheet rows before the per-area results.
_HEAD_ROWS = (
    ("period", "Kỳ báo cáo"),
    ("cutoff", "Ngày chốt số liệu (để trống: ngày cuối kỳ)"),
    ("header.number", "Số báo cáo (để trống khi dự thảo)"),
    ("header.date", "Ngày báo cáo"),
    ("header.place", "Địa danh (để trống: như kế hoạch)"),
    ("summary", "Đánh giá chung về kết quả (mở đầu phần I)"),
)
_TAIL_ROWS = (
    ("strengths", "Ưu điểm"),
    ("limitations", "Tồn tại, hạn chế"),
    ("causes.objective", "Nguyên nhân khách quan"),
    ("causes.subjective", "Nguyên nhân chủ quan"),
    ("lessons", "Bài học kinh nghiệm"),
    ("directions", "Phương hướng, nhiệm vụ kỳ tới (bổ sung)"),
    ("proposals", "Đề xuất, kiến nghị"),
)
NARRATIVE_HELP = (
    'Văn bản: mỗi dòng một đoạn; dòng bắt đầu bằng "- " là gạch đầu dòng, "+ " là ý nhỏ '
    "(Alt+Enter để xuống dòng trong ô)."
)


# --- writing -----------------------------------------------------------------------------


def plain_text(text: str, values: dict[str, str] | None = None, plan: Plan | None = None) -> str:
    """User text without inline marks, its placeholders written out."""
    targets = {t.id: t for t in iter_targets(plan)} if plan else None
    return "".join(r.text for r in text_runs(text, targets, values=values))


def narrative_text(blocks: list[Block]) -> str:
    """Narrative blocks as the text of one cell ("- " bullets, "+ " items), for pre-filling."""
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, str):
            lines.append(block)
        elif isinstance(block, Paragraph):
            lines.append(block.text)
        elif isinstance(block, Bullet):
            lines.append(f"- {block.bullet}")
            lines += [f"+ {i if isinstance(i, str) else i.text}" for i in block.items]
        elif isinstance(block, Subsection):
            lines.append(block.section)
            lines.append(narrative_text(block.content))
        # a table does not fit a cell: left out
    return "\n".join(line for line in lines if line)


def progress_workbook(plan: Plan) -> Workbook:
    """The progress workbook of ``plan``: pre-filled, protected, with drop-down lists."""
    book = new_workbook()
    _targets_sheet(book, plan)
    _tasks_sheet(book, plan)
    _budget_sheet(book, plan)
    _report_sheet(book, plan)
    snapshot = plan_snapshot(plan)
    info: dict[str, Any] = {"plan_year": plan.year, "digest": snapshot.digest}
    info |= {f"item {key}": value for key, value in snapshot.items.items()}
    add_meta_sheet(book, LAYOUT, VERSION, info)
    book[META_SHEET].sheet_state = "hidden"
    book.active = 0
    return book


def progress_workbook_bytes(plan: Plan) -> bytes:
    """The ``.xlsx`` bytes of :func:`progress_workbook` (same plan, same bytes)."""
    return workbook_bytes(progress_workbook(plan))


def _validation(kind: str, area: str, title: str, message: str, **kwargs: Any) -> DataValidation:
    rule = DataValidation(
        type=kind,
        allow_blank=True,
        showErrorMessage=True,
        errorTitle=title,
        error=message,
        **kwargs,
    )
    rule.add(area)
    return rule


def _targets_sheet(book: Workbook, plan: Plan) -> None:
    area_of: dict[str, str] = {}
    texts: dict[str, str] = {}
    for ref in plan_areas(plan):
        for target, text in targets_in(ref.area.content):
            area_of.setdefault(target.id, plain_text(ref.area.title, plan=plan))
            texts.setdefault(target.id, text)
    rows = [
        (
            t.id,
            area_of.get(t.id, ""),
            t.label or sentence_label(texts.get(t.id, ""), t),
            t.unit,
            t.quantity,
            None,
            None,
            None,
        )
        for t in iter_targets(plan)
    ]
    sheet = add_table_sheet(book, TARGETS, TARGET_COLS, rows)
    if rows:
        sheet.add_data_validation(
            _validation(
                "decimal",
                f"F2:F{len(rows) + 1}",
                "Số lượng không hợp lệ",
                "Nhập một số không âm (để trống nếu chưa có số liệu).",
                operator="greaterThanOrEqual",
                formula1="0",
            )
        )


def _tasks_sheet(book: Workbook, plan: Plan) -> None:
    quarters = task_quarter(plan)
    rows = []
    for task in iter_tasks(plan):
        values = {"count": count(task.count)} if task.count is not None else None
        text = plain_text(task.text, values, plan)
        rows.append(
            (task.id, roman(quarters[task.id]), text, task.lead, task.due, None, None, None)
        )
    sheet = add_table_sheet(book, TASKS, TASK_COLS, rows)
    if rows:
        last = len(rows) + 1
        labels = ",".join(STATUS_LABELS.values())
        sheet.add_data_validation(
            _validation(
                "list",
                f"F2:F{last}",
                "Tình trạng không hợp lệ",
                "Chọn tình trạng trong danh sách.",
                formula1=f'"{labels}"',
            )
        )
        sheet.add_data_validation(
            _validation(
                "date",
                f"G2:G{last}",
                "Ngày không hợp lệ",
                "Nhập ngày dạng dd/mm/yyyy.",
                operator="greaterThan",
                formula1="1",
            )
        )


def _budget_sheet(book: Workbook, plan: Plan) -> None:
    budget = plan.budget
    rows: list[tuple[Any, ...]] = []
    if budget is not None and budget.sources:
        rows = [
            (s.id or s.name, s.name, money_value(s.amount), None, None, None)
            for s in budget.sources
        ]
    elif budget is not None:
        amount = budget.year_amount if budget.year_amount is not None else budget.total
        rows = [
            (TOTAL_SOURCE, plain_text(budget.total_label), money_value(amount), None, None, None)
        ]
    add_table_sheet(book, BUDGET, BUDGET_COLS, rows)


def _report_sheet(book: Workbook, plan: Plan) -> None:
    rows: list[tuple[Any, ...]] = [(k, label, None, None) for k, label in _HEAD_ROWS]
    for ref in plan_areas(plan):
        group = "mục tiêu" if ref.group == "objectives" else "giải pháp"
        title = plain_text(ref.area.title, plan=plan)
        rows.append(
            ("results", f"Kết quả ({group} {ref.index}): {title}", None, ref.area.id or title)
        )
    rows += [(k, label, None, None) for k, label in _TAIL_ROWS]
    sheet = add_table_sheet(book, REPORT, REPORT_COLS, rows)
    for number, row in enumerate(rows, start=2):
        if row[0] in ("cutoff", "header.date"):
            sheet.cell(row=number, column=3).number_format = DATE_FORMAT
    labels = ",".join(p.label for p in PERIODS.values())
    sheet.add_data_validation(
        _validation(
            "list",
            "C2",
            "Kỳ báo cáo không hợp lệ",
            "Chọn kỳ báo cáo trong danh sách.",
            formula1=f'"{labels}"',
        )
    )
    sheet.cell(row=len(rows) + 3, column=2).value = NARRATIVE_HELP
    sheet.column_dimensions["A"].hidden = True
    sheet.column_dimensions["D"].hidden = True


# --- reading -----------------------------------------------------------------------------

Locate = Callable[[tuple[Any, ...]], Problem]
"""Where a progress field was read from, as a :class:`Problem` without a message."""

_UNION_TAGS = {"str", "text", "bullet", "section", "table", "item", "date", "PartialDate", "int"}


class _Cells:
    """Where each progress field was read: path → (sheet, row, column, header)."""

    def __init__(self) -> None:
        self.at: dict[tuple[Any, ...], tuple[str, int, int, str]] = {}

    def put(self, path: tuple[Any, ...], sheet: str, row: int, column: int, header: str) -> None:
        self.at[path] = (sheet, row, column, header)

    def locate(self, path: tuple[Any, ...]) -> Problem:
        """The cell of a field, else of its nearest parent (its row at least)."""
        found = tuple(p for p in path if not (isinstance(p, str) and p in _UNION_TAGS))
        while found and found not in self.at:
            found = found[:-1]
        if found not in self.at:
            return Problem(format_path(path), "", "")
        sheet, row, column, header = self.at[found]
        return Problem(f"{header} ({get_column_letter(column)}{row})", "", "", row, column, sheet)


def read_progress_sheet(source: SheetSource) -> tuple[Progress, Locate]:
    """Read a filled-in progress workbook.

    Returns the progress and a function giving the cell a progress field came from
    (to locate problems found later, such as unknown ids).

    Raises:
        InputError: naming the sheet, row and column of every problem.
    """
    book, name = open_workbook(source)
    meta = read_meta(book, name, LAYOUT, VERSION)
    problems = Problems(name)
    tables = {
        title: read_table(book, title, columns, problems)
        for title, columns in (
            (TARGETS, TARGET_COLS),
            (TASKS, TASK_COLS),
            (BUDGET, BUDGET_COLS),
            (REPORT, REPORT_COLS),
        )
    }
    problems.raise_if_any()
    cells = _Cells()
    data: dict[str, Any] = {}
    if meta.get("digest"):
        items = {
            key.removeprefix("item "): text_cell(value) or ""
            for key, value in meta.items()
            if key.startswith("item ")
        }
        data["generated_from"] = {"digest": str(meta["digest"]), "items": items}
    readers = (
        ("targets", TARGETS, TARGET_COLS, _target_entry),
        ("tasks", TASKS, TASK_COLS, _task_entry),
        ("budget", BUDGET, BUDGET_COLS, _budget_entry),
    )
    for field, title, columns, entry in readers:
        data[field] = _entries(tables[title] or [], title, columns, entry, cells, problems)
    _read_report(tables[REPORT] or [], data, cells, problems)
    problems.raise_if_any()
    try:
        progress = Progress.model_validate(data)
    except ValidationError as exc:
        raise InputError(name, _problems(exc, cells)) from None
    return progress, cells.locate


Entry = Callable[[dict[str, Any]], dict[str, Any]]


def _entries(
    rows: list[Any],
    title: str,
    columns: tuple[Column, ...],
    entry: Entry,
    cells: _Cells,
    problems: Problems,
) -> list[dict[str, Any]]:
    """One progress entry per row that has something filled in (others: not reported)."""
    out: list[dict[str, Any]] = []
    for row in rows:
        values = row.values
        if values[columns[0].key] is None:
            continue
        if all(_blank(values[c.key]) for c in columns if not c.locked):
            continue
        index = len(out)
        for number, column in enumerate(columns, start=1):
            cells.put((_FIELDS[title], index, column.key), title, row.number, number, column.title)
        cells.put((_FIELDS[title], index), title, row.number, 1, columns[0].title)
        try:
            out.append(entry(values))
        except _BadCell as bad:
            number = next(i for i, c in enumerate(columns, start=1) if c.key == bad.key)
            problems.add(
                title,
                bad.error.vi,
                bad.error.en,
                row=row.number,
                column=number,
                field=f"{columns[number - 1].title} ({get_column_letter(number)}{row.number})",
            )
    return out


_FIELDS = {TARGETS: "targets", TASKS: "tasks", BUDGET: "budget"}


class _BadCell(Exception):
    def __init__(self, key: str, error: CellError):
        self.key, self.error = key, error


def _convert(values: dict[str, Any], key: str, convert: Callable[[Any], Any]) -> Any:
    try:
        return convert(values[key])
    except CellError as error:
        raise _BadCell(key, error) from None


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _drop_none(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if v is not None}


def _target_entry(v: dict[str, Any]) -> dict[str, Any]:
    evidence = text_cell(v["evidence"])
    achieved = v["achieved"]  # the model reads numbers and text ("4,5"), never via float maths
    return _drop_none(
        {
            "id": text_cell(v["id"]),
            "achieved": None if _blank(achieved) else achieved,
            "notes": _text(v["notes"]),
            "evidence": [x.strip() for x in evidence.splitlines() if x.strip()]
            if evidence
            else None,
        }
    )


def _task_entry(v: dict[str, Any]) -> dict[str, Any]:
    return _drop_none(
        {
            "id": text_cell(v["id"]),
            "status": _text(v["status"]),
            "completed": _convert(v, "completed", date_cell),
            "notes": _text(v["notes"]),
        }
    )


def _budget_entry(v: dict[str, Any]) -> dict[str, Any]:
    return _drop_none(
        {
            "source": text_cell(v["source"]),
            "allocated": _convert(v, "allocated", money_cell),
            "spent": _convert(v, "spent", money_cell),
            "notes": _text(v["notes"]),
        }
    )


def _text(value: Any) -> str | None:
    text = text_cell(value)
    return text.strip() or None if text is not None else None


def _read_report(rows: list[Any], data: dict[str, Any], cells: _Cells, problems: Problems) -> None:
    results: list[dict[str, Any]] = []
    header: dict[str, Any] = {}
    causes: dict[str, Any] = {}
    for row in rows:
        key, title = row.values["key"], str(row.values["label"] or "")
        raw = row.values["value"]
        if not isinstance(key, str) or _blank(raw):
            continue
        try:
            if key in ("cutoff", "header.date"):
                value: Any = date_cell(raw)
            elif key == "header.number":
                value = raw
            else:
                value = _text(raw)
        except CellError as error:
            problems.add(
                REPORT,
                error.vi,
                error.en,
                row=row.number,
                column=3,
                field=f"{title} (C{row.number})",
            )
            continue
        if key == "results":
            cells.put(("results", len(results)), REPORT, row.number, 3, title)
            results.append({"area": text_cell(row.values["area"]), "content": value})
            continue
        first, _, second = key.partition(".")
        target = header if first == "header" else causes if first == "causes" else data
        target[second or first] = value
        cells.put((first, second) if second else (first,), REPORT, row.number, 3, title)
    if header:
        data["header"] = header
    if causes:
        data["causes"] = causes
    if results:
        data["results"] = results


def _problems(error: ValidationError, cells: _Cells) -> list[Problem]:
    problems: list[Problem] = []
    seen: set[tuple[Any, ...]] = set()
    for item in error.errors(include_url=False):
        where = cells.locate(tuple(item["loc"]))
        key = (where.sheet, where.line, where.column, where.field)
        if key in seen:
            continue
        seen.add(key)
        vi, en = word_error(dict(item))
        problems.append(Problem(where.field, vi, en, where.line, where.column, where.sheet))
    return problems


__all__ = [
    "BUDGET",
    "LAYOUT",
    "REPORT",
    "TARGETS",
    "TASKS",
    "VERSION",
    "Locate",
    "narrative_text",
    "plain_text",
    "progress_workbook",
    "progress_workbook_bytes",
    "read_progress_sheet",
]
