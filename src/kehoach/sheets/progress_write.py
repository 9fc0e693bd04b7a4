"""Write the progress spreadsheet of a plan: pre-filled, protected, with drop-down lists.

Ids and planned figures are locked (sheet protection without a password); the cells
to fill in are unlocked. The hidden "kehoach" sheet records the layout, its version and
the plan's fingerprint, so a report made later can warn that the plan has changed.
"""

from __future__ import annotations

from typing import Any

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from kehoach.compose.text import count_values, text_runs
from kehoach.model import (
    PERIODS,
    STATUS_LABELS,
    Block,
    Bullet,
    Paragraph,
    Plan,
    Subsection,
    iter_targets,
    iter_tasks,
    plan_budget,
    task_quarter,
)
from kehoach.report.areas import TOTAL_SOURCE, plan_areas
from kehoach.report.snapshot import plan_snapshot
from kehoach.report.target_labels import sentence_label, target_texts, targets_in
from kehoach.sheets.progress_layout import (
    BUDGET,
    BUDGET_COLS,
    DATE_FORMAT,
    HEAD_ROWS,
    LAYOUT,
    NARRATIVE_HELP,
    REPORT,
    REPORT_COLS,
    TAIL_ROWS,
    TARGET_COLS,
    TARGETS,
    TASK_COLS,
    TASKS,
    VERSION,
)
from kehoach.sheets.workbook import (
    META_SHEET,
    Column,
    add_meta_sheet,
    add_table_sheet,
    money_value,
    new_workbook,
    workbook_bytes,
)
from kehoach.vi import KIND_LABELS, roman


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
    for ref in plan_areas(plan):
        for target, _ in targets_in(ref.area.content):
            area_of[target.id] = plain_text(ref.area.title, plan=plan)
    texts = target_texts(plan)
    rows = [
        (
            t.id,
            area_of.get(t.id, ""),
            t.label or sentence_label(texts.get(t.id, ""), t),
            t.unit,
            t.quantity,
            KIND_LABELS[t.effective_kind],
            None,
            None,
            None,
        )
        for t in iter_targets(plan)
    ]
    sheet = add_table_sheet(book, TARGETS, TARGET_COLS, rows)
    if rows:
        achieved = _letter(TARGET_COLS, "achieved")
        sheet.add_data_validation(
            _validation(
                "decimal",
                f"{achieved}2:{achieved}{len(rows) + 1}",
                "Số lượng không hợp lệ",
                "Nhập một số không âm (để trống nếu chưa có số liệu).",
                operator="greaterThanOrEqual",
                formula1="0",
            )
        )


def _letter(columns: tuple[Column, ...], key: str) -> str:
    return str(get_column_letter(next(i for i, c in enumerate(columns, 1) if c.key == key)))


def _tasks_sheet(book: Workbook, plan: Plan) -> None:
    quarters = task_quarter(plan)
    rows = []
    for task in iter_tasks(plan):
        text = plain_text(task.text, count_values(task.text, task.count, task.unit), plan)
        # A dated deadline, else the time as the plan writes it ("Quý II/2027", "Thường xuyên").
        due = task.due or task.when
        rows.append((task.id, roman(quarters[task.id]), text, task.lead, due, None, None, None))
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
    budget = plan_budget(plan)
    rows: list[tuple[Any, ...]] = []
    if budget is not None and budget.sources:
        rows = [
            (s.id or s.name, s.name, _money(s.amount), None, None, None) for s in budget.sources
        ]
    elif budget is not None:
        amount = budget.year_amount if budget.year_amount is not None else budget.total
        rows = [(TOTAL_SOURCE, plain_text(budget.total_label), _money(amount), None, None, None)]
    add_table_sheet(book, BUDGET, BUDGET_COLS, rows)


def _money(amount: int | None) -> int | str | None:
    # A plan may leave an amount out: the cell stays blank for the office to fill.
    return None if amount is None else money_value(amount)


def _report_sheet(book: Workbook, plan: Plan) -> None:
    rows: list[tuple[Any, ...]] = [(k, label, None, None) for k, label in HEAD_ROWS]
    for ref in plan_areas(plan):
        group = {"objectives": "mục tiêu", "solutions": "giải pháp"}.get(ref.group, "mục")
        title = plain_text(ref.area.title, plan=plan)
        rows.append(
            ("results", f"Kết quả ({group} {ref.index}): {title}", None, ref.area.id or title)
        )
    rows += [(k, label, None, None) for k, label in TAIL_ROWS]
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


__all__ = ["narrative_text", "plain_text", "progress_workbook", "progress_workbook_bytes"]
