"""Reading the plan sheet back onto the plan: the workbook checked, then each sheet read.

Targets and tasks are read here, the budget in :mod:`kehoach.sheets.plan_import_budget`;
both go through :class:`~kehoach.sheets.plan_cell_reader.CellReader`, so an unedited cell
keeps the plan's value and every problem names its sheet, row and column.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from kehoach.loader import format_path
from kehoach.model import Plan
from kehoach.model.data import iter_target_data
from kehoach.model.placeholders import placeholders
from kehoach.sheets.plan_cell_reader import (
    CellReader,
    match_ids,
    raise_located,
    required_text,
    support_lines,
)
from kehoach.sheets.plan_import_budget import read_budget
from kehoach.sheets.plan_layout import (
    BUDGET,
    BUDGET_COLUMNS,
    LAYOUT,
    LINE_COLUMNS,
    LINES,
    SOURCE_COLUMNS,
    SOURCES,
    TARGET_COLUMNS,
    TARGETS,
    TASK_COLUMNS,
    TASKS,
    VERSION,
    target_cells,
    task_cells,
)
from kehoach.sheets.workbook import (
    CellError,
    Problems,
    SheetRow,
    SheetSource,
    bool_cell,
    date_cell,
    int_cell,
    open_workbook,
    read_meta,
    read_table,
    text_cell,
)
from kehoach.vi import KIND_LABELS


def read_plan_sheet(source: SheetSource, plan: Plan) -> Plan:
    """Read a workbook made by :func:`~kehoach.sheets.plan_write.plan_workbook` back onto ``plan``.

    Raises:
        InputError: naming the sheet, row and column of every problem: a moved or
            renamed column, an edited or missing id, a value of the wrong kind, a
            budget that no longer adds up…
    """
    book, name = open_workbook(source)
    meta = read_meta(book, name, LAYOUT, VERSION)
    problems = Problems(name)
    if str(meta.get("plan_year")) != str(plan.year):
        problems.add(
            "kehoach",
            f"bảng tính xuất từ kế hoạch năm {meta.get('plan_year')}, kế hoạch là năm "
            f"{plan.year}: xuất lại bảng tính từ kế hoạch này",
            f"the workbook was exported from the plan for {meta.get('plan_year')}, the plan "
            f"is for {plan.year}: export it again from this plan",
        )
        problems.raise_if_any()
    tables = {
        title: read_table(book, title, columns, problems)
        for title, columns in (
            (TARGETS, TARGET_COLUMNS),
            (TASKS, TASK_COLUMNS),
            (BUDGET, BUDGET_COLUMNS),
            (SOURCES, SOURCE_COLUMNS),
            (LINES, LINE_COLUMNS),
        )
    }
    problems.raise_if_any()
    data = plan.model_dump()
    reader = CellReader(problems)
    _read_targets(tables[TARGETS] or [], data, reader)
    _read_tasks(tables[TASKS] or [], data, reader)
    read_budget(tables, data, reader)
    problems.raise_if_any()
    try:
        return Plan.model_validate(data)
    except ValidationError as exc:
        raise_located(exc, reader, data)
    raise AssertionError("unreachable")  # pragma: no cover


_KIND_WORDS = {
    **{key: key for key in KIND_LABELS},
    **{label.casefold(): key for key, label in KIND_LABELS.items()},
    "one-off": "one_off",
    "hàng năm": "yearly",
    "cộng dồn": "cumulative",
    "tỉ lệ": "ratio",
}


def kind_cell(value: Any) -> str | None:
    """A target's kind from its label ("Hằng năm", "Cộng dồn", "Một lần", "Tỷ lệ") or key."""
    text = text_cell(value)
    if text is None or not text.strip():
        return None
    kind = _KIND_WORDS.get(" ".join(text.split()).casefold())
    if kind is None:
        raise CellError(
            f"'{text}' không phải loại chỉ tiêu (hằng năm, cộng dồn, một lần, tỷ lệ)",
            f"'{text}' is not a target kind (yearly, cumulative, one_off, ratio)",
        )
    return kind


def _read_targets(rows: list[SheetRow], data: dict[str, Any], reader: CellReader) -> None:
    places = list(iter_target_data(data))
    known = [t["id"] for _, t, _ in places]
    by_id = match_ids(TARGETS, rows, known, reader.problems, ("chỉ tiêu", "target"))
    for path, target, sentence in places:
        row = by_id.get(target["id"])
        if row is None:
            continue
        written = target_cells(target, sentence)
        prefix = format_path(path)
        for key, parse in (
            ("quantity", int_cell),
            ("unit", required_text),
            ("qualifier", text_cell),
            ("label", text_cell),
            ("kind", kind_cell),
        ):
            value = reader.value(
                TARGETS,
                TARGET_COLUMNS,
                row,
                key,
                written[key],
                target[key],
                parse,
                f"{prefix}.{key}",
            )
            if key == "quantity" and value is None:
                reader.problem(
                    TARGETS,
                    TARGET_COLUMNS,
                    row,
                    "quantity",
                    "thiếu số lượng của chỉ tiêu",
                    "the target's quantity is missing",
                )
                value = target[key]
            target[key] = value


def _read_tasks(rows: list[SheetRow], data: dict[str, Any], reader: CellReader) -> None:
    content = data.get("content") or {}
    schedule = content.get("tasks")
    if schedule is None:
        if rows:
            reader.problems.add(
                TASKS,
                "kế hoạch chưa có phần nhiệm vụ cụ thể theo quý: thêm trong tệp YAML",
                "the plan has no quarterly tasks: add them in the YAML file",
                row=rows[0].number,
            )
        return
    tasks = {t["id"]: (t, q["quarter"]) for q in schedule["quarters"] for t in q["tasks"]}
    by_id = match_ids(TASKS, rows, list(tasks), reader.problems, ("nhiệm vụ", "task"))
    target_ids = {t["id"] for _, t, _ in iter_target_data(data)}
    placed: dict[int, list[tuple[dict[str, Any], SheetRow]]] = {
        q["quarter"]: [] for q in schedule["quarters"]
    }
    for row in rows:
        item_id = text_cell(row.values["id"])
        if item_id is None or by_id.get(item_id.strip()) is not row:
            continue
        task, old_quarter = tasks[item_id.strip()]
        written = task_cells(task, old_quarter)
        quarter = reader.value(
            TASKS,
            TASK_COLUMNS,
            row,
            "quarter",
            written["quarter"],
            old_quarter,
            int_cell,
            f"@{row.number}.quarter",
        )
        if quarter not in (1, 2, 3, 4):
            reader.problem(
                TASKS,
                TASK_COLUMNS,
                row,
                "quarter",
                f"quý phải là 1, 2, 3 hoặc 4 (ô ghi '{row.values['quarter']}')",
                f"the quarter must be 1, 2, 3 or 4 (the cell holds '{row.values['quarter']}')",
            )
            quarter = old_quarter
        new = dict(task)
        for key, parse in (
            ("text", required_text),
            ("count", int_cell),
            ("unit", text_cell),
            ("lead", text_cell),
            ("support", support_lines),
            ("due", date_cell),
            ("recurring", bool_cell),
        ):
            new[key] = reader.value(
                TASKS,
                TASK_COLUMNS,
                row,
                key,
                written[key],
                task[key],
                parse,
                f"@{row.number}.{key}",
            )
        unknown = set(placeholders(new["text"])) - target_ids - {"count"}
        if unknown:
            reader.problem(
                TASKS,
                TASK_COLUMNS,
                row,
                "text",
                f"{{{sorted(unknown)[0]}}} trong nội dung không phải mã chỉ tiêu nào; viết \\{{ "
                "nếu muốn giữ dấu ngoặc",
                f"{{{sorted(unknown)[0]}}} in the text names no target; write \\{{ for a brace",
            )
        placed.setdefault(quarter, []).append((new, row))
    quarters = []
    by_row: dict[str, list[tuple[str, Any]]] = {}  # "@12" → its cells: linear, not rows × cells
    for key, place in reader.places.items():
        if key.startswith("@"):
            row_key, _, field = key.partition(".")
            by_row.setdefault(row_key, []).append((field, place))
    for qi, number in enumerate(sorted(placed)):
        entries = placed[number]
        old = next((q for q in schedule["quarters"] if q["quarter"] == number), None)
        quarters.append({**(old or {}), "quarter": number, "tasks": [t for t, _ in entries]})
        for ti, (_, row) in enumerate(entries):
            path = f"content.tasks.quarters[{qi}].tasks[{ti}]"
            for field, place in by_row.get(f"@{row.number}", []):
                reader.places[f"{path}.{field}"] = place
            reader.places[path] = (TASKS, row.number, 1, TASK_COLUMNS[0].title)
    schedule["quarters"] = quarters
